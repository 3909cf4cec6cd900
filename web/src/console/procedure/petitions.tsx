/**
 * 信访事项 in the console: what the generic procedure pages need to know of it. The names of
 * its enum values (channel, category, outcome, legal route) are read from the labels of its
 * action schemas, as the forms read them: one source, the server.
 */
import { useEffect, useState } from 'react';
import { Alert, Descriptions, List, Modal, Table, Tag, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { post } from '../../api';
// The server's own state type (type-only: nothing of the server is bundled).
import type { Petition, Review } from '../../../../src/modules/petitions/state';
import { unwrap } from './SchemaForm';
import type { ProcedureConsole } from './config';
import type { JsonSchema, ProcedureDictionaries, RecordView } from './types';

/** The labels of a payload field of one of the procedure's actions (`channel` of the register action, say). */
function labelsOf(dict: ProcedureDictionaries, action: string, path: string): Record<string, string> {
  let s: JsonSchema | undefined = dict.actions.find((a) => a.type === `petition.${action}`)?.schema;
  for (const k of path.split('.')) s = s?.properties?.[k] && unwrap(s.properties[k]!).s;
  return s?.labels ?? {};
}

function ReviewAlert({ what, rv, outcome }: { what: string; rv: Review; outcome: (v: string) => string }) {
  return (
    <Alert
      type={rv.reply ? 'success' : 'info'}
      showIcon
      style={{ marginTop: 8 }}
      title={`${rv.requestedOn} 信访人请求${what}（${rv.body}）${rv.reply ? `；${rv.reply.on} 已出具${what}意见：${outcome(rv.reply.outcome)}${rv.reply.number ? `（${rv.reply.number}）` : ''}` : ''}`}
      description={
        <>
          <div style={{ whiteSpace: 'pre-wrap' }}>请求和理由：{rv.reason}</div>
          {rv.reply && <div style={{ whiteSpace: 'pre-wrap' }}>{rv.reply.text}</div>}
        </>
      }
    />
  );
}

function Summary({ view, dict }: { view: RecordView<Petition>; dict: ProcedureDictionaries }) {
  const p = view.record;
  const name = (action: string, path: string, value: string | null) => (value ? (labelsOf(dict, action, path)[value] ?? value) : '—');
  const r = p.routing;
  const o = p.opinion;
  return (
    <>
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} data-testid="record-summary">
        <Descriptions.Item label="登记号">{p.number ?? '—'}</Descriptions.Item>
        <Descriptions.Item label="信访形式">{name('register', 'channel', p.channel)}</Descriptions.Item>
        <Descriptions.Item label="来源">{name('register', 'source', p.source)}</Descriptions.Item>
        <Descriptions.Item label="收到日期">{p.receivedOn}</Descriptions.Item>
        <Descriptions.Item label="问题类别">{name('register', 'category', p.category)}</Descriptions.Item>
        <Descriptions.Item label="问题发生地">{p.place}</Descriptions.Item>
        {p.groupSize && (
          <Descriptions.Item label="多人走访">{`共 ${p.groupSize} 人，推选代表 ${p.petitioners.length} 人`}</Descriptions.Item>
        )}
        {p.repeatOf && <Descriptions.Item label="同一事项此前登记号">{p.repeatOf}</Descriptions.Item>}
        {p.mergedInto && (
          <Descriptions.Item label="已并入">
            <Link to={`/console/petitions/${p.mergedInto.id}`} style={UNDERLINED}>
              {p.mergedInto.number}
            </Link>
            {`（${p.mergedInto.on}，${p.mergedInto.by === 'head' ? '经负责人批准' : '同一信访人'}）`}
          </Descriptions.Item>
        )}
        {p.merged && p.merged.length > 0 && (
          <Descriptions.Item label="并入本件的重复信访" span={{ xs: 1, sm: 2, lg: 3 }}>
            {p.merged.map((x, i) => (
              <span key={x.id}>
                {i > 0 && '、'}
                <Link to={`/console/petitions/${x.id}`} style={UNDERLINED}>
                  {x.number}
                </Link>
                （{x.on}）
              </span>
            ))}
          </Descriptions.Item>
        )}
        <Descriptions.Item label="信访请求" span={{ xs: 1, sm: 2, lg: 3 }}>
          <span style={{ whiteSpace: 'pre-wrap' }}>{p.request}</span>
        </Descriptions.Item>
        <Descriptions.Item label="事实和理由" span={{ xs: 1, sm: 2, lg: 3 }}>
          <span style={{ whiteSpace: 'pre-wrap' }}>{p.factsAndReasons}</span>
        </Descriptions.Item>
      </Descriptions>
      <Table
        size="small"
        pagination={false}
        rowKey={(_, i) => String(i)}
        dataSource={p.petitioners}
        style={{ marginTop: 8 }}
        columns={[
          { title: p.petitioners.length > 1 ? '信访人（代表）' : '信访人', dataIndex: 'name' },
          { title: '身份证号', dataIndex: 'idNumber', render: (v: string | null) => v ?? '—' },
          { title: '联系电话', dataIndex: 'phone', render: (v: string | null) => v ?? '—' },
          { title: '住址', dataIndex: 'address' },
        ]}
      />
      {view.status === 'registered' && <DuplicateHints draft={p} excludeId={p.id} />}
      {p.oralConfirmed && <Typography.Paragraph style={{ marginTop: 8 }}>口头信访已如实记录，并经信访人确认。</Typography.Paragraph>}
      {r && (
        <Alert
          type={r.kind === 'accept' ? 'success' : 'info'}
          showIcon
          style={{ marginTop: 8 }}
          data-testid="routing"
          title={
            r.kind === 'accept'
              ? `${r.on} 已受理并书面告知${r.number ? `（${r.number}）` : ''}`
              : r.kind === 'decline'
                ? `${r.on} 不予受理：${name('decline', 'route', r.route)}${r.number ? `（${r.number}）` : ''}`
                : r.kind === 'procedure'
                  ? `${r.on} 已转入法定程序：${p.linkedTo?.recordName ?? ''}${r.number ? `（${r.number}）` : ''}`
                  : `${r.on} 已${r.kind === 'transfer' ? '转送' : '交办'}${r.to}${r.number ? `（${r.number}）` : ''}`
          }
          description={
            r.kind === 'accept' ? undefined : (
              <>
                <span style={{ whiteSpace: 'pre-wrap' }}>{r.reason}</span>
                {r.kind === 'procedure' && <RoutedAbout details={r.details} />}
              </>
            )
          }
        />
      )}
      {p.linkedTo && (
        <Typography.Paragraph style={{ marginTop: 8 }} data-testid="linked-to">
          已登记为{p.linkedTo.recordName}：<Link to={`/console${p.linkedTo.path}/${p.linkedTo.id}`}>查看转入的记录</Link>
        </Typography.Paragraph>
      )}
      {p.objection && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 8 }}
          title={`${p.objection.on} 已对转送提出异议`}
          description={p.objection.reason}
        />
      )}
      {p.report && (
        <Alert type="success" showIcon style={{ marginTop: 8 }} title={`${p.report.on} 收到办结报告`} description={p.report.text} />
      )}
      {p.notes.map((n) => (
        <Alert
          key={n.seq}
          type="info"
          style={{ marginTop: 8 }}
          title={`${n.on} ${name('add-note', 'kind', n.kind)}`}
          description={<span style={{ whiteSpace: 'pre-wrap' }}>{n.text}</span>}
        />
      ))}
      {p.hearing && (
        <Alert
          type="info"
          style={{ marginTop: 8 }}
          title={`${p.hearing.on} 举行听证（参加人员：${p.hearing.participants}）`}
          description={<span style={{ whiteSpace: 'pre-wrap' }}>{p.hearing.summary}</span>}
        />
      )}
      {p.pending.length > 0 && (
        <Alert
          type="info"
          showIcon
          style={{ marginTop: 8 }}
          title={`待负责人批准：${p.pending.map((x) => dict.approvalKinds[x.kind] ?? x.kind).join('、')}`}
        />
      )}
      {p.extension && (
        <Alert
          type="info"
          showIcon
          style={{ marginTop: 8 }}
          title={`经负责人批准，办理期限延长 ${p.extension.days} 日，至 ${p.extension.until}${p.extension.number ? `（${p.extension.number}）` : ''}`}
          description={`延期理由：${p.extension.reason}`}
        />
      )}
      {o && (
        <Alert
          type="success"
          showIcon
          style={{ marginTop: 8 }}
          data-testid="opinion"
          title={`${o.on} 已出具信访处理意见书：${name('issue-opinion', 'outcome', o.outcome)}${o.number ? `（${o.number}）` : ''}`}
          description={
            <>
              <div style={{ whiteSpace: 'pre-wrap' }}>查明的事实：{o.facts}</div>
              <div style={{ whiteSpace: 'pre-wrap' }}>处理意见：{o.text}</div>
              <div style={{ whiteSpace: 'pre-wrap' }}>依据：{o.basis}</div>
            </>
          }
        />
      )}
      {p.agreement && (
        <Alert
          type="success"
          showIcon
          style={{ marginTop: 8 }}
          data-testid="agreement"
          title={`${p.agreement.on} 已达成${name('record-agreement', 'kind', p.agreement.kind)}${p.agreement.number ? `（${p.agreement.number}）` : ''}`}
          description={
            <>
              <div>协议各方：{p.agreement.parties}</div>
              <div style={{ whiteSpace: 'pre-wrap' }}>协议内容：{p.agreement.terms}</div>
              <div style={{ whiteSpace: 'pre-wrap' }}>履行方式和期限：{p.agreement.performance}</div>
            </>
          }
        />
      )}
      {p.review && <ReviewAlert what="复查" rv={p.review} outcome={(v) => name('review-reply', 'outcome', v)} />}
      {p.recheck && <ReviewAlert what="复核" rv={p.recheck} outcome={(v) => name('recheck-reply', 'outcome', v)} />}
      {p.ratings.map((x) => (
        <Alert
          key={`${x.of}-${x.on}`}
          type={x.rating === 'dissatisfied' ? 'warning' : 'success'}
          style={{ marginTop: 8 }}
          title={`${x.on} 信访人评价：${name('rate', 'rating', x.rating)}`}
          description={x.comment ?? undefined}
        />
      ))}
    </>
  );
}

