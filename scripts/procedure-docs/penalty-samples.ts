/**
 * The sample walk of the penalty procedure for the generated docs (observe.ts): contexts
 * (a qualified reviewer; an unqualified one who is an officer of the case and made its
 * requests; both archive policies) and, for each action, payloads that pass and payloads meant
 * to meet each of its refusals. Changing these changes only how much of the table the docs
 * can show, never what the table does.
 */
import { InMemoryHolidayTable, holidayRowsFromChineseDays } from '../../src/calendar/holiday-table.js';
import { addDays } from '../../src/calendar/legal-date.js';
import { loadSettings, DEFAULT_SETTINGS } from '../../src/modules/enforcement/settings.js';
import type { Certificate, GateContext } from '../../src/modules/enforcement/gates.js';
import { caseDeadlines } from '../../src/modules/enforcement/case-deadlines.js';
import { emptyCase } from '../../src/modules/enforcement/workflow.js';
import type { PenaltyCase } from '../../src/modules/enforcement/penalty-case.js';
import type { Scenario, Walk } from './observe.js';

const { years, rows } = holidayRowsFromChineseDays();
export const table = new InMemoryHolidayTable(rows, years);
const warn = loadSettings(DEFAULT_SETTINGS);
const strict = loadSettings({ ...DEFAULT_SETTINGS, archiveWhenIncomplete: 'refuse', archiveWithoutRecording: 'refuse' });

const FIELD = '综合行政执法';
const cert = (field: string): Certificate => ({
  number: 'CQ1',
  field,
  area: '秀山县妙泉镇',
  state: 'valid',
  annualReview: 'passed',
  issuedOn: '2024-01-01',
  expiresOn: '2029-12-31',
});
const CERTS: Record<string, Certificate[]> = { p1: [cert(FIELD)], p2: [cert(FIELD)], p3: [], p4: [cert('生态环境')], chair: [cert(FIELD)] };
const FILE = 'f'.repeat(64);
const OFFICERS = ['p1', 'p2'];

function ctx(today: string, settings: GateContext['settings'], actor: GateContext['actor']): GateContext {
  return {
    today,
    table,
    settings,
    certificatesOf: (id) => CERTS[id] ?? [],
    uploadedFile: (sha) => (sha === FILE ? { sha256: FILE, size: 1024, mime: 'video/mp4', fileName: 'MQ-01.mp4' } : undefined),
    nameOf: () => '某某',
    regionNames: ['秀山土家族苗族自治县', '妙泉镇'],
    actor,
    sameActFines: [],
  };
}

const points = (ok: boolean) =>
  Object.fromEntries(
    ['body', 'officers', 'procedure', 'facts', 'law', 'discretion', 'abuse', 'documents', 'crime', 'other'].map((k) => [
      k,
      { ok, note: '意见' },
    ]),
  );
const party = (kind: 'citizen' | 'organisation') => ({
  kind,
  name: '某某',
  idNumber: null,
  address: '某村',
  phone: null,
  representative: null,
});
const KINDS = ['filing', 'preservation', 'seizure', 'seizure-extension', 'extension', 'deferral'] as const;

