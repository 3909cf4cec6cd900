/**
 * 政务公开 in the console: 事前公开清单 (versions drafted, submitted, reviewed and published, with
 * their history), 以案释法 (drafted from a closed case, approved by the head, published) — each
 * published one with its numbered document (print view and DOCX) — and the 政府信息公开目录
 * (entries with their 索引号, and registration by hand).
 */
import { useState } from 'react';
import {
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Drawer,
  Form,
  Input,
  Modal,
  Segmented,
  Select,
  Space,
  Table,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { Link, useParams } from 'react-router-dom';
import { useResource, usePagedList } from '../../hooks';
import { post, query, type ApiError } from '../../api';
import { emptyText, ErrorResult, LoadMore } from '../../components';
import { can, useSession } from '../session';
import { DocumentView } from '../DocumentView';
import {
  CitationList,
  ContentView,
  CATEGORIES,
  GUIDE_FIELDS,
  INSPECTION_FIELDS,
  POWER_FIELDS,
  PROCEDURES,
  type CatalogEntry,
  type Citation,
  type Content,
} from '../../openness-view';

const KINDS = { powers: '行政执法事项清单', inspections: '随机抽查事项清单', guide: '办事指南' } as const;
type Kind = keyof typeof KINDS;
const STATUS_COLOR: Record<string, string> = {
  draft: 'default',
  submitted: 'gold',
  approved: 'blue',
  published: 'green',
  superseded: 'default',
};

interface ListVersion {
  id: string;
  agencyId: string;
  kind: Kind;
  kindName: string;
  topic: string | null;
  version: number;
  status: string;
  statusName: string;
  title: string;
  content: Content;
  reason: string;
  draftedBy: string;
  draftedOn: string;
  reviewedBy: string | null;
  reviewNote: string | null;
  publishedOn: string | null;
  indexNumber: string | null;
  number: string | null;
  history?: {
    id: string;
    version: number;
    status: string;
    statusName: string;
    reason: string;
    draftedBy: string;
    draftedOn: string;
    reviewedBy: string | null;
    publishedOn: string | null;
    supersededOn: string | null;
  }[];
}

/** 事前公开清单: the versions in the reader's scope, by kind and status. */
export function OpennessListsPage() {
  const me = useSession();
  const [kind, setKind] = useState<Kind | 'all'>('all');
  const [openId, setOpenId] = useState<string | null>(null);
  const [drafting, setDrafting] = useState<{ kind: Kind; from?: ListVersion } | null>(null);
  const list = usePagedList<ListVersion>(`/openness/lists${query({ kind: kind === 'all' ? undefined : kind, limit: 50 })}`);
  const edit = can(me, 'openness.edit') && !!me.user.agencyId;
  return (
    <Card
      title="事前公开清单"
      extra={
        edit && (
          <Space wrap>
            {(Object.keys(KINDS) as Kind[]).map((k) => (
              <Button key={k} onClick={() => setDrafting({ kind: k })} data-testid={`draft-${k}`}>
                起草{KINDS[k]}
              </Button>
            ))}
          </Space>
        )
      }
    >
      <Typography.Paragraph type="secondary">
        执法事项清单、随机抽查事项清单和办事指南经审核后在门户公开；已发布的版本不可修改，修订须起草新版本并写明理由，原版本保留。
      </Typography.Paragraph>
      <Segmented
        options={[{ value: 'all', label: '全部' }, ...(Object.keys(KINDS) as Kind[]).map((k) => ({ value: k, label: KINDS[k] }))]}
        value={kind}
        onChange={(v) => setKind(v as Kind | 'all')}
        style={{ marginBottom: 16 }}
      />
      <Table<ListVersion>
        rowKey="id"
        loading={list.loading}
        dataSource={list.items}
        pagination={false}
        scroll={{ x: 900 }}
        locale={{ emptyText: emptyText('还没有清单或办事指南，可点击右上角起草') }}
        columns={[
          {
            title: '名称',
            render: (_, v) => (
              <Button type="link" onClick={() => setOpenId(v.id)} style={{ padding: 0, whiteSpace: 'normal', textAlign: 'left' }}>
                {v.title}
              </Button>
            ),
          },
          { title: '版本', render: (_, v) => `第 ${v.version} 版`, width: 90 },
          { title: '修订理由', dataIndex: 'reason' },
          { title: '起草', render: (_, v) => `${v.draftedBy} ${v.draftedOn}` },
          { title: '索引号', render: (_, v) => v.indexNumber ?? '—' },
          { title: '状态', render: (_, v) => <Tag color={STATUS_COLOR[v.status]}>{v.statusName}</Tag> },
        ]}
      />
      <LoadMore next={list.next} loading={list.loading} onMore={list.more} />
      {openId && (
        <ListDrawer
          id={openId}
          onClose={() => setOpenId(null)}
          onChanged={() => void list.reload()}
          onRevise={(v) => {
            setOpenId(null);
            setDrafting({ kind: v.kind, from: v });
          }}
        />
      )}
      {drafting && me.user.agencyId && (
        <DraftModal
          agencyId={me.user.agencyId}
          kind={drafting.kind}
          from={drafting.from}
          onClose={() => setDrafting(null)}
          onDone={(id) => {
            setDrafting(null);
            void list.reload();
            setOpenId(id);
          }}
        />
      )}
    </Card>
  );
}

function ListDrawer({
  id,
  onClose,
  onChanged,
  onRevise,
}: {
  id: string;
  onClose: () => void;
  onChanged: () => void;
  onRevise: (v: ListVersion) => void;
}) {
  const me = useSession();
  const { message } = App.useApp();
  const { data: v, error, reload } = useResource<ListVersion>(`/openness/lists/${id}`);
  const [note, setNote] = useState('');
  const act = async (path: string, body?: unknown) => {
    try {
      await post(`/openness/lists/${id}/${path}`, body);
      void message.success('已完成');
      await reload();
      onChanged();
    } catch (e) {
      void message.error((e as ApiError).message);
    }
  };
  return (
    <Drawer open width={960} title={v ? `${v.title}（第 ${v.version} 版）` : '清单'} onClose={onClose}>
      {error && <ErrorResult error={error} />}
      {v && (
        <Space direction="vertical" style={{ width: '100%' }} size="large">
          <Descriptions column={{ xs: 1, sm: 2 }} size="small" bordered>
            <Descriptions.Item label="状态">
              <Tag color={STATUS_COLOR[v.status]}>{v.statusName}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label="索引号">{v.indexNumber ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="文号">
              {v.status === 'published' || v.status === 'superseded' ? (
                <Link to={`/console/openness-lists/${v.id}/document`} data-testid="list-document">
                  {v.number ?? '查看文书'}
                </Link>
              ) : (
                '发布时编号'
              )}
            </Descriptions.Item>
            <Descriptions.Item label="修订理由">{v.reason}</Descriptions.Item>
            <Descriptions.Item label="起草">{`${v.draftedBy} ${v.draftedOn}`}</Descriptions.Item>
            <Descriptions.Item label="审核">{v.reviewedBy ? `${v.reviewedBy} ${v.publishedOn ?? ''}` : '—'}</Descriptions.Item>
            <Descriptions.Item label="审核说明">{v.reviewNote ?? '—'}</Descriptions.Item>
          </Descriptions>
          <ContentView content={v.content} />
          <Space wrap>
            {can(me, 'openness.edit') && v.status === 'draft' && (
              <Button type="primary" onClick={() => act('submit')} data-testid="list-submit">
                提交审核
              </Button>
            )}
            {can(me, 'openness.edit') && v.status === 'published' && <Button onClick={() => onRevise(v)}>起草新版本</Button>}
            {can(me, 'openness.review') && v.status === 'submitted' && (
              <>
                <Input
                  placeholder="审核说明（退回时必填）"
                  aria-label="审核说明"
                  value={note}
                  onChange={(e) => setNote(e.target.value)}
                  style={{ width: 260 }}
                />
                <Button
                  type="primary"
                  onClick={() => act('review', { decision: 'publish', note: note || null })}
                  data-testid="list-publish"
                >
                  同意发布
                </Button>
                <Button onClick={() => act('review', { decision: 'return', note: note || null })}>退回修改</Button>
              </>
            )}
          </Space>
          <Card size="small" title="版本历史">
            <Timeline
              items={(v.history ?? []).map((h) => ({
                color: h.status === 'published' ? 'green' : 'gray',
                children: (
                  <span>
                    第 {h.version} 版 · {h.statusName} · {h.draftedBy} {h.draftedOn} 起草（{h.reason}）
                    {h.publishedOn ? ` · ${h.reviewedBy ?? ''} ${h.publishedOn} 审核发布` : ''}
                    {h.supersededOn ? ` · ${h.supersededOn} 被替代` : ''}
                  </span>
                ),
              }))}
            />
          </Card>
        </Space>
      )}
    </Drawer>
  );
}

const emptyContent = (kind: Kind): Content =>
  kind === 'guide'
    ? { kind, guide: { basis: '', conditions: '', materials: [''], steps: '', timeLimit: '', fee: '', place: '', channels: '' } }
    : kind === 'powers'
      ? { kind, items: [{ name: '', category: '行政处罚', basis: '', procedure: 'both', channels: '' }] }
      : { kind, items: [{ item: '', basis: '', object: '', method: '', frequency: '' }] };

function DraftModal({
  agencyId,
  kind,
  from,
  onClose,
  onDone,
}: {
  agencyId: string;
  kind: Kind;
  from?: ListVersion;
  onClose: () => void;
  onDone: (id: string) => void;
}) {
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const initial = from?.content ?? emptyContent(kind);
  const submit = async () => {
    const values = await form.validateFields();
    const content: Content =
      kind === 'guide'
        ? { kind, guide: { ...values.guide, materials: (values.guide.materials as string[]).filter(Boolean) } }
        : { kind, items: values.items };
    setBusy(true);
    try {
      const made = await post<ListVersion>('/openness/lists', {
        agencyId,
        content,
        reason: values.reason,
        ...(kind === 'guide' ? { topic: values.topic } : {}),
      });
      void message.success(`已起草第 ${made.version} 版`);
      onDone(made.id);
    } catch (e) {
      void message.error((e as ApiError).message);
    } finally {
      setBusy(false);
    }
  };
  const fields = kind === 'powers' ? POWER_FIELDS : INSPECTION_FIELDS;
  return (
    <Modal open width={900} title={`起草${KINDS[kind]}`} okText="保存草稿" confirmLoading={busy} onOk={submit} onCancel={onClose}>
      <Form form={form} layout="vertical" initialValues={{ ...initial, topic: from?.topic ?? '' }}>
        {kind === 'guide' && (
          <Form.Item name="topic" label="办理事项" rules={[{ required: true, whitespace: true, message: '请填写办理事项' }]}>
            <Input disabled={!!from} />
          </Form.Item>
        )}
        {kind === 'guide' ? (
          <>
            {GUIDE_FIELDS.map(([k, label]) => (
              <Form.Item
                key={k}
                name={['guide', k]}
                label={label}
                rules={[{ required: true, whitespace: true, message: `请填写${label}` }]}
              >
                <Input.TextArea autoSize />
              </Form.Item>
            ))}
            <Form.List name={['guide', 'materials']}>
              {(items, { add, remove }) => (
                <Form.Item label="申请材料">
                  {items.map((f) => (
                    <Space key={f.key} align="baseline">
                      <Form.Item name={f.name} rules={[{ required: true, whitespace: true, message: '请填写材料名称' }]}>
                        <Input aria-label="申请材料" style={{ width: 400 }} />
                      </Form.Item>
                      <MinusCircleOutlined aria-label="删除" onClick={() => remove(f.name)} />
                    </Space>
                  ))}
                  <Button icon={<PlusOutlined />} onClick={() => add('')}>
                    添加材料
                  </Button>
                </Form.Item>
              )}
            </Form.List>
          </>
        ) : (
          <Form.List name="items">
            {(items, { add, remove }) => (
              <>
                {items.map((f, i) => (
                  <Card
                    key={f.key}
                    size="small"
                    title={`第 ${i + 1} 项`}
                    style={{ marginBottom: 8 }}
                    extra={
                      <Button size="small" onClick={() => remove(f.name)}>
                        删除
                      </Button>
                    }
                  >
                    {fields.map(([k, label]) => (
                      <Form.Item
                        key={k}
                        name={[f.name, k]}
                        label={label}
                        rules={[{ required: true, whitespace: true, message: `请填写${label}` }]}
                      >
                        <Input />
                      </Form.Item>
                    ))}
                    {kind === 'powers' && (
                      <Space wrap>
                        <Form.Item name={[f.name, 'category']} label="事项类别">
                          <Select options={CATEGORIES} style={{ width: 160 }} />
                        </Form.Item>
                        <Form.Item name={[f.name, 'procedure']} label="执法程序">
                          <Select options={PROCEDURES} style={{ width: 200 }} />
                        </Form.Item>
                      </Space>
                    )}
                  </Card>
                ))}
                <Button
                  icon={<PlusOutlined />}
                  onClick={() => add(emptyContent(kind).kind === 'guide' ? {} : (emptyContent(kind) as { items: unknown[] }).items[0])}
                >
                  添加事项
                </Button>
              </>
            )}
          </Form.List>
        )}
        <Form.Item
          name="reason"
          label="修订理由"
          rules={[{ required: true, whitespace: true, message: '请写明起草或修订的理由' }]}
          style={{ marginTop: 16 }}
        >
          <Input.TextArea autoSize data-testid="list-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

interface Explanation {
  id: string;
  caseId: string;
  status: string;
  statusName: string;
  title: string;
  facts: {
    number: string | null;
    party: { name: string; kindName: string };
    violationType: string;
    penalty: string;
    basis: string;
    agencyName: string;
    decidedOn: string;
  };
  body: string;
  citations: Citation[];
  draftedBy: string;
  draftedOn: string;
  approvedBy: string | null;
  approvedOn: string | null;
  approvalNote: string | null;
  publishedOn: string | null;
  indexNumber: string | null;
  number: string | null;
}

/** 以案释法: drafted from closed cases, approved by the head, published. */
export function ExplanationsPage() {
  const me = useSession();
  const [status, setStatus] = useState<string>('all');
  const [openId, setOpenId] = useState<string | null>(null);
  const [writing, setWriting] = useState(false);
  const list = usePagedList<Explanation>(`/openness/explanations${query({ status: status === 'all' ? undefined : status, limit: 50 })}`);
  return (
    <Card
      title="以案释法"
      extra={
        can(me, 'openness.edit') && (
          <Button type="primary" onClick={() => setWriting(true)} data-testid="explanation-new">
            从已结案件撰写
          </Button>
        )
      }
    >
      <Segmented
        options={[
          { value: 'all', label: '全部' },
          { value: 'draft', label: '草稿' },
          { value: 'submitted', label: '待审批' },
          { value: 'approved', label: '已批准' },
          { value: 'published', label: '已发布' },
        ]}
        value={status}
        onChange={(v) => setStatus(v as string)}
        style={{ marginBottom: 16 }}
      />
      <Table<Explanation>
        rowKey="id"
        loading={list.loading}
        dataSource={list.items}
        pagination={false}
        scroll={{ x: 800 }}
        locale={{ emptyText: emptyText('还没有以案释法') }}
        columns={[
          {
            title: '标题',
            render: (_, x) => (
              <Button type="link" style={{ padding: 0 }} onClick={() => setOpenId(x.id)}>
                {x.title}
              </Button>
            ),
          },
          { title: '案件', render: (_, x) => `${x.facts.number ?? ''} ${x.facts.violationType}` },
          { title: '起草', render: (_, x) => `${x.draftedBy} ${x.draftedOn}` },
          { title: '索引号', render: (_, x) => x.indexNumber ?? '—' },
          { title: '状态', render: (_, x) => <Tag color={STATUS_COLOR[x.status]}>{x.statusName}</Tag> },
        ]}
      />
      <LoadMore next={list.next} loading={list.loading} onMore={list.more} />
      {openId && <ExplanationDrawer id={openId} onClose={() => setOpenId(null)} onChanged={() => void list.reload()} />}
      {writing && (
        <ExplanationModal
          onClose={() => setWriting(false)}
          onDone={(id) => {
            setWriting(false);
            void list.reload();
            setOpenId(id);
          }}
        />
      )}
    </Card>
  );
}

function ExplanationModal({ onClose, onDone }: { onClose: () => void; onDone: (id: string) => void }) {
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const cases = usePagedList<{ id: string; title: string; closedOn: string }>(`/openness/explanation-cases${query({ limit: 100 })}`);
  const submit = async () => {
    const v = await form.validateFields();
    setBusy(true);
    try {
      const made = await post<Explanation>('/openness/explanations', { caseId: v.caseId, title: v.title, body: v.body });
      void message.success('已保存草稿');
      onDone(made.id);
    } catch (e) {
      void message.error((e as ApiError).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal open width={760} title="从已结案件撰写以案释法" okText="保存草稿" confirmLoading={busy} onOk={submit} onCancel={onClose}>
      <Typography.Paragraph type="secondary">
        当事人信息按公示规则隐名（张某某）；正文不得出现当事人的姓名、身份证号、电话或住址。所释条文默认取自处罚依据。
      </Typography.Paragraph>
      <Form form={form} layout="vertical">
        <Form.Item name="caseId" label="已结案件" rules={[{ required: true, message: '请选择已结案件' }]}>
          <Select
            showSearch
            optionFilterProp="label"
            loading={cases.loading}
            notFoundContent={emptyText('没有可选的已结案件')}
            options={cases.items.map((c) => ({ value: c.id, label: `${c.title}（${c.closedOn} 结案）` }))}
            data-testid="explanation-case"
          />
        </Form.Item>
        <Form.Item name="title" label="标题" rules={[{ required: true, whitespace: true, message: '请填写标题' }]}>
          <Input data-testid="explanation-title" />
        </Form.Item>
        <Form.Item name="body" label="释法说理" rules={[{ required: true, whitespace: true, message: '请填写释法说理' }]}>
          <Input.TextArea autoSize={{ minRows: 6 }} data-testid="explanation-body" />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function ExplanationDrawer({ id, onClose, onChanged }: { id: string; onClose: () => void; onChanged: () => void }) {
  const me = useSession();
  const { message } = App.useApp();
  const { data: x, error, reload } = useResource<Explanation>(`/openness/explanations/${id}`);
  const [note, setNote] = useState('');
  const act = async (path: string, body?: unknown) => {
    try {
      await post(`/openness/explanations/${id}/${path}`, body);
      void message.success('已完成');
      await reload();
      onChanged();
    } catch (e) {
      void message.error((e as ApiError).message);
    }
  };
  return (
    <Drawer open width={820} title={x?.title ?? '以案释法'} onClose={onClose}>
      {error && <ErrorResult error={error} />}
      {x && (
        <Space direction="vertical" style={{ width: '100%' }} size="large">
          <Descriptions column={{ xs: 1, sm: 2 }} bordered size="small">
            <Descriptions.Item label="状态">
              <Tag color={STATUS_COLOR[x.status]}>{x.statusName}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label="索引号">{x.indexNumber ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="文号">
              {x.status === 'published' ? (
                <Link to={`/console/case-explanations/${x.id}/document`} data-testid="explanation-document">
                  {x.number ?? '查看文书'}
                </Link>
              ) : (
                '发布时编号'
              )}
            </Descriptions.Item>
            <Descriptions.Item label="决定书文号">{x.facts.number ?? '—'}</Descriptions.Item>
            <Descriptions.Item label="当事人（隐名）">{x.facts.party.name}</Descriptions.Item>
            <Descriptions.Item label="违法行为类型">{x.facts.violationType}</Descriptions.Item>
            <Descriptions.Item label="处罚内容">{x.facts.penalty}</Descriptions.Item>
            <Descriptions.Item label="审批">
              {x.approvedBy ? `${x.approvedBy} ${x.approvedOn}（${x.approvalNote ?? '同意'}）` : (x.approvalNote ?? '—')}
            </Descriptions.Item>
            <Descriptions.Item label="发布">{x.publishedOn ?? '—'}</Descriptions.Item>
          </Descriptions>
          <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{x.body}</Typography.Paragraph>
          <Card size="small" title="所释法律条文">
            <CitationList citations={x.citations} />
          </Card>
          <Space wrap>
            {can(me, 'openness.edit') && x.status === 'draft' && (
              <Button type="primary" onClick={() => act('submit')} data-testid="explanation-submit">
                提交负责人审批
              </Button>
            )}
            {can(me, 'openness.review') && x.status === 'submitted' && (
              <>
                <Input
                  placeholder="审批意见（退回时必填）"
                  aria-label="审批意见"
                  value={note}
                  onChange={(e) => setNote(e.target.value)}
                  style={{ width: 240 }}
                />
                <Button
                  type="primary"
                  onClick={() => act('approval', { approve: true, note: note || null })}
                  data-testid="explanation-approve"
                >
                  批准
                </Button>
                <Button onClick={() => act('approval', { approve: false, note: note || null })}>退回修改</Button>
              </>
            )}
            {can(me, 'openness.edit') && x.status === 'approved' && (
              <Button type="primary" onClick={() => act('publish')} data-testid="explanation-publish">
                发布到门户
              </Button>
            )}
          </Space>
        </Space>
      )}
    </Drawer>
  );
}

const CATALOG_CATEGORIES = [
  { value: 'functions', label: '机构职能' },
  { value: 'regulations', label: '法规文件' },
  { value: 'enforcement', label: '行政执法公示' },
  { value: 'annual-report', label: '法治政府建设年度报告' },
  { value: 'case-explanation', label: '以案释法' },
  { value: 'planning', label: '规划计划' },
  { value: 'finance', label: '财政资金' },
  { value: 'other', label: '其他' },
];

/** The print view of a published version's numbered document. */
export function ListDocumentPage() {
  const { id } = useParams();
  return (
    <DocumentView
      path={`/openness/lists/${encodeURIComponent(id ?? '')}/document`}
      back={{ to: '/console/openness-lists', label: '返回事前公开清单' }}
    />
  );
}

/** The print view of a published 以案释法's numbered document. */
export function ExplanationDocumentPage() {
  const { id } = useParams();
  return (
    <DocumentView
      path={`/openness/explanations/${encodeURIComponent(id ?? '')}/document`}
      back={{ to: '/console/case-explanations', label: '返回以案释法' }}
    />
  );
}

/** 政府信息公开目录 for staff: the entries in scope, and registration by hand. */
export function CatalogPage() {
  const me = useSession();
  const { message } = App.useApp();
  const [category, setCategory] = useState<string>();
  const [q, setQ] = useState('');
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm();
  const list = usePagedList<CatalogEntry>(`/openness/catalog${query({ category, q: q || undefined, limit: 50 })}`);
  const add = async () => {
    const v = await form.validateFields();
    try {
      const made = await post<CatalogEntry>('/openness/catalog', {
        agencyId: me.user.agencyId,
        category: v.category,
        title: v.title,
        publishedOn: v.publishedOn.format('YYYY-MM-DD'),
        link: v.link || null,
        file: v.sha256 ? { sha256: v.sha256 } : null,
      });
      void message.success(`已登记，索引号 ${made.indexNumber}`);
      setAdding(false);
      form.resetFields();
      void list.reload();
    } catch (e) {
      void message.error((e as ApiError).message);
    }
  };
  return (
    <Card
      title="政府信息公开目录"
      extra={
        can(me, 'openness.catalog') &&
        me.user.agencyId && (
          <Button onClick={() => setAdding(true)} data-testid="catalog-add">
            登记条目
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">
        索引号格式：机关代字-类别代码-年度-五位序号（按机关、类别、年度连续编号，不留空号）。
      </Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          allowClear
          placeholder="全部类别"
          aria-label="按类别筛选"
          style={{ width: 220 }}
          options={CATALOG_CATEGORIES}
          value={category}
          onChange={setCategory}
        />
        <Input.Search allowClear placeholder="检索标题" aria-label="检索标题" onSearch={setQ} style={{ width: 260 }} />
      </Space>
      <Table<CatalogEntry>
        rowKey="id"
        loading={list.loading}
        dataSource={list.items}
        pagination={false}
        scroll={{ x: 800 }}
        locale={{ emptyText: emptyText('目录中还没有条目') }}
        columns={[
          { title: '索引号', dataIndex: 'indexNumber' },
          { title: '类别', dataIndex: 'categoryName' },
          { title: '标题', render: (_, e) => (e.link ? <a href={e.link}>{e.title}</a> : e.title) },
          { title: '发布机关', render: (_, e) => e.agency.name },
          { title: '发布日期', dataIndex: 'publishedOn' },
          {
            title: '文件',
            render: (_, e) =>
              e.withdrawn ? (
                <Tag>{`${e.withdrawn.on} 失效`}</Tag>
              ) : e.download ? (
                <a href={e.download} aria-label={`下载：${e.title}`}>
                  下载
                </a>
              ) : (
                '—'
              ),
          },
        ]}
      />
      <LoadMore next={list.next} loading={list.loading} onMore={list.more} />
      <Modal open={adding} title="登记目录条目" okText="登记" onOk={add} onCancel={() => setAdding(false)}>
        <Form form={form} layout="vertical">
          <Form.Item name="category" label="类别" rules={[{ required: true, message: '请选择类别' }]}>
            <Select options={CATALOG_CATEGORIES} />
          </Form.Item>
          <Form.Item name="title" label="标题" rules={[{ required: true, whitespace: true, message: '请填写标题' }]}>
            <Input />
          </Form.Item>
          <Form.Item name="publishedOn" label="发布日期" rules={[{ required: true, message: '请选择日期' }]}>
            <DatePicker />
          </Form.Item>
          <Form.Item name="link" label="已公开页面的链接（/portal/ 开头）">
            <Input placeholder="/portal/normative-documents" />
          </Form.Item>
          <Form.Item name="sha256" label="或：已上传文件的 SHA-256">
            <Input />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