/** A link inside running text is underlined: its colour alone does not set it apart enough (WCAG 1.4.1). */
const UNDERLINED = { textDecoration: 'underline' } as const;

/** One likely duplicate as the server suggests it (POST /petitions/duplicates). */
interface Suggestion {
  id: string;
  number: string | null;
  receivedOn: string;
  statusName: string;
  title: string;
  reasons: string[];
}

type Draft = { petitioners?: { name?: string; idNumber?: string | null; phone?: string | null }[]; place?: string; request?: string };

/** The draft as the search takes it: only what was entered, trimmed; null when there is nothing to look for yet. */
function searchOf(d: Draft, excludeId?: string) {
  const petitioners = (d.petitioners ?? [])
    .filter((p) => p && (p.name?.trim() || p.idNumber?.trim() || p.phone?.trim()))
    .map((p) => ({ name: p.name?.trim() ?? '', idNumber: p.idNumber?.trim() || null, phone: p.phone?.trim() || null }));
  const place = d.place?.trim() ?? '';
  const request = d.request?.trim() ?? '';
  if (!petitioners.length && !place && request.length < 4) return null;
  return { petitioners, place, request, ...(excludeId ? { excludeId } : {}) };
}

/**
 * The likely duplicates of a petition (the same petitioner, the same place, a request that reads
 * alike, the last 12 months): under the registration form as the clerk types, and on a
 * registered petition's page. Merging is the 并入 action on the petition's page.
 */
