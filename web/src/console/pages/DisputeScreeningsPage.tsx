/**
 * 矛盾纠纷排查台账: the rounds of the reader's area (GET /dispute-screenings), a form to record
 * one with what it found, and a round's page: each item's report to the police (人民调解法
 * Art 25), its disposal (当场化解, 移交) or 转入人民调解, and closing the round — refused, with
 * the article, while a possibly violent item has no report recorded.
 */
import { useRef, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { Alert, App, Button, Card, Checkbox, Descriptions, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { type ApiError, post } from '../../api';
import { useResource, usePagedList } from '../../hooks';
import { ErrorResult, LoadMore, emptyText } from '../../components';
import { PageTitle } from '../../heading';
import { ActionErrorAlert } from '../../ActionErrorAlert';

interface Item {
  id: string;
  seq: number;
  grade: string;
  gradeName: string;
  category: string;
  categoryName: string;
  people: string;
  description: string;
  criminalRisk: boolean;
  massRisk: boolean;
  violent: boolean;
  policeReport: { at: string; by: string; to: string; note: string | null } | null;
  disposition: 'resolved' | 'mediation' | 'routed' | null;
  dispositionName: string | null;
  disposedOn: string | null;
  routeToName: string | null;
  receiver: string | null;
  note: string | null;
  disputeId: string | null;
}
interface Round {
  id: string;
  committeeId: string;
  committeeName: string;
  groupName: string | null;
  screenedOn: string;
  screeners: string[];
  scopeNote: string;
  closedOn: string | null;
  items: Item[];
  closing: { message: string; citation: string | null }[];
}
interface Committee {
  id: string;
  name: string;
  groups: { id: string; name: string }[];
}

const GRADES = { general: '一般', larger: '较大', major: '重大' };
const CATEGORIES = {
  family: '婚姻家庭纠纷',
  neighbour: '邻里纠纷',
  homestead: '房屋宅基地纠纷',
  contract: '合同纠纷',
  business: '生产经营纠纷',
  damages: '损害赔偿纠纷',
  land: '山林土地纠纷（含土地承包经营）',
  expropriation: '征地拆迁纠纷',
  environment: '环境污染纠纷',
  labour: '劳动争议纠纷',
  consumer: '消费纠纷',
  medical: '医疗纠纷',
  traffic: '道路交通事故纠纷',
  property: '物业纠纷',
  other: '其他纠纷',
};
const ROUTES = { petition: '信访部门', enforcement: '行政执法部门（执法案源）', police: '公安机关' };
const options = (o: Record<string, string>) => Object.entries(o).map(([value, label]) => ({ value, label }));

/** The server's today (the training clock's, when one runs). */
const useToday = () => useResource<{ today: string }>('/disputes/dictionaries').data?.today;

function RiskTags({ i }: { i: Pick<Item, 'criminalRisk' | 'massRisk' | 'violent'> }) {
  return (
    <Space size={4} wrap>
      {i.violent && <Tag color="red">可能激化</Tag>}
      {i.criminalRisk && <Tag color="volcano">可能民转刑</Tag>}
      {i.massRisk && <Tag color="orange">可能群体性事件</Tag>}
    </Space>
  );
}

/** A modal form that posts, keeps one idempotency key per opening, and shows the server's refusal. */
function ActionModal({
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
  const [key] = useState(() => crypto.randomUUID());
  return (
    <Modal
      title={title}
      open={open}
      destroyOnHidden
      okText="提交"
      cancelText="取消"
      confirmLoading={busy}
      // Each opening starts from the initial values (the form's store outlives the hidden modal).
      afterClose={() => {
        form.resetFields();
        setError(undefined);
      }}
      onCancel={() => onClose(false)}
      onOk={async () => {
        const values = await form.validateFields();
        setBusy(true);
        try {
          await submit(values, key);
          setError(undefined);
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

const required = [{ required: true, message: '必填' }];
/** A new finding's defaults (a list's added row takes no initialValue of its fields). */
const NEW_ITEM = { grade: 'general', category: 'neighbour', criminalRisk: false, massRisk: false, violent: false };

function ItemFields({ name }: { name?: number }) {
  const n = (f: string) => (name === undefined ? f : [name, f]);
  return (
    <>
      <Space wrap>
        <Form.Item name={n('grade')} label="风险等级" rules={required}>
          <Select style={{ width: 120 }} options={options(GRADES)} />
        </Form.Item>
        <Form.Item name={n('category')} label="纠纷类别" rules={required}>
          <Select style={{ width: 260 }} options={options(CATEGORIES)} />
        </Form.Item>
      </Space>
      <Form.Item name={n('people')} label="涉及人员" rules={required}>
        <Input maxLength={500} />
      </Form.Item>
      <Form.Item name={n('description')} label="矛盾纠纷或风险情况" rules={required}>
        <Input.TextArea rows={2} maxLength={2000} />
      </Form.Item>
      <Space wrap>
        <Form.Item name={n('criminalRisk')} valuePropName="checked">
          <Checkbox>可能民转刑</Checkbox>
        </Form.Item>
        <Form.Item name={n('massRisk')} valuePropName="checked">
          <Checkbox>可能引发群体性事件或上访</Checkbox>
        </Form.Item>
        <Form.Item name={n('violent')} valuePropName="checked">
          <Checkbox>可能激化（须立即报告公安机关）</Checkbox>
        </Form.Item>
      </Space>
    </>
  );
}

function NewRound({ open, onClose, today }: { open: boolean; onClose: (id: string | null) => void; today: string | undefined }) {
  const committees = useResource<{ items: Committee[] }>(open ? '/mediation-committees' : null);
  const [committeeId, setCommitteeId] = useState<string | null>(null);
  const groups = committees.data?.items.find((c) => c.id === committeeId)?.groups ?? [];
  const created = useRef<string | null>(null);
  return (
    <ActionModal
      title="登记矛盾纠纷排查"
      open={open}
      onClose={(done) => onClose(done ? created.current : null)}
      initialValues={{ screenedOn: today, items: [] }}
      submit={async (v, key) => {
        const r = await post<Round>(
          '/dispute-screenings',
          {
            committeeId: v.committeeId ?? null,
            groupId: v.groupId ?? null,
            screenedOn: v.screenedOn,
            screeners: String(v.screeners)
              .split(/[，,、\s]+/)
              .filter(Boolean),
            scopeNote: v.scopeNote,
            items: v.items ?? [],
          },
          { idempotencyKey: key },
        );
        created.current = r.id;
      }}
    >
      <Form.Item name="committeeId" label="调解委员会（不选：本人所在的调解委员会）">
        <Select
          allowClear
          onChange={(v: string | undefined) => setCommitteeId(v ?? null)}
          options={(committees.data?.items ?? []).map((c) => ({ value: c.id, label: c.name }))}
        />
      </Form.Item>
      <Form.Item name="groupId" label="调解小组">
        <Select allowClear options={groups.map((g) => ({ value: g.id, label: g.name }))} />
      </Form.Item>
      <Form.Item name="screenedOn" label="排查日期" rules={required}>
        <Input type="date" max={today} />
      </Form.Item>
      <Form.Item name="screeners" label="排查人员（以顿号分隔）" rules={required}>
        <Input maxLength={300} />
      </Form.Item>
      <Form.Item name="scopeNote" label="排查范围" rules={required}>
        <Input maxLength={500} />
      </Form.Item>
      <Form.List name="items">
        {(fields, { add, remove }) => (
          <>
            {fields.map((f) => (
              <Card
                key={f.key}
                size="small"
                style={{ marginBottom: 8 }}
                title={`发现事项 ${f.name + 1}`}
                extra={<Button onClick={() => remove(f.name)}>删除</Button>}
              >
                <ItemFields name={f.name} />
              </Card>
            ))}
            <Button onClick={() => add(NEW_ITEM)}>添加发现的矛盾纠纷或风险</Button>
          </>
        )}
      </Form.List>
    </ActionModal>
  );
}

export default function DisputeScreeningsPage() {
  const list = usePagedList<Round>('/dispute-screenings?limit=20');
  const today = useToday();
  const [adding, setAdding] = useState(false);
  const navigate = useNavigate();
  if (list.error && list.items.length === 0) return <ErrorResult error={list.error} />;
  return (
    <Card
      title={<PageTitle>矛盾纠纷排查台账</PageTitle>}
      extra={
        <Button type="primary" onClick={() => setAdding(true)}>
          登记排查
        </Button>
      }
    >
      <NewRound
        open={adding}
        today={today}
        onClose={(id) => {
          setAdding(false);
          if (id) navigate(`/console/dispute-screenings/${id}`);
        }}
      />
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        loading={list.loading}
        dataSource={list.items}
        locale={{ emptyText: emptyText('尚无排查记录') }}
        columns={[
          {
            title: '排查日期',
            dataIndex: 'screenedOn',
            key: 'on',
            render: (v: string, r: Round) => <Link to={`/console/dispute-screenings/${r.id}`}>{v}</Link>,
          },
          { title: '调解委员会', dataIndex: 'committeeName', key: 'committee' },
          { title: '调解小组', dataIndex: 'groupName', key: 'group', render: (v: string | null) => v ?? '—' },
          { title: '排查人员', key: 'screeners', render: (_: unknown, r: Round) => r.screeners.join('、') },
          { title: '发现事项', key: 'items', render: (_: unknown, r: Round) => `${r.items.length} 项` },
          {
            title: '风险',
            key: 'risks',
            render: (_: unknown, r: Round) => (
              <RiskTags
                i={{
                  violent: r.items.some((i) => i.violent),
                  criminalRisk: r.items.some((i) => i.criminalRisk),
                  massRisk: r.items.some((i) => i.massRisk),
                }}
              />
            ),
          },
          {
            title: '状态',
            key: 'status',
            render: (_: unknown, r: Round) => (r.closedOn ? <Tag>已结束 {r.closedOn}</Tag> : <Tag color="blue">排查处置中</Tag>),
          },
        ]}
      />
      <LoadMore next={list.next} loading={list.loading} onMore={list.more} />
    </Card>
  );
}

type Dialog = { kind: 'police' | 'dispose' | 'mediate'; item: Item } | { kind: 'add' } | { kind: 'close' } | null;

function ItemActions({ r, i, open }: { r: Round; i: Item; open: (d: Dialog) => void }) {
  if (r.closedOn) return null;
  return (
    <Space wrap>
      {i.violent && !i.policeReport && (
        <Button size="small" onClick={() => open({ kind: 'police', item: i })}>
          报告公安机关
        </Button>
      )}
      {!i.disposition && (
        <>
          <Button size="small" onClick={() => open({ kind: 'dispose', item: i })}>
            当场化解或移交
          </Button>
          <Button size="small" onClick={() => open({ kind: 'mediate', item: i })}>
            转入人民调解
          </Button>
        </>
      )}
    </Space>
  );
}

function disposalText(i: Item) {
  if (!i.disposition) return <Tag color="gold">待处置</Tag>;
  if (i.disposition === 'mediation') return <Link to={`/console/disputes/${i.disputeId}`}>{i.dispositionName}（查看纠纷）</Link>;
  return (
    <span>
      {i.dispositionName} {i.disposedOn}
      {i.routeToName ? `：${i.routeToName}，${i.receiver}` : ''}
    </span>
  );
}

export function DisputeScreeningPage() {
  const { id } = useParams();
  const round = useResource<Round>(`/dispute-screenings/${id}`);
  const today = useToday();
  const [dialog, setDialog] = useState<Dialog>(null);
  const { message } = App.useApp();
  const done = (ok: boolean) => {
    setDialog(null);
    if (ok) {
      void message.success('已保存');
      void round.reload();
    }
  };
  if (round.error) return <ErrorResult error={round.error} />;
  const r = round.data;
  if (!r) return <Card loading />;
  const base = `/dispute-screenings/${r.id}`;
  const item = dialog && 'item' in dialog ? dialog.item : null;
  return (
    <Card
      title={<PageTitle>矛盾纠纷排查 {r.screenedOn}</PageTitle>}
      extra={
        r.closedOn ? (
          <Tag>已于 {r.closedOn} 结束</Tag>
        ) : (
          <Space>
            <Button onClick={() => setDialog({ kind: 'add' })}>补记发现事项</Button>
            <Button type="primary" onClick={() => setDialog({ kind: 'close' })}>
              结束排查
            </Button>
          </Space>
        )
      }
    >
      <Descriptions size="small" column={2} style={{ marginBottom: 16 }}>
        <Descriptions.Item label="调解委员会">{r.committeeName}</Descriptions.Item>
        <Descriptions.Item label="调解小组">{r.groupName ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="排查人员">{r.screeners.join('、')}</Descriptions.Item>
        <Descriptions.Item label="排查范围">{r.scopeNote}</Descriptions.Item>
      </Descriptions>
      {r.closing.length > 0 && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          title="结束排查前尚需："
          description={
            <ul style={{ margin: 0, paddingLeft: 20 }}>
              {r.closing.map((c) => (
                <li key={c.message}>
                  {c.message}
                  {c.citation && <Typography.Text type="secondary">（依据：{c.citation}）</Typography.Text>}
                </li>
              ))}
            </ul>
          }
        />
      )}
      <Table
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={r.items}
        locale={{ emptyText: emptyText('本次排查未发现矛盾纠纷') }}
        columns={[
          { title: '序号', dataIndex: 'seq', key: 'seq' },
          { title: '等级', dataIndex: 'gradeName', key: 'grade' },
          { title: '类别', dataIndex: 'categoryName', key: 'category' },
          { title: '涉及人员', dataIndex: 'people', key: 'people' },
          { title: '情况', dataIndex: 'description', key: 'description' },
          { title: '风险', key: 'risk', render: (_: unknown, i: Item) => <RiskTags i={i} /> },
          {
            title: '报告公安机关',
            key: 'police',
            render: (_: unknown, i: Item) =>
              i.policeReport ? (
                `${i.policeReport.at.replace('T', ' ')} ${i.policeReport.by} 报告 ${i.policeReport.to}`
              ) : i.violent ? (
                <Tag color="red">未报告</Tag>
              ) : (
                '—'
              ),
          },
          { title: '处置', key: 'disposal', render: (_: unknown, i: Item) => disposalText(i) },
          { title: '操作', key: 'actions', render: (_: unknown, i: Item) => <ItemActions r={r} i={i} open={setDialog} /> },
        ]}
      />
      <ActionModal
        title="补记发现事项"
        open={dialog?.kind === 'add'}
        onClose={done}
        initialValues={NEW_ITEM}
        submit={(v, key) => post(`${base}/items`, v, { idempotencyKey: key })}
      >
        <ItemFields />
      </ActionModal>
      <ActionModal
        title="结束排查"
        open={dialog?.kind === 'close'}
        onClose={done}
        initialValues={{ on: today }}
        submit={(v, key) => post(`${base}/close`, v, { idempotencyKey: key })}
      >
        <Form.Item name="on" label="排查结束日期" rules={required}>
          <Input type="date" max={today} />
        </Form.Item>
      </ActionModal>
      {item && dialog?.kind === 'police' && (
        <ActionModal
          title={`第 ${item.seq} 项：报告公安机关`}
          open
          onClose={done}
          submit={(v, key) => post(`${base}/items/${item.id}/police-report`, { ...v, note: v.note || null }, { idempotencyKey: key })}
        >
          <Form.Item name="at" label="报告时间" rules={required}>
            <Input type="datetime-local" />
          </Form.Item>
          <Form.Item name="by" label="报告人" rules={required}>
            <Input maxLength={30} />
          </Form.Item>
          <Form.Item name="to" label="接报的公安机关（派出所）及接报人" rules={required}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="note" label="报告内容和已采取的措施">
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
        </ActionModal>
      )}
      {item && dialog?.kind === 'dispose' && (
        <ActionModal
          title={`第 ${item.seq} 项：当场化解或移交`}
          open
          onClose={done}
          initialValues={{ disposition: 'resolved', on: today }}
          submit={(v, key) =>
            post(
              `${base}/items/${item.id}/disposition`,
              { ...v, routeTo: v.routeTo ?? null, receiver: v.receiver || null },
              { idempotencyKey: key },
            )
          }
        >
          <Form.Item name="disposition" label="处置方式" rules={required}>
            <Select options={options({ resolved: '当场化解', routed: '移交其他部门' })} />
          </Form.Item>
          <Form.Item name="on" label="处置日期" rules={required}>
            <Input type="date" max={today} />
          </Form.Item>
          <Form.Item name="routeTo" label="移交（移交其他部门时填写）">
            <Select allowClear options={options(ROUTES)} />
          </Form.Item>
          <Form.Item name="receiver" label="接收单位和接收人（移交其他部门时填写）">
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="note" label="处置情况" rules={required}>
            <Input.TextArea rows={2} maxLength={1000} />
          </Form.Item>
        </ActionModal>
      )}
      {item && dialog?.kind === 'mediate' && (
        <ActionModal
          title={`第 ${item.seq} 项：转入人民调解`}
          open
          onClose={done}
          initialValues={{ registeredOn: today, category: item.category, facts: item.description, source: 'initiative' }}
          submit={(v, key) => {
            const party = (side: 'A' | 'B') => ({
              kind: 'citizen',
              name: v[`name${side}`],
              idNumber: v[`id${side}`],
              phone: null,
              address: null,
            });
            return post(
              `${base}/items/${item.id}/mediation`,
              {
                committeeId: r.committeeId,
                registeredOn: v.registeredOn,
                source: v.source,
                referredBy: null,
                category: v.category,
                partyA: party('A'),
                partyB: party('B'),
                facts: v.facts,
                points: v.points,
              },
              { idempotencyKey: key },
            );
          }}
        >
          <Form.Item name="registeredOn" label="登记日期" rules={required}>
            <Input type="date" max={today} />
          </Form.Item>
          <Form.Item name="source" label="纠纷来源" rules={required}>
            <Select options={options({ initiative: '主动调解', application: '当事人申请' })} />
          </Form.Item>
          <Form.Item name="category" label="纠纷类别" rules={required}>
            <Select options={options(CATEGORIES)} />
          </Form.Item>
          <Space wrap>
            <Form.Item name="nameA" label="一方当事人姓名" rules={required}>
              <Input maxLength={30} />
            </Form.Item>
            <Form.Item name="idA" label="一方当事人身份证号" rules={required}>
              <Input maxLength={18} />
            </Form.Item>
          </Space>
          <Space wrap>
            <Form.Item name="nameB" label="对方当事人姓名" rules={required}>
              <Input maxLength={30} />
            </Form.Item>
            <Form.Item name="idB" label="对方当事人身份证号" rules={required}>
              <Input maxLength={18} />
            </Form.Item>
          </Space>
          <Form.Item name="facts" label="纠纷简要事实" rules={required}>
            <Input.TextArea rows={2} maxLength={4000} />
          </Form.Item>
          <Form.Item name="points" label="争议焦点" rules={required}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
        </ActionModal>
      )}
    </Card>
  );
}
