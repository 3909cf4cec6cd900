/**
 * Penalty-case use cases. Every change is one journaled action that runs the workflow
 * table: role and status, payload validation, the gates, the document number, then the
 * fold — all in one transaction, so a refused action changes nothing. The projection row
 * in `penalty_cases` is the fold's latest state plus the columns lists filter on.
 */
import { randomUUID } from 'node:crypto';
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Yifa } from '../../platform/yifa.js';
import type { Engine } from '../../platform/db/database.js';
import type { CertificateTable, PenaltyCaseTable } from '../../platform/db/schema.js';
import { SYSTEM_ACTOR, type Trx } from '../../journal/journal.js';
import { lastStateResult, proveProjection, type AlertContext } from '../../journal/projection.js';
import { AppError, invalid, notFound } from '../../platform/http/errors.js';
import { decodeCursor, keysetAfter, pageOf, type Page } from '../../platform/http/pagination.js';
import { deferFixed, deferWrite, runFixed } from '../../platform/db/fixed-queries.js';
import { queryGrams, searchableText, searchGrams } from '../../platform/search/grams.js';
import type { HolidayTable } from '../../calendar/holiday-table.js';
import type { Request } from '../../platform/security/request.js';
import { inScope, scopeFilter } from '../../platform/security/scope.js';
import type { Role } from '../../platform/security/access.js';
import { available, fold } from '../../procedure/decide.js';
import {
  refuseUnproven,
  runAction as runProcedureAction,
  visibleRecord,
  type ProcedureStore,
  type Target,
} from '../../procedure/runner.js';
import type { Refusal } from '../../procedure/spec.js';
import { subjectJournal } from '../../procedure/service.js';
import { DEFAULT_SETTINGS, enforcementSettingsSchema, loadSettings, type EnforcementSettings, type LoadedSettings } from './settings.js';
import { decisionRefusals, type Certificate, type GateContext } from './gates.js';
import { nextDue, nthWorkingDayAfter, type CaseDeadline } from '../../procedure/deadlines.js';
import { PENALTY_ACTIONS, PENALTY_PROCEDURE, type OPENING_ACTIONS, type PenaltyActionType, type PenaltyTypes } from './workflow.js';
import type { ActionResult } from '../../procedure/decide.js';
import { STATUS_NAMES, isSuspended, statusOf, type EvidenceFile, type PenaltyCase, type PenaltyStatus } from './penalty-case.js';
import { caseDeadlines } from './case-deadlines.js';
import { DOCUMENT_SERIES, type DocumentSeries } from './documents/series.js';
import { caseDocuments, findDocument, type DocumentContext } from './documents/content.js';
import { renderDocx } from '../../procedure/documents/docx.js';
import { exportCaseFile, type CaseFileSource } from '../../procedure/case-file/export.js';
import { scoreCase, type SheetResult } from './case-file/review-sheet.js';
import { requiredRecordings, type RequiredRecording } from './recordings.js';
import { caseForReader, seesParty } from './journal-policy.js';
import { PERSONAL_INFORMATION_CITATION } from '../../platform/security/personal-data.js';
import { PENALTY_RECORD, scopeColumns, stateColumns, storedCase } from './projection.js';
import { foldEntriesOf } from '../../procedure/replayer.js';

export const SUBJECT_TYPE = PENALTY_RECORD.subjectType;

type Executor = Trx | Yifa['db']['kysely'];

// ——— settings ———

const settingsCache = new Map<string, { updatedAt: string; loaded: LoadedSettings }>();
let defaultLoaded: LoadedSettings | undefined;

export async function settingsFor(db: Executor, agencyId: string): Promise<LoadedSettings> {
  const row = await db
    .selectFrom('enforcement_settings')
    .select(['settings', 'updated_at'])
    .where('agency_id', '=', agencyId)
    .executeTakeFirst();
  return settingsOfRow(agencyId, row);
}

/** An agency's settings from its stored row (none: the defaults), parsed once per version. */
function settingsOfRow(agencyId: string, row: { settings: string; updated_at: string } | undefined): LoadedSettings {
  if (!row) {
    defaultLoaded ??= loadSettings(DEFAULT_SETTINGS);
    return defaultLoaded;
  }
  const hit = settingsCache.get(agencyId);
  if (hit && hit.updatedAt === row.updated_at) return hit.loaded;
  // Settings saved before a newer setting existed take that setting's default.
  const loaded = loadSettings(enforcementSettingsSchema.parse({ ...DEFAULT_SETTINGS, ...JSON.parse(row.settings) }));
  settingsCache.set(agencyId, { updatedAt: row.updated_at, loaded });
  return loaded;
}

