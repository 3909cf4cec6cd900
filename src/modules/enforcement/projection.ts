/**
 * The penalty case's projection row and its proof against the journal: the columns that
 * follow from the case alone, the fold replayed from journal entries action by action,
 * and the replayer `yifa journal verify` and the server's schedule run
 * (src/journal/verify-projections.ts).
 */
import { sql, type Kysely } from 'kysely';
import type { Database, PenaltyCaseTable } from '../../platform/db/schema.js';
import type { StoredProjection } from '../../journal/projection.js';
import type { ProjectionReplayer, SubjectEntry } from '../../journal/verify-projections.js';
import { searchableText } from '../../platform/search/grams.js';
import { OPENING_ACTIONS, PENALTY_ACTION_TYPES, PENALTY_PROCEDURE, emptyCase } from './workflow.js';
import { foldSteps } from '../../procedure/decide.js';
import { waitingColumns } from '../../procedure/waiting.js';
import { foldEntriesOf } from '../../procedure/replayer.js';
import { isSuspended, partyKey, statusOf, type PenaltyCase } from './penalty-case.js';

export const PENALTY_RECORD = {
  subjectType: 'penalty-case',
  recordName: '行政处罚案件',
  /** Every action of the table changes the case (a request adds a pending approval) */
  stateTypes: PENALTY_ACTION_TYPES,
  openingTypes: OPENING_ACTIONS,
} as const;

/** The text a case is found by: party, source, facts and numbers. */
export function caseSearchText(c: PenaltyCase): string {
  return searchableText(
    [c.party.name, c.source.summary, c.proposal?.facts ?? '', c.decision?.number ?? '', c.filingNumber ?? ''].join('\n').slice(0, 8000),
  );
}

/** The row's columns that scope and the action's context are read from: they must be the proven case's. */
export function scopeColumns(c: PenaltyCase) {
  return { agency_id: c.agencyId, region_path: c.regionPath, officer_ids: `,${c.officers.join(',')},` };
}

/** The list columns that follow from the case alone (deadlines and recordings also need settings and the calendar). */
export function stateColumns(c: PenaltyCase) {
  return {
    ...scopeColumns(c),
    procedure: c.procedure,
    status: statusOf(c),
    suspended: isSuspended(c) ? 1 : 0,
    field: c.field,
    party_name: c.party.name,
    party_kind: c.party.kind,
    violation_type_id: c.violationTypeId,
    party_key: partyKey(c.party),
    act_on: c.actOn,
    search_text: caseSearchText(c),
    registered_on: c.registeredOn,
    filed_on: c.filedOn,
    decided_on: c.decision?.on ?? null,
    decision_number: c.decision?.number ?? null,
    fine_fen: c.decision?.fineFen ?? c.proposal?.fineFen ?? 0,
    major: c.proposal?.major ? 1 : 0,
    heard: c.hearing?.heldOn ? 1 : 0,
    closed_on: c.closedOn,
    archived_on: c.archivedOn,
  } satisfies Partial<Record<keyof PenaltyCaseTable, unknown>>;
}

/** The case after each of its state-changing actions (foldSteps, workflow.ts). */
export function caseStates(entries: readonly SubjectEntry[]): Generator<PenaltyCase> {
  return foldSteps(PENALTY_PROCEDURE, foldEntriesOf(PENALTY_PROCEDURE, entries));
}

/** A penalty_cases row as proofs read it; `columns` are those to check against the state. */
export function storedCase(row: PenaltyCaseTable, columns: Record<string, unknown>): StoredProjection {
  return { id: row.id, state: row.state, stateHash: row.state_hash, actionCount: Number(row.action_count), columns };
}

/**
 * The case's row among every procedure's records (procedure_cases, which the 工作台 and the
 * cross-procedure queues read): its columns that follow from the case alone, proven too.
 */
export function commonRowColumns(c: PenaltyCase) {
  return {
    common_agency_id: c.agencyId,
    common_region_path: c.regionPath,
    common_status: statusOf(c),
    common_title: c.party.name,
    common_opened_on: c.registeredOn,
    common_closed_on: c.closedOn,
    common_search_text: caseSearchText(c),
    ...commonWaiting(c),
  };
}
/** Whom the case waits on, as its common row keeps it (procedure/waiting.ts). */
function commonWaiting(c: PenaltyCase) {
  const w = waitingColumns(PENALTY_PROCEDURE, c);
  return { common_waiting_roles: w.waiting_roles, common_waiting_step: w.waiting_step };
}
const COMMON_ROW = Object.keys(commonRowColumns(emptyCase('', '', '', ''))).map((k) => k.slice('common_'.length));

/** Penalty cases for `yifa journal verify` and the scheduled check: penalty_cases and their procedure_cases rows. */
export function penaltyCaseReplayer(db: Kysely<Database>): ProjectionReplayer<PenaltyCase> {
  const listed = Object.keys(stateColumns(emptyCase('', '', '', ''))) as (keyof ReturnType<typeof stateColumns>)[];
  return {
    ...PENALTY_RECORD,
    states: caseStates,
    columnsOf: (c) => ({ ...stateColumns(c), ...commonRowColumns(c) }),
    async rows(afterId, limit) {
      // A case without its common row shows every common column as missing (null).
      let q = db
        .selectFrom('penalty_cases')
        .leftJoin('procedure_cases as common', 'common.id', 'penalty_cases.id')
        .select([
          'penalty_cases.id',
          'penalty_cases.state',
          'penalty_cases.state_hash',
          'penalty_cases.action_count',
          ...listed.map((k) => `penalty_cases.${k}` as const),
          ...COMMON_ROW.map((k) => sql.ref(`common.${k}`).as(`common_${k}`)),
        ]);
      if (afterId !== null) q = q.where('penalty_cases.id', '>', afterId);
      const rows = (await q.orderBy('penalty_cases.id').limit(limit).execute()) as Record<string, unknown>[];
      return rows.map((r) => ({
        id: r.id as string,
        state: r.state as string,
        stateHash: r.state_hash as string | null,
        actionCount: Number(r.action_count),
        columns: Object.fromEntries([...listed, ...COMMON_ROW.map((k) => `common_${k}`)].map((k) => [k, r[k]])),
      }));
    },
    async existing(ids) {
      const rows = ids.length
        ? await db
            .selectFrom('penalty_cases')
            .select('id')
            .where('id', 'in', [...ids])
            .execute()
        : [];
      return new Set(rows.map((r) => r.id));
    },
  };
}
