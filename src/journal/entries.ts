/**
 * One journal entry as every list shows it — the global 操作日志 and each record's
 * 全过程记录 alike: the stored fields an auditor checks (type, role, times, leaf hash),
 * the payload as the reader may see it, and the readable parts a person reads (who, in
 * Chinese; what, by its title; what changed, in a line: readable.ts).
 */
import type { Yifa } from '../platform/yifa.js';
import type { Action } from './journal.js';
import { nameEntries, shorten, type ReadableActor } from './readable.js';

/** What the reader may see of one entry's payload and result (a read policy, or a record's mask). */
export type Seen = { payload: unknown; result: unknown; withheld: { reason: string; message: string } | null };

export interface JournalEntryView {
  seq: number;
  id: string;
  /** The stable code (for the auditor and filters; the console shows `title`) */
  type: string;
  /** Its Chinese title (an unknown type: a neutral one, never the code) */
  title: string;
  /** What it changed, in a line, from the payload as the reader may see it */
  summary: string;
  actor: ReadableActor & { userId: string | null; role: string | null; agencyId: string | null };
  /**
   * What it is about; a procedure's record also by its kind's Chinese name, its path (the
   * console links it) and, when the reader sees the entry's payload, the record's title.
   */
  subject: { type: string; id: string | null; name: string | null; path: string | null; title: string | null } | null;
  occurredAt: string;
  receivedAt: string;
  idempotencyKey: string | null;
  payload: unknown;
  result: unknown;
  withheld: Seen['withheld'];
  leafHash: string;
}

const parsed = (a: Action) => ({
  payload: JSON.parse(a.payload) as unknown,
  result: a.result === null ? null : (JSON.parse(a.result) as unknown),
});

/** The titles of the procedure records among `ids` (procedure_cases: every procedure's records). */
async function recordTitles(yifa: Pick<Yifa, 'db'>, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await yifa.db.kysely.selectFrom('procedure_cases').select(['id', 'title']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, shorten(r.title, 30)]));
}

/** A page of stored actions as the reader sees them; `see` masks or withholds each payload. */
export async function entryViews(
  yifa: Pick<Yifa, 'db' | 'naming'>,
  rows: readonly Action[],
  see: (a: Action, raw: { payload: unknown; result: unknown }) => Seen,
): Promise<JournalEntryView[]> {
  const seen = rows.map((a) => see(a, parsed(a)));
  const record = (a: Action) =>
    a.subject_type && Object.hasOwn(yifa.naming.records, a.subject_type) ? yifa.naming.records[a.subject_type]! : null;
  // A record's title only where its payload is shown: a reader the policy withholds it from learns no party's name here.
  const titled = rows.flatMap((a, i) => (record(a) && a.subject_id && !seen[i]!.withheld ? [a.subject_id] : []));
  const [named, titles] = await Promise.all([
    nameEntries(
      yifa.db,
      yifa.naming,
      rows.map((a, i) => ({ type: a.type, actorUserId: a.actor_user_id, actorRole: a.actor_role, ...seen[i]! })),
    ),
    recordTitles(yifa, [...new Set(titled)]),
  ]);
  const subjectOf = (a: Action, i: number): JournalEntryView['subject'] => {
    if (!a.subject_type) return null;
    const r = record(a);
    const title = r && a.subject_id && !seen[i]!.withheld ? (titles.get(a.subject_id) ?? null) : null;
    return { type: a.subject_type, id: a.subject_id, name: r?.name ?? null, path: r?.path ?? null, title };
  };
  return rows.map((a, i) => ({
    seq: Number(a.seq),
    id: a.id,
    type: a.type,
    title: named[i]!.title,
    summary: named[i]!.summary,
    actor: { userId: a.actor_user_id, role: a.actor_role, agencyId: a.actor_agency_id, ...named[i]!.actor },
    subject: subjectOf(a, i),
    occurredAt: a.occurred_at,
    receivedAt: a.received_at,
    idempotencyKey: a.idempotency_key,
    ...seen[i]!,
    leafHash: a.leaf_hash,
  }));
}