/** Replaces an agency's settings; a catalog with overlapping rows is refused before anything is stored. */
export async function putSettings(yifa: Yifa, req: Request, agencyId: string, input: EnforcementSettings): Promise<EnforcementSettings> {
  const agency = await agencyOf(yifa.db.kysely, agencyId);
  if (!agency) throw notFound('执法主体');
  if (!inScope(req.auth.scope, { regionPath: agency.region_path })) {
    await req.denied({ reason: '超出数据权限范围' }, { type: 'agency', id: agencyId, regionPath: agency.region_path });
    throw notFound('执法主体');
  }
  try {
    loadSettings(input);
  } catch (e) {
    throw invalid(e instanceof Error ? e.message : String(e));
  }
  const row = {
    agency_id: agencyId,
    settings: JSON.stringify(input),
    updated_by: req.auth.user.id,
    updated_at: yifa.clock.now().toISOString(),
  };
  await yifa.journal.perform(
    {
      type: 'enforcement.settings.update',
      actor: req.auth.actor,
      subject: { type: 'agency', id: agencyId, regionPath: agency.region_path },
      idempotencyKey: req.idempotencyKey,
      payload: input,
    },
    async (trx) => {
      await trx
        .insertInto('enforcement_settings')
        .values(row)
        .onConflict((oc) =>
          oc.column('agency_id').doUpdateSet({ settings: row.settings, updated_by: row.updated_by, updated_at: row.updated_at }),
        )
        .execute();
      return null;
    },
  );
  return input;
}

/** An agency's settings, for readers whose scope holds the agency (others: not found, journaled). */
export async function getSettings(yifa: Yifa, req: Request, agencyId: string): Promise<EnforcementSettings> {
  const agency = await agencyOf(yifa.db.kysely, agencyId);
  if (!agency) throw notFound('执法主体');
  if (!inScope(req.auth.scope, { regionPath: agency.region_path })) {
    await req.denied({ reason: '超出数据权限范围' }, { type: 'agency', id: agencyId, regionPath: agency.region_path });
    throw notFound('执法主体');
  }
  const s = await settingsFor(yifa.db.kysely, agencyId);
  const { catalog: _catalog, violationType: _vt, ...plain } = s;
  return plain;
}

async function agencyOf(db: Executor, agencyId: string) {
  return db
    .selectFrom('agencies')
    .innerJoin('regions', 'regions.id', 'agencies.region_id')
    .select(['agencies.id', 'agencies.name', 'agencies.doc_prefix', 'regions.path as region_path', 'regions.name as region_name'])
    .where('agencies.id', '=', agencyId)
    .executeTakeFirst();
}

// ——— the context gates read ———

/** The people an action names itself: its actor and the officers (or chair) in its payload. */
function personIdsOfAction(payload: unknown, actorPersonId: string | null): string[] {
  const ids = new Set<string>();
  if (actorPersonId) ids.add(actorPersonId);
  collectPersonIds(payload, ids);
  return [...ids];
}

function collectPersonIds(v: unknown, into: Set<string>): void {
  if (!v || typeof v !== 'object') return;
  const o = v as { officers?: unknown; chairPersonId?: unknown };
  if (Array.isArray(o.officers)) for (const x of o.officers) if (typeof x === 'string') into.add(x);
  if (typeof o.chairPersonId === 'string') into.add(o.chairPersonId);
}

/** Everyone the gates may ask about: the case's officers, the action's people, those of pending steps and records. */
function personIdsIn(c: PenaltyCase, payload: unknown, actorPersonId: string | null): string[] {
  const ids = new Set<string>([...c.officers, ...personIdsOfAction(payload, actorPersonId)]);
  for (const p of c.pending) collectPersonIds(p.payload, ids);
  for (const r of c.records) r.officers.forEach((x) => ids.add(x));
  return [...ids];
}

/** A person with one of their certificates (or nulls), as the gates read them. */
interface PersonRow {
  id: string;
  name: string;
  legal_qualification_no: string | null;
  active: number;
  number: string | null;
  field: string | null;
  area: string | null;
  state: CertificateTable['state'] | null;
  annual_review: CertificateTable['annual_review'] | null;
  issued_on: string | null;
  expires_on: string | null;
}
/** Where each column of a PersonRow comes from: p(eople) or c(ertificates). */
const PERSON_COLUMNS: Record<keyof PersonRow, 'p' | 'c'> = {
  id: 'p',
  name: 'p',
  legal_qualification_no: 'p',
  active: 'p',
  number: 'c',
  field: 'c',
  area: 'c',
  state: 'c',
  annual_review: 'c',
  issued_on: 'c',
  expires_on: 'c',
};
const PERSON_KEYS = Object.keys(PERSON_COLUMNS) as (keyof PersonRow)[];

