/**
 * The pure engine every procedure runs on: what may be done now (`unavailable`,
 * `available`), whether an action passes its gates (`decide`), what it changes (`applyAction`,
 * `approve`), the state as a fold over the journal (`fold`), and the table as rows a lawyer
 * reads (`matrix`). No I/O: the runner calls these inside the journal's transaction, the
 * property tests call them directly.
 */
import { actorOf, type ActionMeta, type ActionSpec, type Opening, type Procedure, type ProcedureTypes, type Refusal } from './spec.js';

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
): string | null {
  const spec = specOf(proc, type);
  if (!spec.roles.some((r) => roles.includes(r))) return `您的角色不能${spec.title}`;
  if (spec.from === 'opens') return `该操作用于新建${proc.recordName}`;
  const status = proc.status(s);
  if (!spec.from.includes(status)) return `${proc.recordName}处于"${proc.statusNames[status as T['status']]}"状态，不能${spec.title}`;
  if (proc.suspended?.(s) && !spec.whileSuspended) return `${proc.recordName}已中止，恢复办理前不能${spec.title}`;
  return null;
}

/** The actions someone with `roles` may try on the record now (not the opening ones). */
export function available<T extends ProcedureTypes, A extends string>(proc: Procedure<T, A>, s: T['state'], roles: readonly string[]): A[] {
  return (Object.keys(proc.actions) as A[]).filter((t) => unavailable(proc, s, t, roles) === null);
}

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
  const refusals = (spec.guard?.(s, payload, ctx) ?? []).filter((r): r is Refusal => r !== null);
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
