/**
 * The penalty case's store for the kit's runner — the hot path of every action. One
 * statement reads the case with everything its page and its gates need (its agency and
 * settings, region names, documents, officers with their certificates, and the journal's
 * last result to prove the row); the save writes only the columns that changed, deferred
 * so that PostgreSQL pipelines them with the journal's own writes.
 */
import { sql, type RawBuilder } from 'kysely';
import type { Yifa } from '../../../platform/yifa.js';
import type { Engine } from '../../../platform/db/database.js';
import type { PenaltyCaseTable } from '../../../platform/db/schema.js';
import type { Trx } from '../../../journal/journal.js';
import { lastStateResult } from '../../../journal/projection.js';
import { deferFixed, deferWrite, runFixed } from '../../../platform/db/fixed-queries.js';
import { searchGrams } from '../../../platform/search/grams.js';
import type { HolidayTable } from '../../../calendar/holiday-table.js';
import type { ProcedureStore } from '../../../procedure/runner.js';
import { nextDue, type CaseDeadline } from '../../../procedure/deadlines.js';
import type { GateContext } from '../gates.js';
import { waitingColumns } from '../../../procedure/waiting.js';
import { PENALTY_PROCEDURE } from '../workflow.js';
import type { PenaltyTypes } from '../workflow/shared.js';
import type { PenaltyCase } from '../penalty-case.js';
import { caseDeadlines } from '../case-deadlines.js';
import { requiredRecordings } from '../recordings.js';
import { PENALTY_RECORD, stateColumns } from '../projection.js';
import { settingsOfRow } from './agency-settings.js';
import { gateContext, personIdsOfAction, PERSON_COLUMNS, PERSON_KEYS, type PersonRow } from './gate-context.js';
import { proveCase } from './proof.js';

/** What the store reads through: the action's transaction, or the database outside one. */
export type Executor = Trx | Yifa['db']['kysely'];

/** What one action reads of a penalty case, in one statement (readCaseContext / readAgencyContext). */
type PenaltyLoaded = NonNullable<Awaited<ReturnType<typeof readCaseContext>>> | NonNullable<Awaited<ReturnType<typeof readAgencyContext>>>;

/** The penalty case's store for the kit's runner: its single-statement read, its proof, its gates' context and its rows. */
export function penaltyStore(yifa: Yifa, table: HolidayTable): ProcedureStore<PenaltyTypes, PenaltyLoaded, CaseDeadline[]> {
  const engine = yifa.db.engine;
  return {
    load: (trx, target, a) => {
      const people = personIdsOfAction(a.payload, a.actorPersonId);
      return target.isNew
        ? readAgencyContext(engine, trx, target.agencyId, people)
        : readCaseContext(engine, trx, target.id, { lock: true, people });
    },
    prove: (trx, loaded) => proveCase(trx, loaded.row as PenaltyCaseTable, loaded.lastResult, { reread: true }),
    context: (trx, c, payload, at, loaded) => gateContext(trx, table, c, payload, at.actor, at.today, loaded),
    save: (trx, x) =>
      saveProjection(
        trx,
        x.next,
        x.stored,
        x.ctx,
        x.userId,
        x.at,
        x.before && x.loaded.row ? { case: x.before, row: x.loaded.row as PenaltyCaseTable } : null,
      ),
  };
}

/** A numbered document issued for a case, as its view lists them. */
export interface IssuedDocument {
  series: string;
  number: string;
  action_type: string;
  issued_at: string;
}

/** Names of the regions on a region path (for certificate areas), as a JSON array. */
function regionNamesOn(engine: Engine, path: RawBuilder<string>) {
  return engine === 'postgres'
    ? sql<string[] | string>`(select coalesce(json_agg(r.name), '[]'::json) from regions r where strpos(${path}, '/' || r.id || '/') > 0)`
    : sql<string[] | string>`(select json_group_array(r.name) from regions r where instr(${path}, '/' || r.id || '/') > 0)`;
}

