/**
 * The use cases of any procedure on the common table (procedure_cases): open a record,
 * act on it, read it with its deadlines and what the reader may do now, list and search,
 * its journal, replay, its documents and its case file. Every read passes the reader's
 * data scope (a refusal is journaled) and proves the row against the journal first.
 */
import { randomUUID } from 'node:crypto';
import { sql, type SqlBool } from 'kysely';
import type { Yifa } from '../platform/yifa.js';
import type { Trx } from '../journal/journal.js';
import { SYSTEM_ACTOR } from '../journal/journal.js';
import { lastStateResult, proveProjection, type AlertContext } from '../journal/projection.js';
import { AppError, notFound } from '../platform/http/errors.js';
import { decodeCursor, keysetAfter, pageOf, type Page } from '../platform/http/pagination.js';
import { searchableText } from '../platform/search/grams.js';
import type { ProcedureCaseTable } from '../platform/db/schema.js';
import type { Request } from '../platform/security/request.js';
import { scopeFilter } from '../platform/security/scope.js';
import { waitingColumns } from './waiting.js';
import { actionIds, fold, offers, upcoming, type ActionResult, type Offer, type Upcoming } from './decide.js';
import { dueState, nextDue, nthWorkingDayAfter, WARNING_WORKING_DAYS, type CaseDeadline } from './deadlines.js';
import { issuedTo } from './numbering.js';
import {
  checkAction,
  RefusedInside,
  refuseUnproven,
  runAction,
  visibleRecord,
  type AgencyRef,
  type ProcedureStore,
  type Target,
} from './runner.js';
import type { BaseContext, CommonTypes, DocumentPlace, ServedProcedure } from './served.js';
import { renderDocx } from './documents/docx.js';
import { withVerification } from './documents/verification.js';
import { publicUrlOf } from '../platform/config.js';
import { exportCaseFile } from './case-file/export.js';
import { PERSONAL_INFORMATION_CITATION, maskPersonal, personalMask } from '../platform/security/personal-data.js';
import type { SubjectReadPolicy } from '../journal/read-policy.js';
import type { AuthContext } from '../platform/security/request.js';
import { foldEntriesOf } from './replayer.js';
import { actorFileIn, uploadedFile } from './evidence-store.js';
import { manifestEntries, type EvidenceItem } from './evidence.js';
import type { ProcedureEntry } from './registry.js';
import { narrowedReads, readsRecord } from './read-scope.js';
import { linkSourceIn, type Within } from './links.js';

type Db = Yifa['db']['kysely'] | Trx;

/** A record as its page shows it: the DESIGN.md procedure shape. */
export interface RecordView<S, St extends string> {
  id: string;
  status: St;
  statusName: string;
  suspended: boolean;
  agency: { id: string; name: string };
  deadlines: CaseDeadline[];
  /** What the user may do now, the expected next steps first (flagged `next`) */
  allowedActions: Offer[];
  /** Expected next steps the user may take once the day allows (举行听证 on its date), each with why not today */
  upcoming: Upcoming[];
  /** The numbered documents issued so far */
  documents: { series: string; title: string; number: string; actionType: string; issuedAt: string }[];
  /** Its evidence items, when its procedure keeps them (as the reader may see them) */
  evidence: EvidenceItem[] | null;
  record: S;
}

/** Does the reader see the personal data in the procedure's records? */
export const seesPersonalData = (sp: { personalData: string }, reader: { permissions: ReadonlySet<string> }) =>
  reader.permissions.has(sp.personalData);

/** The state as the reader may see it: personal data masked for those without the permission. */
const forReader = <T extends CommonTypes>(sp: ServedProcedure<T>, s: T['state'], auth: AuthContext): T['state'] =>
  seesPersonalData(sp, auth) ? s : maskPersonal(s);

/** How the journal shows the procedure's actions: its read permission, and the same mask as its pages. */
export const journalPolicyOf = <T extends CommonTypes>(sp: ServedProcedure<T>): SubjectReadPolicy => ({
  readPermission: sp.proc.permissions.read,
  mask: personalMask((reader) => seesPersonalData(sp, reader)),
});

