import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { InMemoryHolidayTable, holidayRowsFromChineseDays } from '../../src/calendar/holiday-table.js';
import { addDays } from '../../src/calendar/legal-date.js';
import { loadSettings, DEFAULT_SETTINGS } from '../../src/modules/enforcement/settings.js';
import { CatalogOverlapError, loadReviewCatalog, DEFAULT_REVIEW_CATALOG } from '../../src/modules/enforcement/review-catalog.js';
import { discretionProblems } from '../../src/modules/enforcement/discretion.js';
import { yuan, yuanInCapitals } from '../../src/modules/enforcement/money.js';
import { latePenaltyFen } from '../../src/law/penalty.js';
import { nthWorkingDayAfter } from '../../src/procedure/deadlines.js';
import { decisionLimit, simpleProcedureAllowed, type Certificate, type GateContext } from '../../src/modules/enforcement/gates.js';
import { PENALTY_ACTIONS, PENALTY_PROCEDURE, emptyCase, type PenaltyActionType } from '../../src/modules/enforcement/workflow.js';
import { applyAction, decide, opens, unavailable } from '../../src/procedure/decide.js';
import { reviewPassed, statusOf, type PenaltyCase } from '../../src/modules/enforcement/penalty-case.js';
import type { Role } from '../../src/platform/security/access.js';

const { years, rows } = holidayRowsFromChineseDays();
const table = new InMemoryHolidayTable(rows, years);
const settings = loadSettings(DEFAULT_SETTINGS);

describe('the 法制审核目录 decision table', () => {
  it('loads the default catalog: its rows do not overlap', () => {
    expect(loadReviewCatalog(DEFAULT_REVIEW_CATALOG).rows).toHaveLength(DEFAULT_REVIEW_CATALOG.length);
  });
  it('refuses overlapping rows and names both', () => {
    const rows = [
      { id: 'a', label: '个人罚款 5000 元以上', partyKinds: ['citizen' as const], amountFen: { min: 500_000, max: null } },
      { id: 'b', label: '罚款 1 万元以下', amountFen: { min: null, max: 1_000_000 } },
    ];
    expect(() => loadReviewCatalog(rows)).toThrow(CatalogOverlapError);
    expect(() => loadReviewCatalog(rows)).toThrow(/"a".*"b"/);
    // Half-open ranges that touch do not overlap.
    expect(() => loadReviewCatalog([{ ...rows[0]!, amountFen: { min: 1_000_000, max: null } }, rows[1]!])).not.toThrow();
    // Different flags never overlap.
    expect(() =>
      loadReviewCatalog([
        { id: 'x', label: 'x', heard: true },
        { id: 'y', label: 'y', heard: false },
      ]),
    ).not.toThrow();
  });
  it('matches one row per case', () => {
    const c = loadReviewCatalog(DEFAULT_REVIEW_CATALOG);
    const base = {
      field: '综合行政执法',
      partyKind: 'citizen' as const,
      amountFen: 0,
      severestKind: 'fine' as const,
      heard: false,
      transfer: false,
      outsideBenchmark: false,
    };
    expect(c.match({ ...base, amountFen: 500_000 })).toBeUndefined();
    expect(c.match({ ...base, amountFen: 500_001 })?.id).toBe('citizen-amount');
    expect(c.match({ ...base, severestKind: 'revoke-licence' })?.id).toBe('severe');
    expect(c.match({ ...base, heard: true })?.id).toBe('heard');
    expect(c.match({ ...base, transfer: true, heard: true })?.id).toBe('transfer');
    expect(c.match({ ...base, outsideBenchmark: true })?.id).toBe('outside-benchmark');
  });
});