/**
 * People with their certificates as a JSON array of arrays in PERSON_KEYS order (a person
 * once per certificate): those named by the JSON array `ids`, and the officers `officers`
 * selects. They are found by their key from one list (not two INs joined by OR, which
 * scans them all).
 */
function peopleWithCertificates(engine: Engine, ids: RawBuilder<string>, officers: RawBuilder<unknown> | null) {
  const columns = sql.raw(PERSON_KEYS.map((k) => `${PERSON_COLUMNS[k]}.${k}`).join(', '));
  if (engine === 'postgres') {
    const list = officers
      ? sql`${officers} union all select json_array_elements_text(${ids}::json)`
      : sql`select json_array_elements_text(${ids}::json)`;
    return sql<
      unknown[][] | string
    >`(select coalesce(json_agg(json_build_array(${columns})), '[]'::json) from people p left join certificates c on c.person_id = p.id
      where p.id = any(array(${list})))`;
  }
  const list = officers ? sql`${officers} union all select value from json_each(${ids})` : sql`select value from json_each(${ids})`;
  return sql<
    unknown[][] | string
  >`(select json_group_array(json_array(${columns})) from people p left join certificates c on c.person_id = p.id where p.id in (${list}))`;
}

const fromJson = <T>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);

/** The agency part of a context row: the agency, its settings, region names and people. */
function agencyContextOf(r: {
  agency_id: string;
  agency_name: string;
  agency_doc_prefix: string;
  agency_region_path: string;
  agency_region_name: string;
  settings_json: string | null;
  settings_updated_at: string | null;
  region_names: string[] | string;
  people: unknown[][] | string;
}) {
  return {
    agency: {
      id: r.agency_id,
      name: r.agency_name,
      doc_prefix: r.agency_doc_prefix,
      region_path: r.agency_region_path,
      region_name: r.agency_region_name,
    },
    settings: settingsOfRow(
      r.agency_id,
      r.settings_json === null || r.settings_updated_at === null
        ? undefined
        : { settings: r.settings_json, updated_at: r.settings_updated_at },
    ),
    regionNames: fromJson<string[]>(r.region_names),
    people: fromJson<unknown[][]>(r.people).map(
      (values) => Object.fromEntries(PERSON_KEYS.map((k, i) => [k, values[i] ?? null])) as unknown as PersonRow,
    ),
  };
}

/**
 * A case and everything its page and its actions read besides, in one statement: its
 * agency, the agency's settings, the names of the regions on its path (for certificate
 * areas), the documents issued so far, its officers with `people` (the action's own
 * people) and their certificates, and the result its journal's last action recorded (to
 * prove the row, see proveCase). With `lock` (PostgreSQL) the case row is locked for the
 * transaction, which orders concurrent actions on one case; SQLite's write transaction
 * already does.
 */
