/**
 * The sample walk of 行政复议 for the generated docs (observe.ts): payloads that pass and
 * payloads meant to meet each refusal — late applications with and without their exception,
 * a late 补正 notice, a simple procedure without its ground, a decision before the answer's
 * time is over or without the hearing a major case needs, a delegate without a reason.
 */
import { addDays } from '../../src/calendar/legal-date.js';
import { RECONSIDERATIONS } from '../../src/modules/reconsideration/procedure.js';
import type { ReconsiderationContext } from '../../src/modules/reconsideration/actions.js';
import { DECISION_TYPE_IDS, emptyReconsideration, type Reconsideration } from '../../src/modules/reconsideration/state.js';
import { table } from './penalty-samples.js';
import type { Scenario, Walk } from './observe.js';

const BODY_AGENCY = '00000000-0000-4000-8000-000000000001';
const TOWN = '00000000-0000-4000-8000-000000000002';
const CASE = '00000000-0000-4000-8000-000000000003';
const agency = { id: BODY_AGENCY, name: '某县司法局', doc_prefix: '某司', region_path: '/x/' };
const applicant = { kind: 'citizen', name: '某某', idNumber: '500241199001011236', phone: '13800001234', address: null };
const SCAN = 'b'.repeat(64);

const receive = (receivedOn: string, knewOn: string, lateException: unknown = null, over: Record<string, unknown> = {}) => ({
  channel: 'letter',
  receivedOn,
  applicant,
  respondentAgencyId: TOWN,
  challengedCaseId: null,
  challengedAct: '某罚决字〔2025〕1号行政处罚决定',
  knewOn,
  requests: '撤销',
  reasons: '事实不清',
  lateException,
  ...over,
});

const decide = (on: string, type: string, o: Record<string, unknown> = {}) => ({
  on,
  type,
  reason: '理由',
  redoBy: null,
  variedFineFen: null,
  ...o,
});

/** A referral as the server's prepare completes it (the document found, published). */
const DOCUMENT = { title: '某镇管理办法', drafter: '某镇人民政府', challengeable: true };
const refer = (on: string) => ({
  on,
  documentId: '6f1c2a4e-0000-4000-8000-000000000001',
  clauses: '第五条',
  points: '违法设定义务',
  document: DOCUMENT,
});

