/**
 * 行政应诉 in the console: the defending town's or agency's 法制审核人员 and 负责人 on their own
 * lawsuits. The page shows the answer due with the red warning of Arts 34 and 67 (late evidence
 * counts as none), whether the 负责人 must appear, each hearing and who appeared for the agency,
 * the judgments with their appeal windows, and the evidence the server assembles from the
 * challenged penalty case.
 */
import { Alert, Descriptions, Table, Tag } from 'antd';
// The server's own state type (type-only: nothing of the server is bundled).
import type { Lawsuit } from '../../../../src/modules/litigation/state';
import type { ProcedureConsole } from './config';
import type { ProcedureDictionaries, RecordView } from './types';
import { useResource } from '../../hooks';

/** The labels of a payload field of one of the procedure's actions. */
function labelsOf(dict: ProcedureDictionaries, action: string, field: string): Record<string, string> {
  const s = dict.actions.find((a) => a.type === `litigation.${action}`)?.schema;
  const f = s?.properties?.[field];
  const inner = f && (f.anyOf?.find((x) => x.type !== 'null') ?? f);
  return inner?.labels ?? inner?.items?.labels ?? {};
}

type Bundle = NonNullable<Lawsuit['answer']>['bundle'];

function EvidenceTable({ bundle }: { bundle: Bundle }) {
  return (
    <Table
      size="small"
      rowKey="seq"
      pagination={false}
      data-testid="lawsuit-evidence"
      dataSource={bundle.evidence}
      locale={{ emptyText: '被诉案件没有证据' }}
      columns={[
        { title: '证据', dataIndex: 'title' },
        { title: '种类', dataIndex: 'type' },
        { title: '收集日期', dataIndex: 'collectedOn' },
        { title: '文件 SHA-256', dataIndex: 'sha256', render: (h: string | null) => (h ? <code>{h.slice(0, 16)}…</code> : '—') },
        {
          title: '说明',
          render: (_: unknown, e: Bundle['evidence'][number]) => (
            <>
              {e.afterDecision && <Tag color="red">作出行政行为后收集（第三十五条）</Tag>}
              {e.withdrawn && <Tag>已撤回</Tag>}
            </>
          ),
        },
      ]}
    />
  );
}

function BundlePreview({ id }: { id: string }) {
  const { data } = useResource<{ bundle: Bundle | null }>(`/lawsuits/${id}/answer-bundle`);
  if (!data?.bundle) return null;
  return (
    <div style={{ marginTop: 8 }}>
      <p>提交答辩状时系统将从被诉的处罚案件（{data.bundle.number ?? '—'}）生成证据清单（含文件摘要）、认定的事实和法律依据。</p>
      <EvidenceTable bundle={data.bundle} />
    </div>
  );
}

const people = (xs: { name: string; post: string }[]) => xs.map((s) => `${s.name}（${s.post}）`).join('、');