export async function readCaseContext(engine: Engine, db: Executor, id: string, opts: { lock: boolean; people: string[] }) {
  const build = (slot: <T>(i: number) => T) => {
    const documents =
      engine === 'postgres'
        ? sql<
            string[][] | string
          >`(select coalesce(json_agg(json_build_array(d.series, d.number, d.action_type, d.issued_at) order by d.issued_at, d.number), '[]'::json) from issued_documents d where d.case_id = penalty_cases.id)`
        : sql<
            string[][] | string
          >`(select json_group_array(json_array(d.series, d.number, d.action_type, d.issued_at) order by d.issued_at, d.number) from issued_documents d where d.case_id = penalty_cases.id)`;
    const officers = sql`select o.person_id from penalty_case_officers o where o.case_id = penalty_cases.id`;
    const q = db
      .selectFrom('penalty_cases')
      .innerJoin('agencies', 'agencies.id', 'penalty_cases.agency_id')
      .innerJoin('regions', 'regions.id', 'agencies.region_id')
      .leftJoin('enforcement_settings', 'enforcement_settings.agency_id', 'penalty_cases.agency_id')
      .selectAll('penalty_cases')
      .select([
        'agencies.name as agency_name',
        'agencies.doc_prefix as agency_doc_prefix',
        'regions.path as agency_region_path',
        'regions.name as agency_region_name',
      ])
      .select(['enforcement_settings.settings as settings_json', 'enforcement_settings.updated_at as settings_updated_at'])
      .select([
        regionNamesOn(engine, sql<string>`penalty_cases.region_path`).as('region_names'),
        documents.as('documents'),
        peopleWithCertificates(engine, sql<string>`${slot<string>(1)}`, officers).as('people'),
        lastStateResult(engine, PENALTY_RECORD, sql<string>`penalty_cases.id`).as('last_result'),
      ])
      .where('penalty_cases.id', '=', slot<string>(0));
    return opts.lock && engine === 'postgres' ? q.forUpdate('penalty_cases') : q;
  };
  const [r] = await runFixed(db, `case-context:${opts.lock}`, build, [id, JSON.stringify(opts.people)]);
  if (!r) return undefined;
  const {
    agency_name,
    agency_doc_prefix,
    agency_region_path,
    agency_region_name,
    settings_json,
    settings_updated_at,
    region_names,
    documents: docs,
    people,
    last_result,
    ...row
  } = r;
  return {
    row: row as PenaltyCaseTable,
    lastResult: last_result,
    ...agencyContextOf({
      agency_id: row.agency_id,
      agency_name,
      agency_doc_prefix,
      agency_region_path,
      agency_region_name,
      settings_json,
      settings_updated_at,
      region_names,
      people,
    }),
    documents: fromJson<string[][]>(docs).map(([series, number, action_type, issued_at]) => ({
      series: series!,
      number: number!,
      action_type: action_type!,
      issued_at: issued_at!,
    })),
  };
}

/** What a new case of an agency reads, in one statement: as readCaseContext, without a case. */
async function readAgencyContext(engine: Engine, db: Executor, agencyId: string, people: string[]) {
  const [r] = await runFixed(
    db,
    'agency-context',
    (slot) =>
      db
        .selectFrom('agencies')
        .innerJoin('regions', 'regions.id', 'agencies.region_id')
        .leftJoin('enforcement_settings', 'enforcement_settings.agency_id', 'agencies.id')
        .select([
          'agencies.id as agency_id',
          'agencies.name as agency_name',
          'agencies.doc_prefix as agency_doc_prefix',
          'regions.path as agency_region_path',
          'regions.name as agency_region_name',
        ])
        .select(['enforcement_settings.settings as settings_json', 'enforcement_settings.updated_at as settings_updated_at'])
        .select([
          regionNamesOn(engine, sql<string>`regions.path`).as('region_names'),
          peopleWithCertificates(engine, sql<string>`${slot<string>(1)}`, null).as('people'),
        ])
        .where('agencies.id', '=', slot<string>(0)),
    [agencyId, JSON.stringify(people)],
  );
  return r ? { row: null, lastResult: null, ...agencyContextOf(r), documents: [] as IssuedDocument[] } : undefined;
}

/**
 * Writes the case's row — its list columns, its state as canonical JSON with the state's
 * hash (`stored`) — and its officer rows when they changed; `before` is null for a new case.
 */