/** Payloads for `type` on case `c` at `today`: ones that pass, and ones meant to meet each refusal. */
function payloads(type: string, c: PenaltyCase, today: string, d: string): unknown[] {
  const future = addDays(today, 1);
  const early = addDays(c.registeredOn, -1);
  const dated = (f: (x: string) => unknown) => [f(d), f(future), f(early)];
  const pendingKinds = [...new Set([...c.pending.map((p) => p.kind), ...KINDS])];
  const recording = (file: boolean, end = '2026-01-01T10:10:00+08:00') => ({
    type: 'audiovisual',
    title: '执法记录仪视频',
    description: '现场',
    collectedOn: d,
    source: '执法记录仪',
    ...(file ? { file: { sha256: FILE } } : {}),
    recording: {
      recorder: '某某',
      startedAt: '2026-01-01T10:00:00+08:00',
      endedAt: end,
      scene: 'inspection',
      place: '现场',
      gps: null,
      officers: ['p1'],
    },
  });
  const conclude = (o: Record<string, unknown>) => ({
    on: d,
    facts: '事实',
    evidenceSummary: '证据',
    outcome: 'penalty',
    kinds: ['warning', 'fine'],
    fineFen: 50_000,
    confiscationFen: 0,
    basis: '条例',
    circumstanceId: 'ordinary',
    discretionReason: null,
    reviewGrounds: [],
    ...o,
  });
  switch (type) {
    case 'penalty.register':
      return [
        { source: { kind: 'patrol', summary: '巡查', receivedOn: d }, party: party('citizen'), field: FIELD },
        { source: { kind: 'complaint', summary: '举报', receivedOn: d }, party: party('organisation'), field: FIELD },
        { source: { kind: 'patrol', summary: '巡查', receivedOn: future }, party: party('citizen'), field: FIELD },
      ];
    case 'penalty.request-filing':
      return [
        ...[0, 30, 725, 800, 1000].map((back) => ({
          violationTypeId: 'wild-fire',
          actOn: addDays(d, -back),
          seriousHarm: false,
          officers: OFFICERS,
          summary: '用火',
        })),
        { violationTypeId: 'wild-fire', actOn: future, seriousHarm: false, officers: OFFICERS, summary: '用火' },
        { violationTypeId: 'wild-fire', actOn: d, seriousHarm: true, officers: OFFICERS, summary: '用火' },
        { violationTypeId: 'no-such-type', actOn: d, seriousHarm: false, officers: OFFICERS, summary: '用火' },
        { violationTypeId: 'pollutant-discharge', actOn: d, seriousHarm: false, officers: OFFICERS, summary: '排污' },
        { violationTypeId: 'wild-fire', actOn: d, seriousHarm: false, officers: ['p1', 'p3'], summary: '用火' },
        { violationTypeId: 'wild-fire', actOn: d, seriousHarm: false, officers: ['p1', 'p1'], summary: '用火' },
      ];
    case 'penalty.approve':
      return pendingKinds.map((kind) => ({ kind, opinion: '同意' }));
    case 'penalty.reject':
      return pendingKinds.map((kind) => ({ kind, reason: '不同意' }));
    case 'penalty.record-inquiry':
    case 'penalty.record-inspection':
      return [
        ...dated((on) => ({ on, place: '现场', officers: OFFICERS, subject: '当事人', summary: '笔录' })),
        { on: d, place: '现场', officers: ['p1', 'p4'], subject: '当事人', summary: '笔录' },
      ];
    case 'penalty.add-evidence':
      return [
        ...dated((collectedOn) => ({ type: 'documentary', title: '书证', description: '说明', collectedOn, source: '当事人' })),
        { type: 'documentary', title: '书证', description: '说明', collectedOn: d, source: '当事人', file: { sha256: '0'.repeat(64) } },
        { type: 'documentary', title: '书证', description: '说明', collectedOn: d, source: '当事人', step: 9999 },
        recording(true),
        recording(false),
        recording(true, '2025-12-31T10:00:00+08:00'),
      ];
    case 'penalty.withdraw-evidence':
      return [...c.evidence.map((e) => ({ seq: e.seq, reason: '撤回' })), { seq: 9999, reason: '撤回' }];
    case 'penalty.request-preservation':
      return [
        ...dated((on) => ({ on, items: '物品', reason: '可能灭失', officers: OFFICERS })),
        { on: d, items: '物品', reason: '可能灭失', officers: ['p1', 'p3'] },
      ];
    case 'penalty.decide-preservation':
      return [
        ...c.preservations.flatMap((x) => [
          { preservationSeq: x.seq, on: d, decision: '退还' },
          { preservationSeq: x.seq, on: addDays(x.on, -1), decision: '退还' },
          { preservationSeq: x.seq, on: future, decision: '退还' },
        ]),
        { preservationSeq: 9999, on: d, decision: '退还' },
      ];
    case 'penalty.request-seizure':
      return [
        ...dated((on) => ({ on, items: '设备', reason: '防止转移', basis: '法律', officers: OFFICERS })),
        { on: d, items: '设备', reason: '防止转移', basis: '法律', officers: ['p1', 'p3'] },
      ];
    case 'penalty.request-seizure-extension':
      return [...c.seizures.map((s) => ({ seizureSeq: s.seq, reason: '需要' })), { seizureSeq: 9999, reason: '需要' }];
    case 'penalty.release-seizure':
      return [
        ...c.seizures.flatMap((s) => [
          { seizureSeq: s.seq, on: d, reason: '解除' },
          { seizureSeq: s.seq, on: future, reason: '解除' },
        ]),
        { seizureSeq: 9999, on: d, reason: '解除' },
      ];
    case 'penalty.conclude-investigation':
      return [
        conclude({}),
        conclude({ on: future }),
        conclude({ fineFen: 20_000_000, circumstanceId: 'serious', reviewGrounds: ['complex'] }),
        conclude({ fineFen: 150_000 }),
        conclude({ fineFen: 150_000, discretionReason: '情节特殊' }),
        conclude({ kinds: ['warning'], fineFen: 0 }),
        conclude({ kinds: [], fineFen: 0 }),
        conclude({ outcome: 'no-penalty-minor', kinds: [], fineFen: 0, circumstanceId: null, education: '当场宣讲森林防火法规' }),
        conclude({ outcome: 'no-penalty-minor', kinds: [], fineFen: 0, circumstanceId: null }),
        conclude({ outcome: 'no-penalty-under-14', kinds: [], fineFen: 0, circumstanceId: null, education: '责令监护人加以管教' }),
        conclude({ fineFen: 10_000 }),
        conclude({ fineFen: 10_000, mitigation: [{ ground: 'confessed', evidence: '询问笔录第2页' }] }),
        conclude({ fineFen: 90_000, mitigation: [{ ground: 'eliminated-harm', evidence: '现场照片' }] }),
        conclude({ outcome: 'no-penalty-minor', kinds: ['fine'] }),
        conclude({ kinds: ['warning'], fineFen: 50_000 }),
        conclude({ kinds: ['warning'], fineFen: 0, confiscationFen: 1_000 }),
        conclude({ circumstanceId: null }),
        conclude({ outcome: 'transfer', kinds: [], fineFen: 0, circumstanceId: null }),
        conclude({ fineFen: 2_000_000, circumstanceId: 'serious', discretionReason: '情节特殊' }),
        conclude({ fineFen: 20_000_000, circumstanceId: 'serious', discretionReason: '情节特殊' }),
      ];
    case 'penalty.submit-review':
      return dated((on) => ({ on, materials: '材料' }));
    case 'penalty.review-opinion':
      return [
        ...dated((on) => ({ on, conclusion: 'agree', points: points(true), text: '意见' })),
        { on: d, conclusion: 'agree', points: points(false), text: '意见' },
        { on: d, conclusion: 'return', points: points(false), text: '意见' },
      ];
    case 'penalty.serve-notice':
      return [
        ...dated((servedOn) => ({ servedOn, method: 'direct', consentOnFile: false })),
        { servedOn: d, method: 'electronic', consentOnFile: false },
      ];
    case 'penalty.record-statement':
      return [...dated((on) => ({ on, summary: '申辩' })), ...(c.notice ? [{ on: addDays(c.notice.servedOn, -1), summary: '申辩' }] : [])];
    case 'penalty.recheck-statement':
      return dated((on) => ({ on, adopted: false, reasoning: '复核' }));
    case 'penalty.waive-rights':
      return [
        ...dated((on) => ({ on, statement: '放弃' })),
        ...(c.notice ? [{ on: addDays(c.notice.servedOn, -1), statement: '放弃' }] : []),
      ];
    case 'penalty.request-hearing':
      return [
        ...dated((requestedOn) => ({ requestedOn })),
        ...(c.notice ? [{ requestedOn: addDays(c.notice.servedOn, -1) }, { requestedOn: addDays(c.notice.servedOn, 12) }] : []),
      ];
    case 'penalty.notify-hearing':
      return [
        ...dated((servedOn) => ({ servedOn, hearingDate: addDays(d, 16), place: '会议室', chairPersonId: 'chair', public: true })),
        { servedOn: d, hearingDate: addDays(d, 10), place: '会议室', chairPersonId: 'chair', public: true },
        { servedOn: d, hearingDate: addDays(d, 3), place: '会议室', chairPersonId: 'chair', public: true },
        { servedOn: d, hearingDate: addDays(d, 16), place: '会议室', chairPersonId: 'p1', public: true },
      ];
    case 'penalty.hold-hearing':
      return [
        ...dated((heldOn) => ({ heldOn, partyAbsent: false, agents: [], record: '笔录', signed: true, refusalNote: null })),
        { heldOn: d, partyAbsent: true, agents: [], record: '笔录', signed: true, refusalNote: null },
        { heldOn: d, partyAbsent: false, agents: [], record: '笔录', signed: false, refusalNote: null },
        ...(c.hearing?.date
          ? [
              { heldOn: addDays(c.hearing.date, -1), partyAbsent: false, agents: [], record: '笔录', signed: true, refusalNote: null },
              { heldOn: c.hearing.date, partyAbsent: false, agents: ['代理人'], record: '笔录', signed: true, refusalNote: null },
            ]
          : []),
      ];
    case 'penalty.report-hearing':
      return dated((on) => ({ on, report: '报告' }));
    case 'penalty.collective-discussion':
      return dated((on) => ({ on, participants: ['甲', '乙', '丙'], conclusion: '同意' }));
    case 'penalty.decide':
      return [
        { on: today, reasoning: '理由', paymentInstructions: null },
        { on: addDays(today, -1), reasoning: '理由', paymentInstructions: null },
      ];
    case 'penalty.record-service-attempt':
      return [
        ...dated((on) => ({ on, document: c.decision ? 'decision' : 'notice', method: 'post', why: '邮件退回' })),
        { on: d, document: c.decision ? 'notice' : 'decision', method: 'post', why: '邮件退回' },
      ];
    case 'penalty.serve-decision':
      return [
        ...dated((servedOn) => ({ servedOn, method: 'direct', recipient: '某某', refusedToSign: false, consentOnFile: false })),
        { servedOn: d, method: 'electronic', recipient: '某某', refusedToSign: false, consentOnFile: false },
        { servedOn: d, method: 'direct', recipient: '某某', refusedToSign: true, consentOnFile: false },
        { servedOn: d, method: 'public-notice', recipient: '某某', refusedToSign: false, consentOnFile: false },
        ...(c.decision
          ? [{ servedOn: addDays(c.decision.on, -1), method: 'direct', recipient: '某某', refusedToSign: false, consentOnFile: false }]
          : []),
      ];
    case 'penalty.record-payment':
      return [
        ...dated((on) => ({ on, amountFen: 50_000, receipt: '票据' })),
        { on: d, amountFen: 1_000, receipt: '票据' },
        { on: d, amountFen: 90_000_000, receipt: '票据' },
      ];
    case 'penalty.request-deferral':
      return [
        { until: addDays(today, 30), instalments: 2, reason: '困难' },
        { until: today, instalments: 1, reason: '困难' },
      ];
    case 'penalty.request-recusal': {
      const base = { on: d, role: 'officer', applicant: 'party', reason: '系当事人近亲属' };
      return [
        { ...base, personId: c.officers[1] ?? 'p2', replacementId: 'chair' },
        { ...base, personId: c.officers[1] ?? 'p2', replacementId: null },
        { ...base, personId: 'nobody', replacementId: 'chair' },
        { ...base, personId: c.officers[1] ?? 'p2', replacementId: 'p3' },
        { ...base, personId: 'reviewer', role: 'reviewer', replacementId: null },
        { ...base, on: early, personId: c.officers[1] ?? 'p2', replacementId: 'chair' },
      ];
    }
    case 'penalty.order-correction':
      return [...dated((on) => ({ on, order: '清理', by: addDays(on, 7) })), { on: d, order: '清理', by: addDays(d, -1) }];
    case 'penalty.recheck-correction': {
      const o = c.correctionOrders.find((x) => !x.recheck);
      return [
        { seq: o?.seq ?? 0, on: d, corrected: true, findings: '已改正' },
        { seq: o?.seq ?? 0, on: d, corrected: false, findings: '未改正' },
        { seq: 99, on: d, corrected: true, findings: '已改正' },
        ...(o ? [{ seq: o.seq, on: addDays(o.on, -1), corrected: true, findings: '已改正' }] : []),
      ];
    }
    case 'penalty.serve-reminder':
      return [...dated((servedOn) => ({ servedOn })), { servedOn: d }];
    case 'penalty.apply-court':
      return [...dated((on) => ({ on, court: '秀山县人民法院' }))];
    case 'penalty.suspend':
      return dated((from) => ({ from, reason: '鉴定' }));
    case 'penalty.resume':
      return [
        ...dated((on) => ({ on, reason: '恢复' })),
        ...c.suspensions.filter((s) => s.to === null).map((s) => ({ on: addDays(s.from, -1), reason: '恢复' })),
      ];
    case 'penalty.request-extension':
      return [{ days: 30, reason: '复杂' }];
    case 'penalty.close':
      return dated((on) => ({ on, report: '结案' }));
    case 'penalty.archive':
      return [...dated((on) => ({ on, acknowledgeWarnings: true })), { on: d, acknowledgeWarnings: false }];
    case 'penalty.on-the-spot': {
      const spot = (o: Record<string, unknown>) => ({
        party: party('citizen'),
        field: FIELD,
        on: today,
        place: '现场',
        officers: OFFICERS,
        violationTypeId: 'wild-fire',
        circumstanceId: 'ordinary',
        facts: '事实',
        basis: '依据',
        told: true,
        statement: null,
        statementReply: null,
        kinds: ['fine'],
        fineFen: 20_000,
        confiscationFen: 0,
        mitigation: [],
        signed: true,
        refusalNote: null,
        cashCollected: false,
        cashGround: null,
        cashGroundNote: null,
        receiptNumber: null,
        ...o,
      });
      const minor = { ...party('citizen'), idNumber: null, birthDate: addDays(today, -15 * 366) };
      const child = { ...party('citizen'), idNumber: null, birthDate: addDays(today, -12 * 366) };
      return [
        ...[20_000, 20_001].map((fineFen) => spot({ fineFen })),
        ...[300_000, 300_001].map((fineFen) => spot({ party: party('organisation'), fineFen: fineFen / 10 })),
        spot({ party: party('organisation'), fineFen: 300_001 }),
        spot({ on: addDays(today, -1), kinds: ['warning'], fineFen: 0 }),
        spot({ kinds: [], fineFen: 0, confiscationFen: 100, signed: false }),
        spot({ officers: ['p1', 'p3'], violationTypeId: 'pollutant-discharge', kinds: ['fine', 'suspend-business'] }),
        spot({ kinds: ['warning'], fineFen: 100 }),
        spot({ circumstanceId: 'nonexistent' }),
        spot({ fineFen: 10_000 }),
        spot({ told: false }),
        spot({ statement: '不是我烧的' }),
        spot({ statement: '不是我烧的', statementReply: '有现场照片为证，不予采纳' }),
        spot({ party: minor, fineFen: 80_000 }),
        spot({ party: minor, fineFen: 20_000 }),
        spot({ party: child, kinds: ['warning'], fineFen: 0 }),
        spot({ cashCollected: true, receiptNumber: '渝财罚 000001' }),
        spot({
          cashCollected: true,
          cashGround: 'remote',
          cashGroundNote: '山区林场，距最近银行网点 40 公里',
          receiptNumber: '渝财罚 000002',
        }),
        spot({ cashCollected: true, cashGround: 'remote', cashGroundNote: '山区林场', receiptNumber: null }),
        spot({
          violationTypeId: 'waste-dumping',
          circumstanceId: 'minor',
          fineFen: 10_000,
          cashCollected: true,
          receiptNumber: '渝财罚 000003',
        }),
      ];
    }
    case 'penalty.correct-decision':
      return dated((on) => ({ on, wrong: '罚款人民币伍佰元整（¥5000.00）', corrected: '罚款人民币伍佰元整（¥500.00）' }));
    case 'penalty.request-self-correction':
      return [
        { kind: 'revoke', reason: '违法事实认定错误', legalReview: '同意撤销', kinds: [], fineFen: 0, confiscationFen: 0 },
        { kind: 'vary', reason: '裁量明显不当', legalReview: '同意变更', kinds: ['fine'], fineFen: 20_000, confiscationFen: 0 },
        { kind: 'vary', reason: '裁量明显不当', legalReview: '同意变更', kinds: [], fineFen: 0, confiscationFen: 0 },
      ];
    case 'penalty.record-change': {
      const change = (o: Record<string, unknown>) => ({
        on: d,
        source: 'reconsideration',
        body: '秀山县人民政府',
        documentNumber: '秀府复决〔2026〕1号',
        outcome: 'upheld',
        reason: '理由',
        kinds: [],
        fineFen: 0,
        confiscationFen: 0,
        redoBy: null,
        procedureOnly: false,
        note: null,
        ...o,
      });
      return [
        change({}),
        change({ on: future }),
        change({ outcome: 'varied', kinds: ['fine'], fineFen: 20_000 }),
        change({ outcome: 'varied' }),
        change({ outcome: 'revoked' }),
        change({ outcome: 'revoked-redo' }),
        change({ outcome: 'revoked-redo', redoBy: addDays(d, 60) }),
        change({ source: 'litigation', body: '秀山县人民法院', outcome: 'unlawful' }),
        change({ outcome: 'void', kinds: ['fine'], fineFen: 100 }),
      ];
    }
    case 'penalty.record-refund':
      return [...dated((on) => ({ on, amountFen: 100, voucher: '退付书' })), { on: d, amountFen: 1_000_000_000, voucher: '退付书' }];
    case 'penalty.hand-in-cash':
      return dated((on) => ({ on, receivedBy: '出纳' }));
    case 'penalty.bank-cash':
      return dated((on) => ({ on, bankReceipt: '缴款单' }));
    case 'penalty.file-on-the-spot':
      return dated((on) => ({ on }));
    default:
      throw new Error(`no sample payloads for ${type}`);
  }
}

