/**
 * A record's deadlines as every procedure shows them: computed from its facts and the
 * statutory catalog — never stored, never edited. Duties can be overdue; waiting windows
 * (a party's time to ask for a hearing, to answer a 补正 notice) only open and pass. A duty
 * due within 3 working days is a warning (yellow), past due is red.
 */
import type { HolidayTable } from '../calendar/holiday-table.js';
import { isWorkingDay } from '../calendar/holiday-table.js';
import { addDays } from '../calendar/legal-date.js';
import { DEADLINE_RULES, type DeadlineRuleId } from '../law/deadline-rules.js';

export type DeadlineState = 'ok' | 'warning' | 'overdue' | 'met';

export interface CaseDeadline {
  rule: DeadlineRuleId;
  title: string;
  citation: string;
  from: string;
  due: string;
  state: DeadlineState;
  kind: 'duty' | 'window';
  /** What it is about, when a record has several of the same rule (e.g. each seizure) */
  about?: string;
}

export const WARNING_WORKING_DAYS = 3;

/** The n-th working day after `from` (n ≥ 1). */
export function nthWorkingDayAfter(table: HolidayTable, from: string, n: number): string {
  let d = from;
  for (let i = 0; i < n; ) {
    d = addDays(d, 1);
    if (isWorkingDay(table, d)) i++;
  }
  return d;
}

/** Collects a record's deadlines, each in its state as of `today`. */
export function deadlineList(table: HolidayTable, today: string) {
  const out: CaseDeadline[] = [];
  const warnFrom = nthWorkingDayAfter(table, today, WARNING_WORKING_DAYS);
  const of = (rule: DeadlineRuleId) => ({ rule, title: DEADLINE_RULES[rule].title, citation: DEADLINE_RULES[rule].citation });
  return {
    out,
    /** A duty: met, or overdue after `due`, or a warning within 3 working days of it */
    duty(rule: DeadlineRuleId, from: string, due: string, met: boolean, about?: string) {
      const state: DeadlineState = met ? 'met' : today > due ? 'overdue' : due <= warnFrom ? 'warning' : 'ok';
      out.push({ ...of(rule), from, due, state, kind: 'duty', ...(about ? { about } : {}) });
    },
    /** A window: open until `due` unless closed earlier */
    window(rule: DeadlineRuleId, from: string, due: string, closed: boolean) {
      out.push({ ...of(rule), from, due, state: closed || today > due ? 'met' : 'ok', kind: 'window' });
    },
  };
}

/** The earliest open duty: what the overdue queues sort and filter on. */
export function nextDue(deadlines: readonly CaseDeadline[]): CaseDeadline | undefined {
  return deadlines.filter((d) => d.kind === 'duty' && d.state !== 'met').sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0))[0];
}

/** How close a due date is, for lists that show only the next one. */
export function dueState(due: string | null, today: string, warnBy: string): 'ok' | 'warning' | 'overdue' | null {
  return due === null ? null : due < today ? 'overdue' : due <= warnBy ? 'warning' : 'ok';
}
