/**
 * 行政复议 in the console: the 复议机构 (县司法局) and the 被申请人 (the town's head and
 * officers) on the same record. The respondent sees the answer due and the red warning of Art
 * 70; the answer bundle (the challenged case's evidence with its files' hashes, evidence
 * collected after the decision flagged) is shown as the server assembles it.
 */
import { Alert, Descriptions, Table, Tag } from 'antd';
// The server's own state type (type-only: nothing of the server is bundled).
import type { Reconsideration } from '../../../../src/modules/reconsideration/state';
import type { ProcedureConsole } from './config';
import type { ProcedureDictionaries, RecordView } from './types';
import { useResource } from '../../hooks';

/** The labels of a payload field of one of the procedure's actions. */
function labelsOf(dict: ProcedureDictionaries, action: string, field: string): Record<string, string> {
  const s = dict.actions.find((a) => a.type === `reconsideration.${action}`)?.schema;
  const f = s?.properties?.[field];
  const inner = f && (f.anyOf?.find((x) => x.type !== 'null') ?? f);
  return inner?.labels ?? {};
}

type Bundle = NonNullable<Reconsideration['answer']>['bundle'];

function BundleTable({ bundle }: { bundle: Bundle }) {
  return (
    <Table
      size="small"
      rowKey="seq"
      pagination={false}
      data-testid="answer-bundle"
      dataSource={bundle.evidence}
      columns={[
        { title: '证据', dataIndex: 'title' },
        { title: '种类', dataIndex: 'type' },
        { title: '收集日期', dataIndex: 'collectedOn' },
        { title: '文件 SHA-256', dataIndex: 'sha256', render: (h: string | null) => (h ? <code>{h.slice(0, 16)}…</code> : '—') },
        {
          title: '说明',
          render: (_: unknown, e: Bundle['evidence'][number]) => (
            <>
              {e.afterDecision && <Tag color="red">作出决定后收集（第四十六条）</Tag>}
              {e.withdrawn && <Tag>已撤回</Tag>}
            </>
          ),
        },
      ]}
    />
  );
}

/** The bundle the server would file now, for the respondent before answering. */
function BundlePreview({ id }: { id: string }) {
  const { data } = useResource<{ bundle: Bundle | null }>(`/reconsiderations/${id}/answer-bundle`);
  if (!data?.bundle) return null;
  return (
    <div style={{ marginTop: 8 }}>
      <p>提交答复时系统将从被申请复议的案件（{data.bundle.number ?? '—'}）生成答复材料：证据清单（含文件摘要）、认定的事实和法律依据。</p>
      <BundleTable bundle={data.bundle} />
    </div>
  );
}

