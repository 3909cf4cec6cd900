/**
 * Plausible payloads for each penalty-case action, for the tests that drive cases through
 * the service: varied by `v` (the property test's random choices), or the one valid
 * payload for what a case offers now (validPenaltyPayload).
 */
import type { PenaltyActionType } from '../../src/modules/enforcement/workflow.js';
import type { PenaltyCase } from '../../src/modules/enforcement/penalty-case.js';
import { addDays } from '../../src/calendar/legal-date.js';
import type { ViolationType } from '../../src/modules/enforcement/discretion.js';

/** The demo town's people the payloads name: two certified officers, one without a certificate, a hearing chair. */
export interface People {
  officers: [string, string];
  uncertified: string;
  chair: string;
}

const allPoints = (ok: boolean) =>
  Object.fromEntries(
    ['body', 'officers', 'procedure', 'facts', 'law', 'discretion', 'abuse', 'documents', 'crime', 'other'].map((k) => [
      k,
      { ok, note: '意见' },
    ]),
  );

/** A plausible payload for each action, varied by `v`, dated `d` (today or a few days earlier). */
export function payloadFor(type: PenaltyActionType, d: string, v: number, c: PenaltyCase, people: People): unknown {
  const officers = v % 7 === 0 ? [people.officers[0], people.uncertified] : people.officers;
  const kind =
    v % 5 !== 0 && c.pending[0]
      ? c.pending[0].kind
      : (['filing', 'preservation', 'seizure', 'seizure-extension', 'extension', 'deferral'] as const)[v % 6];
  const amounts = [0, 50_000, 150_000, 600_000, 20_000_000];
  const fineFen = amounts[v % amounts.length]!;
  const outcome = (['penalty', 'penalty', 'penalty', 'no-penalty-minor', 'transfer'] as const)[v % 5];
  switch (type) {
    case 'penalty.register':
      return {
        source: { kind: 'patrol', summary: '巡查', receivedOn: d },
        party: {
          kind: v % 2 ? 'citizen' : 'organisation',
          name: '某某',
          idNumber: null,
          address: '某村',
          phone: null,
          representative: null,
        },
        field: '综合行政执法',
      };
    case 'penalty.request-filing':
      return { violationTypeId: 'wild-fire', actOn: addDays(d, -(v % 900)), seriousHarm: false, officers, summary: '用火' };
    case 'penalty.approve':
      return { kind, opinion: '同意' };
    case 'penalty.reject':
      return { kind: v % 10 === 0 ? kind : 'deferral', reason: '不同意' };
    case 'penalty.record-inquiry':
    case 'penalty.record-inspection':
      return { on: d, place: '现场', officers, subject: '当事人', summary: '笔录' };
    case 'penalty.add-evidence':
      return { type: 'documentary', title: '书证', description: '说明', collectedOn: d, source: '当事人' };
    case 'penalty.withdraw-evidence':
      return { seq: c.evidence.find((e) => !e.withdrawn)?.seq ?? 0, reason: '证据来源不明' };
    case 'penalty.request-preservation':
      return { on: d, items: '物品', reason: '可能灭失', officers };
    case 'penalty.decide-preservation':
      return { preservationSeq: c.preservations[0]?.seq ?? 0, on: d, decision: '退还' };
    case 'penalty.request-seizure':
      return { on: d, items: '设备', reason: '防止转移', basis: '法律', officers };
    case 'penalty.request-seizure-extension':
      return { seizureSeq: c.seizures[0]?.seq ?? 0, reason: '需要' };
    case 'penalty.release-seizure':
      return { seizureSeq: c.seizures[0]?.seq ?? 0, on: d, reason: '解除' };
    case 'penalty.conclude-investigation':
      return {
        on: d,
        facts: '事实',
        evidenceSummary: '证据',
        outcome,
        kinds: outcome === 'penalty' ? (v % 3 === 0 ? ['warning'] : ['warning', 'fine']) : [],
        fineFen: outcome === 'penalty' && v % 3 !== 0 ? fineFen || 50_000 : 0,
        confiscationFen: 0,
        basis: '条例',
        circumstanceId: v % 2 ? 'ordinary' : 'serious',
        discretionReason: v % 4 === 0 ? '情节特殊' : null,
        mitigation: v % 6 === 0 ? [{ ground: 'confessed', evidence: '询问笔录第2页' }] : [],
        education: outcome === 'no-penalty-minor' ? '当场宣讲森林防火法规' : null,
        reviewGrounds: v % 9 === 0 ? ['complex'] : [],
      };
    case 'penalty.submit-review':
      return { on: d, materials: '材料' };
    case 'penalty.review-opinion':
      return {
        on: d,
        conclusion: (['agree', 'agree', 'comments', 'return'] as const)[v % 4],
        points: allPoints(v % 5 !== 0),
        text: '意见',
      };
    case 'penalty.serve-notice':
      return { servedOn: d, method: 'direct', consentOnFile: false };
    case 'penalty.record-statement':
      return { on: d, summary: '申辩' };
    case 'penalty.recheck-statement':
      return { on: d, adopted: v % 2 === 0, reasoning: '复核' };
    case 'penalty.waive-rights':
      return { on: d, statement: '放弃' };
    case 'penalty.request-hearing':
      return { requestedOn: d };
    case 'penalty.notify-hearing':
      return {
        servedOn: d,
        hearingDate: addDays(d, 5 + (v % 12)),
        place: '会议室',
        chairPersonId: v % 5 === 0 ? people.officers[0] : people.chair,
        public: true,
      };
    case 'penalty.hold-hearing':
      return { heldOn: d, partyAbsent: v % 6 === 0, agents: [], record: '笔录', signed: true, refusalNote: null };
    case 'penalty.report-hearing':
      return { on: d, report: '报告' };
    case 'penalty.collective-discussion':
      return { on: d, participants: ['甲', '乙', '丙'], conclusion: '同意' };
    case 'penalty.decide':
      return { on: d, reasoning: '理由', paymentInstructions: null };
    case 'penalty.record-service-attempt':
      return { on: d, document: c.decision ? 'decision' : 'notice', method: 'post', why: '退回' };
    case 'penalty.serve-decision':
      return { servedOn: d, method: 'direct', recipient: '某某', refusedToSign: false, consentOnFile: false };
    case 'penalty.record-payment':
      return { on: d, amountFen: fineFen || 1_000, receipt: '票据' };
    case 'penalty.request-deferral':
      return { until: addDays(d, 30), instalments: 2, reason: '困难' };
    case 'penalty.request-recusal': {
      const replacement = [people.chair, ...people.officers].find((p) => !c.officers.includes(p)) ?? null;
      return {
        on: d,
        personId: c.officers[1] ?? people.officers[1],
        role: 'officer',
        applicant: 'party',
        reason: '近亲属',
        replacementId: v % 5 ? replacement : null,
      };
    }
    case 'penalty.order-correction':
      return { on: d, order: '清理', by: addDays(d, v % 3 === 0 ? -1 : 7) };
    case 'penalty.recheck-correction':
      return { seq: c.correctionOrders.find((o) => !o.recheck)?.seq ?? 0, on: d, corrected: true, findings: '复查' };
    case 'penalty.serve-reminder':
      return { servedOn: d };
    case 'penalty.apply-court':
      return { on: d, court: '秀山县人民法院' };
    case 'penalty.suspend':
      return { from: d, reason: '鉴定' };
    case 'penalty.resume':
      return { on: d, reason: '恢复' };
    case 'penalty.request-extension':
      return { days: 30, reason: '复杂', discussion: '负责人集体讨论同意延期' };
    case 'penalty.close':
      return { on: d, report: '结案' };
    case 'penalty.archive':
      return { on: d, acknowledgeWarnings: true };
    case 'penalty.on-the-spot': {
      const fine = [10_000, 20_000, 20_001, 300_000][v % 4]!;
      return {
        party: { kind: 'citizen', name: '某某', idNumber: null, address: `某村${v}组`, phone: null, representative: null },
        field: '综合行政执法',
        on: d,
        place: '现场',
        officers,
        violationTypeId: 'wild-fire',
        circumstanceId: 'ordinary',
        facts: '事实',
        basis: '依据',
        told: true,
        statement: null,
        statementReply: null,
        kinds: ['fine'],
        fineFen: fine,
        confiscationFen: 0,
        mitigation: [],
        signed: true,
        refusalNote: null,
        cashCollected: v % 3 === 0,
        cashGround: null,
        cashGroundNote: null,
        receiptNumber: v % 3 === 0 ? `票据${v}` : null,
      };
    }
    case 'penalty.correct-decision':
      return { on: d, wrong: '当事人住所“某村”', corrected: '当事人住所“某某村”' };
    case 'penalty.request-self-correction':
      return v % 2
        ? { kind: 'revoke', reason: '事实认定错误', legalReview: '同意撤销', kinds: [], fineFen: 0, confiscationFen: 0 }
        : { kind: 'vary', reason: '裁量不当', legalReview: '同意变更', kinds: ['warning'], fineFen: 0, confiscationFen: 0 };
    case 'penalty.record-change':
      return {
        on: d,
        source: 'reconsideration',
        body: '秀山县人民政府',
        documentNumber: `秀府复决〔2026〕${v}号`,
        outcome: (['upheld', 'unlawful', 'revoked'] as const)[v % 3],
        reason: '理由',
        kinds: [],
        fineFen: 0,
        confiscationFen: 0,
        redoBy: null,
        procedureOnly: false,
        note: null,
      };
    case 'penalty.record-refund':
      return { on: d, amountFen: 100, voucher: '退付书' };
    case 'penalty.hand-in-cash':
      return { on: d, receivedBy: '出纳' };
    case 'penalty.bank-cash':
      return { on: d, bankReceipt: '缴款单' };
    case 'penalty.file-on-the-spot':
      return { on: d };
  }
}

