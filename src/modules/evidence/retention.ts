/**
 * How long evidence files are kept. A file is held while any record linking it holds it
 * (each procedure says until when: registry.ts `evidence.keptUntil`; the penalty case, for
 * instance, while it is open and through the party's reconsideration and litigation windows
 * and its agency's retention years). Only when every record linking it is past its date may
 * its bytes be purged; its hash and custody stay in the journal. A file uploaded but never
 * linked to a record is kept UNLINKED_DAYS.
 */
import { addDays } from '../../calendar/legal-date.js';

export const UNLINKED_DAYS = 90;

/** Whether a file may be purged today, given the records that link it (their kept-until dates) or its upload date. */
export function purgeable(today: string, linked: (string | null)[], uploadedOn: string): boolean {
  if (linked.length === 0) return today > addDays(uploadedOn, UNLINKED_DAYS);
  return linked.every((until) => until !== null && today > until);
}
