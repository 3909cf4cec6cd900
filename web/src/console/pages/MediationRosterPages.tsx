/**
 * 平安志愿者 (the roster and its activities) and 人民调解员 (each mediator's committees,
 * qualifications and training, warned when none in a year: 人民调解法 Art 14), each a list of
 * the reader's area with the forms that add to it.
 */
import { useRef, useState } from 'react';
import { Alert, App, Button, Card, Form, Input, InputNumber, Modal, Select, Space, Table, Tag } from 'antd';
import { type ApiError, post } from '../../api';
import { useResource, usePagedList } from '../../hooks';
import { ErrorResult, LoadMore, emptyText } from '../../components';
import { PageTitle } from '../../heading';
import { ActionErrorAlert } from '../../ActionErrorAlert';
import { can, useSession } from '../session';

interface Volunteer {
  id: string;
  name: string;
  phone: string | null;
  regionName: string;
  joinedOn: string;
  leftOn: string | null;
  leftReason: string | null;
  activities: number;
}
interface Activity {
  id: string;
  kindName: string;
  heldOn: string;
  place: string;
  summary: string;
  volunteers: string[];
}
interface Mediator {
  personId: string;
  name: string;
  committees: string[];
  qualifications: { kindName: string; title: string; issuer: string; issuedOn: string; number: string | null }[];
  trainings: { heldOn: string; organiser: string; topic: string; hours: number }[];
  recentHours: number;
  warnings: { message: string; citation: string }[];
}

const required = [{ required: true, message: '必填' }];
const useToday = () => useResource<{ today: string }>('/disputes/dictionaries').data?.today;

/** A form in a modal: one idempotency key per opening, the server's refusal shown, reset when closed. */
function FormModal({
  title,
  open,
  onClose,
  submit,
  initialValues,
  children,
}: {
  title: string;
  open: boolean;
  onClose: (done: boolean) => void;
  submit: (values: Record<string, unknown>, key: string) => Promise<unknown>;
  initialValues?: Record<string, unknown>;
  children: React.ReactNode;
}) {
  const [form] = Form.useForm();
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const key = useRef(crypto.randomUUID());
  return (
    <Modal
      title={title}
      open={open}
      okText="提交"
      cancelText="取消"
      confirmLoading={busy}
      afterClose={() => {
        form.resetFields();
        setError(undefined);
        key.current = crypto.randomUUID();
      }}
      onCancel={() => onClose(false)}
      onOk={async () => {
        const values = await form.validateFields();
        setBusy(true);
        try {
          await submit(values, key.current);
          onClose(true);
        } catch (e) {
          setError(e as ApiError);
        } finally {
          setBusy(false);
        }
      }}
    >
      {error && <ActionErrorAlert error={error} />}
      <Form form={form} layout="vertical" initialValues={initialValues}>
        {children}
      </Form>
    </Modal>
  );
}

