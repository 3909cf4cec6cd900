/**
 * How long evidence files are kept. A file is held while any case linking it is open, and
 * after archiving while the party may still apply for reconsideration (60 days) or sue
 * (6 months) from the service of the decision; then it is kept for the agency's retention
 * period (years after archiving, by procedure). Only when every case linking it is past
 * all of these may its bytes be purged; its hash and custody stay in the journal. A file
 * uploaded but never linked to a case is kept UNLINKED_DAYS.
 */
import { computeDeadline } from '../../calendar/deadlines.js';
import { addDays, addYears } from '../../calendar/legal-date.js';
import type { HolidayTable } from '../../calendar/holiday-table.js';
import type { PenaltyCase } from '../enforcement/penalty-case.js';

export const UNLINKED_DAYS = 90;

/** The last day a case holds its evidence files (null: held, the case is open). */
export function keptUntil(c: PenaltyCase, retentionYears: { general: number; simple: number }, table: HolidayTable): string | null {
  if (!c.archivedOn) return null;
  const known = c.service?.completeOn ?? c.decision?.on ?? c.archivedOn;
  const windows = [
    computeDeadline(table, { rule: 'reconsideration.application', from: known }).due,
    computeDeadline(table, { rule: 'litigation.filing', from: known }).due,
    addYears(c.archivedOn, retentionYears[c.procedure]),
  ];
  return windows.sort().at(-1)!;
}

/** Whether a file may be purged today, given the cases that link it (their kept-until dates) or its upload date. */
export function purgeable(today: string, linked: (string | null)[], uploadedOn: string): boolean {
  if (linked.length === 0) return today > addDays(uploadedOn, UNLINKED_DAYS);
  return linked.every((until) => until !== null && today > until);
}
