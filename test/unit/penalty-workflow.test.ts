import { describe, expect, it } from 'vitest';
import { InMemoryHolidayTable, holidayRowsFromChineseDays } from '../../src/calendar/holiday-table.js';
import { loadSettings, DEFAULT_SETTINGS } from '../../src/modules/enforcement/settings.js';
import { CatalogOverlapError, loadReviewCatalog, DEFAULT_REVIEW_CATALOG } from '../../src/modules/enforcement/review-catalog.js';
import { discretionProblems } from '../../src/modules/enforcement/discretion.js';
import { yuan, yuanInCapitals } from '../../src/modules/enforcement/money.js';
import { latePenaltyFen } from '../../src/law/penalty.js';
import { decisionLimit, simpleProcedureAllowed } from '../../src/modules/enforcement/gates.js';
import { emptyCase } from '../../src/modules/enforcement/workflow.js';
import { latePayment, paymentDue } from '../../src/modules/enforcement/workflow/execution.js';
import { caseDocuments } from '../../src/modules/enforcement/documents/content.js';

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
    expect(() => loadReviewCatalog(rows)).toThrow(/“a”.*“b”/);
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
    expect(discretionProblems(ordinary, { partyKind: 'citizen', kinds: ['fine'], fineFen: 150_000 })[0]).toContain('高于');
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

describe('加处罚款 day by day (Art 72; 行政强制法 Art 45)', () => {
  // A ¥1,000 fine served on 2026-03-02: 15 days to pay, to 2026-03-17.
  const decided = {
    ...emptyCase('c', 'a', '/x/', '2026-01-05'),
    decision: {
      on: '2026-03-01',
      version: 1,
      outcome: 'penalty' as const,
      kinds: ['fine' as const],
      fineFen: 100_000,
      confiscationFen: 0,
      number: 'X',
    },
    service: { on: '2026-03-02', method: 'direct' as const, completeOn: '2026-03-02', recipient: '某某', refusedToSign: false },
  };
  const ctx = { table, settings };
  it('grows by 3 % of the fine a day from the day after payment was due', () => {
    const due = paymentDue(decided, ctx)!;
    expect(due).toBe('2026-03-17');
    expect(latePayment(decided, ctx, due)).toBeNull();
    const late = latePayment(decided, ctx, '2026-03-20')!;
    expect(late).toMatchObject({ dueOn: due, until: '2026-03-20', days: 3, perDayFen: 3_000, fen: 9_000, capped: false });
    expect(late.byDay).toEqual([
      { on: '2026-03-18', fen: 3_000 },
      { on: '2026-03-19', fen: 6_000 },
      { on: '2026-03-20', fen: 9_000 },
    ]);
    expect(late.citation).toContain('第七十二条');
    expect(late.citation).toContain('第四十五条');
  });
  it('stops at the fine, and on the day the fine is paid in full', () => {
    const capped = latePayment(decided, ctx, '2026-06-30')!;
    expect(capped).toMatchObject({ fen: 100_000, capped: true });
    // 34 days reach the fine (34 × 3 % ≥ 100 %): the table ends on the day it does.
    expect(capped.byDay).toHaveLength(34);
    expect(capped.byDay.at(-1)).toEqual({ on: '2026-04-20', fen: 100_000 });
    const paid = {
      ...decided,
      payments: [
        { on: '2026-03-25', amountFen: 40_000 },
        { on: '2026-03-22', amountFen: 60_000 },
      ],
    };
    expect(latePayment(paid, ctx, '2026-06-30')).toMatchObject({ until: '2026-03-25', days: 8, fen: 24_000 });
    expect(
      latePayment({ ...decided, decision: { ...decided.decision, fineFen: 0, kinds: ['warning' as const] } }, ctx, '2026-06-30'),
    ).toBeNull();
  });
  it('is stated in the 催告书 as it stood on the day it was served', () => {
    const docCtx = {
      agencyName: '秀山县妙泉镇人民政府',
      countyName: '秀山县',
      nameOf: () => '某某',
      certificateOf: () => '',
      violationType: undefined,
    };
    const textOf = (lateFen?: number) =>
      JSON.stringify(
        caseDocuments(
          {
            ...decided,
            reminders: [{ servedOn: '2026-03-20', number: '妙泉催字〔2026〕第1号', ...(lateFen === undefined ? {} : { lateFen }) }],
          },
          docCtx,
        ).find((d) => d.title === '催告书'),
      );
    expect(textOf(9_000)).toContain('已加处罚款人民币玖拾元整');
    expect(textOf(undefined)).not.toContain('加处罚款');
  });
});