const AGENCY_COLUMNS = ['agencies.id', 'agencies.name', 'agencies.doc_prefix', 'regions.path as region_path'] as const;

async function agencyRef(db: Db, agencyId: string): Promise<AgencyRef | undefined> {
  return db
    .selectFrom('agencies')
    .innerJoin('regions', 'regions.id', 'agencies.region_id')
    .select([...AGENCY_COLUMNS])
    .where('agencies.id', '=', agencyId)
    .executeTakeFirst();
}

/** A record's common row with the result its journal's last state-changing action recorded. */
async function rowWithLast<T extends CommonTypes>(yifa: Yifa, db: Db, sp: ServedProcedure<T>, id: string, lock: boolean) {
  const kind = { subjectType: sp.proc.subjectType, stateTypes: actionIds(sp.proc) };
  let q = db
    .selectFrom('procedure_cases')
    .selectAll()
    .select(lastStateResult(yifa.db.engine, kind, sql<string>`procedure_cases.id`).as('last_result'))
    .where('id', '=', id)
    .where('procedure', '=', sp.proc.subjectType);
  if (lock && yifa.db.engine === 'postgres') q = q.forUpdate();
  const r = await q.executeTakeFirst();
  if (!r) return undefined;
  const { last_result, ...row } = r;
  return { row: row as ProcedureCaseTable, lastResult: last_result };
}

/** The state a common row holds, proven against the journal (throws ProjectionMismatch). */
async function proveRow<T extends CommonTypes>(
  db: Db,
  sp: ServedProcedure<T>,
  row: ProcedureCaseTable,
  lastResult: string | null,
  reread: boolean,
): Promise<T['state']> {
  return proveProjection<T['state']>({
    subjectType: sp.proc.subjectType,
    recordName: sp.proc.recordName,
    row: {
      id: row.id,
      state: row.state ?? '',
      stateHash: row.state_hash,
      actionCount: Number(row.action_count),
      columns: { agency_id: row.agency_id, region_path: row.region_path },
    },
    lastResult,
    ...(reread ? { rereadLast: async () => (await rowWithLastOnly(db, sp, row.id)) ?? null } : {}),
    replay: () => replayFrom(db, sp, row.id),
    columnsOf: (s) => ({ agency_id: (s as { agencyId: string }).agencyId, region_path: (s as { regionPath: string }).regionPath }),
  });
}

async function rowWithLastOnly<T extends CommonTypes>(db: Db, sp: ServedProcedure<T>, id: string): Promise<string | null> {
  const r = await db
    .selectFrom('actions')
    .select('result')
    .where('subject_type', '=', sp.proc.subjectType)
    .where('subject_id', '=', id)
    .where('type', 'in', actionIds(sp.proc))
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return r?.result ?? null;
}