async function saveProjection(
  trx: Trx,
  c: PenaltyCase,
  stored: { json: string; hash: string },
  ctx: GateContext,
  userId: string,
  at: string,
  before: { case: PenaltyCase; row: PenaltyCaseTable } | null,
): Promise<CaseDeadline[]> {
  const deadlines = caseDeadlines(c, ctx);
  const due = nextDue(deadlines);
  const recordings = requiredRecordings(c, ctx.settings.recordingRequired);
  const { agency_id: _agency, region_path: _region, ...columns } = stateColumns(c);
  const values = {
    ...columns,
    next_due: due?.due ?? null,
    next_rule: due?.rule ?? null,
    recordings_required: recordings.length,
    recordings_missing: recordings.filter((r) => !r.covered).length,
    updated_at: at,
    state: stored.json,
    state_hash: stored.hash,
  };
  const searchText = values.search_text;
  if (!before) {
    await deferWrite(
      trx,
      trx.insertInto('penalty_cases').values({
        id: c.id,
        agency_id: c.agencyId,
        region_path: c.regionPath,
        created_by: userId,
        action_count: 1,
        search_grams: searchGrams(searchText),
        ...values,
      }),
    );
  } else {
    // Only the columns that changed: untouched indexes (and the search index) are not rewritten.
    const changed: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(values)) if (before.row[k as keyof typeof values] !== v) changed[k] = v;
    if ('search_text' in changed) changed.search_grams = searchGrams(searchText);
    await updateCounted(trx, 'penalty_cases', c.id, changed);
  }
  await saveCommonRow(trx, c, values, userId, before);
  if (!before || before.case.officers.join() !== c.officers.join()) {
    if (before) await deferWrite(trx, trx.deleteFrom('penalty_case_officers').where('case_id', '=', c.id));
    if (c.officers.length)
      await deferWrite(
        trx,
        trx
          .insertInto('penalty_case_officers')
          .values([...new Set(c.officers)].map((p) => ({ person_id: p, case_id: c.id, case_registered_on: c.registeredOn }))),
      );
  }
  return deadlines;
}

/** The penalty_cases columns that are also every procedure's (procedure_cases), by their common name. */
const COMMON_COLUMNS = {
  status: 'status',
  title: 'party_name',
  closed_on: 'closed_on',
  next_due: 'next_due',
  next_rule: 'next_rule',
  search_text: 'search_text',
  updated_at: 'updated_at',
} as const satisfies Record<string, keyof PenaltyCaseTable>;
const COMMON_KEYS = Object.keys(COMMON_COLUMNS) as (keyof typeof COMMON_COLUMNS)[];

/** The case's row among every procedure's records: inserted with the case, then only its changed columns. */
async function saveCommonRow(
  trx: Trx,
  c: PenaltyCase,
  values: Record<(typeof COMMON_COLUMNS)[keyof typeof COMMON_COLUMNS], unknown>,
  userId: string,
  before: { case: PenaltyCase; row: PenaltyCaseTable } | null,
) {
  const common = Object.fromEntries(COMMON_KEYS.map((k) => [k, values[COMMON_COLUMNS[k]]])) as Record<keyof typeof COMMON_COLUMNS, never>;
  const waiting = waitingColumns(PENALTY_PROCEDURE, c);
  if (!before) {
    await deferWrite(
      trx,
      trx.insertInto('procedure_cases').values({
        ...common,
        ...waiting,
        id: c.id,
        procedure: PENALTY_PROCEDURE.subjectType,
        agency_id: c.agencyId,
        region_path: c.regionPath,
        created_by: userId,
        opened_on: c.registeredOn,
        state: null,
        state_hash: null,
        action_count: 1,
      }),
    );
    return;
  }
  const columns = COMMON_KEYS.filter((k) => before.row[COMMON_COLUMNS[k]] !== values[COMMON_COLUMNS[k]]);
  const changed: Record<string, unknown> = Object.fromEntries(columns.map((k) => [k, common[k]]));
  const was = waitingColumns(PENALTY_PROCEDURE, before.case);
  if (was.waiting_roles !== waiting.waiting_roles) changed.waiting_roles = waiting.waiting_roles;
  if (was.waiting_step !== waiting.waiting_step) changed.waiting_step = waiting.waiting_step;
  await updateCounted(trx, 'procedure_cases', c.id, changed);
}

/**
 * Sets only the changed columns of a row and counts the action (deferred: see deferFixed).
 * Compiled once per table and set of changed columns (a handful: each action type changes its own).
 */
async function updateCounted(trx: Trx, table: 'penalty_cases' | 'procedure_cases', id: string, changed: Record<string, unknown>) {
  const columns = Object.keys(changed);
  await deferFixed(
    trx,
    `update:${table}:${columns.join(',')}`,
    (slot) =>
      trx
        .updateTable(table)
        .set({ ...Object.fromEntries(columns.map((k, i) => [k, slot(i)])), action_count: sql`action_count + 1` } as never)
        .where('id', '=', slot<string>(columns.length)),
    [...columns.map((k) => changed[k]), id],
  );
}