describe('裁量基准, money and the simple procedure', () => {
  const fire = settings.violationType('wild-fire')!;
  it('checks a proposal against its circumstance', () => {
    const ordinary = fire.circumstances.find((c) => c.id === 'ordinary')!;
    expect(discretionProblems(ordinary, { partyKind: 'citizen', kinds: ['fine'], fineFen: 50_000 })).toEqual([]);
    expect(discretionProblems(ordinary, { partyKind: 'citizen', kinds: ['fine'], fineFen: 150_000 })[0]).toContain('超出');
    expect(discretionProblems(ordinary, { partyKind: 'citizen', kinds: ['revoke-licence'], fineFen: 0 })[0]).toContain('吊销许可证件');
  });
  it('writes amounts in yuan and in capitals', () => {
    expect(yuan(20_000_000)).toBe('200000.00');
    expect(yuan(5)).toBe('0.05');
    expect(yuanInCapitals(20_000_000)).toBe('贰拾万元整');
    expect(yuanInCapitals(100_050)).toBe('壹仟元伍角'); // 元位为 0 而角位不为 0 时可不写零
    expect(yuanInCapitals(10_000_001)).toBe('壹拾万元零壹分');
    expect(yuanInCapitals(123_456_789)).toBe('壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分');
    expect(yuanInCapitals(100_000_000)).toBe('壹佰万元整');
    expect(yuanInCapitals(0)).toBe('零元整');
  });
  it('caps the late penalty at the fine (Art 72)', () => {
    expect(latePenaltyFen(100_000, 1)).toBe(3_000);
    expect(latePenaltyFen(100_000, 40)).toBe(100_000);
    expect(latePenaltyFen(100_000, 0)).toBe(0);
  });
  it('limits the simple procedure to ¥200 / ¥3,000 and warnings or fines (Art 51)', () => {
    expect(simpleProcedureAllowed('citizen', ['fine'], 20_000)).toBeNull();
    expect(simpleProcedureAllowed('citizen', ['fine'], 20_001)?.citation).toContain('第五十一条');
    expect(simpleProcedureAllowed('organisation', ['fine'], 300_000)).toBeNull();
    expect(simpleProcedureAllowed('organisation', ['fine'], 300_001)).not.toBeNull();
    expect(simpleProcedureAllowed('citizen', ['warning'], 0)).toBeNull();
    expect(simpleProcedureAllowed('citizen', ['suspend-licence'], 0)).not.toBeNull();
  });
  it('counts the 90-day limit from 立案 with approved extensions and suspensions', () => {
    const c = { ...emptyCase('c', 'a', '/x/', '2026-01-05'), filedOn: '2026-01-05' };
    expect(decisionLimit(c, { table, settings, today: '2026-01-06' })).toBe('2026-04-07'); // 04-05 清明, 04-06 调休 → next working day
    expect(
      decisionLimit(
        { ...c, extensions: [{ days: 30, reason: '案情复杂', approvedOn: '2026-03-01' }] },
        { table, settings, today: '2026-03-02' },
      ),
    ).toBe('2026-05-06');
    expect(
      decisionLimit(
        { ...c, suspensions: [{ from: '2026-02-01', to: '2026-02-10', reason: '等待鉴定' }] },
        { table, settings, today: '2026-03-02' },
      ),
    ).toBe('2026-04-15');
  });
});

// ——— property: no sequence of actions reaches a decision without the gates ———

const OFFICERS = ['p1', 'p2'];
const cert = (field: string): Certificate => ({
  number: 'CQ1',
  field,
  area: '秀山县妙泉镇',
  state: 'valid',
  annualReview: 'passed',
  issuedOn: '2024-01-01',
  expiresOn: '2029-12-31',
});
const CERTS: Record<string, Certificate[]> = {
  p1: [cert('综合行政执法')],
  p2: [cert('综合行政执法')],
  p3: [],
  chair: [cert('综合行政执法')],
};

function ctxFor(today: string, reviewerQualified: boolean): GateContext {
  return {
    today,
    table,
    settings,
    certificatesOf: (id) => CERTS[id] ?? [],
    uploadedFile: () => undefined,
    nameOf: (id) => id,
    regionNames: ['秀山土家族苗族自治县', '妙泉镇'],
    actor: { personId: 'reviewer', userId: 'reviewer-user', legalQualification: reviewerQualified ? 'A2016' : null },
  };
}

const ALL_ROLES: Role[] = ['officer', 'unit_head', 'legal_reviewer'];
const allPoints = (ok: boolean) =>
  Object.fromEntries(
    ['body', 'officers', 'procedure', 'facts', 'law', 'discretion', 'abuse', 'documents', 'crime', 'other'].map((k) => [
      k,
      { ok, note: '意见' },
    ]),
  );

/** A plausible payload for each action, varied by `v`, dated `d` (today or a few days earlier). */
function payloadFor(type: PenaltyActionType, d: string, v: number, c: PenaltyCase): unknown {
  const officers = v % 7 === 0 ? ['p1', 'p3'] : OFFICERS;
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
        chairPersonId: v % 5 === 0 ? 'p1' : 'chair',
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
    case 'penalty.serve-decision':
      return { servedOn: d, method: 'direct', recipient: '某某', refusedToSign: false, consentOnFile: false };
    case 'penalty.record-payment':
      return { on: d, amountFen: fineFen || 1_000, receipt: '票据' };
    case 'penalty.request-deferral':
      return { until: addDays(d, 30), instalments: 2, reason: '困难' };
    case 'penalty.serve-reminder':
      return { servedOn: d };
    case 'penalty.apply-court':
      return { on: d, court: '秀山县人民法院' };
    case 'penalty.suspend':
      return { from: d, reason: '鉴定' };
    case 'penalty.resume':
      return { on: d, reason: '恢复' };
    case 'penalty.request-extension':
      return { days: 30, reason: '复杂' };
    case 'penalty.close':
      return { on: d, report: '结案' };
    case 'penalty.archive':
      return { on: d, acknowledgeWarnings: true };
    case 'penalty.on-the-spot':
      return {
        party: { kind: 'citizen', name: '某某', idNumber: null, address: '某村', phone: null, representative: null },
        field: '综合行政执法',
        on: d,
        place: '现场',
        officers,
        violationTypeId: null,
        facts: '事实',
        basis: '依据',
        kinds: ['fine'],
        fineFen: [10_000, 20_000, 20_001, 300_000][v % 4],
        confiscationFen: 0,
        signed: true,
        refusalNote: null,
        paidOnSpot: false,
      };
  }
}