function Summary({ view, dict }: { view: RecordView<Reconsideration>; dict: ProcedureDictionaries }) {
  const r = view.record;
  const answerDue = r.copy && !r.answer ? r.copy.answerDue : null;
  const decisionNames = labelsOf(dict, 'decide', 'type');
  return (
    <>
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} data-testid="record-summary">
        <Descriptions.Item label="申请人">{r.applicant.name}</Descriptions.Item>
        <Descriptions.Item label="被申请人">{r.respondent.name}</Descriptions.Item>
        <Descriptions.Item label="复议机构">{view.agency.name}</Descriptions.Item>
        <Descriptions.Item label="收到申请日期">{r.receivedOn}</Descriptions.Item>
        {/* An application made on the portal is followed there by its applicant: the 复议机构 knows it came that way. */}
        <Descriptions.Item label="申请方式">
          <span data-channel={r.channel}>{labelsOf(dict, 'receive', 'channel')[r.channel] ?? r.channel}</span>
        </Descriptions.Item>
        <Descriptions.Item label="知道行政行为之日">{r.knewOn}</Descriptions.Item>
        <Descriptions.Item label="申请期限届满">{r.windowDue}</Descriptions.Item>
        <Descriptions.Item label="被申请复议的行政行为" span={{ xs: 1, sm: 2, lg: 3 }}>
          {r.challengedAct}
        </Descriptions.Item>
        <Descriptions.Item label="复议请求" span={{ xs: 1, sm: 2, lg: 3 }}>
          <span style={{ whiteSpace: 'pre-wrap' }}>{r.requests}</span>
        </Descriptions.Item>
      </Descriptions>
      {r.lateException && (
        <Alert
          type="info"
          showIcon
          style={{ marginTop: 8 }}
          title={`超过六十日申请期限的例外情形：${labelsOf(dict, 'receive', 'lateException')[r.lateException.kind] ?? r.lateException.kind}`}
          description={r.lateException.reason}
        />
      )}
      {r.correction && (
        <Alert
          type={r.correction.answeredOn ? 'success' : 'warning'}
          showIcon
          style={{ marginTop: 8 }}
          title={`${r.correction.on} 通知补正（${r.correction.number ?? ''}），补正期限至 ${r.correction.answerBy}`}
          description={<span style={{ whiteSpace: 'pre-wrap' }}>{r.correction.items}</span>}
        />
      )}
      {r.acceptance && (
        <Alert
          type="success"
          showIcon
          style={{ marginTop: 8 }}
          data-testid="acceptance"
          title={
            r.acceptance.deemed
              ? `复议机构未在五个工作日内作出决定，${r.acceptance.on} 视为受理（第三十条）`
              : `${r.acceptance.on} 受理（${r.acceptance.number ?? ''}），${r.acceptance.simple ? '简易程序' : '普通程序'}`
          }
        />
      )}
      {r.refusal && <Alert type="warning" showIcon style={{ marginTop: 8 }} title={`${r.refusal.on} 决定不予受理：${r.refusal.reason}`} />}
      {answerDue && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 8 }}
          data-testid="answer-due"
          title={`被申请人应当于 ${answerDue} 前提出书面答复，并提交作出行政行为的证据、依据和其他有关材料`}
          description={
            <>
              被申请人不按照规定提出书面答复、提交证据和依据的，视为该行政行为没有证据、依据，复议机关将决定撤销或者确认违法（《中华人民共和国行政复议法》第七十条）。被申请人不得自行向申请人和其他有关单位或者个人收集证据（第四十六条）。
              {r.challengedCaseId && <BundlePreview id={view.id} />}
            </>
          }
        />
      )}
      {r.answer && (
        <Alert
          type={r.answer.late ? 'warning' : 'success'}
          showIcon
          style={{ marginTop: 8 }}
          data-testid="answer"
          title={`${r.answer.on} 被申请人提出书面答复${r.answer.late ? '（逾期）' : ''}`}
          description={
            <>
              <div style={{ whiteSpace: 'pre-wrap' }}>{r.answer.text}</div>
              {r.answer.bundle.caseId && <BundleTable bundle={r.answer.bundle} />}
            </>
          }
        />
      )}
      {r.hearing && (
        <Alert
          type="info"
          showIcon
          style={{ marginTop: 8 }}
          title={`听证：${r.hearing.date}，${r.hearing.place}${r.hearing.heldOn ? '（已举行）' : ''}`}
          description={
            r.attendance
              ? r.attendance.headAttends
                ? `被申请人负责人${r.attendance.headName}出席`
                : `负责人${r.attendance.headName}不能出席（${r.attendance.reason ?? ''}），委托${r.attendance.delegate ?? ''}出席`
              : '被申请人尚未确定出席人员'
          }
        />
      )}
      {r.forwarding && (
        <Alert
          type="info"
          showIcon
          style={{ marginTop: 8 }}
          title={`经${r.respondent.name}转送（行政复议法第三十二条）：该机关 ${r.forwarding.agencyReceivedOn} 收到申请，${r.forwarding.forwardedOn} 转送`}
        />
      )}
      {(r.suspensions ?? []).map((x) => (
        <Alert
          key={x.seq}
          type={x.resumedOn ? 'info' : 'warning'}
          showIcon
          style={{ marginTop: 8 }}
          data-testid="suspension"
          title={`${x.on} 中止审理（${x.number ?? ''}）${x.resumedOn ? `，${x.resumedOn} 恢复审理` : '：中止期间不计入审理期限'}`}
          description={<span style={{ whiteSpace: 'pre-wrap' }}>{x.reason}</span>}
        />
      ))}
      {(r.incidentalReviews ?? []).map((x) => (
        <Alert
          key={x.referral}
          type={x.ruling ? (x.ruling.lawful ? 'success' : 'error') : 'warning'}
          showIcon
          style={{ marginTop: 8 }}
          data-testid="incidental-review"
          title={`附带审查《${x.title}》${x.clauses}：${x.on} 通知${x.drafter}答复${
            x.ruling
              ? `，${x.ruling.on} 认定${x.ruling.lawful ? '合法' : '不合法，决定停止执行并责令纠正'}`
              : '，尚待处理（处理前不作出复议决定）'
          }`}
          description={
            <>
              <div style={{ whiteSpace: 'pre-wrap' }}>{x.ruling?.reason ?? x.points}</div>
              <a href={`/console/normative-documents/${x.documentId}`}>查看该规范性文件及制定机关的书面答复</a>
            </>
          }
        />
      ))}
      {(r.pending ?? []).length > 0 && (
        <Alert type="warning" showIcon style={{ marginTop: 8 }} title="延长审理期限的申请待复议机构负责人批准" />
      )}
      {r.termination && (
        <Alert
          type="success"
          showIcon
          style={{ marginTop: 8 }}
          data-testid="termination"
          title={`${r.termination.on} 终止行政复议（${r.termination.number ?? ''}）`}
          description={<span style={{ whiteSpace: 'pre-wrap' }}>{r.termination.reason}</span>}
        />
      )}
      {r.extension && (
        <Alert
          type="info"
          showIcon
          style={{ marginTop: 8 }}
          title={`经${r.extension.approvedBy}批准，审理期限延长 ${r.extension.days} 日，至 ${r.extension.until}`}
        />
      )}
      {r.settlement && (
        <Alert type="success" showIcon style={{ marginTop: 8 }} title={`${r.settlement.on} 调解结案（${r.settlement.number ?? ''}）`} />
      )}
      {r.decision && (
        <Alert
          type="success"
          showIcon
          style={{ marginTop: 8 }}
          data-testid="decision"
          title={`${r.decision.on} 作出行政复议决定（${r.decision.number ?? ''}）：${decisionNames[r.decision.type] ?? r.decision.type}`}
          description={<span style={{ whiteSpace: 'pre-wrap' }}>{r.decision.reason}</span>}
        />
      )}
      {r.opinion && (
        <Alert
          type={r.correctionReport ? 'success' : 'warning'}
          showIcon
          style={{ marginTop: 8 }}
          title={`行政复议意见书（${r.opinion.number ?? ''}）：被申请人应当在六十日内报送纠正情况${r.correctionReport ? `，已于 ${r.correctionReport.on} 报送` : ''}`}
          description={r.opinion.text}
        />
      )}
    </>
  );
}

