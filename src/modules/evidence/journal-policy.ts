/**
 * How the journal shows the evidence store's own records: uploads and purges, to those who
 * upload evidence. Their payloads name files (hash, size, type, name) and, for a purge, the
 * records that held the file and their dates: nothing of a party or an applicant. What is
 * done with a file in a record (linked, withdrawn) is that record's action, shown as its
 * procedure shows it.
 */
import type { JournalReadPolicies, SubjectReadPolicy } from '../../journal/read-policy.js';

const FILES_POLICY: SubjectReadPolicy = { readPermission: 'evidence.upload', mask: (entry) => entry };

export const EVIDENCE_JOURNAL_POLICIES = {
  'evidence-file': FILES_POLICY,
  upload: FILES_POLICY,
} as const satisfies JournalReadPolicies;