export function DuplicateHints({ draft, excludeId }: { draft: Draft; excludeId?: string }) {
  // The draft's content, as a string: the search runs again only when what was entered changes.
  const key = JSON.stringify(searchOf(draft, excludeId));
  const [items, setItems] = useState<Suggestion[]>([]);
  useEffect(() => {
    const body = JSON.parse(key) as ReturnType<typeof searchOf>;
    if (!body) {
      setItems([]);
      return;
    }
    let live = true;
    // Asked once the clerk pauses typing, not on every key.
    const timer = setTimeout(() => {
      post<{ items: Suggestion[] }>('/petitions/duplicates', body)
        .then((r) => live && setItems(r.items))
        .catch(() => live && setItems([]));
    }, 400);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [key]);
  if (!items.length) return null;
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginTop: 8 }}
      data-testid="duplicate-hints"
      title={`可能是重复信访：近 12 个月有 ${items.length} 件相近的信访事项`}
      description={
        <List
          size="small"
          dataSource={items}
          renderItem={(x) => (
            <List.Item data-duplicate={x.number ?? x.id}>
              <div>
                <Link to={`/console/petitions/${x.id}`} target="_blank" style={UNDERLINED}>
                  {x.number ?? '（未编号）'}
                </Link>{' '}
                {x.title} <Tag>{x.statusName}</Tag>
                <div style={{ fontSize: 12, color: '#595959' }}>
                  {x.receivedOn} 收到；{x.reasons.join('；')}
                </div>
              </div>
            </List.Item>
          )}
          footer={
            <span style={{ fontSize: 12 }}>
              确属同一事项的，登记后在本件页面“作为重复信访并入同一信访人的信访事项”（信访人不同的，申请合并报负责人批准）。
            </span>
          }
        />
      }
    />
  );
}

