import { useState } from 'react';
import { App, Button, Card, Input, Select, Space, Table, Tabs, Tag } from 'antd';
import { Link, useNavigate } from 'react-router-dom';
import { post, query } from '../../api';
import { usePagedList, useResource } from '../../hooks';
import { emptyText, LoadMore } from '../../components';
import { can, useSession } from '../session';
import { ActionForm } from './ActionForm';
import { useFormContext } from './useFormContext';
import { yuan, type CaseListItem, type CaseView, type Dictionaries } from './types';

const QUEUES = [
  { key: 'mine', label: '我的案件' },
  { key: 'approve', label: '待审批' },
  { key: 'review', label: '待法制审核' },
  { key: 'serve', label: '待送达' },
  { key: 'overdue', label: '已超期' },
  { key: 'all', label: '全部' },
] as const;

export const DUE_COLORS = { ok: 'green', warning: 'orange', overdue: 'red', met: 'default' } as const;
export const DUE_TEXT = { ok: '正常', warning: '即将到期', overdue: '已超期', met: '已完成' } as const;

export default function PenaltyCasesPage() {
  const me = useSession();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const [queue, setQueue] = useState<string>(me.roles.some((r) => r.id === 'supervisor') ? 'all' : me.roles.some((r) => r.id === 'legal_reviewer') ? 'review' : 'mine');
  const [status, setStatus] = useState<string>();
  const [q, setQ] = useState('');
  const [opening, setOpening] = useState<'penalty.register' | 'penalty.on-the-spot' | null>(null);
  const dict = useResource<Dictionaries>('/penalty-cases/dictionaries');
  const list = usePagedList<CaseListItem>(`/penalty-cases${query({ queue: queue === 'all' ? undefined : queue, status, q, limit: 50 })}`);
  const ctx = useFormContext(me.user.agencyId, null);
  const openSpec = dict.data?.actions.find((a) => a.type === opening);
  return (
    <Card title="行政处罚案件" extra={can(me, 'penalty.act') && (
      <Space>
        <Button type="primary" onClick={() => setOpening('penalty.register')} data-testid="register-case">登记案源</Button>
        <Button onClick={() => setOpening('penalty.on-the-spot')} data-testid="on-the-spot">当场处罚（简易程序）</Button>
      </Space>
    )}>
      <Tabs activeKey={queue} onChange={setQueue} items={QUEUES.map((x) => ({ key: x.key, label: x.label }))} />
      <Space style={{ marginBottom: 16 }} wrap>
        <Input.Search placeholder="检索当事人、案情、文号" allowClear onSearch={setQ} style={{ width: 260 }} />
        <Select allowClear placeholder="全部状态" style={{ width: 160 }} value={status} onChange={setStatus}
          options={Object.entries(dict.data?.statuses ?? {}).map(([value, label]) => ({ value, label }))} />
      </Space>
      <Table<CaseListItem>
        rowKey="id" loading={list.loading} dataSource={list.items} pagination={false} scroll={{ x: 900 }}
        locale={{ emptyText: emptyText('没有符合条件的案件') }}
        columns={[
          { title: '当事人', dataIndex: 'partyName', render: (n: string, c) => <Link to={`/console/penalty-cases/${c.id}`}>{n}</Link> },
          { title: '程序', dataIndex: 'procedure', render: (p: string) => dict.data?.procedures[p] ?? p },
          { title: '状态', dataIndex: 'statusName', render: (s: string, c) => <Space size={4}><Tag>{s}</Tag>{c.suspended && <Tag color="purple">中止</Tag>}{c.major && <Tag color="gold">重大</Tag>}</Space> },
          { title: '登记日期', dataIndex: 'registeredOn' },
          { title: '决定书文号', dataIndex: 'decisionNumber', render: (v: string | null) => v ?? '—' },
          { title: '罚款（元）', dataIndex: 'fineFen', render: (f: number) => (f ? yuan(f) : '—') },
          { title: '最近期限', dataIndex: 'nextDue', render: (d: string | null, c) => (d ? <Tag color={DUE_COLORS[c.dueState ?? 'ok']} data-due={c.dueState}>{d} {DUE_TEXT[c.dueState ?? 'ok']}</Tag> : '—') },
        ]}
      />
      <LoadMore next={list.next} loading={list.loading} onMore={list.more} />
      {openSpec && ctx && (
        <ActionForm title={openSpec.title} schema={openSpec.schema} ctx={ctx} open={!!opening} onCancel={() => setOpening(null)}
          onSubmit={async (payload) => {
            const created = await post<CaseView>('/penalty-cases', { type: opening, payload });
            void message.success(opening === 'penalty.register' ? '案源已登记' : '当场处罚决定已作出');
            setOpening(null);
            navigate(`/console/penalty-cases/${created.id}`);
          }} />
      )}
    </Card>
  );
}