async function peopleRows(db: Executor, ids: string[]): Promise<PersonRow[]> {
  if (ids.length === 0) return [];
  return runFixed(
    db,
    `gate-people:${ids.length}`,
    (slot) =>
      db
        .selectFrom('people')
        .leftJoin('certificates', 'certificates.person_id', 'people.id')
        .select(['people.id', 'people.name', 'people.legal_qualification_no', 'people.active'])
        .select([
          'certificates.number',
          'certificates.field',
          'certificates.area',
          'certificates.state',
          'certificates.annual_review',
          'certificates.issued_on',
          'certificates.expires_on',
        ])
        .where(
          'people.id',
          'in',
          ids.map((_, i) => slot<string>(i)),
        ),
    ids,
  );
}

/** Reads through `db` only: inside an action it is the transaction (SQLite has one connection). */
async function gateContext(
  db: Executor,
  table: HolidayTable,
  c: PenaltyCase,
  payload: unknown,
  actor: { personId: string | null; userId: string | null },
  today: string,
  /** Read with the case (readCaseContext) or, for a new case, with its agency (readAgencyContext). */
  read: { settings: LoadedSettings; regionNames: string[]; people: PersonRow[] },
): Promise<GateContext> {
  const actorPersonId = actor.personId;
  // People with their certificates (a person without one comes with nulls). The case's
  // officers and the action's people came with the case; anyone else (an officer of an
  // earlier record who is no longer on the case, say) is read here.
  const have = new Set(read.people.map((p) => p.id));
  const missing = personIdsIn(c, payload, actorPersonId).filter((id) => !have.has(id));
  const [more, uploaded] = await Promise.all([peopleRows(db, missing), uploadedFileIn(db, payload, actor.userId)]);
  const { settings, regionNames } = read;
  const rows = [...read.people, ...more];
  const byPerson = new Map<string, Certificate[]>();
  const people = new Map<string, (typeof rows)[number]>();
  for (const x of rows) {
    people.set(x.id, x);
    if (Number(x.active) !== 1 || x.number === null) continue; // a person who left holds no usable certificate
    const list = byPerson.get(x.id) ?? [];
    list.push({
      number: x.number,
      field: x.field!,
      area: x.area!,
      state: x.state!,
      annualReview: x.annual_review!,
      issuedOn: x.issued_on!,
      expiresOn: x.expires_on!,
    });
    byPerson.set(x.id, list);
  }
  const names = new Map([...people.values()].map((p) => [p.id, p.name]));
  const actorRow = actorPersonId ? people.get(actorPersonId) : undefined;
  return {
    today,
    table,
    settings,
    certificatesOf: (id) => byPerson.get(id) ?? [],
    nameOf: (id) => names.get(id) ?? `人员（${id}）`,
    regionNames,
    actor: { personId: actorPersonId, userId: actor.userId, legalQualification: actorRow?.legal_qualification_no ?? null },
    uploadedFile: (sha256) => (uploaded?.sha256 === sha256 ? uploaded : undefined),
  };
}

/** The verified upload of this user that an action's payload names by `file.sha256`, if any. */
async function uploadedFileIn(db: Executor, payload: unknown, userId: string | null): Promise<EvidenceFile | undefined> {
  const sha256 = (payload as { file?: { sha256?: unknown } } | null)?.file?.sha256;
  if (typeof sha256 !== 'string' || !userId) return undefined;
  const row = await db
    .selectFrom('uploads')
    .select(['sha256', 'size', 'mime', 'file_name'])
    .where('sha256', '=', sha256)
    .where('user_id', '=', userId)
    .where('completed_at', 'is not', null)
    .orderBy('completed_at', 'desc')
    .executeTakeFirst();
  return row ? { sha256: row.sha256, size: Number(row.size), mime: row.mime!, fileName: row.file_name } : undefined;
}

// ——— performing actions ———

