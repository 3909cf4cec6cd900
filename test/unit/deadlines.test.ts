/**
 * The deadline engine on every catalog rule, across 春节 and 国庆 of 2025 and 2026 with
 * their 调休 make-up days. Expected dates were worked out by hand from the State
 * Council notices (2025: 春节 01-28…02-04 off, 补班 01-26 and 02-08; 国庆/中秋 10-01…10-08
 * off, 补班 09-28 and 10-11. 2026: 春节 02-15…02-23 off, 补班 02-14 and 02-28; 国庆
 * 10-01…10-07 off, 补班 09-20 and 10-10) and are cross-checked against chinese-days.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { findWorkday, isWorkday } from 'chinese-days';
import { computeDeadline, deadlineDue, InvalidDateError, UnknownRuleError, isDeadlineRuleId } from '../../src/calendar/deadlines.js';
import { DEADLINE_RULES, DEADLINE_RULE_IDS, type DeadlineRuleId } from '../../src/law/deadline-rules.js';
import { InMemoryHolidayTable, holidayRowsFromChineseDays, isWorkingDay } from '../../src/calendar/holiday-table.js';
import { addDays, addMonths, addYears, parseLegalDate, todayInChina } from '../../src/calendar/legal-date.js';

const { rows, years } = holidayRowsFromChineseDays();
const table = new InMemoryHolidayTable(rows, years);
const due = (rule: DeadlineRuleId, from: string) => computeDeadline(table, { rule, from }).due;

// rule → [from 2026-02-12 (before 春节), from 2026-09-29 (before 国庆), from 2025-01-24, from 2025-09-26]
const EXPECTED: Record<DeadlineRuleId, [string, string, string, string]> = {
  'penalty.preservation-decision': ['2026-02-28', '2026-10-14', '2025-02-10', '2025-10-13'],
  'penalty.hearing-request': ['2026-02-26', '2026-10-12', '2025-02-07', '2025-10-10'],
  'penalty.hearing-earliest': ['2026-02-28', '2026-10-14', '2025-02-10', '2025-10-13'],
  'penalty.decision': ['2026-05-13', '2026-12-28', '2025-04-24', '2025-12-25'],
  'penalty.service': ['2026-02-28', '2026-10-14', '2025-02-10', '2025-10-13'],
  'penalty.payment': ['2026-02-27', '2026-10-14', '2025-02-08', '2025-10-11'],
  'penalty.on-the-spot-payin': ['2026-02-14', '2026-10-08', '2025-01-27', '2025-09-29'],
  'penalty.on-the-spot-banking': ['2026-02-14', '2026-10-08', '2025-01-27', '2025-09-29'],
  'penalty.enforcement-reminder': ['2026-03-04', '2026-10-19', '2025-02-13', '2025-10-16'],
  'penalty.court-enforcement': ['2026-05-12', '2026-12-29', '2025-04-24', '2025-12-26'],
  'penalty.correction-recheck': ['2026-02-26', '2026-10-12', '2025-02-07', '2025-10-10'],
  'penalty.disclosure': ['2026-02-28', '2026-10-14', '2025-02-10', '2025-10-13'],
  'enforcement.disclosure': ['2026-03-18', '2026-11-02', '2025-02-27', '2025-10-30'],
  'penalty.disclosure-withdrawal': ['2026-02-24', '2026-10-09', '2025-02-05', '2025-09-30'],
  'penalty.limitation': ['2028-02-12', '2028-09-29', '2027-01-24', '2027-09-26'],
  'penalty.limitation-serious': ['2031-02-12', '2031-09-29', '2030-01-24', '2030-09-26'],
  'compulsory.seizure': ['2026-03-16', '2026-10-29', '2025-02-24', '2025-10-27'],
  'review.opinion': ['2026-02-28', '2026-10-14', '2025-02-10', '2025-10-13'],
  'reconsideration.application': ['2026-04-13', '2026-11-30', '2025-03-25', '2025-11-25'],
  'reconsideration.answer': ['2026-03-04', '2026-10-19', '2025-02-13', '2025-10-16'],
  'reconsideration.answer-simple': ['2026-02-26', '2026-10-12', '2025-02-07', '2025-10-10'],
  'reconsideration.correction-report': ['2026-04-13', '2026-11-30', '2025-03-25', '2025-11-25'],
  'reconsideration.acceptance': ['2026-02-26', '2026-10-12', '2025-02-07', '2025-10-10'],
  'reconsideration.correction-notice': ['2026-02-26', '2026-10-12', '2025-02-07', '2025-10-10'],
  'reconsideration.correction-reply': ['2026-03-04', '2026-10-19', '2025-02-13', '2025-10-16'],
  'reconsideration.copy-to-respondent': ['2026-02-28', '2026-10-14', '2025-02-10', '2025-10-13'],
  'reconsideration.copy-to-respondent-simple': ['2026-02-24', '2026-10-09', '2025-02-05', '2025-09-30'],
  'reconsideration.hearing-notice': ['2026-02-26', '2026-10-12', '2025-02-07', '2025-10-10'],
  'reconsideration.decision': ['2026-04-13', '2026-11-30', '2025-03-25', '2025-11-25'],
  // 30 days: 2026-03-14 and 2025-02-23, 2025-10-26 fall on rest days and move to the next working day.
  'reconsideration.decision-simple': ['2026-03-16', '2026-10-29', '2025-02-24', '2025-10-27'],
  'reconsideration.incidental-answer': ['2026-03-04', '2026-10-19', '2025-02-13', '2025-10-16'],
  'litigation.filing': ['2026-08-12', '2027-03-29', '2025-07-24', '2026-03-26'],
  'litigation.filing-after-reconsideration': ['2026-02-27', '2026-10-14', '2025-02-08', '2025-10-11'],
  'litigation.answer': ['2026-02-27', '2026-10-14', '2025-02-08', '2025-10-11'],
  'litigation.appeal-judgment': ['2026-02-27', '2026-10-14', '2025-02-08', '2025-10-11'],
  // 10 days: 2026-02-22 (春节) and 2025-02-03 (春节), 2025-10-06 (国庆) move to the next working day.
  'litigation.appeal-ruling': ['2026-02-24', '2026-10-09', '2025-02-05', '2025-10-09'],
  'petition.acceptance-notice': ['2026-02-27', '2026-10-14', '2025-02-08', '2025-10-11'],
  'petition.misroute-objection': ['2026-02-26', '2026-10-12', '2025-02-07', '2025-10-10'],
  'petition.handling': ['2026-04-13', '2026-11-30', '2025-03-25', '2025-11-25'],
  'petition.handling-extension': ['2026-03-16', '2026-10-29', '2025-02-24', '2025-10-27'],
  'petition.review-request': ['2026-03-16', '2026-10-29', '2025-02-24', '2025-10-27'],
  'petition.review-reply': ['2026-03-16', '2026-10-29', '2025-02-24', '2025-10-27'],
  'petition.recheck-request': ['2026-03-16', '2026-10-29', '2025-02-24', '2025-10-27'],
  'petition.recheck-reply': ['2026-03-16', '2026-10-29', '2025-02-24', '2025-10-27'],
  'mediation.target': ['2026-03-16', '2026-10-29', '2025-02-24', '2025-10-27'],
  'mediation.judicial-confirmation': ['2026-03-16', '2026-10-29', '2025-02-24', '2025-10-27'],
  'normative.filing': ['2026-03-16', '2026-10-29', '2025-02-24', '2025-10-27'],
  'normative.validity': ['2031-02-12', '2031-09-29', '2030-01-24', '2030-09-26'],
  // Counted back from an expiry, not moved off rest days (2025-07-26 is a Saturday).
  'normative.evaluation': ['2025-08-12', '2026-03-29', '2024-07-24', '2025-03-26'],
  'major-decision.legality-review': ['2026-02-28', '2026-10-14', '2025-02-10', '2025-10-13'],
  'disclosure.request-reply': ['2026-03-18', '2026-11-02', '2025-02-27', '2025-10-30'],
  'disclosure.request-correction-notice': ['2026-02-28', '2026-10-14', '2025-02-10', '2025-10-13'],
  'disclosure.request-extension': ['2026-03-18', '2026-11-02', '2025-02-27', '2025-10-30'],
  'disclosure.third-party-opinion': ['2026-03-11', '2026-10-26', '2025-02-20', '2025-10-23'],
  'report.annual-publish': ['2027-04-01', '2027-04-01', '2026-04-01', '2026-04-01'],
};
const STARTS = ['2026-02-12', '2026-09-29', '2025-01-24', '2025-09-26'] as const;

describe('legal dates', () => {
  it('accepts only real dates in YYYY-MM-DD', () => {
    for (const bad of ['2026-02-30', '2026-13-01', '2026-00-10', '2025-02-29', '', 'abc', '2026-2-3', '2026-02-03T00:00'])
      expect(parseLegalDate(bad), bad).toBeUndefined();
    for (const good of ['2026-02-28', '2024-02-29', '2026-12-31']) expect(parseLegalDate(good)).toBe(good);
  });
  it('adds months to the month end and years from 29 February', () => {
    expect(addMonths('2026-01-31', 1)).toBe('2026-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonths('2026-11-30', 3)).toBe('2027-02-28');
    expect(addYears('2024-02-29', 2)).toBe('2026-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
  it('adds days like the JavaScript calendar, across month, year and leap-day boundaries, 1900–2200', () => {
    const reference = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
    const day = fc
      .integer({ min: Date.UTC(1900, 0, 1) / 86_400_000, max: Date.UTC(2199, 11, 31) / 86_400_000 })
      .map((n) => new Date(n * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, fc.integer({ min: -800, max: 800 }), (d, n) => addDays(d, n) === reference(d, n)),
      { numRuns: 5_000 },
    );
    expect(addDays('2100-02-28', 1)).toBe('2100-03-01'); // not a leap year
    expect(addDays('2000-02-28', 1)).toBe('2000-02-29'); // a leap year
    expect(addDays('1900-01-01', -1)).toBe('1899-12-31');
  });
  it('knows today in China across the UTC midnight', () => {
    expect(todayInChina(new Date('2026-11-25T16:30:00Z'))).toBe('2026-11-26');
    expect(todayInChina(new Date('2026-11-25T15:59:00Z'))).toBe('2026-11-25');
  });
});

describe('remembered due dates', () => {
  it('answer what computeDeadline answers, for every rule, asked twice', () => {
    for (const rule of DEADLINE_RULE_IDS) {
      for (const from of ['2026-01-20', '2026-09-28', '2026-12-30']) {
        const input = { rule, from, suspensions: [{ from: addDays(from, 3), to: addDays(from, 9), reason: '鉴定' }] };
        expect(deadlineDue(table, input)).toBe(computeDeadline(table, input).due);
        expect(deadlineDue(table, input)).toBe(computeDeadline(table, input).due);
      }
    }
  });
  it('start afresh with a new holiday table (after a calendar change)', () => {
    const input = { rule: 'penalty.hearing-request' as const, from: '2026-11-25' };
    const before = deadlineDue(table, input);
    const withRestDay = new InMemoryHolidayTable([...rows, { date: before, kind: 'rest' as const, name: '测试休息日' }], years);
    expect(deadlineDue(withRestDay, input)).not.toBe(before);
    expect(deadlineDue(withRestDay, input)).toBe(computeDeadline(withRestDay, input).due);
  });
});

describe('holiday table', () => {
  it('covers 2004–2026 from chinese-days with Chinese names', () => {
    expect(years[0]).toBe(2004);
    expect(years[years.length - 1]).toBe(2026);
    expect(table.mark('2026-02-17')).toEqual({ kind: 'rest', name: '春节' });
    expect(table.mark('2026-02-14')).toEqual({ kind: 'workday', name: '春节调休补班' });
    expect(table.mark('2026-10-10')?.kind).toBe('workday');
    expect(isWorkingDay(table, '2026-02-14')).toBe(true); // a Saturday make-up day
    expect(isWorkingDay(table, '2026-10-05')).toBe(false); // a Monday in the 国庆 break
    expect(isWorkingDay(table, '2026-11-21')).toBe(false); // an ordinary Saturday
  });
});

describe('every rule of the catalog across 春节 and 国庆 (2025, 2026)', () => {
  it('lists every rule under its own id with a citation', () => {
    for (const [id, r] of Object.entries(DEADLINE_RULES)) {
      expect(r.id).toBe(id);
      expect(r.citation.length).toBeGreaterThan(4);
    }
    expect(Object.keys(EXPECTED).sort()).toEqual([...DEADLINE_RULE_IDS].sort());
  });

  for (const rule of DEADLINE_RULE_IDS) {
    it(rule, () => {
      STARTS.forEach((from, i) => expect(due(rule, from), `${rule} from ${from}`).toBe(EXPECTED[rule][i]));
    });
  }

  it('moves a calendar-day deadline that lands in the 国庆 break to the first working day after it', () => {
    const r = computeDeadline(table, { rule: 'penalty.payment', from: '2026-09-20' }); // 09-20 + 15 = 10-05
    expect(r.due).toBe('2026-10-08');
    expect(r.explanation.steps).toEqual([
      { date: '2026-10-05', to: '2026-10-07', counted: false, reason: '国庆节（法定休假日），期限顺延' },
    ]);
  });

  it('does not move a calendar-day deadline that lands on a make-up Saturday (2025-02-08)', () => {
    expect(due('penalty.payment', '2025-01-24')).toBe('2025-02-08');
  });

  it('counts a make-up Saturday as a working day and says so', () => {
    const r = computeDeadline(table, { rule: 'penalty.hearing-request', from: '2026-09-29' });
    expect(r.due).toBe('2026-10-12');
    expect(r.explanation.steps).toContainEqual({ date: '2026-10-10', counted: true, reason: '国庆节调休补班（补班日，计入）' });
    expect(r.explanation.steps).toContainEqual({ date: '2026-10-01', to: '2026-10-07', counted: false, reason: '国庆节（法定休假日）' });
    expect(r.explanation.summary).toContain('届满日为 2026-10-12（星期一）');
    expect(r.citation).toContain('第六十四条');
  });

  it('moves a month deadline off the weekend at a month end', () => {
    expect(due('litigation.filing', '2026-08-31')).toBe('2027-03-01'); // 2027-02-28 is a Sunday
  });

  it('does not move limitation periods', () => {
    expect(due('penalty.limitation', '2024-02-29')).toBe('2026-02-28'); // a Saturday, and stays
  });

  it('warns for a year without holiday data and counts it Monday to Friday', () => {
    const r = computeDeadline(table, { rule: 'penalty.hearing-request', from: '2027-09-30' });
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]).toMatch(/2027年/);
    expect(r.due).toBe('2027-10-07');
    expect(computeDeadline(table, { rule: 'penalty.hearing-request', from: '2026-09-29' }).warnings).toEqual([]);
  });

  it('stops the clock during a recorded suspension (中止)', () => {
    const plain = due('penalty.decision', '2026-03-02');
    const suspended = computeDeadline(table, {
      rule: 'penalty.decision',
      from: '2026-03-02',
      suspensions: [{ from: '2026-04-01', to: '2026-04-10', reason: '当事人申请中止' }],
    });
    expect(plain).toBe('2026-06-01'); // 05-31 is a Sunday
    expect(suspended.due).toBe('2026-06-10');
    expect(suspended.explanation.steps[0]).toEqual({
      date: '2026-04-01',
      to: '2026-04-10',
      counted: false,
      reason: '中止：当事人申请中止',
    });
    const wd = computeDeadline(table, {
      rule: 'penalty.hearing-request',
      from: '2026-03-02',
      suspensions: [{ from: '2026-03-04', to: '2026-03-05', reason: '不可抗力' }],
    });
    expect(wd.due).toBe('2026-03-11');
  });

  it('takes a locally configured count only for configurable rules', () => {
    expect(computeDeadline(table, { rule: 'review.opinion', from: '2026-03-02', overrides: { 'review.opinion': 5 } }).due).toBe(
      '2026-03-09',
    );
    expect(() =>
      computeDeadline(table, { rule: 'penalty.decision', from: '2026-03-02', overrides: { 'penalty.decision': 120 } }),
    ).toThrow();
  });

  it('refuses an unknown rule and an impossible date', () => {
    expect(isDeadlineRuleId('penalty.nothing')).toBe(false);
    expect(() => computeDeadline(table, { rule: 'penalty.nothing' as DeadlineRuleId, from: '2026-01-05' })).toThrow(UnknownRuleError);
    for (const bad of ['2026-02-30', '2026-13-01', '', 'abc'])
      expect(() => computeDeadline(table, { rule: 'penalty.decision', from: bad })).toThrow(InvalidDateError);
  });
});

describe('the engine agrees with chinese-days (property, independent oracle)', () => {
  const dateArb = fc
    .integer({ min: Date.UTC(2005, 0, 1), max: Date.UTC(2025, 11, 1) })
    .map((ms) => new Date(ms).toISOString().slice(0, 10));

  it('working-day rules equal findWorkday', () => {
    fc.assert(
      fc.property(
        dateArb,
        fc.constantFrom<DeadlineRuleId>(
          'penalty.preservation-decision',
          'penalty.hearing-request',
          'reconsideration.answer',
          'enforcement.disclosure',
          'penalty.disclosure-withdrawal',
        ),
        (from, rule) => {
          expect(due(rule, from)).toBe(findWorkday(DEADLINE_RULES[rule].count, from));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('calendar-day rules equal "D + N, then the next working day"', () => {
    fc.assert(
      fc.property(
        dateArb,
        fc.constantFrom<DeadlineRuleId>(
          'penalty.decision',
          'penalty.payment',
          'compulsory.seizure',
          'reconsideration.application',
          'petition.handling',
        ),
        (from, rule) => {
          let d = addDays(from, DEADLINE_RULES[rule].count);
          while (!isWorkday(d)) d = addDays(d, 1);
          expect(due(rule, from)).toBe(d);
        },
      ),
      { numRuns: 3000 },
    );
  });
});