function Summary({ view, dict }: { view: RecordView<Lawsuit>; dict: ProcedureDictionaries }) {
  const l = view.record;
  const verdicts = labelsOf(dict, 'record-judgment', 'type');
  const grounds = labelsOf(dict, 'register', 'mandatoryGrounds');
  const mandatory = l.mandatoryGrounds.length > 0 || l.hearings.some((h) => h.courtRecommendsHead);
  return (
    <>
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} data-testid="record-summary">
        <Descriptions.Item label="案号">{l.caseNumber}</Descriptions.Item>
        <Descriptions.Item label="受理法院">{l.court}</Descriptions.Item>
        <Descriptions.Item label="原告">{l.plaintiff.name}</Descriptions.Item>
        <Descriptions.Item label="被告">{view.agency.name}</Descriptions.Item>
        <Descriptions.Item label="立案日期">{l.filedOn}</Descriptions.Item>
        <Descriptions.Item label="收到起诉状副本">{l.copyReceivedOn}</Descriptions.Item>
        <Descriptions.Item label="被诉行政行为" span={{ xs: 1, sm: 2, lg: 3 }}>
          {l.challengedAct}
        </Descriptions.Item>
        <Descriptions.Item label="诉讼请求" span={{ xs: 1, sm: 2, lg: 3 }}>
          <span style={{ whiteSpace: 'pre-wrap' }}>{l.claims}</span>
        </Descriptions.Item>
      </Descriptions>
      {mandatory && (
        <Alert
          type="warning"
          showIcon
          style={{ marginTop: 8 }}
          data-testid="appearance-mandatory"
          title="本案行政机关负责人应当出庭应诉"
          description={`${[...l.mandatoryGrounds.map((g) => grounds[g] ?? g), ...(l.hearings.some((h) => h.courtRecommendsHead) ? ['人民法院书面建议负责人出庭'] : [])].join('、')}（法释〔2018〕1号第一百二十九条）。不能出庭的，应当提交加盖公章的情况说明，并委托本机关工作人员出庭；仅委托律师出庭的，不视为负责人出庭应诉。`}
        />
      )}
      {!l.answer && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 8 }}
          data-testid="answer-due"
          title={`被告应当于 ${l.answerDue} 前提交答辩状、作出行政行为的证据和所依据的规范性文件`}
          description={
            <>
              被告不提供或者无正当理由逾期提供证据，视为没有相应证据（《中华人民共和国行政诉讼法》第三十四条、第六十七条）。
              {l.challengedCaseId && <BundlePreview id={view.id} />}
            </>
          }
        />
      )}
      {l.answer && (
        <Alert
          type={l.answer.late ? 'warning' : 'success'}
          showIcon
          style={{ marginTop: 8 }}
          data-testid="answer"
          title={`${l.answer.on} 提交答辩状（${l.answer.number ?? ''}）${l.answer.late ? '：逾期，逾期提供的证据视为没有相应证据' : ''}`}
          description={
            <>
              <div style={{ whiteSpace: 'pre-wrap' }}>{l.answer.text}</div>
              {l.answer.bundle.caseId && <EvidenceTable bundle={l.answer.bundle} />}
            </>
          }
        />
      )}
      {l.hearings.map((h) => (
        <Alert
          key={h.seq}
          type={h.held ? (h.held.head ? 'success' : 'info') : 'info'}
          showIcon
          style={{ marginTop: 8 }}
          data-testid="hearing"
          title={`${h.instance === 'second' ? '第二审' : '第一审'}开庭：${h.date}，${h.place}${h.held ? '（已开庭）' : ''}`}
          description={
            h.held
              ? h.held.head
                ? `负责人出庭：${h.held.head.name}（${h.held.head.post}）${h.held.staff.length ? `；工作人员 ${people(h.held.staff)}` : ''}${h.held.lawyers.length ? `；律师 ${people(h.held.lawyers)}` : ''}`
                : `负责人未出庭（情况说明：${h.delegation?.reason ?? ''}）；委托工作人员 ${people(h.held.staff)}${h.held.lawyers.length ? `、律师 ${people(h.held.lawyers)}` : ''} 出庭（授权委托书 ${h.delegation?.number ?? ''}）`
              : h.delegation
                ? `负责人不能出庭，已出具授权委托书（${h.delegation.number ?? ''}），委托 ${people(h.delegation.staff)}`
                : '负责人应当出庭；不能出庭的，由负责人出具授权委托书和情况说明'
          }
        />
      ))}
      {l.judgments.map((j) => (
        <Alert
          key={j.seq}
          type="info"
          showIcon
          style={{ marginTop: 8 }}
          data-testid="judgment"
          title={`${j.on} ${j.instance === 'second' ? '第二审' : '第一审'}${j.kind === 'judgment' ? '判决' : '裁定'}（${j.number}）：${verdicts[j.type] ?? j.type}`}
          description={
            <>
              <div style={{ whiteSpace: 'pre-wrap' }}>{j.summary}</div>
              {j.appealDue && (
                <div>
                  上诉期限至 {j.appealDue}（送达之日起{j.kind === 'judgment' ? '十五' : '十'}日，第八十五条）
                </div>
              )}
            </>
          }
        />
      ))}
      {l.appealDecision && (
        <Alert
          type="info"
          showIcon
          style={{ marginTop: 8 }}
          title={`${l.appealDecision.on} 决定${l.appealDecision.appeal ? '提起上诉' : '不上诉'}`}
          description={l.appealDecision.reason}
        />
      )}
      {l.effective && (
        <Alert type="success" showIcon style={{ marginTop: 8 }} data-testid="effective" title={`裁判于 ${l.effective.on} 发生法律效力`} />
      )}
      {l.performance && (
        <Alert
          type="success"
          showIcon
          style={{ marginTop: 8 }}
          title={`${l.performance.on} 履行生效裁判`}
          description={l.performance.text}
        />
      )}
      {l.suggestion && (
        <Alert
          type={l.suggestion.reply ? 'success' : 'warning'}
          showIcon
          style={{ marginTop: 8 }}
          title={`司法建议（${l.suggestion.number}）${l.suggestion.reply ? `，已于 ${l.suggestion.reply.on} 回复` : '，待回复'}`}
          description={l.suggestion.text}
        />
      )}
    </>
  );
}

interface OpenOptions {
  cases: { id: string; number: string; party: string; servedOn: string | null; stands: boolean }[];
}

export const LAWSUITS_CONSOLE: ProcedureConsole<Lawsuit> = {
  key: 'lawsuits',
  api: '/lawsuits',
  permission: 'litigation.read',
  title: 'lawsuits',
  openLabel: 'registerLawsuit',
  searchLabel: 'searchLawsuits',
  recordName: '行政应诉案件',
  openedLabel: '立案日期',
  closedLabel: '结案日期',
  heading: (v) => `${v.record.plaintiff.name}诉${v.agency.name}（${v.record.caseNumber}）`,
  Summary,
  openDefaults: {
    challengedKind: 'penalty-case',
    challengedCaseId: null,
    reconsiderationId: null,
    mandatoryGrounds: [],
    plaintiff: { kind: 'citizen' },
  },
  openWidgets: {
    path: '/lawsuits/open-options',
    supply: (data) => {
      const o = data as OpenOptions;
      return {
        'challenged-case': {
          options: o.cases.map((c) => ({
            value: c.id,
            label: `${c.number}（${c.party}）`,
            detail: `${c.servedOn ? `${c.servedOn} 送达` : ''}${c.stands ? '' : '，已被撤销或者变更'}`,
          })),
          none: '本机关没有可被起诉的处罚决定',
        },
      };
    },
  },
};