const GENERAL_TYPES = (Object.keys(PENALTY_ACTIONS) as PenaltyActionType[]).filter(
  (t) => t !== 'penalty.register' && t !== 'penalty.on-the-spot',
);

/** The actions that move a case towards a decision: most random steps pick one of these. */
const PROGRESS: PenaltyActionType[] = [
  'penalty.request-filing',
  'penalty.approve',
  'penalty.record-inquiry',
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
];
/** Tries one action as the kit's runner does: role and status, payload, the kit's decide; returns the new case or null if refused. */
function attempt(c: PenaltyCase, type: PenaltyActionType, payload: unknown, ctx: GateContext, seq: number): PenaltyCase | null {
  if (!opens(PENALTY_PROCEDURE, type) && unavailable(PENALTY_PROCEDURE, c, type, ALL_ROLES) !== null) return null;
  const parsed = PENALTY_ACTIONS[type].payload.safeParse(payload);
  if (!parsed.success) return null;
  const decision = decide(PENALTY_PROCEDURE, c, type, parsed.data, ctx);
  if (!decision.ok) return null;
  // Requests and proposals come from the investigator; the gates see the head/reviewer (ctx.actor) approve and decide.
  return applyAction(PENALTY_PROCEDURE, c, type, parsed.data, {
    seq,
    today: ctx.today,
    actorPersonId: 'investigator',
    actorUserId: 'investigator-user',
    number: decision.series ? `N${seq}` : null,
    derived: decision.derived,
  });
}

describe('property: no sequence of actions reaches a decision without the gates', () => {
  it('holds for random action sequences', () => {
    // Most steps pick among the actions the case allows now (so runs get far); some pick any action at all.
    const step = fc.record({
      advance: fc.constantFrom(0, 0, 1, 1, 2, 3, 7),
      back: fc.integer({ min: 0, max: 2 }),
      mode: fc.constantFrom('any', 'open', 'progress', 'progress', 'progress', 'progress', 'progress', 'progress', 'progress'),
      type: fc.constantFrom(...GENERAL_TYPES),
      v: fc.nat(1000),
      qualified: fc.constantFrom(true, true, true, false),
    });
    let decisions = 0;
    fc.assert(
      fc.property(fc.array(step, { minLength: 5, maxLength: 160, size: 'max' }), fc.integer({ min: 0, max: 600 }), (steps, startOffset) => {
        let today = addDays('2025-01-02', startOffset);
        let c = attempt(
          emptyCase('c', 'a', '/x/', today),
          'penalty.register',
          payloadFor('penalty.register', today, 1, emptyCase('c', 'a', '/x/', today)),
          ctxFor(today, true),
          0,
        )!;
        let seq = 1;
        for (const s of steps) {
          today = addDays(today, s.advance);
          const d = addDays(today, -s.back) < c.registeredOn ? today : addDays(today, -s.back);
          const ctx = ctxFor(today, s.qualified);
          const open = GENERAL_TYPES.filter((t) => unavailable(PENALTY_PROCEDURE, c, t, ALL_ROLES) === null);
          const forward = open.filter(
            (t) =>
              PROGRESS.includes(t) &&
              (t !== 'penalty.approve' || c.pending.length > 0) &&
              (t !== 'penalty.conclude-investigation' || c.records.length > 0),
          );
          const pool = s.mode === 'progress' && forward.length ? forward : s.mode !== 'any' && open.length ? open : [s.type];
          const type = pool[s.v % pool.length]!;
          const next = attempt(c, type, payloadFor(type, d, s.v, c), ctx, seq);
          if (!next) continue;
          if (type === 'penalty.decide') {
            decisions++;
            assertGatesHeld(c, ctx);
          }
          c = next;
          seq++;
          expect(statusOf(c)).toBeDefined();
        }
      }),
      { numRuns: 1000 },
    );
    // The generator must actually reach decisions, or the property says nothing. With full-length
    // sequences (size: max) about 300 of 1,000 runs decide; the floor sits far below that so no seed fails it.
    expect(decisions).toBeGreaterThan(100);
  });
});

/** What must be true of a case at the moment a decision is allowed. */
function assertGatesHeld(c: PenaltyCase, ctx: GateContext) {
  const p = c.proposal!;
  expect(p).toBeTruthy();
  expect(c.officers.length).toBeGreaterThanOrEqual(2);
  expect(c.officers.every((o) => (CERTS[o] ?? []).length > 0)).toBe(true);
  const limit = decisionLimit(c, ctx);
  expect(limit && ctx.today <= limit).toBeTruthy();
  if (p.outcome === 'penalty') {
    expect(c.notice).toBeTruthy();
    const windowEnd = nthWorkingDayAfter(table, c.notice!.servedOn, 5);
    const hearingDone = !!c.hearing?.reportedOn;
    expect(c.waivedOn !== null || hearingDone || ctx.today > windowEnd).toBe(true);
    if (c.hearing) expect(hearingDone).toBe(true);
    if (c.statements.length) expect(c.recheck).toBeTruthy();
  }
  if (p.major) expect(reviewPassed(c)).toBe(true);
  if (p.collectiveRequired) expect(c.collective?.version).toBe(p.version);
}