/** What a record offers: the action, and for an answer to a request, the request's kind. */
export interface OfferedAction {
  type: string;
  preset?: Record<string, unknown>;
}

/** What a valid payload draws on besides the case: the town's people, the day, the user's upload, the benchmarks. */
export interface PayloadSources {
  people: People;
  today: string;
  /** SHA-256 of a verified upload of the acting user's own (a recording needs its file) */
  file: string;
  /** The agency's 裁量基准 */
  benchmarks: ViolationType[];
}

/**
 * A valid payload for what the case offers now, dated today: the property test's
 * plausible payload with the choices that pass (the case's own certified officers, a penalty inside the
 * case's benchmark), aimed at the case's own items (the request answered, the
 * preservation decided, the seizure released) and at its own dates.
 */
export function validPenaltyPayload(offer: OfferedAction, c: PenaltyCase, src: PayloadSources): unknown {
  const { people, today } = src;
  const type = offer.type as PenaltyActionType;
  const base = payloadFor(type, today, 1, c, people) as Record<string, unknown>;
  switch (type) {
    case 'penalty.approve':
    case 'penalty.reject':
      return { ...base, kind: offer.preset?.kind };
    case 'penalty.add-evidence':
      // After the decision only recordings of the process may be added (Art 40).
      return c.decision ? { ...base, type: 'audiovisual', file: { sha256: src.file }, recording: serviceRecording(src) } : base;
    case 'penalty.conclude-investigation':
      return { ...base, ...insideBenchmark(c, src.benchmarks) };
    case 'penalty.decide-preservation':
      return { ...base, preservationSeq: c.preservations.find((p) => p.decidedOn === null)?.seq };
    case 'penalty.request-seizure-extension':
      return { ...base, seizureSeq: c.seizures.find((s) => s.releasedOn === null && !s.extended)?.seq };
    case 'penalty.release-seizure':
      return { ...base, seizureSeq: c.seizures.find((s) => s.releasedOn === null)?.seq };
    case 'penalty.record-inquiry':
    case 'penalty.record-inspection':
    case 'penalty.request-preservation':
    case 'penalty.request-seizure':
      // The case's own officers: one who withdrew (回避, Art 43) may not be named again.
      return { ...base, officers: c.officers };
    case 'penalty.notify-hearing':
      return { ...base, hearingDate: addDays(today, 10) };
    case 'penalty.record-payment': {
      const paid = c.payments.reduce((sum, p) => sum + p.amountFen, 0);
      return { ...base, amountFen: Math.max(1, (c.decision?.fineFen ?? 0) - paid) };
    }
    default:
      return base;
  }
}

/** The recording of serving the decision, made this morning by the case's officers. */
const serviceRecording = ({ people, today }: PayloadSources) => ({
  recorder: '执法记录仪 DSJ-01',
  startedAt: `${today}T09:00:00+08:00`,
  endedAt: `${today}T09:20:00+08:00`,
  scene: 'service-direct',
  place: '当事人住所',
  gps: null,
  officers: people.officers,
});

/** A penalty at the low end of the case's first circumstance: a fine where it allows one for this party, else its first kind. */
function insideBenchmark(c: PenaltyCase, benchmarks: ViolationType[]) {
  const circumstance = benchmarks.find((v) => v.id === c.violationTypeId)?.circumstances[0];
  if (!circumstance) throw new Error(`no benchmark for the case's violation type ${c.violationTypeId}`);
  const range = circumstance.kinds.includes('fine') ? circumstance.fineFen?.[c.party.kind] : undefined;
  return {
    outcome: 'penalty',
    circumstanceId: circumstance.id,
    kinds: range ? ['fine'] : [circumstance.kinds[0]],
    fineFen: range ? Math.min(range.max, Math.max(range.min, 100)) : 0,
    discretionReason: null,
    reviewGrounds: [],
  };
}
