/**
 * A procedure's records replayed from the journal: its entries as the fold takes them, and
 * the replayer `yifa journal verify` and the server's schedule run over the common table
 * (src/journal/verify-projections.ts).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../platform/db/schema.js';
import type { ProjectionReplayer, SubjectEntry } from '../journal/verify-projections.js';
import { todayInChina } from '../calendar/legal-date.js';
import { actionIds, foldSteps, isActionOf, openingActions, type ActionResult, type FoldEntry } from './decide.js';
import type { Procedure, ProcedureTypes } from './spec.js';

/** A record's journal entries as the fold takes them: its state-changing actions, numbered within the record. */
export function foldEntriesOf<T extends ProcedureTypes>(proc: Procedure<T>, entries: readonly SubjectEntry[]): FoldEntry[] {
  return entries
    .filter((e) => isActionOf(proc, e.type) && e.result !== null)
    .map((e, i) => {
      const result = e.result as unknown as ActionResult;
      // The legal date the action used, as recorded; older actions recorded none, and took the receipt date's.
      return { seq: i, type: e.type, payload: e.payload, result, today: result.today ?? todayInChina(new Date(e.receivedAt)) };
    });
}

/** The records of a procedure on the common table, for the projection check. */
export function commonReplayer<T extends ProcedureTypes>(db: Kysely<Database>, proc: Procedure<T>): ProjectionReplayer<T['state']> {
  return {
    subjectType: proc.subjectType,
    recordName: proc.recordName,
    stateTypes: actionIds(proc),
    openingTypes: openingActions(proc),
    states: (entries) => foldSteps(proc, foldEntriesOf(proc, entries)),
    columnsOf: (s) => ({
      agency_id: (s as { agencyId: string }).agencyId,
      region_path: (s as { regionPath: string }).regionPath,
      status: proc.status(s),
    }),
    async rows(afterId, limit) {
      let q = db
        .selectFrom('procedure_cases')
        .select(['id', 'state', 'state_hash', 'action_count', 'agency_id', 'region_path', 'status'])
        .where('procedure', '=', proc.subjectType);
      if (afterId !== null) q = q.where('id', '>', afterId);
      const rows = await q.orderBy('id').limit(limit).execute();
      return rows.map((r) => ({
        id: r.id,
        state: r.state ?? '',
        stateHash: r.state_hash,
        actionCount: Number(r.action_count),
        columns: { agency_id: r.agency_id, region_path: r.region_path, status: r.status },
      }));
    },
    async existing(ids) {
      const rows = ids.length
        ? await db
            .selectFrom('procedure_cases')
            .select('id')
            .where('procedure', '=', proc.subjectType)
            .where('id', 'in', [...ids])
            .execute()
        : [];
      return new Set(rows.map((r) => r.id));
    },
  };
}
