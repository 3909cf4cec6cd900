/**
 * When the party's time to challenge a penalty decision runs out (行政强制法 Art 53): the court
 * may be asked only after it. 复议 comes first against an on-the-spot penalty (60 days),
 * otherwise the party may sue within 6 months; an upheld 复议 decision gives 15 days more to
 * sue, and an approved deferral moves the start to its end (行政处罚法 Art 72 第二款).
 */
import { describe, expect, it } from 'vitest';
import { InMemoryHolidayTable, holidayRowsFromChineseDays } from '../../src/calendar/holiday-table.js';
import { remedyWindowsEnd } from '../../src/modules/enforcement/workflow/execution.js';
import { emptyCase } from '../../src/modules/enforcement/workflow.js';
import type { PenaltyCase } from '../../src/modules/enforcement/penalty-case.js';

const { rows, years } = holidayRowsFromChineseDays();
const ctx = { table: new InMemoryHolidayTable(rows, years) };

function served(procedure: PenaltyCase['procedure'], more: Partial<PenaltyCase> = {}): PenaltyCase {
  const c = emptyCase('c1', 'a1', '/1/', '2026-03-02');
  return {
    ...c,
    procedure,
    decision: { on: '2026-03-02' } as PenaltyCase['decision'],
    service: { on: '2026-03-02', method: 'direct', completeOn: '2026-03-02', recipient: '某某', refusedToSign: false },
    ...more,
  };
}

describe('the windows to challenge a decision', () => {
  it('runs 60 days for an on-the-spot penalty (复议前置), moved past 劳动节', () => {
    // 2026-05-01 is a holiday (05-01…05-05): the first working day after is 05-06.
    expect(remedyWindowsEnd(served('simple'), ctx)).toBe('2026-05-06');
  });
  it('runs 6 months to sue otherwise', () => {
    expect(remedyWindowsEnd(served('general'), ctx)).toBe('2026-09-02');
  });
  it('is moved by an approved deferral that ends later', () => {
    expect(remedyWindowsEnd(served('general', { deferral: { until: '2026-10-30', instalments: 2 } }), ctx)).toBe('2026-10-30');
    expect(remedyWindowsEnd(served('general', { deferral: { until: '2026-04-30', instalments: 2 } }), ctx)).toBe('2026-09-02');
  });
  it('gives 15 days to sue after an upheld 复议 decision', () => {
    const upheld = { seq: 0, on: '2026-04-30', source: 'reconsideration', outcome: 'upheld' } as PenaltyCase['changes'][number];
    // Decided 04-30: 15 days to sue run to 05-15, after the 60 days of 复议 (05-06).
    expect(remedyWindowsEnd(served('simple', { changes: [upheld] }), ctx)).toBe('2026-05-15');
  });
  it('has no window before the decision is served', () => {
    expect(remedyWindowsEnd({ ...served('general'), service: null }, ctx)).toBeNull();
  });
});