async function replayFrom<T extends CommonTypes>(db: Db, sp: ServedProcedure<T>, id: string): Promise<T['state']> {
  const rows = await db
    .selectFrom('actions')
    .select(['seq', 'type', 'payload', 'result', 'received_at'])
    .where('subject_type', '=', sp.proc.subjectType)
    .where('subject_id', '=', id)
    .where('type', 'in', actionIds(sp.proc))
    .orderBy('seq')
    .execute();
  return fold(
    sp.proc,
    foldEntriesOf(
      sp.proc,
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

type CommonLoaded = { agency: AgencyRef; row: ProcedureCaseTable | null; lastResult: string | null };

/** The common table as the runner's store: one row per record, its state beside its list columns. */
function commonStore<T extends CommonTypes>(
  yifa: Yifa,
  sp: ServedProcedure<T>,
  table: BaseContext['table'],
): ProcedureStore<T, CommonLoaded, CaseDeadline[]> {
  return {
    async load(trx, target) {
      if (target.isNew) {
        const agency = await agencyRef(trx, target.agencyId);
        return agency ? { agency, row: null, lastResult: null } : undefined;
      }
      const found = await rowWithLast(yifa, trx, sp, target.id, true);
      if (!found) return undefined;
      const agency = await agencyRef(trx, found.row.agency_id);
      return agency ? { agency, ...found } : undefined;
    },
    prove: (trx, loaded) => proveRow(trx, sp, loaded.row as ProcedureCaseTable, loaded.lastResult, true),
    async context(trx, s, payload, at, loaded) {
      const base: BaseContext = {
        today: at.today,
        table,
        actor: at.actor,
        agency: loaded.agency,
        uploadedFile: uploadedFile(await actorFileIn(trx, payload, at.actor, (s as { id: string }).id)),
        linkSource: await linkSourceIn(trx, payload, { id: (s as { id: string }).id, agencyId: loaded.agency.id }),
      };
      const ctx = sp.context ? await sp.context(trx, base, s, payload) : (base as T['context']);
      const outside = sp.actsOutside?.(ctx, s);
      if (outside)
        throw new RefusedInside(
          { reason: outside.message },
          new AppError('FORBIDDEN', outside.message, outside.citation ? { citation: outside.citation } : {}),
          loaded.row?.region_path ?? loaded.agency.region_path,
        );
      return ctx;
    },
    async save(trx, x) {
      const deadlines = sp.deadlines(x.next, { table, today: x.ctx.today });
      const due = nextDue(deadlines);
      const s = x.next;
      const values = {
        status: sp.proc.status(s),
        title: sp.row.title(s).slice(0, 200),
        closed_on: sp.row.closedOn(s),
        updated_at: x.at,
        next_due: due?.due ?? null,
        next_rule: due?.rule ?? null,
        search_text: searchableText(sp.row.searchText(s)).slice(0, 8000),
        ...waitingColumns(sp.proc, s),
        state: x.stored.json,
        state_hash: x.stored.hash,
      };
      if (!x.loaded.row) {
        const o = s as { id: string; agencyId: string; regionPath: string };
        await trx
          .insertInto('procedure_cases')
          .values({
            ...values,
            id: o.id,
            procedure: sp.proc.subjectType,
            agency_id: o.agencyId,
            region_path: o.regionPath,
            created_by: x.userId,
            opened_on: sp.row.openedOn(s),
            action_count: 1,
          })
          .execute();
      } else {
        await trx
          .updateTable('procedure_cases')
          .set({ ...values, action_count: sql`action_count + 1` })
          .where('id', '=', x.loaded.row.id)
          .execute();
      }
      if (sp.own) await saveOwn(trx, sp.own, s as { id: string }, !x.loaded.row);
      return deadlines;
    },
  };
}

/** The procedure's own row: inserted with the record, then rewritten (a handful of columns). */
async function saveOwn<S>(trx: Trx, own: NonNullable<ServedProcedure<CommonTypes>['own']>, s: S & { id: string }, isNew: boolean) {
  const columns = own.columns(s as never);
  if (isNew)
    await trx
      .insertInto(own.table)
      .values({ id: s.id, ...columns } as never)
      .execute();
  else
    await trx
      .updateTable(own.table)
      .set(columns as never)
      .where('id', '=', s.id)
      .execute();
}

function viewOf<T extends CommonTypes>(
  sp: ServedProcedure<T>,
  req: Request,
  s: T['state'],
  ctx: BaseContext,
  x: { agencyName: string; deadlines: CaseDeadline[]; documents: Awaited<ReturnType<typeof issuedTo>> },
): RecordView<T['state'], T['status']> {
  const status = sp.proc.status(s);
  const o = s as { id: string; agencyId: string };
  const record = forReader(sp, s, req.auth);
  return {
    id: o.id,
    status,
    statusName: sp.proc.statusNames[status as T['status']],
    suspended: sp.proc.suspended?.(s) ?? false,
    agency: { id: o.agencyId, name: x.agencyName },
    deadlines: x.deadlines,
    allowedActions: offers(sp.proc, s, req.auth.roles, ctx),
    upcoming: upcoming(sp.proc, s, req.auth.roles, ctx),
    documents: x.documents.map((d) => ({
      series: d.series,
      title: sp.series[d.series as T['series']]?.title ?? d.series,
      number: d.number,
      actionType: d.action_type,
      issuedAt: d.issued_at,
    })),
    evidence: sp.proc.evidence ? [...sp.proc.evidence.items(record)] : null,
    record,
  };
}

/** One action through the kit's runner; the view is built from what it left. */
async function act<T extends CommonTypes>(
  yifa: Yifa,
  req: Request,
  sp: ServedProcedure<T>,
  target: Target,
  type: string,
  payload: unknown,
) {
  const table = await yifa.calendar.table();
  const store = commonStore(yifa, sp, table);
  const followUp = sp.followUp;
  const done = await runAction(yifa, req, sp, store, target, type, payload, false, {
    ...(followUp
      ? {
          after: (trx, d) =>
            followUp({
              yifa,
              req,
              table,
              type,
              id: d.id,
              state: d.next,
              trx,
              act: async (id, followType, followPayload, key) => {
                const r = { ...req, idempotencyKey: key };
                const out = await runAction(yifa, r, sp, store, { isNew: false, id }, followType, followPayload, false, { within: trx });
                if (out.replayed) return null;
                return out.next;
              },
              read: async (id) => {
                const found = await rowWithLast(yifa, trx, sp, id, true);
                return found ? proveRow(trx, sp, found.row, found.lastResult, true) : null;
              },
            }),
        }
      : {}),
  });
  if (done.replayed) {
    const view = await getRecord(yifa, req, sp, done.id);
    if (sp.afterAction) await sp.afterAction(yifa, req, { type, id: done.id, state: view.record });
    return view;
  }
  if (sp.afterAction) await sp.afterAction(yifa, req, { type, id: done.id, state: done.next });
  const documents = await issuedTo(yifa.db.kysely, { type: sp.proc.subjectType, id: done.id });
  return viewOf(sp, req, done.next, done.ctx, { agencyName: done.loaded.agency.name, deadlines: done.saved, documents });
}

/** Opens a record for the user's agency (or, for the public, the agency `agencyId` names). */
export async function openRecord<T extends CommonTypes>(
  yifa: Yifa,
  req: Request,
  sp: ServedProcedure<T>,
  type: string,
  payload: unknown,
  agencyId = req.auth.user.agencyId,
) {
  if (!agencyId) throw new AppError('FORBIDDEN', `您的账号没有所属单位，不能登记${sp.proc.recordName}`);
  return act(yifa, req, sp, { isNew: true, id: randomUUID(), agencyId }, type, payload);
}

export async function actOnRecord<T extends CommonTypes>(
  yifa: Yifa,
  req: Request,
  sp: ServedProcedure<T>,
  id: string,
  type: string,
  payload: unknown,
) {
  const prepared = sp.prepare ? await sp.prepare(yifa, req, { id, type, payload }) : payload;
  return act(yifa, req, sp, { isNew: false, id }, type, prepared);
}

/**
 * Opens a record routed from another procedure (links.ts), inside the routing action's
 * transaction: its id is the one the routing record already names; appended after it, kept
 * or rolled back with it.
 */
export async function openLinkedRecord<T extends CommonTypes>(
  yifa: Yifa,
  req: Request,
  sp: ServedProcedure<T>,
  within: Within,
  target: { id: string; agencyId: string },
  type: string,
  payload: unknown,
): Promise<void> {
  // The calendar as the routing action read it: inside its transaction nothing else may be read on SQLite.
  const store = commonStore(yifa, sp, within.table);
  await runAction(yifa, req, sp, store, { isNew: true, ...target }, type, payload, false, { within: within.trx });
}

/** 检查: would the action be taken now, with this payload? The same refusals as taking it; nothing is kept. */
export async function checkOnRecord<T extends CommonTypes>(
  yifa: Yifa,
  req: Request,
  sp: ServedProcedure<T>,
  id: string,
  type: string,
  payload: unknown,
) {
  const table = await yifa.calendar.table();
  const prepared = sp.prepare ? await sp.prepare(yifa, req, { id, type, payload }) : payload;
  return checkAction(yifa, req, sp, commonStore(yifa, sp, table), { isNew: false, id }, type, prepared);
}

/** The record, proven, when the reader may see it (a refusal is journaled). */
export async function visibleState<T extends CommonTypes>(yifa: Yifa, req: Request, sp: ServedProcedure<T>, id: string) {
  const found = await rowWithLast(yifa, yifa.db.kysely, sp, id, false);
  if (!found || !(await visibleRecord(req, sp.proc.subjectType, found.row))) throw notFound(sp.proc.recordName);
  if (!(await readsRecord(yifa.db.kysely, req, sp, found.row))) throw notFound(sp.proc.recordName);
  const state = await proveRow(yifa.db.kysely, sp, found.row, found.lastResult, false).catch((e) =>
    refuseUnproven(yifa, e, { via: 'request', userId: req.auth.user.id }),
  );
  return { state, row: found.row };
}

export async function getRecord<T extends CommonTypes>(yifa: Yifa, req: Request, sp: ServedProcedure<T>, id: string) {
  const { state } = await visibleState(yifa, req, sp, id);
  const today = yifa.clock.today();
  const [table, agency, documents] = await Promise.all([
    yifa.calendar.table(),
    agencyRef(yifa.db.kysely, (state as { agencyId: string }).agencyId),
    issuedTo(yifa.db.kysely, { type: sp.proc.subjectType, id }),
  ]);
  if (!agency) throw notFound(sp.proc.recordName);
  // What the page offers is weighed as an action would be, on the day: the gates' context without a payload.
  const ctx: BaseContext = { today, table, actor: readerActor(req), agency, uploadedFile: uploadedFile(undefined) };
  return viewOf(sp, req, state, ctx, { agencyName: agency.name, deadlines: sp.deadlines(state, { table, today }), documents });
}

const readerActor = (req: Request) => ({ personId: req.auth.user.personId, userId: req.auth.user.id });

export interface RecordFilters {
  status?: string;
  agencyId?: string;
  overdue?: boolean;
  q?: string;
  limit: number;
  cursor?: string;
}

export interface RecordListItem {
  id: string;
  agency: { id: string; name: string };
  status: string;
  statusName: string;
  title: string;
  openedOn: string;
  closedOn: string | null;
  nextDue: string | null;
  nextRule: string | null;
  dueState: 'ok' | 'warning' | 'overdue' | null;
}

/** The records in the reader's scope, newest first (overdue: most overdue first), with a text search. */
export async function listRecords<T extends CommonTypes>(
  yifa: Yifa,
  req: Request,
  sp: ServedProcedure<T>,
  f: RecordFilters,
): Promise<Page<RecordListItem>> {
  const today = yifa.clock.today();
  const warnBy = nthWorkingDayAfter(await yifa.calendar.table(), today, WARNING_WORKING_DAYS);
  const order = f.overdue ? (['next_due', 'id'] as const) : (['opened_on', 'id'] as const);
  const direction = f.overdue ? 'asc' : 'desc';
  let q = yifa.db.kysely
    .selectFrom('procedure_cases')
    .select(['id', 'agency_id', 'status', 'title', 'opened_on', 'closed_on', 'next_due', 'next_rule'])
    .where('procedure', '=', sp.proc.subjectType)
    .where(scopeFilter(req.auth.scope, { path: 'region_path', createdBy: 'created_by' }))
    .where(narrowedReads(req.auth, [sp]));
  if (f.status) q = q.where('status', '=', f.status);
  if (f.agencyId) q = q.where('agency_id', '=', f.agencyId);
  if (f.overdue) q = q.where('next_due', '<', today);
  if (f.q) {
    const needle = searchableText(f.q.trim()).replace(/[!%_]/g, (ch) => `!${ch}`);
    q = q.where(sql<SqlBool>`search_text like ${`%${needle}%`} escape '!'`);
  }
  const key = decodeCursor(f.cursor, 2);
  if (key) q = q.where(keysetAfter(order, key, direction));
  const rows = await q
    .orderBy(order[0], direction)
    .orderBy(order[1], direction)
    .limit(f.limit + 1)
    .execute();
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
    (r) => (f.overdue ? [r.next_due!, r.id] : [r.opened_on, r.id]),
    (r) => ({
      id: r.id,
      agency: { id: r.agency_id, name: names.get(r.agency_id) ?? '' },
      status: r.status,
      statusName: sp.proc.statusNames[r.status as T['status']] ?? r.status,
      title: r.title,
      openedOn: r.opened_on,
      closedOn: r.closed_on,
      nextDue: r.next_due,
      nextRule: r.next_rule,
      dueState: dueState(r.next_due, today, warnBy),
    }),
  );
}

/** The record's journal: every stored action on it, oldest first (the routes show them through src/journal/entries.ts). */
export async function recordActions<T extends CommonTypes>(yifa: Yifa, req: Request, sp: ServedProcedure<T>, id: string) {
  await visibleState(yifa, req, sp, id);
  return subjectActions(yifa.db.kysely, sp.proc.subjectType, id);
}

/** Every stored action on one record, oldest first. */
export function subjectActions(db: Db, subjectType: string, id: string) {
  return db.selectFrom('actions').selectAll().where('subject_type', '=', subjectType).where('subject_id', '=', id).orderBy('seq').execute();
}

/** Every action on one record of a procedure, oldest first, each titled by its table (a read or an export by its type). */
export async function subjectJournal(
  db: Db,
  proc: { subjectType: string; actions: Readonly<Record<string, { title: string }>> },
  id: string,
) {
  const rows = await subjectActions(db, proc.subjectType, id);
  return rows.map((a) => ({
    seq: Number(a.seq),
    type: a.type,
    title: Object.hasOwn(proc.actions, a.type) ? proc.actions[a.type]!.title : a.type,
    actorUserId: a.actor_user_id,
    actorRole: a.actor_role,
    occurredAt: a.occurred_at,
    receivedAt: a.received_at,
    payload: JSON.parse(a.payload) as unknown,
    result: a.result === null ? null : (JSON.parse(a.result) as unknown),
    leafHash: a.leaf_hash,
  }));
}

/** Rebuilds a record from the journal alone (the projection must equal it). */
export async function replayRecord<T extends CommonTypes>(yifa: Yifa, sp: ServedProcedure<T>, id: string): Promise<T['state']> {
  return replayFrom(yifa.db.kysely, sp, id);
}

/** The agency of a record and its county, as documents name them. */
async function placeOf(db: Db, row: ProcedureCaseTable): Promise<DocumentPlace> {
  const [agency, county] = await Promise.all([
    agencyRef(db, row.agency_id),
    db
      .selectFrom('regions')
      .select('name')
      .where('path', '=', `/${row.region_path.split('/')[1]}/`)
      .executeTakeFirst(),
  ]);
  return { agencyName: agency?.name ?? '', countyName: county?.name ?? '' };
}

/** The documents of a record the reader may see, as the reader may see them. */
async function readerDocuments<T extends CommonTypes>(yifa: Yifa, req: Request, sp: ServedProcedure<T>, id: string) {
  const { state, row } = await visibleState(yifa, req, sp, id);
  const place = await placeOf(yifa.db.kysely, row);
  return { row, agencyName: place.agencyName, documents: sp.documents(forReader(sp, state, req.auth), place) };
}

export async function listRecordDocuments<T extends CommonTypes>(yifa: Yifa, req: Request, sp: ServedProcedure<T>, id: string) {
  const { documents } = await readerDocuments(yifa, req, sp, id);
  return documents.map((d) => ({ id: d.id, title: d.title, number: d.number, date: d.date }));
}

/** One document as structured content and, on request, as DOCX; every opening is journaled. */
export async function openRecordDocument<T extends CommonTypes>(
  yifa: Yifa,
  req: Request,
  sp: ServedProcedure<T>,
  id: string,
  documentId: string,
  format: 'json' | 'docx',
) {
  const { row, agencyName, documents } = await readerDocuments(yifa, req, sp, id);
  const found = documents.find((d) => d.id === documentId);
  if (!found) throw notFound('文书');
  // A numbered document carries its 查验码 and QR code.
  const [doc] = (await withVerification(yifa.db.kysely, publicUrlOf(yifa.config), { type: sp.proc.subjectType, id }, [found])) as [
    typeof found,
  ];
  await yifa.journal.record({
    type: documentOpenActionOf(sp),
    actor: req.auth.actor,
    subject: { type: sp.proc.subjectType, id, regionPath: row.region_path },
    // Its title too: the journal names what was read without the record at hand.
    payload: { document: documentId, title: doc.title, number: doc.number, format },
  });
  return { content: doc, agencyName, ...(format === 'docx' ? { docx: await renderDocx(doc, agencyName) } : {}) };
}

/** The journal action that records an export of the procedure's case file. */
const exportActionOf = (sp: { journalPrefix: string }) => `${sp.journalPrefix}.case-file.export`;
const documentOpenActionOf = (sp: { journalPrefix: string }) => `${sp.journalPrefix}.document.open`;

async function fileOf<T extends CommonTypes>(yifa: Yifa, sp: ServedProcedure<T>, state: T['state'], row: ProcedureCaseTable) {
  const place = await placeOf(yifa.db.kysely, row);
  const documents = await withVerification(
    yifa.db.kysely,
    publicUrlOf(yifa.config),
    { type: sp.proc.subjectType, id: row.id },
    sp.documents(state, place),
  );
  return {
    subject: { type: sp.proc.subjectType, id: row.id, regionPath: row.region_path },
    exportAction: exportActionOf(sp),
    agencyName: place.agencyName,
    documents,
    ...sp.caseFile(state, { ...place, documents }),
    evidence: sp.proc.evidence ? manifestEntries(sp.proc.evidence.items(state)) : [],
  };
}

/** The whole file as a ZIP (PDF, DOCX originals, manifest, journal proofs): only for who may see the personal data in it. */
export async function exportRecordFile<T extends CommonTypes>(yifa: Yifa, req: Request, sp: ServedProcedure<T>, id: string) {
  if (!seesPersonalData(sp, req.auth)) {
    await req.denied({ reason: '无权查看个人信息，不能导出完整案卷' }, { type: sp.proc.subjectType, id });
    throw new AppError('FORBIDDEN', '案卷包含申请人、当事人的身份证号、电话和住址，您没有查看这些个人信息的权限，不能导出', {
      citation: PERSONAL_INFORMATION_CITATION,
    });
  }
  const { state, row } = await visibleState(yifa, req, sp, id);
  return exportCaseFile(yifa, await fileOf(yifa, sp, state, row), req.auth.actor, 'api');
}

/** The record as the system reads it (the command line, the evidence purge): proven, in no reader's scope. */
export async function provenRecord<T extends CommonTypes>(yifa: Yifa, sp: ServedProcedure<T>, id: string, via: AlertContext['via']) {
  const found = await rowWithLast(yifa, yifa.db.kysely, sp, id, false);
  if (!found) throw notFound(sp.proc.recordName);
  const state = await proveRow(yifa.db.kysely, sp, found.row, found.lastResult, false).catch((e) => refuseUnproven(yifa, e, { via }));
  return { state, row: found.row };
}

/** The same from the command line, which acts as the system on the whole database. */
export async function exportRecordFileById<T extends CommonTypes>(
  yifa: Yifa,
  sp: ServedProcedure<T>,
  id: string,
  via: AlertContext['via'] = 'cli',
) {
  const { state, row } = await provenRecord(yifa, sp, id, via);
  return exportCaseFile(yifa, await fileOf(yifa, sp, state, row), SYSTEM_ACTOR, 'cli');
}

/** The procedure as the rest of yifa reaches its records (registry.ts); `evidence` when its records hold files. */
export function procedureEntry<T extends CommonTypes>(
  sp: ServedProcedure<T>,
  evidence?: ProcedureEntry<T['state']>['evidence'],
): ProcedureEntry<T['state']> {
  return {
    proc: sp.proc,
    path: sp.path,
    ...(sp.readsOnly ? { readsOnly: sp.readsOnly } : {}),
    exportAction: exportActionOf(sp),
    documentOpenAction: documentOpenActionOf(sp),
    async visible(yifa, req, id) {
      const { state, row } = await visibleState(yifa, req, sp, id);
      return { state, regionPath: row.region_path };
    },
    proven: async (yifa, id) => (await provenRecord(yifa, sp, id, 'cli')).state,
    ...(evidence ? { evidence } : {}),
  };
}
