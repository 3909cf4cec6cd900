/**
 * The 工作台 across every procedure, read from the common table (procedure_cases): how many
 * records of each procedure are overdue or due within three working days, and one queue of
 * what falls due next — most overdue first — whatever the procedure. Each reader sees the
 * procedures whose read permission he holds, within his data scope; a reader who may read
 * none sees an empty 工作台 (fail closed).
 */
import { sql, type ExpressionBuilder } from 'kysely';
import type { Database } from '../platform/db/schema.js';
import type { Yifa } from '../platform/yifa.js';
import type { AuthContext } from '../platform/security/request.js';
import { decodeCursor, keysetAfter, pageOf, type Page } from '../platform/http/pagination.js';
import { scopeFilter } from '../platform/security/scope.js';
import { DEADLINE_RULES } from '../law/deadline-rules.js';
import { dueState, nthWorkingDayAfter, WARNING_WORKING_DAYS } from './deadlines.js';
import type { Procedure } from './spec.js';
import { waitingOn, waitingOnPerson } from './waiting.js';

/** A procedure as the 工作台 lists it: its table and where its records live (`/penalty-cases`). */
export interface ListedProcedure {
  // biome-ignore lint/suspicious/noExplicitAny: any procedure
  proc: Procedure<any>;
  /** Its path under /api/v1 and under /console */
  path: string;
  /** Its records are read only by users of the record's agency (served.ts `ownAgencyOnly`): the queues leave the others out */
  ownAgencyOnly?: boolean;
}

/** Of the procedures read only by their own agency, the rows of the reader's agency; the other procedures' rows all. */
function ownAgencyFilter(auth: AuthContext, readable: readonly ListedProcedure[]) {
  const own = readable.filter((p) => p.ownAgencyOnly).map((p) => p.proc.subjectType);
  return (eb: ExpressionBuilder<Database, 'procedure_cases'>) =>
    own.length ? eb.or([eb('procedure', 'not in', own), eb('agency_id', '=', auth.user.agencyId ?? '')]) : eb.val(true);
}

export interface WorkbenchCount {
  procedure: string;
  name: string;
  path: string;
  overdue: number;
  warning: number;
  /** Records waiting on one of the reader's roles (待办) */
  todo: number;
}

/** A record waiting on one of the reader's roles: what it waits for, since when, and its next deadline. */
export interface TodoItem {
  procedure: string;
  procedureName: string;
  path: string;
  id: string;
  title: string;
  agency: { id: string; name: string };
  status: string;
  statusName: string;
  /** The step it waits for, in words (审批：立案) */
  step: string;
  /** When its last action was taken (it has waited since) */
  since: string;
  nextDue: string | null;
  dueState: 'ok' | 'warning' | 'overdue' | null;
}

export interface DueItem {
  procedure: string;
  procedureName: string;
  path: string;
  id: string;
  title: string;
  agency: { id: string; name: string };
  status: string;
  statusName: string;
  nextDue: string;
  nextRule: string | null;
  nextRuleTitle: string | null;
  dueState: 'ok' | 'warning' | 'overdue';
}

/** What every queue says of a record: its procedure, title, agency and status, in words. */
type ListedRecord = Pick<DueItem, 'procedure' | 'procedureName' | 'path' | 'id' | 'title' | 'agency' | 'status' | 'statusName'>;

/** A procedure_cases row (joined with its agency's name) as a queue lists it. */
function listedRecord(
  bySubject: ReadonlyMap<string, ListedProcedure>,
  r: { id: string; procedure: string; title: string; status: string; agency_id: string; agency_name: string },
): ListedRecord {
  const p = bySubject.get(r.procedure)!;
  return {
    procedure: r.procedure,
    procedureName: p.proc.recordName,
    path: p.path,
    id: r.id,
    title: r.title,
    agency: { id: r.agency_id, name: r.agency_name },
    status: r.status,
    statusName: (p.proc.statusNames as Record<string, string>)[r.status] ?? r.status,
  };
}

/** The procedures this reader may read (none: an empty 工作台). */
export function readableBy(auth: Pick<AuthContext, 'permissions'>, procedures: readonly ListedProcedure[]): ListedProcedure[] {
  return procedures.filter((p) => auth.permissions.has(p.proc.permissions.read as never));
}

async function warnByOf(yifa: Yifa): Promise<{ today: string; warnBy: string }> {
  const today = yifa.clock.today();
  return { today, warnBy: nthWorkingDayAfter(await yifa.calendar.table(), today, WARNING_WORKING_DAYS) };
}

