/**
 * Who may read what in the journal. An action's payload and result hold what the record
 * held (a party's ID number, a person's phone), so the journal shows them only as the
 * record's own read path would: each subject type has a policy, supplied by the module that
 * owns it, naming the permission its payloads need and the mask its record uses. A subject
 * type without a policy shows no payload at all (fail closed). The data scope is applied by
 * the query (the action's region).
 */

/** The reader, as policies see him. */
export interface JournalReader {
  permissions: ReadonlySet<string>;
  agencyId: string | null;
}

export interface SubjectReadPolicy {
  /** The permission payloads of this subject need besides journal.read (a procedure's read permission); null: none. */
  readPermission: string | null;
  /** The payload and result as this reader may see them. */
  mask(entry: { payload: unknown; result: unknown }, reader: JournalReader): { payload: unknown; result: unknown };
}

/** Policies by subject type; NO_SUBJECT for actions about no record (refused requests, the calendar's seeding). */
export type JournalReadPolicies = Readonly<Record<string, SubjectReadPolicy>>;
export const NO_SUBJECT = '';

export type Withheld = 'permission' | 'no-policy';

export const WITHHELD_REASONS = {
  permission: '您没有查看该类记录内容的权限',
  'no-policy': '该类记录未登记读取规则，内容不予显示',
} as const satisfies Record<Withheld, string>;

/** What the reader sees of one action's payload and result. */
export function readableEntry(
  policies: JournalReadPolicies,
  subjectType: string | null,
  entry: { payload: unknown; result: unknown },
  reader: JournalReader,
): { payload: unknown; result: unknown; withheld: { reason: Withheld; message: string } | null } {
  const policy = Object.hasOwn(policies, subjectType ?? NO_SUBJECT) ? policies[subjectType ?? NO_SUBJECT] : undefined;
  const withheld = (reason: Withheld) => ({ payload: null, result: null, withheld: { reason, message: WITHHELD_REASONS[reason] } });
  if (!policy) return withheld('no-policy');
  if (policy.readPermission !== null && !reader.permissions.has(policy.readPermission)) return withheld('permission');
  return { ...policy.mask(entry, reader), withheld: null };
}

/** The journal's own subjects: another yifa's log this one witnesses (sizes, roots, signatures: nothing personal). */
export const JOURNAL_OWN_POLICIES = {
  'witnessed-log': { readPermission: null, mask: (entry) => entry },
} as const satisfies JournalReadPolicies;
