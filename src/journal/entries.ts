/**
 * One journal entry as every list shows it — the global 操作日志 and each record's
 * 全过程记录 alike: the stored fields an auditor checks (type, role, times, leaf hash),
 * the payload as the reader may see it, and the readable parts a person reads (who, in
 * Chinese; what, by its title; what changed, in a line: readable.ts).
 */
import type { Yifa } from '../platform/yifa.js';
import type { Action } from './journal.js';
import { nameEntries, type ReadableActor } from './readable.js';

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
  subject: { type: string; id: string | null } | null;
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

/** A page of stored actions as the reader sees them; `see` masks or withholds each payload. */
export async function entryViews(
  yifa: Pick<Yifa, 'db' | 'naming'>,
  rows: readonly Action[],
  see: (a: Action, raw: { payload: unknown; result: unknown }) => Seen,
): Promise<JournalEntryView[]> {
  const seen = rows.map((a) => see(a, parsed(a)));
  const named = await nameEntries(
    yifa.db,
    yifa.naming,
    rows.map((a, i) => ({ type: a.type, actorUserId: a.actor_user_id, actorRole: a.actor_role, ...seen[i]! })),
  );
  return rows.map((a, i) => ({
    seq: Number(a.seq),
    id: a.id,
    type: a.type,
    title: named[i]!.title,
    summary: named[i]!.summary,
    actor: { userId: a.actor_user_id, role: a.actor_role, agencyId: a.actor_agency_id, ...named[i]!.actor },
    subject: a.subject_type ? { type: a.subject_type, id: a.subject_id } : null,
    occurredAt: a.occurred_at,
    receivedAt: a.received_at,
    idempotencyKey: a.idempotency_key,
    ...seen[i]!,
    leafHash: a.leaf_hash,
  }));
}