/** The long paths, step by step: a heard, reviewed, collectively discussed case taken to court; a filing that grows stale. */
const SCENARIOS: Scenario<PenaltyCase>[] = [
  {
    name: 'hearing, review, collective discussion, reminder, court',
    start: '2025-03-03',
    steps: [
      {
        type: 'penalty.register',
        payload: (_c, d) => ({ source: { kind: 'complaint', summary: '举报', receivedOn: d }, party: party('organisation'), field: FIELD }),
      },
      {
        type: 'penalty.request-filing',
        payload: (_c, d) => ({
          violationTypeId: 'waste-dumping',
          actOn: addDays(d, -10),
          seriousHarm: false,
          officers: OFFICERS,
          summary: '倾倒垃圾',
        }),
      },
      { type: 'penalty.approve', payload: () => ({ kind: 'filing', opinion: '同意' }) },
      {
        type: 'penalty.record-inspection',
        payload: (_c, d) => ({ on: d, place: '现场', officers: OFFICERS, subject: '当事人', summary: '笔录' }),
      },
      {
        type: 'penalty.conclude-investigation',
        payload: (_c, on) => ({
          on,
          facts: '事实',
          evidenceSummary: '证据',
          outcome: 'penalty',
          kinds: ['fine'],
          fineFen: 12_000_000,
          confiscationFen: 0,
          basis: '《中华人民共和国固体废物污染环境防治法》第一百一十一条',
          circumstanceId: 'ordinary',
          discretionReason: null,
          reviewGrounds: [],
        }),
      },
      { type: 'penalty.submit-review', payload: (_c, on) => ({ on, materials: '材料' }) },
      { type: 'penalty.review-opinion', payload: (_c, on) => ({ on, conclusion: 'agree', points: points(true), text: '同意' }) },
      { type: 'penalty.serve-notice', payload: (_c, servedOn) => ({ servedOn, method: 'direct', consentOnFile: false }) },
      { type: 'penalty.request-hearing', wait: 1, payload: (_c, requestedOn) => ({ requestedOn }) },
      {
        type: 'penalty.notify-hearing',
        payload: (_c, servedOn) => ({
          servedOn,
          hearingDate: addDays(servedOn, 16),
          place: '会议室',
          chairPersonId: 'chair',
          public: true,
        }),
      },
      {
        type: 'penalty.hold-hearing',
        wait: 16,
        payload: (c) => ({
          heldOn: c.hearing!.date,
          partyAbsent: false,
          agents: ['代理人'],
          record: '笔录',
          signed: true,
          refusalNote: null,
        }),
      },
      { type: 'penalty.report-hearing', payload: (_c, on) => ({ on, report: '报告' }) },
      { type: 'penalty.collective-discussion', payload: (_c, on) => ({ on, participants: ['甲', '乙', '丙'], conclusion: '同意' }) },
      { type: 'penalty.decide', payload: (_c, on) => ({ on, reasoning: '理由', paymentInstructions: '十五日内缴纳' }) },
      {
        type: 'penalty.serve-decision',
        wait: 1,
        payload: (_c, servedOn) => ({ servedOn, method: 'direct', recipient: '某某', refusedToSign: false, consentOnFile: false }),
      },
      { type: 'penalty.serve-reminder', wait: 20, payload: (_c, servedOn) => ({ servedOn }) },
      { type: 'penalty.apply-court', wait: 200, payload: (_c, on) => ({ on, court: '秀山县人民法院' }) },
      { type: 'penalty.close', payload: (_c, on) => ({ on, report: '结案' }) },
    ],
  },
  {
    name: 'a filing that grows stale before it is approved',
    start: '2025-03-03',
    steps: [
      {
        type: 'penalty.register',
        payload: (_c, d) => ({ source: { kind: 'patrol', summary: '巡查', receivedOn: d }, party: party('citizen'), field: FIELD }),
      },
      {
        type: 'penalty.request-filing',
        payload: (_c, d) => ({
          violationTypeId: 'wild-fire',
          actOn: addDays(d, -729),
          seriousHarm: false,
          officers: OFFICERS,
          summary: '用火',
        }),
      },
      { type: 'penalty.reject', wait: 5, payload: () => ({ kind: 'filing', reason: '已过追责时效' }) },
    ],
  },
];

