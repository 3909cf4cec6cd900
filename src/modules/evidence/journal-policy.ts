/** How the journal shows evidence: as part of its penalty case; an upload, to those who upload evidence. */
import type { JournalReadPolicies } from '../../journal/read-policy.js';
import { PENALTY_CASE_POLICY } from '../enforcement/journal-policy.js';

export const EVIDENCE_JOURNAL_POLICIES = {
  'evidence-file': PENALTY_CASE_POLICY,
  upload: { ...PENALTY_CASE_POLICY, readPermission: 'evidence.upload' },
} as const satisfies JournalReadPolicies;
