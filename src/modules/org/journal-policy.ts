/** How the journal shows org actions: as the org API shows the records (personal data with 'person.personal-data' only). */
import type { JournalReadPolicies, JournalReader, SubjectReadPolicy } from '../../journal/read-policy.js';
import { NO_SUBJECT } from '../../journal/read-policy.js';
import { personalMask } from '../../platform/security/personal-data.js';

export const seesPersonalData = (reader: JournalReader) => reader.permissions.has('person.personal-data');

const orgRecord: SubjectReadPolicy = { readPermission: 'org.read', mask: personalMask(seesPersonalData) };

export const ORG_JOURNAL_POLICIES = {
  region: orgRecord,
  agency: orgRecord,
  office: orgRecord,
  person: orgRecord,
  certificate: orgRecord,
  user: orgRecord,
  // Refused requests and the calendar: no record, journal.read suffices; an address or phone in them is masked all the same.
  [NO_SUBJECT]: { readPermission: null, mask: personalMask(seesPersonalData) },
} as const satisfies JournalReadPolicies;
