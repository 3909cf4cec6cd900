/**
 * A case's stored row proven against the journal before anything is shown or done with it,
 * and the case rebuilt from the journal alone (the proof's fallback, and its check).
 */
import { sql } from 'kysely';
import type { Engine } from '../../../platform/db/database.js';
import type { PenaltyCaseTable } from '../../../platform/db/schema.js';
import { lastStateResult, proveProjection } from '../../../journal/projection.js';
import { fold, type ActionResult } from '../../../procedure/decide.js';
import { foldEntriesOf } from '../../../procedure/replayer.js';
import { PENALTY_PROCEDURE } from '../workflow.js';
import type { PenaltyCase } from '../penalty-case.js';
import { PENALTY_RECORD, scopeColumns, storedCase } from '../projection.js';
import type { Executor } from './store.js';

export const SUBJECT_TYPE = PENALTY_RECORD.subjectType;

export async function caseRow(db: Executor, id: string) {
  return db.selectFrom('penalty_cases').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A case's row with the result its journal's last action recorded, in one statement. */
export async function caseRowWithLast(engine: Engine, db: Executor, id: string) {
  const r = await db
    .selectFrom('penalty_cases')
    .selectAll()
    .select(lastStateResult(engine, PENALTY_RECORD, sql<string>`penalty_cases.id`).as('last_result'))
    .where('id', '=', id)
    .executeTakeFirst();
  if (!r) return undefined;
  const { last_result, ...row } = r;
  return { row: row as PenaltyCaseTable, lastResult: last_result };
}

/** The result the journal's last state-changing action on the case recorded, read on its own. */
async function lastResultOf(db: Executor, id: string): Promise<string | null> {
  const r = await db
    .selectFrom('actions')
    .select('result')
    .where('subject_type', '=', SUBJECT_TYPE)
    .where('subject_id', '=', id)
    .where('type', 'in', [...PENALTY_RECORD.stateTypes])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return r?.result ?? null;
}

/**
 * The case a row holds, proven against the journal (journal/projection.ts): its state
 * hashes to its state_hash, which is the stateHash the journal's last action on the case
 * recorded, after as many actions; its scope columns are the state's. A row whose last
 * action predates stateHash is proven by replaying the case. Throws ProjectionMismatch.
 * `reread`: the row was locked after a wait (see ProofInput.rereadLast).
 */
export async function proveCase(
  db: Executor,
  row: PenaltyCaseTable,
  lastResult: string | null,
  opts: { reread: boolean },
): Promise<PenaltyCase> {
  return proveProjection<PenaltyCase>({
    ...PENALTY_RECORD,
    row: storedCase(row, { agency_id: row.agency_id, region_path: row.region_path, officer_ids: row.officer_ids }),
    lastResult,
    ...(opts.reread ? { rereadLast: () => lastResultOf(db, row.id) } : {}),
    replay: () => replayFrom(db, row.id),
    columnsOf: scopeColumns,
  });
}

export async function replayFrom(db: Executor, id: string): Promise<PenaltyCase> {
  const rows = await db
    .selectFrom('actions')
    .select(['seq', 'type', 'payload', 'result', 'received_at'])
    .where('subject_type', '=', SUBJECT_TYPE)
    .where('subject_id', '=', id)
    .where('type', 'in', [...PENALTY_RECORD.stateTypes])
    .orderBy('seq')
    .execute();
  return fold(
    PENALTY_PROCEDURE,
    foldEntriesOf(
      PENALTY_PROCEDURE,
      rows.map((r) => ({
        seq: Number(r.seq),
        type: r.type,
        payload: JSON.parse(r.payload) as unknown,
        result: r.result === null ? null : (JSON.parse(r.result) as ActionResult & Record<string, unknown>),
        receivedAt: r.received_at,
      })),
    ),
  );
}
