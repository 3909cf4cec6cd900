/**
 * The pure engine every procedure runs on: what may be done now (`unavailable`,
 * `available`), whether an action passes its gates (`decide`), what it changes (`applyAction`,
 * `approve`), the state as a fold over the journal (`fold`), and the table as rows a lawyer
 * reads (`matrix`). No I/O: the runner calls these inside the journal's transaction, the
 * property tests call them directly.
 */
import {
  actorOf,
  RECORD_CHECK,
  type ActionMeta,
  type ActionSpec,
  type Opening,
  type Procedure,
  type ProcedureTypes,
  type Refusal,
} from './spec.js';

// biome-ignore lint/suspicious/noExplicitAny: any procedure
type AnyProcedure = Procedure<any, string>;
type ActionOf<Pr extends AnyProcedure> = Extract<keyof Pr['actions'], string>;
type StateOf<Pr extends AnyProcedure> = ReturnType<Pr['empty']>;

const specOf = <T extends ProcedureTypes>(proc: Procedure<T>, type: string) => proc.actions[type] as ActionSpec<T, unknown>;

/** Every action id of the table, in its order. */
export const actionIds = <Pr extends AnyProcedure>(proc: Pr) => Object.keys(proc.actions) as ActionOf<Pr>[];

export const isActionOf = <Pr extends AnyProcedure>(proc: Pr, type: string): type is ActionOf<Pr> => Object.hasOwn(proc.actions, type);

/** The actions that open a record. */
export const openingActions = <Pr extends AnyProcedure>(proc: Pr) => actionIds(proc).filter((t) => proc.actions[t]!.from === 'opens');

export const opens = (proc: AnyProcedure, type: string) => isActionOf(proc, type) && proc.actions[type]!.from === 'opens';

/** Why `type` cannot be taken by someone with `roles` now, before looking at a payload; null if it can be tried. */
export function unavailable<T extends ProcedureTypes>(
  proc: Procedure<T>,
  s: T['state'],
  type: string,
  roles: readonly string[],
): Refusal | null {
  const spec = specOf(proc, type);
  const because = (message: string): Refusal => ({ message, citation: RECORD_CHECK });
  if (!spec.roles.some((r) => roles.includes(r))) return because(`您的角色不能${spec.title}`);
  if (spec.from === 'opens') return because(`该操作用于新建${proc.recordName}`);
  const status = proc.status(s);
  if (!spec.from.includes(status))
    return because(`${proc.recordName}处于“${proc.statusNames[status as T['status']]}”状态，不能${spec.title}`);
  if (proc.suspended?.(s) && !spec.whileSuspended) return because(`${proc.recordName}已中止，恢复办理前不能${spec.title}`);
  if (spec.answers && !proc.approvals?.pending(s).length) return because(`没有待审批的申请，不能${spec.title}`);
  return spec.requires?.(s) ?? null;
}

/** Why `type`, which the record allows, cannot be taken today (its `when`); null if it can. */
export function untimely<T extends ProcedureTypes>(proc: Procedure<T>, s: T['state'], type: string, ctx: T['context']): Refusal | null {
  return specOf(proc, type).when?.(s, ctx) ?? null;
}

/** The actions someone with `roles` may try on the record today (not the opening ones). */
export function available<T extends ProcedureTypes, A extends string>(
  proc: Procedure<T, A>,
  s: T['state'],
  roles: readonly string[],
  ctx: T['context'],
): A[] {
  return (Object.keys(proc.actions) as A[]).filter((t) => unavailable(proc, s, t, roles) === null && untimely(proc, s, t, ctx) === null);
}

/** An expected next step the user may take once the day allows it: 举行听证 on its date. */
export interface Upcoming<A extends string = string> {
  type: A;
  title: string;
  /** Why not today, with its article */
  until: Refusal;
}

/** The record's expected next steps this user may take but not yet today, each with why. */
export function upcoming<T extends ProcedureTypes, A extends string>(
  proc: Procedure<T, A>,
  s: T['state'],
  roles: readonly string[],
  ctx: T['context'],
): Upcoming<A>[] {
  return (proc.next?.(s) ?? []).flatMap((type) => {
    if (unavailable(proc, s, type, roles) !== null) return [];
    const until = untimely(proc, s, type, ctx);
    return until ? [{ type, title: proc.actions[type]!.title, until }] : [];
  });
}

/** The request an answering action is offered for: which one, its name, and when it was made. */
export interface OfferedRequest {
  kind: string;
  name: string;
  seq: number;
  requestedOn: string;
  /** The requesting action, whose payload is the request's content */
  requestType: string;
  payload: Record<string, unknown>;
}

/**
 * One action offered on a record: an action the user may take now, flagged when it is one of
 * the steps the record expects next. An answering action is offered once per pending
 * request, with the request's `kind` preset.
 */
export interface Offer<A extends string = string> {
  type: A;
  title: string;
  next: boolean;
  /** Payload fields the offer fixes (the request an approval answers) */
  preset?: { kind: string };
  request?: OfferedRequest;
}