interface OpenOptions {
  agencies: { id: string; name: string }[];
  normativeDocuments: { id: string; title: string; agencyName: string }[];
  cases: { id: string; agencyName: string; number: string; party: string; servedOn: string | null }[];
}

export const RECONSIDERATIONS_CONSOLE: ProcedureConsole<Reconsideration> = {
  key: 'reconsiderations',
  api: '/reconsiderations',
  permission: 'reconsideration.read',
  title: 'reconsiderations',
  openLabel: 'registerReconsideration',
  searchLabel: 'searchReconsiderations',
  recordName: '行政复议案件',
  openedLabel: '收到申请日期',
  closedLabel: '审结日期',
  heading: (v) => `${v.record.applicant.name}不服${v.record.respondent.name}行政行为申请行政复议案`,
  Summary,
  evidencePermission: 'reconsideration.evidence',
  openDefaults: { channel: 'letter', challengedCaseId: null, lateException: null, forwarding: null, applicant: { kind: 'citizen' } },
  // 附带审查 names a published 规范性文件 (the same options the receiving form reads); its ruling, a referral still open.
  actionWidgets: {
    path: '/reconsiderations/open-options',
    supply: (data) => ({
      'normative-document': {
        options: (data as OpenOptions).normativeDocuments.map((d) => ({ value: d.id, label: d.title, detail: d.agencyName })),
        none: '本平台没有已发布的规范性文件',
      },
    }),
  },
  widgetOptions: (v) => ({
    referral: {
      options: (v.record.incidentalReviews ?? [])
        .filter((x) => !x.ruling)
        .map((x) => ({ value: x.referral, label: `《${x.title}》${x.clauses}` })),
    },
  }),
  openWidgets: {
    path: '/reconsiderations/open-options',
    supply: (data) => {
      const o = data as OpenOptions;
      return {
        agency: { options: o.agencies.map((a) => ({ value: a.id, label: a.name })) },
        'challenged-case': {
          options: o.cases.map((c) => ({
            value: c.id,
            label: `${c.number}（${c.party}）`,
            detail: `${c.agencyName}${c.servedOn ? `，${c.servedOn} 送达` : ''}`,
          })),
          none: '没有可申请复议的处罚决定',
        },
      };
    },
  },
};