function payloads(type: string, r: Reconsideration, today: string, d: string): unknown[] {
  const future = addDays(today, 1);
  const early = addDays(r.receivedOn, -1);
  const dated = (f: (x: string) => unknown) => [f(d), f(future), f(early)];
  switch (type) {
    case 'reconsideration.receive':
      return [
        receive(today, addDays(today, -10)),
        receive(future, addDays(today, -10)),
        receive(today, future),
        receive(today, addDays(today, -90)),
        receive(today, addDays(today, -90), { kind: 'obstacle', reason: '住院', from: addDays(today, -80), to: addDays(today, -20) }),
        receive(today, addDays(today, -90), { kind: 'obstacle', reason: '住院', from: addDays(today, -80), to: addDays(today, -79) }),
        receive(today, addDays(today, -90), { kind: 'obstacle', reason: '住院', from: addDays(today, -80), to: null }),
        receive(today, addDays(today, -90), { kind: 'rights-not-told', reason: '未告知', from: addDays(today, -20), to: null }),
        receive(today, addDays(today, -400), { kind: 'rights-not-told', reason: '未告知', from: addDays(today, -20), to: null }),
        receive(today, addDays(today, -10), null, { challengedCaseId: CASE }),
        receive(today, addDays(today, -10), null, { respondentAgencyId: BODY_AGENCY }),
        receive(today, addDays(today, -10), null, {
          channel: 'forwarded',
          forwarding: { kind: 'camera', agencyReceivedOn: addDays(today, -5), forwardedOn: addDays(today, -1) },
        }),
        receive(today, addDays(today, -70), null, {
          channel: 'forwarded',
          forwarding: { kind: 'on-the-spot', agencyReceivedOn: addDays(today, -15), forwardedOn: addDays(today, -16) },
        }),
        receive(today, addDays(today, -10), null, { channel: 'forwarded' }),
      ];
    case 'reconsideration.apply-online': {
      const online = (knewOn: string, over: Record<string, unknown> = {}) => {
        const { channel: _c, receivedOn: _r, challengedCaseId: _k, ...rest } = receive(today, knewOn);
        return { ...rest, trackingHash: 'c'.repeat(64), ...over };
      };
      return [
        online(addDays(today, -10)),
        online(future),
        online(addDays(today, -90)),
        online(addDays(today, -10), { applicant: { ...applicant, idNumber: '', phone: null } }),
        online(addDays(today, -10), { respondentAgencyId: BODY_AGENCY }),
      ];
    }
    case 'reconsideration.request-correction':
      return [...dated((on) => ({ on, items: '请提供决定书复印件' })), { on: addDays(r.receivedOn, 10), items: '请提供' }];
    case 'reconsideration.answer-correction':
      return [
        { on: d, answer: '已补正', lateReason: null },
        { on: d, answer: '已补正', lateReason: '外出' },
        { on: future, answer: '已补正', lateReason: null },
        ...(r.correction ? [{ on: addDays(r.correction.on, -1), answer: '已补正', lateReason: null }] : []),
      ];
    case 'reconsideration.deem-withdrawn':
      return [...dated((on) => ({ on })), ...(r.correction ? [{ on: r.correction.answerBy }] : [])];
    case 'reconsideration.accept':
      return [
        ...dated((on) => ({ on, simple: false, simpleGround: null, hearingRequired: false })),
        { on: d, simple: true, simpleGround: null, hearingRequired: false },
        { on: d, simple: true, simpleGround: 'on-the-spot', hearingRequired: false },
        { on: d, simple: false, simpleGround: 'consent', hearingRequired: false },
        { on: d, simple: true, simpleGround: 'consent', hearingRequired: true },
        { on: d, simple: false, simpleGround: null, hearingRequired: true },
      ];
    case 'reconsideration.deem-accepted':
      return [{ hearingRequired: false }, { hearingRequired: true }];
    case 'reconsideration.refuse':
      return [
        ...dated((on) => ({ on, ground: 'not-reviewable', reason: '不属于复议范围' })),
        { on: d, ground: 'late', reason: '超期' },
        { on: addDays(r.receivedOn, 20), ground: 'no-interest', reason: '无利害关系' },
      ];
    case 'reconsideration.send-copy':
      return [...dated((on) => ({ on })), ...(r.acceptance ? [{ on: addDays(r.acceptance.on, -1) }] : [])];
    case 'reconsideration.file-answer':
      return [
        ...dated((on) => ({ on, text: '答复', normativeDocuments: null, bundle: null })),
        ...(r.copy ? [{ on: addDays(r.copy.on, -1), text: '答复', normativeDocuments: null, bundle: null }] : []),
      ];
    case 'reconsideration.name-attendee':
      return [
        { headAttends: true, headName: '镇长', delegate: null, reason: null },
        { headAttends: false, headName: '镇长', delegate: '副镇长', reason: '出差' },
        { headAttends: false, headName: '镇长', delegate: null, reason: null },
        { headAttends: true, headName: '镇长', delegate: '副镇长', reason: null },
      ];
    case 'reconsideration.schedule-hearing':
      return [
        { noticeOn: d, date: addDays(d, 14), place: '听证室' },
        { noticeOn: d, date: addDays(d, 2), place: '听证室' },
        { noticeOn: future, date: addDays(d, 14), place: '听证室' },
      ];
    case 'reconsideration.hold-hearing':
      return [
        { heldOn: d, record: '笔录' },
        { heldOn: future, record: '笔录' },
        ...(r.hearing ? [{ heldOn: addDays(r.hearing.date, -1), record: '笔录' }] : []),
      ];
    case 'reconsideration.request-extension':
      return [
        { days: 30, reason: '情况复杂' },
        { days: 31, reason: '情况复杂' },
      ];
    case 'reconsideration.approve':
      return [{ kind: 'extension', opinion: '同意' }];
    case 'reconsideration.reject':
      return [{ kind: 'extension', reason: '不同意' }];
    case 'reconsideration.suspend':
      return [
        ...dated((on) => ({ on, ground: 'death', reason: '申请人死亡，近亲属尚未确定是否参加' })),
        { on: d, ground: 'normative-review', reason: '申请人对规范性文件提出附带审查' },
      ];
    case 'reconsideration.resume':
      return [
        ...dated((on) => ({ on, reason: '原因已消除' })),
        ...((r.suspensions ?? []).length ? [{ on: addDays(r.suspensions!.at(-1)!.on, -1), reason: '原因已消除' }] : []),
      ];
    case 'reconsideration.terminate':
      return [
        ...dated((on) => ({ on, ground: 'withdrawn', reason: '申请人撤回申请，准予撤回' })),
        { on: d, ground: 'suspension-lapsed', reason: '中止满六十日' },
      ];
    case 'reconsideration.settle':
      return dated((on) => ({ on, terms: '调解协议' }));
    case 'reconsideration.decide':
      return [
        ...DECISION_TYPE_IDS.map((t) => decide(d, t)),
        decide(d, 'varied', { variedFineFen: 10_000 }),
        decide(d, 'revoked-redo', { redoBy: addDays(d, 30) }),
        decide(d, 'upheld', { variedFineFen: 10_000 }),
        decide(future, 'upheld'),
      ];
    case 'reconsideration.issue-opinion':
      return dated((on) => ({ on, text: '存在问题' }));
    case 'reconsideration.report-correction':
      return [...dated((on) => ({ on, text: '已纠正' })), ...(r.opinion ? [{ on: addDays(r.opinion.on, -1), text: '已纠正' }] : [])];
    case 'reconsideration.attach-file':
      return [SCAN, '0'.repeat(64)].map((sha256) => ({ type: 'application', title: '申请书', description: '扫描件', file: { sha256 } }));
    case 'reconsideration.withdraw-file':
      return [...(r.evidence ?? []), { seq: 9999 }].map((e) => ({ seq: e.seq, reason: '误传' }));
    case 'reconsideration.refer-normative':
      return [
        ...dated((on) => refer(on)),
        { ...refer(d), document: null },
        { ...refer(d), document: { ...DOCUMENT, challengeable: false } },
      ];
    case 'reconsideration.rule-normative':
      return dated((on) => ({ referral: r.incidentalReviews?.[0]?.referral ?? 1, on, lawful: false, reason: '停止执行' }));
    default:
      throw new Error(`no sample payloads for ${type}`);
  }
}