/** The rows of readable procedures in the reader's scope that have an open duty. */
function dueRows(yifa: Yifa, auth: AuthContext, readable: readonly ListedProcedure[]) {
  return yifa.db.kysely
    .selectFrom('procedure_cases')
    .where(
      'procedure',
      'in',
      readable.map((p) => p.proc.subjectType),
    )
    .where('next_due', 'is not', null)
    .where(scopeFilter(auth.scope, { path: 'region_path', createdBy: 'created_by' }))
    .where(ownAgencyFilter(auth, readable));
}

/**
 * The readable records in the reader's scope that wait on one of his roles (procedure_cases'
 * waiting_roles, over its partial index): on a role of his, or on him as one of the record's
 * assignees. A reader with no role waits on nothing.
 */
function waitingRows(yifa: Yifa, auth: AuthContext, readable: readonly ListedProcedure[]) {
  const roles = auth.roles as readonly string[];
  const personId = auth.user.personId;
  return yifa.db.kysely
    .selectFrom('procedure_cases')
    .where(
      'procedure',
      'in',
      readable.map((p) => p.proc.subjectType),
    )
    .where('waiting_roles', 'is not', null)
    .where((eb) =>
      eb.or([
        ...roles.map((r) => eb('waiting_roles', 'like', waitingOn(r))),
        ...(personId ? [eb('waiting_roles', 'like', waitingOnPerson(personId))] : []),
      ]),
    )
    .where(scopeFilter(auth.scope, { path: 'region_path', createdBy: 'created_by' }))
    .where(ownAgencyFilter(auth, readable));
}

/** Per procedure: its records overdue, due within three working days, and waiting on the reader. */
export async function workbenchCounts(yifa: Yifa, auth: AuthContext, procedures: readonly ListedProcedure[]): Promise<WorkbenchCount[]> {
  const readable = readableBy(auth, procedures);
  if (!readable.length) return [];
  const { today, warnBy } = await warnByOf(yifa);
  const todo = auth.roles.length
    ? await waitingRows(yifa, auth, readable)
        .select((eb) => ['procedure', eb.fn.countAll<number>().as('n')])
        .groupBy('procedure')
        .execute()
    : [];
  const todoBy = new Map(todo.map((r) => [r.procedure, Number(r.n)]));
  // Both ranges read from the due-date index: open records without a duty are not counted.
  const rows = await dueRows(yifa, auth, readable)
    .where('next_due', '<=', warnBy)
    .select((eb) => [
      'procedure',
      eb.fn.sum<number>(sql<number>`case when next_due < ${today} then 1 else 0 end`).as('overdue'),
      eb.fn.sum<number>(sql<number>`case when next_due >= ${today} then 1 else 0 end`).as('warning'),
    ])
    .groupBy('procedure')
    .execute();
  const byProcedure = new Map(rows.map((r) => [r.procedure, r]));
  return readable.map((p) => {
    const r = byProcedure.get(p.proc.subjectType);
    return {
      procedure: p.proc.subjectType,
      name: p.proc.recordName,
      path: p.path,
      overdue: Number(r?.overdue ?? 0),
      warning: Number(r?.warning ?? 0),
      todo: todoBy.get(p.proc.subjectType) ?? 0,
    };
  });
}

export interface DueFilters {
  procedure?: string;
  /** overdue: past due; soon: overdue or within three working days; all: every open duty */
  within: 'overdue' | 'soon' | 'all';
  limit: number;
  cursor?: string;
}

/** What falls due next across the readable procedures, most overdue first. */
export async function dueQueue(
  yifa: Yifa,
  auth: AuthContext,
  procedures: readonly ListedProcedure[],
  f: DueFilters,
): Promise<Page<DueItem>> {
  const readable = readableBy(auth, procedures).filter((p) => !f.procedure || p.proc.subjectType === f.procedure);
  if (!readable.length) return { items: [], next: null };
  const { today, warnBy } = await warnByOf(yifa);
  let q = dueRows(yifa, auth, readable)
    .innerJoin('agencies', 'agencies.id', 'procedure_cases.agency_id')
    .select(['procedure_cases.id', 'procedure', 'title', 'status', 'next_due', 'next_rule', 'agency_id', 'agencies.name as agency_name']);
  if (f.within === 'overdue') q = q.where('next_due', '<', today);
  if (f.within === 'soon') q = q.where('next_due', '<=', warnBy);
  const key = decodeCursor(f.cursor, 2);
  if (key) q = q.where(keysetAfter(['next_due', 'procedure_cases.id'], key));
  const rows = await q
    .orderBy('next_due')
    .orderBy('procedure_cases.id')
    .limit(f.limit + 1)
    .execute();
  const bySubject = new Map(readable.map((p) => [p.proc.subjectType, p]));
  return pageOf(
    rows,
    f.limit,
    (r) => [r.next_due!, r.id],
    (r) => {
      const rule =
        r.next_rule && Object.hasOwn(DEADLINE_RULES, r.next_rule) ? DEADLINE_RULES[r.next_rule as keyof typeof DEADLINE_RULES] : null;
      return {
        ...listedRecord(bySubject, r),
        nextDue: r.next_due!,
        nextRule: r.next_rule,
        nextRuleTitle: rule?.title ?? null,
        dueState: dueState(r.next_due, today, warnBy) as DueItem['dueState'],
      };
    },
  );
}