/** What the user may do on the record now, the expected next steps first (in the order `next` gives), then the table's order. */
export function offers<T extends ProcedureTypes, A extends string>(
  proc: Procedure<T, A>,
  s: T['state'],
  roles: readonly string[],
  ctx: T['context'],
): Offer<A>[] {
  const expected = proc.next?.(s) ?? [];
  const rank = (t: A) => {
    const i = expected.indexOf(t);
    return i < 0 ? expected.length : i;
  };
  const types = available(proc, s, roles, ctx).sort((a, b) => rank(a) - rank(b));
  return types.flatMap((type) => {
    const spec = proc.actions[type]!;
    const base = { type, title: spec.title, next: expected.includes(type) };
    if (!spec.answers) return [base];
    return proc.approvals!.pending(s).map((p) => ({
      ...base,
      title: `${spec.title}：${proc.approvals!.kinds[p.kind] ?? p.kind}`,
      preset: { kind: p.kind },
      request: {
        kind: p.kind,
        name: proc.approvals!.kinds[p.kind] ?? p.kind,
        seq: p.seq,
        requestedOn: p.requestedOn,
        requestType: requestingAction(proc, p.kind) ?? '',
        payload: p.payload,
      },
    }));
  });
}

/** The action that makes requests of `kind`. */
const requestingAction = (proc: AnyProcedure, kind: string) => actionIds(proc).find((t) => proc.actions[t]!.approval?.kind === kind);

/**
 * Whom the record waits on: the roles who may take one of its expected next steps (the
 * 工作台's 待办), and the first such step in words. A step the record cannot take now (its
 * status, a missing fact) waits on no one.
 */
export function waitingFor<T extends ProcedureTypes>(
  proc: Procedure<T>,
  s: T['state'],
): { roles: string[]; people: string[]; step: string | null } {
  const roles = new Set<string>();
  const people = new Set<string>();
  const assigned = proc.assignees ? proc.assignees.people(s) : [];
  let step: string | null = null;
  for (const type of proc.next?.(s) ?? []) {
    const spec = specOf(proc, type);
    if (unavailable(proc, s, type, spec.roles) !== null) continue;
    // A step of the assigned role waits on the record's own people, once it has them.
    if (assigned.length && spec.roles.includes(proc.assignees!.role)) for (const p of assigned) people.add(p);
    else for (const r of spec.roles) roles.add(r);
    step ??= spec.answers ? `审批：${requestNames(proc, s)}` : spec.title;
  }
  return { roles: [...roles].sort(), people: [...people].sort(), step };
}

/** The names of the requests pending on a record (立案、延长办案期限). */
const requestNames = <T extends ProcedureTypes>(proc: Procedure<T>, s: T['state']) =>
  (proc.approvals?.pending(s) ?? []).map((p) => proc.approvals!.kinds[p.kind] ?? p.kind).join('、');

/** What the gates said: refused (every refusal at once), or passed with the series to number and the derived facts. */
export type Decision<T extends ProcedureTypes> =
  | { ok: false; refusals: Refusal[] }
  | { ok: true; series: T['series'] | null; derived: unknown };

/** Runs an action's gates over the state, its (parsed) payload and the context. */
export function decide<T extends ProcedureTypes>(
  proc: Procedure<T>,
  s: T['state'],
  type: string,
  payload: unknown,
  ctx: T['context'],
): Decision<T> {
  const spec = specOf(proc, type);
  // What the record must be for the action comes first (the runner checked it already; a test calling decide has not).
  const found = [spec.requires?.(s) ?? null, spec.when?.(s, ctx) ?? null, ...(spec.guard?.(s, payload, ctx) ?? [])];
  // A guard may name again what `requires` or `when` said (it keeps its own list whole): said once.
  const refusals = found.filter((r, i): r is Refusal => r !== null && found.findIndex((x) => x?.message === r.message) === i);
  if (refusals.length > 0) return { ok: false, refusals };
  return { ok: true, series: spec.issues?.(s, payload) ?? null, derived: spec.derive?.(s, payload, ctx) ?? null };
}

/** Applies an action that passed its gates: a request waits for approval, anything else takes effect. */
export function applyAction<T extends ProcedureTypes>(
  proc: Procedure<T>,
  s: T['state'],
  type: string,
  payload: unknown,
  m: ActionMeta,
): T['state'] {
  const spec = specOf(proc, type);
  if (!spec.approval) return spec.apply(s, payload, m);
  const approvals = approvalsOf(proc);
  const request = {
    kind: spec.approval.kind,
    seq: m.seq,
    requestedOn: m.today,
    requestedBy: actorOf(m),
    payload: payload as Record<string, unknown>,
    ...(m.derived === undefined ? {} : { derived: m.derived }),
  };
  return spec.apply(approvals.withPending(s, [...approvals.pending(s), request]), payload, m);
}