export function MediationVolunteersPage() {
  // The active roster by default; those who left stay in the history (名册: 已退出 / 全部).
  const [standing, setStanding] = useState<'active' | 'left' | 'all'>('active');
  const volunteers = usePagedList<Volunteer>(`/mediation-volunteers?limit=50&standing=${standing}`);
  const active = usePagedList<Volunteer>('/mediation-volunteers?limit=200&standing=active');
  const roster = can(useSession(), 'mediation.roster');
  const [leaving, setLeaving] = useState<Volunteer | null>(null);
  const activities = usePagedList<Activity>('/mediation-volunteer-activities?limit=20');
  const regions = useResource<{ items: { id: string; name: string; level: string }[] }>('/regions');
  const today = useToday();
  const [dialog, setDialog] = useState<'volunteer' | 'activity' | null>(null);
  const { message } = App.useApp();
  const done = (ok: boolean) => {
    setDialog(null);
    setLeaving(null);
    if (ok) {
      void message.success('已保存');
      void volunteers.reload();
      void active.reload();
      void activities.reload();
    }
  };
  if (volunteers.error && volunteers.items.length === 0) return <ErrorResult error={volunteers.error} />;
  // Volunteers serve a village (or 社区).
  const regionList = (regions.data?.items ?? []).filter((r) => r.level === 'village');
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="large">
      <Card
        title={<PageTitle>平安志愿者</PageTitle>}
        extra={
          <Space>
            <Select
              aria-label="名册"
              value={standing}
              onChange={setStanding}
              style={{ width: 110 }}
              options={[
                { value: 'active', label: '在册' },
                { value: 'left', label: '已退出' },
                { value: 'all', label: '全部' },
              ]}
            />
            <Button onClick={() => setDialog('volunteer')}>登记志愿者</Button>
            <Button type="primary" onClick={() => setDialog('activity')}>
              登记活动
            </Button>
          </Space>
        }
      >
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          loading={volunteers.loading}
          dataSource={volunteers.items}
          locale={{ emptyText: emptyText('尚无平安志愿者') }}
          columns={[
            { title: '姓名', dataIndex: 'name', key: 'name' },
            { title: '村（社区）', dataIndex: 'regionName', key: 'region' },
            { title: '联系电话', dataIndex: 'phone', key: 'phone', render: (v: string | null) => v ?? '—' },
            { title: '加入日期', dataIndex: 'joinedOn', key: 'joinedOn' },
            { title: '参加活动', dataIndex: 'activities', key: 'activities', render: (v: number) => `${v} 次` },
            {
              title: '退出',
              key: 'left',
              render: (_: unknown, v: Volunteer) =>
                v.leftOn ? (
                  <Tag>{`${v.leftOn} 退出：${v.leftReason ?? ''}`}</Tag>
                ) : roster ? (
                  <Button size="small" onClick={() => setLeaving(v)}>
                    退出
                  </Button>
                ) : (
                  '在册'
                ),
            },
          ]}
        />
        <LoadMore next={volunteers.next} loading={volunteers.loading} onMore={volunteers.more} />
      </Card>
      <Card title={<h2 style={{ fontSize: 16, margin: 0 }}>志愿者活动（巡逻、排查、宣传）</h2>}>
        <Table
          rowKey="id"
          size="small"
          pagination={false}
          loading={activities.loading}
          dataSource={activities.items}
          locale={{ emptyText: emptyText('尚无活动记录') }}
          columns={[
            { title: '日期', dataIndex: 'heldOn', key: 'heldOn' },
            { title: '类型', dataIndex: 'kindName', key: 'kind' },
            { title: '地点', dataIndex: 'place', key: 'place' },
            { title: '参加人员', key: 'volunteers', render: (_: unknown, a: Activity) => a.volunteers.join('、') },
            { title: '活动情况', dataIndex: 'summary', key: 'summary' },
          ]}
        />
        <LoadMore next={activities.next} loading={activities.loading} onMore={activities.more} />
      </Card>
      <FormModal
        title="登记平安志愿者"
        open={dialog === 'volunteer'}
        onClose={done}
        initialValues={{ joinedOn: today }}
        submit={(v, key) => post('/mediation-volunteers', { ...v, phone: v.phone || null, groupId: null }, { idempotencyKey: key })}
      >
        <Form.Item name="name" label="姓名" rules={required}>
          <Input maxLength={30} />
        </Form.Item>
        <Form.Item name="phone" label="联系电话">
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item name="regionId" label="所在村（社区）" rules={required}>
          <Select showSearch optionFilterProp="label" options={regionList.map((r) => ({ value: r.id, label: r.name }))} />
        </Form.Item>
        <Form.Item name="joinedOn" label="加入日期" rules={required}>
          <Input type="date" max={today} />
        </Form.Item>
      </FormModal>
      <FormModal
        title="登记平安志愿者活动"
        open={dialog === 'activity'}
        onClose={done}
        initialValues={{ kind: 'patrol', heldOn: today }}
        submit={(v, key) => post('/mediation-volunteer-activities', v, { idempotencyKey: key })}
      >
        <Form.Item name="kind" label="活动类型" rules={required}>
          <Select
            options={[
              { value: 'patrol', label: '治安巡逻' },
              { value: 'screening', label: '矛盾纠纷排查' },
              { value: 'publicity', label: '法治宣传' },
            ]}
          />
        </Form.Item>
        <Form.Item name="heldOn" label="活动日期" rules={required}>
          <Input type="date" max={today} />
        </Form.Item>
        <Form.Item name="place" label="地点" rules={required}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="volunteerIds" label="参加的志愿者（同一村）" rules={required}>
          <Select
            mode="multiple"
            optionFilterProp="label"
            options={active.items.map((x) => ({ value: x.id, label: `${x.name}（${x.regionName}）` }))}
          />
        </Form.Item>
        <Form.Item name="summary" label="活动情况" rules={required}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </FormModal>
      <FormModal
        title={`平安志愿者退出：${leaving?.name ?? ''}`}
        open={leaving !== null}
        onClose={done}
        initialValues={{ leftOn: today }}
        submit={(v, key) => post(`/mediation-volunteers/${leaving?.id ?? ''}/leave`, v, { idempotencyKey: key })}
      >
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 12 }}
          message="退出后保留在名册历史中，不再列入在册名单，也不能登记参加此后的活动。"
        />
        <Form.Item name="leftOn" label="退出日期" rules={required}>
          <Input type="date" max={today} />
        </Form.Item>
        <Form.Item name="reason" label="退出原因" rules={required}>
          <Input.TextArea rows={2} maxLength={500} />
        </Form.Item>
      </FormModal>
    </Space>
  );
}

