import { useState } from 'react';
import { App, Button, Card, DatePicker, Descriptions, Form, Input, InputNumber, Modal, Select, Space, Table } from 'antd';
import type { Dayjs } from 'dayjs';
import { useParams } from 'react-router-dom';
import { useResource } from '../../hooks';
import { patch, post, type ApiError } from '../../api';
import { emptyText, ErrorResult, StandingTag } from '../../components';
import { can, useSession } from '../session';
import type { Certificate, Person } from '../../types';
import { PageTitle } from '../../heading';

const REVIEWS = [
  { value: 'passed', label: '已通过' },
  { value: 'pending', label: '待年审' },
  { value: 'failed', label: '未通过' },
];
const STATES = [
  { value: 'valid', label: '有效' },
  { value: 'suspended', label: '暂扣' },
  { value: 'revoked', label: '注销' },
];

function NewCertificateDialog({ person, open, onClose }: { person: Person; open: boolean; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const save = async () => {
    const v = await form.validateFields();
    try {
      await post('/certificates', {
        personId: person.id,
        number: v.number,
        field: v.field,
        area: v.area,
        annualReview: v.annualReview,
        issuedOn: (v.issuedOn as Dayjs).format('YYYY-MM-DD'),
        expiresOn: (v.expiresOn as Dayjs).format('YYYY-MM-DD'),
        ...(v.annualReviewYear ? { annualReviewYear: v.annualReviewYear } : {}),
      });
      void message.success('已登记执法证');
      form.resetFields();
      onClose();
    } catch (e) {
      void message.error((e as ApiError).message);
    }
  };
  return (
    <Modal title={`为 ${person.name} 登记执法证`} open={open} onOk={save} onCancel={onClose} okText="保存" cancelText="取消">
      <Form form={form} layout="vertical" initialValues={{ annualReview: 'passed', field: '综合行政执法' }}>
        <Form.Item
          name="number"
          label="执法证号"
          rules={[
            { required: true, message: '请输入执法证号' },
            { pattern: /^[A-Za-z0-9-]{4,40}$/, message: '字母、数字和连字符，4–40 位' },
          ]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="field" label="执法类别" rules={[{ required: true, message: '请输入执法类别' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="area" label="执法区域" rules={[{ required: true, message: '请输入执法区域' }]}>
          <Input />
        </Form.Item>
        <Space>
          <Form.Item name="issuedOn" label="发证日期" rules={[{ required: true, message: '请选择' }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item
            name="expiresOn"
            label="有效期至"
            dependencies={['issuedOn']}
            rules={[
              { required: true, message: '请选择' },
              ({ getFieldValue }) => ({
                validator: (_, v?: Dayjs) =>
                  !v || !getFieldValue('issuedOn') || v.isAfter(getFieldValue('issuedOn'))
                    ? Promise.resolve()
                    : Promise.reject(new Error('须晚于发证日期')),
              }),
            ]}
          >
            <DatePicker />
          </Form.Item>
        </Space>
        <Space>
          <Form.Item name="annualReview" label="年审状态">
            <Select style={{ width: 120 }} options={REVIEWS} />
          </Form.Item>
          <Form.Item name="annualReviewYear" label="年审年度">
            <InputNumber min={2000} max={2100} />
          </Form.Item>
        </Space>
      </Form>
    </Modal>
  );
}

function ChangeCertificateDialog({ cert, onClose }: { cert: Certificate | undefined; onClose: () => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const save = async () => {
    const v = await form.validateFields();
    try {
      await patch(`/certificates/${cert!.id}`, { state: v.state, annualReview: v.annualReview, reason: v.reason });
      void message.success('已变更');
      onClose();
    } catch (e) {
      void message.error((e as ApiError).message);
    }
  };
  return (
    <Modal
      title={`变更执法证 ${cert?.number ?? ''}`}
      open={Boolean(cert)}
      onOk={save}
      onCancel={onClose}
      okText="保存"
      cancelText="取消"
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ state: cert?.state, annualReview: cert?.annualReview }}>
        <Form.Item name="state" label="证件状态">
          <Select options={STATES} />
        </Form.Item>
        <Form.Item name="annualReview" label="年审状态">
          <Select options={REVIEWS} />
        </Form.Item>
        <Form.Item name="reason" label="变更原因" rules={[{ required: true, message: '请说明变更原因' }]}>
          <Input.TextArea rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function PersonPage() {
  const { id } = useParams();
  const me = useSession();
  const { data: p, error, loading, reload } = useResource<Person>(`/people/${id}`);
  const [adding, setAdding] = useState(false);
  const [changing, setChanging] = useState<Certificate>();
  if (error) return <ErrorResult error={error} />;
  if (!p) return <Card loading={loading} />;
  const manage = can(me, 'certificate.manage');
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card title={<PageTitle>人员：{p.name}</PageTitle>}>
        <Descriptions column={2} bordered size="small">
          <Descriptions.Item label="执法主体">{p.agencyName}</Descriptions.Item>
          <Descriptions.Item label="区划">{p.regionName}</Descriptions.Item>
          <Descriptions.Item label="岗位">{p.post}</Descriptions.Item>
          <Descriptions.Item label="法律职业资格">{p.legalQualificationNo ?? '—'}</Descriptions.Item>
          {'idNumber' in p && <Descriptions.Item label="身份证号">{p.idNumber ?? '—'}</Descriptions.Item>}
          {'phone' in p && <Descriptions.Item label="联系电话">{p.phone ?? '—'}</Descriptions.Item>}
        </Descriptions>
      </Card>
      <Card
        title="行政执法证件"
        extra={
          manage && (
            <Button type="primary" onClick={() => setAdding(true)}>
              登记执法证
            </Button>
          )
        }
      >
        <Table<Certificate>
          rowKey="id"
          dataSource={p.certificates ?? []}
          pagination={false}
          locale={{ emptyText: emptyText('未持有行政执法证件') }}
          columns={[
            { title: '执法证号', dataIndex: 'number' },
            { title: '执法类别', dataIndex: 'field' },
            { title: '执法区域', dataIndex: 'area' },
            { title: '有效期', render: (_, c) => `${c.issuedOn} 至 ${c.expiresOn}` },
            { title: '年审', dataIndex: 'annualReview', render: (r: string) => REVIEWS.find((x) => x.value === r)?.label },
            { title: '状态', render: (_, c) => <StandingTag standing={c.standing} daysLeft={c.daysLeft} /> },
            ...(manage
              ? [
                  {
                    title: '操作',
                    render: (_: unknown, c: Certificate) =>
                      c.state !== 'revoked' && (
                        <Button size="small" onClick={() => setChanging(c)}>
                          变更
                        </Button>
                      ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
      <NewCertificateDialog
        person={p}
        open={adding}
        onClose={() => {
          setAdding(false);
          void reload();
        }}
      />
      <ChangeCertificateDialog
        cert={changing}
        onClose={() => {
          setChanging(undefined);
          void reload();
        }}
      />
    </Space>
  );
}