/** The pending request of `kind`, if any. */
export const pendingRequest = <T extends ProcedureTypes>(proc: Procedure<T>, s: T['state'], kind: string) =>
  approvalsOf(proc)
    .pending(s)
    .find((p) => p.kind === kind);

/**
 * Approves the pending request of `kind`: it leaves the pending list and the requesting
 * action's `onApproved` takes effect, with the approving action's meta (its date, its number).
 */
export function approve<T extends ProcedureTypes>(proc: Procedure<T>, s: T['state'], kind: string, m: ActionMeta): T['state'] {
  const approvals = approvalsOf(proc);
  const request = approvals.pending(s).find((p) => p.kind === kind);
  const spec = Object.values<ActionSpec<T, unknown>>(proc.actions).find((a) => a.approval?.kind === kind);
  if (!request || !spec?.approval) throw new Error(`${proc.recordName}: no pending request of kind ${kind}`);
  const rest = approvals.withPending(
    s,
    approvals.pending(s).filter((p) => p !== request),
  );
  return spec.approval.onApproved(rest, request.payload, m, request);
}

/** Drops the pending request of `kind` (the head refused it). */
export function dropRequest<T extends ProcedureTypes>(proc: Procedure<T>, s: T['state'], kind: string): T['state'] {
  const approvals = approvalsOf(proc);
  return approvals.withPending(
    s,
    approvals.pending(s).filter((p) => p.kind !== kind),
  );
}

function approvalsOf<T extends ProcedureTypes>(proc: Procedure<T>) {
  if (!proc.approvals) throw new Error(`${proc.recordName}: the procedure has no approvals`);
  return proc.approvals;
}

/**
 * What the journal keeps in an action's result, so the record can be folded again from the
 * journal alone. Field names are those stored in existing journals (`caseId` is the record's
 * id in every procedure).
 */
export interface ActionResult<St extends string = string> {
  caseId: string;
  agencyId: string;
  regionPath: string;
  number: string | null;
  derived: unknown;
  actorPersonId: string | null;
  /** Absent in actions recorded before separation of duties was enforced */
  actorUserId?: string | null;
  status: St;
  /** SHA-256 of the canonical JSON of the state after the action (journal/projection.ts). Absent in older actions. */
  stateHash?: string;
  /** The action's position within its record (ActionMeta.seq). Absent in older actions. */
  position?: number;
  /** The legal date the gates and the fold used. Absent in older actions. */
  today?: string;
}

/** One journal entry of a record as the fold reads it. */
export interface FoldEntry {
  seq: number;
  type: string;
  payload: unknown;
  result: ActionResult;
  today: string;
}

/** The record after each of its actions, oldest first (the projection proof compares every step). */
export function* foldSteps<Pr extends AnyProcedure>(proc: Pr, entries: readonly FoldEntry[]): Generator<StateOf<Pr>> {
  const first = entries[0];
  if (!first || !opens(proc, first.type)) throw new Error(`${proc.recordName}: no opening action`);
  const opening: Opening = {
    id: first.result.caseId,
    agencyId: first.result.agencyId,
    regionPath: first.result.regionPath,
    today: first.today,
  };
  let s = proc.empty(opening) as StateOf<Pr>;
  for (const e of entries) {
    if (!isActionOf(proc, e.type)) continue;
    const m: ActionMeta = {
      seq: e.seq,
      today: e.today,
      actorPersonId: e.result.actorPersonId,
      actorUserId: e.result.actorUserId ?? null,
      number: e.result.number,
      derived: e.result.derived,
    };
    s = applyAction(proc, s, e.type, e.payload, m) as StateOf<Pr>;
    yield s;
  }
}

/** A record rebuilt from its journal entries, oldest first: the status is a fold over the actions. */
export function fold<Pr extends AnyProcedure>(proc: Pr, entries: readonly FoldEntry[]): StateOf<Pr> {
  let s: StateOf<Pr> | undefined;
  for (s of foldSteps(proc, entries));
  return s!;
}

/** One row of the readable table: an action, who may take it, from where, and what it does. */
export interface MatrixRow {
  type: string;
  title: string;
  roles: readonly string[];
  from: readonly string[] | 'opens';
  /** The statuses it may be taken in, by their names (the procedure's words); empty for an opening action */
  fromNames: string[];
  whileSuspended: boolean;
  /** The kind of request it makes (approved by the head), and that kind's name */
  request: string | null;
  requestName: string | null;
}

/** The table as rows, in its order (docs/procedures/<name>.md is generated from these). */
export function matrix(proc: AnyProcedure): MatrixRow[] {
  return actionIds(proc).map((type) => {
    const spec = proc.actions[type]!;
    const request = spec.approval?.kind ?? null;
    return {
      type,
      title: spec.title,
      roles: spec.roles,
      from: spec.from,
      fromNames: spec.from === 'opens' ? [] : spec.from.map((st: string) => proc.statusNames[st] ?? st),
      whileSuspended: !!spec.whileSuspended,
      request,
      requestName: request === null ? null : (proc.approvals?.kinds[request] ?? request),
    };
  });
}