/** The tracking code of a petition registered at the counter, by letter or by phone: the server shows it this once. */
function Opened({ answer, onClose }: { answer: RecordView<Petition> & Record<string, unknown>; onClose: () => void }) {
  const code = typeof answer.trackingCode === 'string' ? answer.trackingCode : null;
  return (
    <Modal
      open
      title="信访事项已登记"
      onOk={onClose}
      onCancel={onClose}
      okText="我已记下，查看信访事项"
      cancelButtonProps={{ style: { display: 'none' } }}
      closable={false}
      maskClosable={false}
    >
      <p>请将登记号和查询码告知信访人（或写在回执上）。信访人凭查询码在公开门户“信访查询”中查看办理进度和答复。</p>
      <p>登记号：{answer.record.number ?? '—'}</p>
      {code && (
        <Typography.Paragraph
          copyable={{ text: code }}
          style={{ fontSize: 24, fontFamily: 'monospace', textAlign: 'center', margin: '16px 0' }}
          data-testid="tracking-code"
        >
          {code}
        </Typography.Paragraph>
      )}
      <Alert type="warning" showIcon title="查询码只显示这一次：系统只保存它的摘要，关闭后无法再次查看。" />
    </Modal>
  );
}

/** Whom a routed matter is about, as the route named them: a 案源's party, a dispute's other side. */
function RoutedAbout({ details }: { details: Extract<NonNullable<Petition['routing']>, { kind: 'procedure' }>['details'] }) {
  const about =
    details &&
    ('party' in details
      ? { label: `被反映的单位或个人（${details.field}）`, x: details.party }
      : 'otherParty' in details
        ? { label: '对方当事人', x: details.otherParty }
        : null);
  if (!about) return null;
  return (
    <div data-testid="routed-about">
      {about.label}：{about.x.name}
      {about.x.address ? `，${about.x.address}` : ''}
    </div>
  );
}

export const PETITIONS_CONSOLE: ProcedureConsole<Petition> = {
  key: 'petitions',
  api: '/petitions',
  permission: 'petition.read',
  evidencePermission: 'petition.evidence',
  title: 'petitions',
  openLabel: 'registerPetition',
  searchLabel: 'searchPetitions',
  recordName: '信访事项',
  openedLabel: '收到日期',
  closedLabel: '办结日期',
  heading: (v) => `${v.record.petitioners.map((x) => x.name).join('、')}的信访事项`,
  Summary,
  // At the console a petition comes by visit, letter or phone (online ones come through the portal).
  openDefaults: { channel: 'visit', source: 'direct', category: 'land-acquisition' },
  OpenAside: ({ values }) => <DuplicateHints draft={values as Draft} />,
  Opened,
};