export const PENALTY_WALK: Walk<PenaltyCase, GateContext> = {
  seed: 20_260_302,
  runs: 60,
  steps: 50,
  start: '2025-01-02',
  // Requests, reports and records are made by p1, an officer of the case; the head and the
  // reviewer are someone else, or p1 again (refused: separation of duties, an investigator reviewing).
  actor: { personId: 'p1', userId: 'p1-user' },
  contexts: (today) => [
    ctx(today, warn, { personId: 'reviewer', userId: 'reviewer-user', legalQualification: 'A2016' }),
    ctx(today, strict, { personId: 'p1', userId: 'p1-user', legalQualification: null }),
  ],
  payloads,
  scenarios: SCENARIOS,
  deadlines: (c, today) => caseDeadlines(c, { table, settings: warn, today }),
  progress: [
    'penalty.request-filing',
    'penalty.approve',
    'penalty.record-inquiry',
    'penalty.record-inspection',
    'penalty.conclude-investigation',
    'penalty.serve-notice',
    'penalty.waive-rights',
    'penalty.request-hearing',
    'penalty.notify-hearing',
    'penalty.hold-hearing',
    'penalty.report-hearing',
    'penalty.submit-review',
    'penalty.review-opinion',
    'penalty.record-statement',
    'penalty.recheck-statement',
    'penalty.collective-discussion',
    'penalty.decide',
    'penalty.serve-decision',
    'penalty.serve-reminder',
    'penalty.apply-court',
    'penalty.hand-in-cash',
    'penalty.bank-cash',
    'penalty.file-on-the-spot',
    'penalty.close',
    'penalty.archive',
    'penalty.request-preservation',
    'penalty.request-seizure',
  ],
  empty: (today) => emptyCase('c', 'a', '/x/', today),
};
