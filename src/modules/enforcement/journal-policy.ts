/**
 * How the journal (and the case's own read paths) show penalty cases and their evidence:
 * only to readers of penalty cases, and a party's ID number, phone and address only to
 * those who handle or supervise cases ('penalty.party-data') or hold 'person.personal-data'.
 */
import type { JournalReadPolicies, JournalReader, SubjectReadPolicy } from '../../journal/read-policy.js';
import { maskPersonal, personalMask } from '../../platform/security/personal-data.js';
import type { PenaltyCase } from './penalty-case.js';

export const seesParty = (reader: Pick<JournalReader, 'permissions'>) =>
  reader.permissions.has('penalty.party-data') || reader.permissions.has('person.personal-data');

/** The case as this reader may see it: the party's personal fields masked unless seesParty. */
export function caseForReader(c: PenaltyCase, reader: Pick<JournalReader, 'permissions'>): PenaltyCase {
  return seesParty(reader) ? c : { ...c, party: maskPersonal(c.party) };
}

/** A penalty case's actions, and whatever else is recorded of a case (its evidence): for readers of cases. */
export const PENALTY_CASE_POLICY: SubjectReadPolicy = { readPermission: 'penalty.read', mask: personalMask(seesParty) };

export const ENFORCEMENT_JOURNAL_POLICIES = {
  'penalty-case': PENALTY_CASE_POLICY,
} as const satisfies JournalReadPolicies;
