import { useState } from 'react';
import {
  App,
  Button,
  Card,
  Descriptions,
  Drawer,
  Form,
  Input,
  InputNumber,
  Modal,
  Segmented,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { Link } from 'react-router-dom';
import { useResource, usePagedList } from '../../hooks';
import { post, put, query, type ApiError } from '../../api';
import { emptyText, LoadMore } from '../../components';
import { can, useSession } from '../session';
import type { PublicDecision, Redaction } from '../../../../src/modules/disclosure/masks';
import { DECISION_LABELS } from '../../decision-labels';

/** A publication as staff list it (GET /publications). */
interface PublicationItem {
  id: string;
  record: { type: string; id: string };
  status: 'pending' | 'released' | 'withdrawn';
  statusName: string;
  ruleTitle: string;
  categoryName: string;
  number: string | null;
  partyName: string;
  violationType: string;
  agency: { id: string; name: string };
  decidedOn: string;
  dueOn: string;
  releasedOn: string | null;
  withdrawalDue: string | null;
  withdrawnOn: string | null;
  overdue: boolean;
  overdueWhat: string | null;
}

interface PublicationView extends PublicationItem {
  publicView: PublicDecision;
  redactions: Redaction[];
  withdrawal: { kind: string; kindName: string; reason: string } | null;
}

const VIEWS = [
  { value: 'pending', label: '待公示', q: { status: 'pending' } },
  { value: 'overdue', label: '逾期', q: { overdue: '1' } },
  { value: 'released', label: '公示中', q: { status: 'released' } },
  { value: 'withdrawn', label: '已撤回', q: { status: 'withdrawn' } },
  { value: 'all', label: '全部', q: {} },
] as const;

const STATUS_COLOR = { pending: 'gold', released: 'green', withdrawn: 'default' } as const;

const WITHDRAWAL_OPTIONS = [
  { value: 'changed', label: '变更' },
  { value: 'revoked', label: '撤销' },
  { value: 'unlawful', label: '确认违法' },
  { value: 'void', label: '确认无效' },
  { value: 'other', label: '其他' },
];
const FIELD_OPTIONS = [
  { value: 'party', label: '当事人' },
  { value: 'violationType', label: '违法行为类型' },
  { value: 'penalty', label: '处罚内容' },
  { value: 'basis', label: '处罚依据' },
];

/** 行政执法决定公示 for staff: what is due and overdue, review and release, redaction, withdrawal, display periods. */
export default function PublicationsPage() {
  const me = useSession();
  const { message } = App.useApp();
  const [view, setView] = useState<(typeof VIEWS)[number]['value']>('pending');
  const [openId, setOpenId] = useState<string | null>(null);
  const list = usePagedList<PublicationItem>(`/publications${query({ ...VIEWS.find((v) => v.value === view)!.q, limit: 50 })}`);
  const publish = can(me, 'disclosure.publish');
  const refresh = () => void list.reload();
  const release = async (id: string) => {
    try {
      await post(`/publications/${id}/release`);
      void message.success('已发布公示');
      refresh();
    } catch (e) {
      void message.error((e as ApiError).message);
    }
  };
  return (
    <Card title="行政执法决定公示" extra={<Typography.Text type="secondary">作出行政处罚决定之日起 7 个工作日内公示</Typography.Text>}>
      <Segmented
        options={VIEWS.map((v) => ({ value: v.value, label: v.label }))}
        value={view}
        onChange={(v) => setView(v as typeof view)}
        style={{ marginBottom: 16 }}
      />
      <Table<PublicationItem>
        rowKey="id"
        loading={list.loading}
        dataSource={list.items}
        pagination={false}
        scroll={{ x: 1000 }}
        locale={{ emptyText: emptyText('没有符合条件的公示事项') }}
        columns={[
          { title: '决定书文号', render: (_, p) => <Link to={`/console/penalty-cases/${p.record.id}`}>{p.number ?? '（无文号）'}</Link> },
          { title: '决定类别', dataIndex: 'categoryName' },
          { title: '当事人', dataIndex: 'partyName' },
          { title: '违法行为类型', dataIndex: 'violationType' },
          { title: '决定日期', dataIndex: 'decidedOn' },
          {
            title: '公示期限',
            render: (_, p) => (
              <Space size={4} wrap>
                <span>{p.withdrawalDue && p.status !== 'withdrawn' ? `撤回期限 ${p.withdrawalDue}` : p.dueOn}</span>
                {p.overdue && <Tag color="red">{p.overdueWhat}</Tag>}
              </Space>
            ),
          },
          { title: '状态', render: (_, p) => <Tag color={STATUS_COLOR[p.status]}>{p.statusName}</Tag> },
          {
            title: '操作',
            render: (_, p) => (
              <Space wrap>
                <Button size="small" onClick={() => setOpenId(p.id)}>
                  审核
                </Button>
                {publish && p.status === 'pending' && (
                  <Button size="small" type="primary" onClick={() => release(p.id)} data-testid={`release-${p.id}`}>
                    发布
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <LoadMore next={list.next} loading={list.loading} onMore={list.more} />
      {openId && <PublicationDrawer id={openId} publish={publish} onClose={() => setOpenId(null)} onChanged={refresh} />}
      {can(me, 'disclosure.settings') && <RetentionCard />}
    </Card>
  );
}

function PublicationDrawer({
  id,
  publish,
  onClose,
  onChanged,
}: {
  id: string;
  publish: boolean;
  onClose: () => void;
  onChanged: () => void;
}) {
  const { message } = App.useApp();
  const p = useResource<PublicationView>(`/publications/${id}`);
  const [dialog, setDialog] = useState<'redact' | 'withdraw' | null>(null);
  const [form] = Form.useForm();
  const submit = async () => {
    const v = await form.validateFields();
    try {
      if (dialog === 'redact')
        await post(`/publications/${id}/redactions`, { field: v.field, text: v.text?.trim() || null, reason: v.reason });
      else await post(`/publications/${id}/withdraw`, { kind: v.kind, reason: v.reason });
      void message.success(dialog === 'redact' ? '已遮盖' : '已撤回公示');
      setDialog(null);
      form.resetFields();
      void p.reload();
      onChanged();
    } catch (e) {
      void message.error((e as ApiError).message);
    }
  };
  const x = p.data;
  const shown = x?.publicView;
  return (
    <Drawer open title="公示事项审核" size={640} onClose={onClose}>
      {x && shown && (
        <>
          <Typography.Paragraph>
            <Tag color={STATUS_COLOR[x.status]}>{x.statusName}</Tag> {x.ruleTitle}：应于 {x.dueOn} 前公示
            {x.releasedOn && `，已于 ${x.releasedOn} 发布`}
          </Typography.Paragraph>
          <Typography.Title level={2} style={{ fontSize: 16 }}>
            公众看到的内容
          </Typography.Title>
          <Descriptions column={1} bordered size="small" data-testid="public-preview">
            <Descriptions.Item label="决定类别">{shown.categoryName}</Descriptions.Item>
            <Descriptions.Item label="决定书文号">{shown.number ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="当事人">{shown.party.name}</Descriptions.Item>
            {shown.party.representative && <Descriptions.Item label="法定代表人">{shown.party.representative}</Descriptions.Item>}
            <Descriptions.Item label="违法行为类型">{shown.violationType}</Descriptions.Item>
            <Descriptions.Item label={DECISION_LABELS[shown.category].conclusion}>{shown.penalty}</Descriptions.Item>
            <Descriptions.Item label={DECISION_LABELS[shown.category].basis}>{shown.basis}</Descriptions.Item>
            <Descriptions.Item label="执法机关">{shown.agency.name}</Descriptions.Item>
            <Descriptions.Item label="决定日期">{shown.decidedOn}</Descriptions.Item>
          </Descriptions>
          <Typography.Paragraph type="secondary" style={{ marginTop: 8 }}>
            自然人姓名按“张某某”公开；身份证号、电话、住址及未成年人身份一律不公开。
          </Typography.Paragraph>
          {x.withdrawal && (
            <Typography.Paragraph>
              已撤回（{x.withdrawal.kindName}）：{x.withdrawal.reason}
            </Typography.Paragraph>
          )}
          {x.redactions.length > 0 && (
            <>
              <Typography.Title level={2} style={{ fontSize: 16 }}>
                人工遮盖记录
              </Typography.Title>
              <ul>
                {x.redactions.map((r) => (
                  <li key={`${r.on}|${r.field}|${r.text}|${r.reason}`}>
                    {r.on} {r.editor.name} 遮盖 {FIELD_OPTIONS.find((f) => f.value === r.field)?.label}
                    {r.text ? `中的“${r.text}”` : '整个字段'}；理由：{r.reason}
                  </li>
                ))}
              </ul>
            </>
          )}
          {publish && x.status !== 'withdrawn' && (
            <Space style={{ marginTop: 16 }}>
              <Button onClick={() => setDialog('redact')}>人工遮盖</Button>
              {/* The theme's error text red: antd's default danger red is below 4.5:1 on white. */}
              <Button danger style={{ color: '#a8071a', borderColor: '#a8071a' }} onClick={() => setDialog('withdraw')}>
                撤回公示
              </Button>
            </Space>
          )}
        </>
      )}
      <Modal
        open={dialog !== null}
        title={dialog === 'redact' ? '人工遮盖' : '撤回公示'}
        okText="确定"
        cancelText="取消"
        onOk={submit}
        onCancel={() => setDialog(null)}
      >
        <Form form={form} layout="vertical">
          {dialog === 'redact' ? (
            <>
              <Form.Item name="field" label="遮盖的字段" rules={[{ required: true, message: '请选择字段' }]}>
                <Select options={FIELD_OPTIONS} />
              </Form.Item>
              <Form.Item name="text" label="遮盖的文字" extra="不填则遮盖整个字段">
                <Input maxLength={100} />
              </Form.Item>
            </>
          ) : (
            <Form.Item name="kind" label="撤回原因" rules={[{ required: true, message: '请选择撤回原因' }]}>
              <Select options={WITHDRAWAL_OPTIONS} />
            </Form.Item>
          )}
          <Form.Item
            name="reason"
            label={dialog === 'redact' ? '遮盖理由' : '撤回说明'}
            rules={[{ required: true, whitespace: true, message: '必须写明理由' }]}
          >
            <Input.TextArea rows={3} maxLength={500} />
          </Form.Item>
        </Form>
      </Modal>
    </Drawer>
  );
}

function RetentionCard() {
  const { message } = App.useApp();
  const r = useResource<{ natural: number; organisation: number }>('/publications/settings');
  const [form] = Form.useForm();
  if (!r.data) return null;
  const save = async () => {
    try {
      await put('/publications/settings', await form.validateFields());
      void message.success('展示期限已保存');
      void r.reload();
    } catch (e) {
      if ((e as ApiError).message) void message.error((e as ApiError).message);
    }
  };
  return (
    <Card type="inner" title="公示展示期限" style={{ marginTop: 24 }}>
      <Form form={form} layout="inline" initialValues={r.data} onFinish={save}>
        <Form.Item name="natural" label="自然人（月）" rules={[{ required: true }]}>
          <InputNumber min={1} max={120} />
        </Form.Item>
        <Form.Item name="organisation" label="法人或者其他组织（月）" rules={[{ required: true }]}>
          <InputNumber min={1} max={120} />
        </Form.Item>
        <Button htmlType="submit">保存</Button>
      </Form>
    </Card>
  );
}