const uploadedFile = (sha256: string) =>
  sha256 === SCAN ? { sha256, size: 2048, mime: 'application/pdf', fileName: '申请书.pdf' } : undefined;
const ctx = (today: string, actor: ReconsiderationContext['actor'], actorAgencyId: string): ReconsiderationContext => ({
  today,
  table,
  actor,
  agency,
  uploadedFile,
  actorAgencyId,
  actorName: '某某',
  respondent: { id: TOWN, name: '某镇人民政府', regionPath: '/x/t/' },
  challenged: null,
});

const received = (_r: Reconsideration, on: string) => receive(on, addDays(on, -10));

/** The long paths: a major case heard and decided after an extension; an unanswered correction; a deemed acceptance settled; an 意见书 reported on. */
const SCENARIOS: Scenario<Reconsideration>[] = [
  {
    name: 'heard, extended, revoked and redone',
    start: '2025-03-03',
    steps: [
      { type: 'reconsideration.receive', payload: received },
      { type: 'reconsideration.accept', payload: (_r, on) => ({ on, simple: false, simpleGround: null, hearingRequired: true }) },
      { type: 'reconsideration.send-copy', payload: (_r, on) => ({ on }) },
      { type: 'reconsideration.file-answer', wait: 3, payload: (_r, on) => ({ on, text: '答复', normativeDocuments: null, bundle: null }) },
      { type: 'reconsideration.schedule-hearing', payload: (_r, noticeOn) => ({ noticeOn, date: addDays(noticeOn, 10), place: '听证室' }) },
      {
        type: 'reconsideration.name-attendee',
        payload: () => ({ headAttends: false, headName: '镇长', delegate: '副镇长', reason: '出差' }),
      },
      { type: 'reconsideration.request-extension', payload: () => ({ days: 30, reason: '情况复杂' }) },
      { type: 'reconsideration.approve', payload: () => ({ kind: 'extension', opinion: '同意' }) },
      { type: 'reconsideration.hold-hearing', wait: 10, payload: (_r, heldOn) => ({ heldOn, record: '笔录' }) },
      { type: 'reconsideration.decide', payload: (_r, on) => decide(on, 'revoked-redo', { redoBy: addDays(on, 30) }) },
      { type: 'reconsideration.issue-opinion', payload: (_r, on) => ({ on, text: '存在问题' }) },
      { type: 'reconsideration.report-correction', wait: 20, payload: (_r, on) => ({ on, text: '已纠正' }) },
    ],
  },
  {
    name: 'suspended while the applicant’s heirs decide, resumed, suspended again and terminated after sixty days',
    start: '2025-03-03',
    steps: [
      { type: 'reconsideration.receive', payload: received },
      { type: 'reconsideration.accept', payload: (_r, on) => ({ on, simple: false, simpleGround: null, hearingRequired: false }) },
      { type: 'reconsideration.suspend', payload: (_r, on) => ({ on, ground: 'interpretation', reason: '需有权机关解释' }) },
      { type: 'reconsideration.resume', wait: 20, payload: (_r, on) => ({ on, reason: '已作出解释' }) },
      { type: 'reconsideration.suspend', payload: (_r, on) => ({ on, ground: 'death', reason: '申请人死亡' }) },
      { type: 'reconsideration.terminate', wait: 61, payload: (_r, on) => ({ on, ground: 'suspension-lapsed', reason: '中止满六十日' }) },
    ],
  },
  {
    name: 'a 规范性文件 challenged alongside the act: suspended, referred, resumed, ruled unlawful, then decided',
    start: '2025-03-03',
    steps: [
      { type: 'reconsideration.receive', payload: received },
      { type: 'reconsideration.accept', payload: (_r, on) => ({ on, simple: false, simpleGround: null, hearingRequired: false }) },
      { type: 'reconsideration.suspend', payload: (_r, on) => ({ on, ground: 'normative-review', reason: '附带审查' }) },
      { type: 'reconsideration.refer-normative', payload: (_r, on) => refer(on) },
      { type: 'reconsideration.resume', wait: 15, payload: (_r, on) => ({ on, reason: '制定机关已答复' }) },
      { type: 'reconsideration.send-copy', payload: (_r, on) => ({ on }) },
      {
        type: 'reconsideration.rule-normative',
        wait: 20,
        payload: (r, on) => ({ referral: r.incidentalReviews![0]!.referral, on, lawful: false, reason: '停止执行第五条' }),
      },
      { type: 'reconsideration.decide', payload: (_r, on) => decide(on, 'revoked') },
    ],
  },
  {
    name: 'correction never answered',
    start: '2025-03-03',
    steps: [
      { type: 'reconsideration.receive', payload: received },
      { type: 'reconsideration.request-correction', payload: (_r, on) => ({ on, items: '请提供决定书复印件' }) },
      { type: 'reconsideration.deem-withdrawn', wait: 20, payload: (_r, on) => ({ on }) },
    ],
  },
  {
    name: 'deemed accepted and settled',
    start: '2025-03-03',
    steps: [
      { type: 'reconsideration.receive', payload: received },
      { type: 'reconsideration.deem-accepted', wait: 10, payload: () => ({ hearingRequired: false }) },
      { type: 'reconsideration.send-copy', payload: (_r, on) => ({ on }) },
      { type: 'reconsideration.settle', payload: (_r, on) => ({ on, terms: '调解协议' }) },
    ],
  },
];

export const RECONSIDERATION_WALK: Walk<Reconsideration, ReconsiderationContext> = {
  seed: 20_261_202,
  runs: 40,
  steps: 25,
  start: '2025-01-02',
  actor: { personId: 'body', userId: 'body-user' },
  contexts: (today) => [
    // The head of the 复议机构 first (he approves what the 复议人员 asked), then the 复议人员 and the town's head.
    ctx(today, { personId: 'body-head', userId: 'body-head-user' }, BODY_AGENCY),
    ctx(today, { personId: 'body', userId: 'body-user' }, BODY_AGENCY),
    ctx(today, { personId: 'head', userId: 'head-user' }, TOWN),
  ],
  payloads,
  scenarios: SCENARIOS,
  deadlines: (r, today) => RECONSIDERATIONS.deadlines(r, { table, today }),
  progress: [
    'reconsideration.accept',
    'reconsideration.send-copy',
    'reconsideration.file-answer',
    'reconsideration.schedule-hearing',
    'reconsideration.name-attendee',
    'reconsideration.hold-hearing',
    'reconsideration.decide',
    'reconsideration.issue-opinion',
    'reconsideration.report-correction',
  ],
  empty: (today) => emptyReconsideration('r', BODY_AGENCY, '/x/', today),
};