export function MediatorsPage() {
  const { data, error, reload } = useResource<{ items: Mediator[] }>('/mediators');
  // The 司法所 records qualifications and training; others read them.
  const manages = can(useSession(), 'mediation.committee.manage');
  const today = useToday();
  const [dialog, setDialog] = useState<{ kind: 'qualification' | 'training'; m: Mediator } | null>(null);
  const { message } = App.useApp();
  const done = (ok: boolean) => {
    setDialog(null);
    if (ok) {
      void message.success('已保存');
      void reload();
    }
  };
  if (error) return <ErrorResult error={error} />;
  const m = dialog?.m;
  return (
    <Card title={<PageTitle>人民调解员</PageTitle>}>
      <Table
        rowKey="personId"
        size="small"
        pagination={false}
        loading={!data}
        dataSource={data?.items ?? []}
        locale={{ emptyText: emptyText('尚无人民调解员') }}
        columns={[
          { title: '姓名', dataIndex: 'name', key: 'name' },
          { title: '所在调解委员会', key: 'committees', render: (_: unknown, x: Mediator) => x.committees.join('、') },
          {
            title: '资格',
            key: 'qualifications',
            render: (_: unknown, x: Mediator) =>
              x.qualifications.length ? x.qualifications.map((q) => `${q.title}（${q.issuer}，${q.issuedOn}）`).join('；') : '—',
          },
          {
            title: '培训',
            key: 'trainings',
            render: (_: unknown, x: Mediator) =>
              x.trainings.length ? x.trainings.map((t) => `${t.heldOn} ${t.topic}（${t.hours} 学时）`).join('；') : '—',
          },
          { title: '近一年学时', dataIndex: 'recentHours', key: 'recentHours', align: 'right' as const },
          {
            title: '提示',
            key: 'warnings',
            render: (_: unknown, x: Mediator) =>
              x.warnings.length === 0 ? (
                <Tag color="green">已培训</Tag>
              ) : (
                x.warnings.map((w) => <Alert key={w.message} type="warning" showIcon title={w.message} description={w.citation} />)
              ),
          },
          {
            title: '操作',
            key: 'actions',
            render: (_: unknown, x: Mediator) =>
              manages && (
                <Space wrap>
                  <Button size="small" onClick={() => setDialog({ kind: 'qualification', m: x })}>
                    登记资格
                  </Button>
                  <Button size="small" onClick={() => setDialog({ kind: 'training', m: x })}>
                    登记培训
                  </Button>
                </Space>
              ),
          },
        ]}
      />
      <FormModal
        title={`登记资格：${m?.name ?? ''}`}
        open={dialog?.kind === 'qualification'}
        onClose={done}
        initialValues={{ kind: 'certificate', issuedOn: today }}
        submit={(v, key) => post(`/mediators/${m?.personId}/qualifications`, { ...v, number: v.number || null }, { idempotencyKey: key })}
      >
        <Form.Item name="kind" label="类别" rules={required}>
          <Select
            options={[
              { value: 'certificate', label: '人民调解员证' },
              { value: 'legal', label: '法律职业资格' },
              { value: 'grade', label: '人民调解员等级评定' },
              { value: 'other', label: '其他资格' },
            ]}
          />
        </Form.Item>
        <Form.Item name="title" label="名称" rules={required}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="issuer" label="颁发机关" rules={required}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="issuedOn" label="取得日期" rules={required}>
          <Input type="date" max={today} />
        </Form.Item>
        <Form.Item name="number" label="证书编号">
          <Input maxLength={60} />
        </Form.Item>
      </FormModal>
      <FormModal
        title={`登记培训：${m?.name ?? ''}`}
        open={dialog?.kind === 'training'}
        onClose={done}
        initialValues={{ heldOn: today, hours: 4 }}
        submit={(v, key) => post(`/mediators/${m?.personId}/trainings`, v, { idempotencyKey: key })}
      >
        <Form.Item name="heldOn" label="培训日期" rules={required}>
          <Input type="date" max={today} />
        </Form.Item>
        <Form.Item name="organiser" label="组织单位" rules={required}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="topic" label="培训内容" rules={required}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="hours" label="学时" rules={required}>
          <InputNumber min={1} max={200} />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