/** Opens a case: 案源登记 (general procedure) or an on-the-spot decision (simple procedure). */
export async function openCase(yifa: Yifa, req: Request, type: (typeof OPENING_ACTIONS)[number], payload: unknown): Promise<CaseView> {
  const agencyId = req.auth.user.agencyId;
  if (!agencyId) throw new AppError('FORBIDDEN', '您的账号没有所属执法主体，不能登记案件');
  return runAction(yifa, req, { isNew: true, id: randomUUID(), agencyId }, type, payload);
}

export async function performAction(yifa: Yifa, req: Request, caseId: string, type: string, payload: unknown): Promise<CaseView> {
  return runAction(yifa, req, { isNew: false, id: caseId }, type, payload);
}

/** What one action reads of a penalty case, in one statement (readCaseContext / readAgencyContext). */
type PenaltyLoaded = NonNullable<Awaited<ReturnType<typeof readCaseContext>>> | NonNullable<Awaited<ReturnType<typeof readAgencyContext>>>;

/** The penalty case's store for the kit's runner: its single-statement read, its proof, its gates' context and its rows. */
function penaltyStore(yifa: Yifa, table: HolidayTable): ProcedureStore<PenaltyTypes, PenaltyLoaded, CaseDeadline[]> {
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

/** The kit's runner for penalty cases: the procedure and its series' words. */
const PENALTY_RUNNER = { proc: PENALTY_PROCEDURE, series: DOCUMENT_SERIES };

/** One action through the kit; the case page's view is built from what the action left, without reading it back. */
async function runAction(yifa: Yifa, req: Request, target: Target, type: string, rawPayload: unknown): Promise<CaseView> {
  const store = penaltyStore(yifa, await yifa.calendar.table());
  const done = await runProcedureAction(yifa, req, PENALTY_RUNNER, store, target, type, rawPayload);
  if (done.replayed) return getCase(yifa, req, done.id);
  const documents = [
    ...done.loaded.documents,
    ...(done.issued ? [{ series: done.issued.series, number: done.issued.number, action_type: type, issued_at: done.issued.at }] : []),
  ];
  return caseView(done.next, done.ctx, { agencyName: done.loaded.agency.name, documents, roles: req.auth.roles, deadlines: done.saved });
}

/** A numbered document issued for a case, as its view lists them. */
interface IssuedDocument {
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
async function readCaseContext(engine: Engine, db: Executor, id: string, opts: { lock: boolean; people: string[] }) {
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
  await saveCommonRow(trx, c, values, userId, before?.row ?? null);
  const files = c.evidence.filter((e) => e.file);
  if (files.length !== (before?.case.evidence.filter((e) => e.file).length ?? 0)) {
    // Evidence is only ever added: the new files are the ones past the old count.
    const added = files.slice(before?.case.evidence.filter((e) => e.file).length ?? 0);
    await deferWrite(
      trx,
      trx.insertInto('penalty_case_files').values(added.map((e) => ({ sha256: e.file!.sha256, case_id: c.id, seq: e.seq }))),
    );
  }
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
  before: PenaltyCaseTable | null,
) {
  const common = Object.fromEntries(COMMON_KEYS.map((k) => [k, values[COMMON_COLUMNS[k]]])) as Record<keyof typeof COMMON_COLUMNS, never>;
  if (!before) {
    await deferWrite(
      trx,
      trx.insertInto('procedure_cases').values({
        ...common,
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
  const columns = COMMON_KEYS.filter((k) => before[COMMON_COLUMNS[k]] !== values[COMMON_COLUMNS[k]]);
  await updateCounted(trx, 'procedure_cases', c.id, Object.fromEntries(columns.map((k) => [k, common[k]])));
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

// ——— reading ———

async function caseRow(db: Executor, id: string) {
  return db.selectFrom('penalty_cases').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A case's row with the result its journal's last action recorded, in one statement. */
async function caseRowWithLast(engine: Engine, db: Executor, id: string) {
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
async function proveCase(db: Executor, row: PenaltyCaseTable, lastResult: string | null, opts: { reread: boolean }): Promise<PenaltyCase> {
  return proveProjection<PenaltyCase>({
    ...PENALTY_RECORD,
    row: storedCase(row, { agency_id: row.agency_id, region_path: row.region_path, officer_ids: row.officer_ids }),
    lastResult,
    ...(opts.reread ? { rereadLast: () => lastResultOf(db, row.id) } : {}),
    replay: () => replayFrom(db, row.id),
    columnsOf: scopeColumns,
  });
}

/** A case read by the system (no user scope), proven against the journal; INTEGRITY_ERROR (alerted) when it is not. */
export async function provenCaseState(yifa: Yifa, id: string, via: AlertContext['via']): Promise<PenaltyCase> {
  const found = await caseRowWithLast(yifa.db.engine, yifa.db.kysely, id);
  if (!found) throw notFound('案件');
  return proveCase(yifa.db.kysely, found.row, found.lastResult, { reread: false }).catch((e) => refuseUnproven(yifa, e, { via }));
}

/** The case as it stands, when the user may see it (a refusal is journaled): no deadlines or documents computed. */
export async function visibleCase(yifa: Yifa, req: Request, id: string): Promise<PenaltyCase> {
  const found = await caseRowWithLast(yifa.db.engine, yifa.db.kysely, id);
  if (!found || !(await visibleRecord(req, SUBJECT_TYPE, found.row))) throw notFound('案件');
  return proveCase(yifa.db.kysely, found.row, found.lastResult, { reread: false }).catch((e) =>
    refuseUnproven(yifa, e, { via: 'request', userId: req.auth.user.id }),
  );
}

export interface CaseView {
  id: string;
  status: PenaltyStatus;
  statusName: string;
  suspended: boolean;
  procedure: PenaltyCase['procedure'];
  agency: { id: string; name: string };
  deadlines: CaseDeadline[];
  allowedActions: { type: PenaltyActionType; title: string }[];
  /** What stands between the case and a decision now (empty when it may be decided) */
  decisionBlockers: Refusal[];
  case: PenaltyCase;
  /** 案卷评查 pre-check: what the file would score and what is missing */
  fileCheck: SheetResult;
  /** The steps the agency requires to be recorded on audio-visual media, and whether each is */
  recordings: RequiredRecording[];
  /** The numbered documents issued so far */
  documents: { series: DocumentSeries; title: string; number: string; actionType: string; issuedAt: string }[];
}

export async function getCase(yifa: Yifa, req: Request, id: string): Promise<CaseView> {
  const found = await readCaseContext(yifa.db.engine, yifa.db.kysely, id, {
    lock: false,
    people: req.auth.user.personId ? [req.auth.user.personId] : [],
  });
  if (!found || !(await visibleRecord(req, SUBJECT_TYPE, found.row))) throw notFound('案件');
  // Proven before anything is shown: the page, its documents and the case file all come through here.
  const c = await proveCase(yifa.db.kysely, found.row, found.lastResult, { reread: false }).catch((e) =>
    refuseUnproven(yifa, e, { via: 'request', userId: req.auth.user.id }),
  );
  const today = yifa.clock.today();
  const ctx = await gateContext(
    yifa.db.kysely,
    await yifa.calendar.table(),
    c,
    null,
    { personId: req.auth.user.personId, userId: null },
    today,
    found,
  );
  return caseView(c, ctx, { agencyName: found.agency.name, documents: found.documents, roles: req.auth.roles });
}

/** The case page's view of a case, from the case and its gate context (no reads). */
function caseView(
  c: PenaltyCase,
  ctx: GateContext,
  extra: { agencyName: string; documents: IssuedDocument[]; roles: Role[]; deadlines?: CaseDeadline[] },
): CaseView {
  const status = statusOf(c);
  return {
    id: c.id,
    status,
    statusName: STATUS_NAMES[status],
    suspended: isSuspended(c),
    procedure: c.procedure,
    agency: { id: c.agencyId, name: extra.agencyName },
    deadlines: extra.deadlines ?? caseDeadlines(c, ctx),
    allowedActions: available(PENALTY_PROCEDURE, c, extra.roles).map((t) => ({ type: t, title: PENALTY_ACTIONS[t].title })),
    decisionBlockers: c.proposal && !c.decision ? decisionRefusals(c, ctx) : [],
    fileCheck: scoreCase(c, ctx.settings.reviewSheet),
    recordings: requiredRecordings(c, ctx.settings.recordingRequired),
    case: c,
    documents: extra.documents.map((d) => ({
      series: d.series as DocumentSeries,
      title: DOCUMENT_SERIES[d.series as DocumentSeries].title,
      number: d.number,
      actionType: d.action_type,
      issuedAt: d.issued_at,
    })),
  };
}

export interface CaseFilters {
  status?: PenaltyStatus;
  agencyId?: string;
  officerId?: string;
  violationTypeId?: string;
  overdue?: boolean;
  /** my cases (the user is one of the officers), to approve, to review, to serve */
  queue?: 'mine' | 'approve' | 'review' | 'serve' | 'overdue';
  q?: string;
  limit: number;
  cursor?: string;
}

export interface CaseListItem {
  id: string;
  agency: { id: string; name: string };
  status: PenaltyStatus;
  statusName: string;
  procedure: string;
  partyName: string;
  field: string;
  violationTypeId: string | null;
  registeredOn: string;
  decisionNumber: string | null;
  fineFen: number;
  major: boolean;
  nextDue: string | null;
  nextRule: string | null;
  dueState: 'ok' | 'warning' | 'overdue' | null;
  suspended: boolean;
}

/** Lists cases in the user's scope, newest first, with the filters and queues of the console. */
/** Full-text search, step 2: the exact substring (bigrams alone do not prove adjacency). */
function containsText(query: string) {
  const needle = searchableText(query.trim()).replace(/[!%_]/g, (ch) => `!${ch}`);
  return sql<SqlBool>`search_text like ${'%' + needle + '%'} escape '!'`;
}

/** Full-text search, step 1: rows holding every bigram of the query, from the index (null: no bigram to look up). */
function holdsGrams(engine: Engine, query: string) {
  const grams = queryGrams(query);
  if (!grams) return null;
  return engine === 'postgres'
    ? sql<SqlBool>`string_to_array(search_grams, ' ') @> ${grams}::text[]`
    : sql<SqlBool>`id in (select k.case_id from penalty_case_search join penalty_case_search_keys k on k.n = penalty_case_search.rowid where penalty_case_search match ${grams.map((g) => `"${g}"`).join(' ')})`;
}

/** How many of the newest cases a search first looks through before it asks the index. */
const SEARCH_WINDOW = 2000;

export async function listCases(yifa: Yifa, req: Request, f: CaseFilters): Promise<Page<CaseListItem>> {
  const today = yifa.clock.today();
  const table = await yifa.calendar.table();
  const warnBy = nthWorkingDayAfter(table, today, 3);
  const personId = req.auth.user.personId;
  // Newest first; an officer's cases are read from the officers' index joined to the cases;
  // overdue cases come most overdue first, read from the due-date index.
  const officerId = f.officerId ?? null;
  const overdueFirst = (f.overdue || f.queue === 'overdue') && !officerId;
  const order = officerId
    ? ['penalty_case_officers.case_registered_on', 'penalty_case_officers.case_id']
    : overdueFirst
      ? ['next_due', 'id']
      : ['registered_on', 'id'];
  const direction = overdueFirst ? 'asc' : 'desc';
  let q = yifa.db.kysely
    .selectFrom('penalty_cases')
    .$if(officerId !== null, (qb) =>
      qb
        .innerJoin('penalty_case_officers', 'penalty_case_officers.case_id', 'penalty_cases.id')
        .where('penalty_case_officers.person_id', '=', officerId!),
    )
    .select([
      'id',
      'agency_id',
      'status',
      'procedure',
      'party_name',
      'field',
      'violation_type_id',
      'registered_on',
      'decision_number',
      'fine_fen',
      'major',
      'next_due',
      'next_rule',
      'suspended',
    ])
    .where(scopeFilter(req.auth.scope, { path: 'region_path', createdBy: 'created_by' }));
  if (f.status) q = q.where('status', '=', f.status);
  if (f.agencyId) q = q.where('agency_id', '=', f.agencyId);
  if (f.violationTypeId) q = q.where('violation_type_id', '=', f.violationTypeId);
  if (f.overdue || f.queue === 'overdue') q = q.where('next_due', '<', today);
  if (f.queue === 'mine') {
    const userId = req.auth.user.id;
    q = q
      .where('archived_on', 'is', null)
      .where((eb) =>
        eb.or([
          eb('created_by', '=', userId),
          ...(personId ? [eb('id', 'in', eb.selectFrom('penalty_case_officers').select('case_id').where('person_id', '=', personId))] : []),
        ]),
      );
  }
  if (f.queue === 'approve') q = q.where('status', 'in', ['filing', 'investigated', 'notified']);
  if (f.queue === 'review') q = q.where('status', '=', 'in-review');
  if (f.queue === 'serve') q = q.where('status', '=', 'decided');
  const key = decodeCursor(f.cursor, 2);
  if (key) q = q.where(keysetAfter(order, key, direction));
  const inOrder = <T extends typeof q>(x: T) => x.orderBy(sql.ref(order[0]!), direction).orderBy(sql.ref(order[1]!), direction);
  let rows: Awaited<ReturnType<typeof q.execute>> | undefined;
  if (f.q) {
    // A common word matches so many cases that the index answers slowly, but the first few
    // thousand cases of the list then hold a page of matches: look there first. When they
    // hold a full page, it is exactly the first page of matches; otherwise the index answers.
    const recent = inOrder(q.select('search_text')).limit(SEARCH_WINDOW).as('recent');
    const outer = overdueFirst ? (['next_due', 'id'] as const) : (['registered_on', 'id'] as const);
    const inRecent = await yifa.db.kysely
      .selectFrom(recent)
      .selectAll()
      .where(containsText(f.q))
      .orderBy(outer[0], direction)
      .orderBy(outer[1], direction)
      .limit(f.limit + 1)
      .execute();
    if (inRecent.length > f.limit) rows = inRecent;
    else
      q = q.where(containsText(f.q)).$call((x) => {
        const grams = holdsGrams(yifa.db.engine, f.q!);
        return grams ? x.where(grams) : x;
      });
  }
  rows ??= await inOrder(q)
    .limit(f.limit + 1)
    .execute();
  // The agencies' names for the page's rows (a handful), rather than a join in every list query.
  const agencyIds = [...new Set(rows.map((r) => r.agency_id))];
  const names = new Map(
    agencyIds.length
      ? (await yifa.db.kysely.selectFrom('agencies').select(['id', 'name']).where('id', 'in', agencyIds).execute()).map((a) => [
          a.id,
          a.name,
        ])
      : [],
  );
  return pageOf(
    rows,
    f.limit,
    (r) => (overdueFirst ? [r.next_due!, r.id] : [r.registered_on, r.id]),
    (r) => ({
      id: r.id,
      agency: { id: r.agency_id, name: names.get(r.agency_id) ?? '' },
      status: r.status as PenaltyStatus,
      statusName: STATUS_NAMES[r.status as PenaltyStatus],
      procedure: r.procedure,
      partyName: r.party_name,
      field: r.field,
      violationTypeId: r.violation_type_id,
      registeredOn: r.registered_on,
      decisionNumber: r.decision_number,
      fineFen: Number(r.fine_fen),
      major: Number(r.major) === 1,
      nextDue: r.next_due,
      nextRule: r.next_rule,
      dueState: r.next_due === null ? null : r.next_due < today ? 'overdue' : r.next_due <= warnBy ? 'warning' : 'ok',
      suspended: Number(r.suspended) === 1,
    }),
  );
}

/** The case's journal: every action, oldest first. */
export async function caseActions(yifa: Yifa, req: Request, id: string) {
  const row = await caseRow(yifa.db.kysely, id);
  if (!row || !(await visibleRecord(req, SUBJECT_TYPE, row))) throw notFound('案件');
  return subjectJournal(yifa.db.kysely, PENALTY_PROCEDURE, id);
}

/** Rebuilds a case from the journal alone (the projection must equal it). */
export async function replayCase(yifa: Yifa, id: string): Promise<PenaltyCase> {
  return replayFrom(yifa.db.kysely, id);
}

async function replayFrom(db: Executor, id: string): Promise<PenaltyCase> {
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

// ——— documents ———

async function documentContext(yifa: Yifa, c: PenaltyCase): Promise<DocumentContext & { agencyName: string }> {
  const ids = personIdsIn(c, null, null);
  for (const r of c.reviews) if (r.opinion) ids.push(r.opinion.reviewerPersonId);
  if (c.hearing?.chairPersonId) ids.push(c.hearing.chairPersonId);
  const db = yifa.db.kysely;
  const [people, certs, agency, county, settings] = await Promise.all([
    ids.length ? db.selectFrom('people').select(['id', 'name']).where('id', 'in', ids).execute() : [],
    ids.length ? db.selectFrom('certificates').select(['person_id', 'number', 'field']).where('person_id', 'in', ids).execute() : [],
    agencyOf(db, c.agencyId),
    db
      .selectFrom('regions')
      .select('name')
      .where('path', '=', `/${c.regionPath.split('/')[1]}/`)
      .executeTakeFirst(),
    settingsFor(db, c.agencyId),
  ]);
  const names = new Map(people.map((p) => [p.id, p.name]));
  const numbers = new Map<string, string>();
  for (const x of certs) if (x.field === c.field || !numbers.has(x.person_id)) numbers.set(x.person_id, x.number);
  return {
    agencyName: agency?.name ?? '',
    countyName: county?.name ?? '',
    nameOf: (id) => names.get(id) ?? '',
    certificateOf: (id) => numbers.get(id) ?? '无',
    violationType: c.violationTypeId ? settings.violationType(c.violationTypeId) : undefined,
  };
}

export async function listDocuments(yifa: Yifa, req: Request, id: string) {
  const view = await getCase(yifa, req, id);
  const c = caseForReader(view.case, req.auth);
  const ctx = await documentContext(yifa, c);
  return caseDocuments(c, ctx).map((d) => ({ id: d.id, title: d.title, number: d.number, date: d.date }));
}

/** One document as structured content (the print view) and, on request, as DOCX; every opening is journaled. */
export async function openDocument(yifa: Yifa, req: Request, id: string, documentId: string, format: 'json' | 'docx') {
  const view = await getCase(yifa, req, id);
  // Documents show the party as the case page does (journal-policy.ts).
  const c = caseForReader(view.case, req.auth);
  const ctx = await documentContext(yifa, c);
  const doc = findDocument(c, ctx, documentId);
  if (!doc) throw notFound('文书');
  await yifa.journal.record({
    type: 'penalty.document.open',
    actor: req.auth.actor,
    subject: { type: SUBJECT_TYPE, id, regionPath: view.case.regionPath },
    payload: { document: documentId, number: doc.number, format },
  });
  if (format === 'json') return { content: doc, agencyName: ctx.agencyName };
  return { content: doc, agencyName: ctx.agencyName, docx: await renderDocx(doc, ctx.agencyName) };
}

// ——— the case file ———

/** The penalty case's file: its cover, its documents, the 案卷评查 pre-check in the 备考表, and its evidence files. */
async function caseFileSource(yifa: Yifa, c: PenaltyCase): Promise<CaseFileSource> {
  const [ctx, settings] = await Promise.all([documentContext(yifa, c), settingsFor(yifa.db.kysely, c.agencyId)]);
  const documents = caseDocuments(c, ctx);
  const sheet = scoreCase(c, settings.reviewSheet);
  const title = `${c.party.name}${c.decision?.number ? `（${c.decision.number}）` : ''}行政处罚案`;
  return {
    subject: { type: SUBJECT_TYPE, id: c.id, regionPath: c.regionPath },
    exportAction: 'penalty.case-file.export',
    agencyName: ctx.agencyName,
    cover: {
      agencyName: ctx.agencyName,
      heading: '行政处罚案卷',
      caseTitle: title,
      fields: [
        ['案件名称', title],
        ['当事人', c.party.name],
        ['立案编号', c.filingNumber ?? '—'],
        ['决定书文号', c.decision?.number ?? '—'],
        ['立案日期', { date: c.filedOn ?? c.registeredOn }],
        ['结案日期', { date: c.closedOn }],
        ['归档日期', { date: c.archivedOn }],
        ['保管期限', '长期'],
      ],
    },
    documents,
    notes: [
      `本卷共 ${documents.length} 份文书，证据 ${c.evidence.length} 项（其中视听资料 ${c.evidence.filter((e) => e.type === 'audiovisual').length} 项）。`,
      `案卷评查预查：${sheet.vetoFailed.length ? '否决项未通过' : `得分 ${sheet.score}`}${sheet.missing.length ? `；扣分项：${sheet.missing.map((m) => m.text).join('；')}` : ''}。`,
    ],
    manifest: { party: c.party.name, decisionNumber: c.decision?.number ?? null },
    evidence: c.evidence
      .filter((e) => e.file)
      .map((e) => ({ seq: e.seq, type: e.type, title: e.title, ...e.file, recording: e.recording ?? null })),
  };
}

/** The case file of a case in the user's scope, as a ZIP (PDF, DOCX originals, manifest, journal proofs). */
export async function exportCaseFileFor(yifa: Yifa, req: Request, id: string) {
  // The case file is the whole record, parties and journal payloads included: only for who may see the party.
  if (!seesParty(req.auth)) {
    await req.denied({ reason: '无权查看当事人个人信息，不能导出完整案卷' }, { type: SUBJECT_TYPE, id });
    throw new AppError('FORBIDDEN', '案卷包含当事人的身份证号、电话和住址，您没有查看当事人个人信息的权限，不能导出', {
      citation: PERSONAL_INFORMATION_CITATION,
    });
  }
  const view = await getCase(yifa, req, id);
  return exportCaseFile(yifa, await caseFileSource(yifa, view.case), req.auth.actor, 'api');
}

/** The same from the command line, which acts as the system on the whole database. */
export async function exportCaseFileById(yifa: Yifa, id: string) {
  return exportCaseFile(yifa, await caseFileSource(yifa, await provenCaseState(yifa, id, 'cli')), SYSTEM_ACTOR, 'cli');
}
