import { useState } from 'react';
import { App, Button, Card, Form, Input, Modal, Select, Space, Table } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { usePagedList, useResource } from '../../hooks';
import { post, query, type ApiError } from '../../api';
import { emptyText, LoadMore } from '../../components';
import { can, useSession } from '../session';
import type { Agency, Office, Person } from '../../types';
import { PageTitle } from '../../heading';

function NewPersonDialog({ open, onClose, agencies }: { open: boolean; onClose: () => void; agencies: Agency[] }) {
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm();
  const agencyId = Form.useWatch('agencyId', form) as string | undefined;
  const offices = useResource<{ items: Office[] }>(agencyId ? `/offices?agencyId=${agencyId}` : null);
  const save = async () => {
    const v = await form.validateFields();
    try {
      const created = await post<{ id: string }>('/people', {
        name: v.name,
        agencyId: v.agencyId,
        officeId: v.officeId ?? null,
        post: v.post,
        idNumber: v.idNumber || null,
        phone: v.phone || null,
        legalQualificationNo: v.legalQualificationNo || null,
      });
      void message.success('已新增人员');
      form.resetFields();
      onClose();
      navigate(`/console/people/${created.id}`);
    } catch (e) {
      void message.error((e as ApiError).message);
    }
  };
  return (
    <Modal title="新增人员" open={open} onOk={save} onCancel={onClose} okText="保存" cancelText="取消">
      <Form form={form} layout="vertical">
        <Form.Item name="name" label="姓名" rules={[{ required: true, message: '请输入姓名' }, { max: 50 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="agencyId" label="所属执法主体" rules={[{ required: true, message: '请选择执法主体' }]}>
          <Select options={agencies.map((a) => ({ value: a.id, label: a.name }))} />
        </Form.Item>
        <Form.Item name="officeId" label="科室/站所">
          <Select allowClear options={(offices.data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))} />
        </Form.Item>
        <Form.Item name="post" label="岗位" rules={[{ required: true, message: '请输入岗位' }, { max: 50 }]}>
          <Input />
        </Form.Item>
        <Form.Item name="idNumber" label="身份证号（不公开）" rules={[{ pattern: /^\d{17}[\dXx]$/, message: '身份证号须为 18 位' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="phone" label="联系电话（不公开）" rules={[{ pattern: /^[\d-]{7,20}$/, message: '电话号码格式不正确' }]}>
          <Input />
        </Form.Item>
        <Form.Item name="legalQualificationNo" label="法律职业资格证书编号（法制审核人员）">
          <Input />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export default function PeoplePage() {
  const me = useSession();
  const [q, setQ] = useState('');
  const [agencyId, setAgencyId] = useState<string>();
  const [adding, setAdding] = useState(false);
  const agencies = useResource<{ items: Agency[] }>('/agencies');
  const list = usePagedList<Person>(`/people${query({ q, agencyId, limit: 50 })}`);
  return (
    <Card
      title={<PageTitle>人员</PageTitle>}
      extra={
        can(me, 'org.manage') && (
          <Button type="primary" onClick={() => setAdding(true)}>
            新增人员
          </Button>
        )
      }
    >
      <Space style={{ marginBottom: 16 }} wrap>
        <Input.Search placeholder="按姓名查询" aria-label="按姓名查询" allowClear onSearch={setQ} style={{ width: 200 }} />
        <Select
          allowClear
          aria-label="按执法主体筛选"
          placeholder="全部执法主体"
          style={{ width: 280 }}
          value={agencyId}
          onChange={setAgencyId}
          options={(agencies.data?.items ?? []).map((a) => ({ value: a.id, label: a.name }))}
        />
      </Space>
      <Table<Person>
        rowKey="id"
        loading={list.loading}
        dataSource={list.items}
        pagination={false}
        locale={{ emptyText: emptyText('您的数据权限范围内没有人员') }}
        columns={[
          { title: '姓名', dataIndex: 'name', render: (n: string, p) => <Link to={`/console/people/${p.id}`}>{n}</Link> },
          { title: '执法主体', dataIndex: 'agencyName' },
          { title: '区划', dataIndex: 'regionName' },
          { title: '岗位', dataIndex: 'post' },
          { title: '法律职业资格', dataIndex: 'legalQualificationNo', render: (v: string | null) => v ?? '—' },
          { title: '状态', dataIndex: 'active', render: (a: boolean) => (a ? '在岗' : '停用') },
        ]}
      />
      <LoadMore next={list.next} loading={list.loading} onMore={list.more} />
      <NewPersonDialog
        open={adding}
        onClose={() => {
          setAdding(false);
          void list.reload();
        }}
        agencies={agencies.data?.items ?? []}
      />
    </Card>
  );
}