export interface TodoFilters {
  procedure?: string;
  limit: number;
  cursor?: string;
}

/** What waits on the reader across the readable procedures, longest waiting first. */
export async function todoQueue(
  yifa: Yifa,
  auth: AuthContext,
  procedures: readonly ListedProcedure[],
  f: TodoFilters,
): Promise<Page<TodoItem>> {
  const readable = readableBy(auth, procedures).filter((p) => !f.procedure || p.proc.subjectType === f.procedure);
  if (!readable.length || !auth.roles.length) return { items: [], next: null };
  const { today, warnBy } = await warnByOf(yifa);
  let q = waitingRows(yifa, auth, readable)
    .innerJoin('agencies', 'agencies.id', 'procedure_cases.agency_id')
    .select([
      'procedure_cases.id',
      'procedure',
      'title',
      'status',
      'waiting_step',
      'updated_at',
      'next_due',
      'agency_id',
      'agencies.name as agency_name',
    ]);
  const key = decodeCursor(f.cursor, 2);
  if (key) q = q.where(keysetAfter(['updated_at', 'procedure_cases.id'], key));
  const rows = await q
    .orderBy('updated_at')
    .orderBy('procedure_cases.id')
    .limit(f.limit + 1)
    .execute();
  const bySubject = new Map(readable.map((p) => [p.proc.subjectType, p]));
  return pageOf(
    rows,
    f.limit,
    (r) => [r.updated_at, r.id],
    (r) => ({
      ...listedRecord(bySubject, r),
      step: r.waiting_step ?? '',
      since: r.updated_at,
      nextDue: r.next_due,
      dueState: r.next_due ? (dueState(r.next_due, today, warnBy) as TodoItem['dueState']) : null,
    }),
  );
}

export interface Indicators {
  /** Records by procedure and status (open and closed), in the reader's scope */
  byStatus: { procedure: string; procedureName: string; status: string; statusName: string; records: number }[];
  /** Overdue records by agency, across the readable procedures */
  overdueByAgency: { agencyId: string; agencyName: string; overdue: number }[];
}

/** A supervisor's indicators over his area: records by status, overdue by agency (two grouped reads of procedure_cases). */
export async function indicators(yifa: Yifa, auth: AuthContext, procedures: readonly ListedProcedure[]): Promise<Indicators> {
  const readable = readableBy(auth, procedures);
  if (!readable.length) return { byStatus: [], overdueByAgency: [] };
  const inScope = () =>
    yifa.db.kysely
      .selectFrom('procedure_cases')
      .where(
        'procedure',
        'in',
        readable.map((p) => p.proc.subjectType),
      )
      .where(scopeFilter(auth.scope, { path: 'procedure_cases.region_path', createdBy: 'procedure_cases.created_by' }));
  const [statuses, overdue] = await Promise.all([
    inScope()
      .select((eb) => ['procedure', 'status', eb.fn.countAll<number>().as('n')])
      .groupBy(['procedure', 'status'])
      .execute(),
    inScope()
      .innerJoin('agencies', 'agencies.id', 'procedure_cases.agency_id')
      .where('next_due', '<', yifa.clock.today())
      .select((eb) => ['agency_id', 'agencies.name as agency_name', eb.fn.countAll<number>().as('n')])
      .groupBy(['agency_id', 'agencies.name'])
      .orderBy('agencies.name')
      .execute(),
  ]);
  const bySubject = new Map(readable.map((p) => [p.proc.subjectType, p.proc]));
  return {
    byStatus: statuses.map((r) => {
      const proc = bySubject.get(r.procedure)!;
      return {
        procedure: r.procedure,
        procedureName: proc.recordName,
        status: r.status,
        statusName: (proc.statusNames as Record<string, string>)[r.status] ?? r.status,
        records: Number(r.n),
      };
    }),
    overdueByAgency: overdue.map((r) => ({ agencyId: r.agency_id, agencyName: r.agency_name, overdue: Number(r.n) })),
  };
}
