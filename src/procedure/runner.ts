/**
 * One action of any procedure, end to end, in one journal transaction: role, payload,
 * the record read (under its lock) and proven, scope, status, gates, document number, the
 * fold and the projection, with the link of a file an action attached — so a refused action
 * changes nothing, and a denied one is on record. What a procedure reads and writes is its
 * store's (the common table's in service.ts; the penalty case brings its own single-statement
 * read).
 */
import { sql } from 'kysely';
import type { z } from 'zod';
import type { Yifa } from '../platform/yifa.js';
import type { Trx } from '../journal/journal.js';
import { canonicalJson } from '../journal/canonical.js';
import { ProjectionMismatch, alertMismatch, integrityError, sha256Hex, type AlertContext } from '../journal/projection.js';
import { AppError, invalid, notFound } from '../platform/http/errors.js';
import { todayInChina, yearOf } from '../calendar/legal-date.js';
import type { AuthContext, Request } from '../platform/security/request.js';
import { inScope } from '../platform/security/scope.js';
import { applyAction, decide, opens, unavailable, untimely, type ActionResult } from './decide.js';
import { allocateNumber, type SeriesInfo } from './numbering.js';
import { linkAttachedFile } from './evidence-store.js';
import type { ActionSpec, Procedure, ProcedureTypes, Refusal } from './spec.js';

/** A new record (of the user's agency) or an existing one. */
export type Target = { isNew: true; id: string; agencyId: string } | { isNew: false; id: string };

/** The agency a record belongs to, as numbering and views need it. */
export interface AgencyRef {
  id: string;
  name: string;
  doc_prefix: string;
  region_path: string;
}

/** The columns a record's visibility is decided on. */
export interface ScopedRow {
  id: string;
  region_path: string;
  created_by: string;
  /** `,id1,id2,` — the people working on it see it whatever their scope */
  officer_ids?: string;
  action_count: number | string;
}

/** What a store read for one action: the agency, and for an existing record its row. */
export interface Loaded {
  agency: AgencyRef;
  row: ScopedRow | null;
}

/** What a procedure reads and writes; the runner calls it inside the action's transaction. */
export interface ProcedureStore<T extends ProcedureTypes, L extends Loaded, Saved> {
  /** Everything one action reads: an existing record under its lock, or the agency of a new one. */
  load(trx: Trx, target: Target, action: { actorPersonId: string | null; payload: unknown }): Promise<L | undefined>;
  /** The loaded record's state, proven against the journal (throws ProjectionMismatch). */
  prove(trx: Trx, loaded: L & { row: ScopedRow }): Promise<T['state']>;
  /** What the gates read besides the state and the payload (given parsed, or null when it failed to parse). */
  context(
    trx: Trx,
    s: T['state'],
    payload: unknown,
    at: { today: string; actor: { personId: string | null; userId: string } },
    loaded: L,
  ): Promise<T['context']>;
  /** Writes the projection; `before` is null for a new record. */
  save(
    trx: Trx,
    change: {
      next: T['state'];
      before: T['state'] | null;
      stored: { json: string; hash: string };
      ctx: T['context'];
      userId: string;
      at: string;
      loaded: L;
    },
  ): Promise<Saved>;
}

/** May this reader see the record? Its region, its creator, or the reader among the people on it. */
export function recordInScope(auth: AuthContext, row: Pick<ScopedRow, 'region_path' | 'created_by' | 'officer_ids'>): boolean {
  const personId = auth.user.personId;
  const own = personId !== null && !!row.officer_ids?.includes(`,${personId},`);
  return inScope(auth.scope, { regionPath: row.region_path, createdBy: row.created_by, personId: own ? personId : null });
}

/** recordInScope, journaling a refusal. */
export async function visibleRecord(
  req: Request,
  subjectType: string,
  row: Pick<ScopedRow, 'id' | 'region_path' | 'created_by' | 'officer_ids'>,
): Promise<boolean> {
  if (recordInScope(req.auth, row)) return true;
  await req.denied({ reason: '超出数据权限范围' }, { type: subjectType, id: row.id, regionPath: row.region_path });
  return false;
}

/** Every refusal at once; the first is the message, each keeps its article. */
export function refused(refusals: Refusal[]): never {
  const first = refusals[0]!;
  throw new AppError('GATE_REFUSED', first.message, { ...(first.citation ? { citation: first.citation } : {}), details: { refusals } });
}

/** The payload as the action's schema reads it, or INVALID_INPUT naming every field at fault. */
export function parsePayload<P>(spec: { title: string; payload: z.ZodType<P> }, payload: unknown): P {
  const r = spec.payload.safeParse(payload);
  if (r.success) return r.data;
  throw payloadRefusal(spec, r.error);
}

/**
 * The Chinese title of the payload field at `path` (its `.meta({ title })`), for a message a
 * person reads; a field without one is not named (never its code path).
 */
export function fieldTitle(schema: z.ZodType, path: readonly PropertyKey[]): string | null {
  let cur: unknown = schema;
  for (const key of path) {
    // Through optional, nullable and default wrappers to the object (or array) inside.
    while (cur && typeof cur === 'object' && !('shape' in cur) && !('element' in cur) && 'unwrap' in cur)
      cur = (cur as { unwrap: () => unknown }).unwrap();
    if (cur && typeof cur === 'object' && 'shape' in cur) cur = (cur as { shape: Record<string, unknown> }).shape[String(key)];
    else if (cur && typeof cur === 'object' && 'element' in cur && typeof key === 'number') cur = (cur as { element: unknown }).element;
    else return null;
  }
  const meta = (cur as { meta?: () => { title?: string } | undefined } | undefined)?.meta?.();
  return meta?.title ?? null;
}

/** INVALID_INPUT for a payload its schema refused, naming every field at fault. */
function payloadRefusal(spec: { title: string; payload: z.ZodType }, error: z.ZodError): AppError {
  const issue = error.issues[0]!;
  const title = issue.path.length ? fieldTitle(spec.payload, issue.path) : null;
  const where = title ? `（${title}）` : '';
  return invalid(
    `${spec.title}：${issue.message}${where}`,
    error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })),
  );
}

/** The role an action is taken in: the first of the user's roles the action allows. */
const roleFor = (roles: readonly string[], spec: { roles: readonly string[] }) =>
  spec.roles.find((r) => roles.includes(r)) ?? roles[0] ?? 'unknown';

/**
 * A refusal found inside an action's transaction. The transaction rolls back, so the
 * refusal is journaled after it (a denied access is on record even though nothing else is).
 */
export class RefusedInside extends Error {
  constructor(
    readonly detail: Record<string, unknown>,
    readonly answer: AppError,
    readonly regionPath: string,
  ) {
    super(answer.message);
  }
}

/** "Not now": the record's status, facts or day do not allow the action (409, with its article). */
function notNow(why: Refusal | null): void {
  if (why) throw new AppError('CONFLICT', why.message, why.citation ? { citation: why.citation } : {});
}

/**
 * A check that passed: thrown at the end of the action's transaction, after the gates, the
 * number, the fold and the projection, so the transaction rolls back and nothing is kept.
 */
class CheckPassed extends Error {
  constructor(readonly status: string) {
    super('check passed');
  }
}

/** A record that failed its proof: the mismatch is alerted (at most once an hour), the request refused with INTEGRITY_ERROR. */
export async function refuseUnproven(yifa: Yifa, e: unknown, context: AlertContext): Promise<never> {
  if (!(e instanceof ProjectionMismatch)) throw e;
  await alertMismatch(yifa.journal, e, context);
  throw integrityError(e);
}

/** What an action left: the record as it is now and what the store saved, or (a repeated idempotency key) only its id. */
export type Outcome<T extends ProcedureTypes, L extends Loaded, Saved> =
  | { replayed: true; id: string }
  | {
      replayed: false;
      id: string;
      next: T['state'];
      ctx: T['context'];
      saved: Saved;
      loaded: L;
      issued: { series: T['series']; number: string; at: string } | null;
    };

/** The kit's runner of one procedure, with its store and the words of its document series. */
export interface Runner<T extends ProcedureTypes> {
  proc: Procedure<T>;
  series: Record<T['series'], SeriesInfo>;
}

/**
 * Takes one action: the role first (it needs no read); then, on an existing record,
 * everything is read under its lock by the store, and scope, status, payload, gates, number,
 * fold and projection follow — and the journal appends the action in the same transaction.
 * The status comes before the payload, so a client learns "not now" (409 CONFLICT, what the
 * record's allowedActions say) before "not so" (400 INVALID_INPUT), whatever it sent.
 */
export async function runAction<T extends ProcedureTypes, L extends Loaded, Saved>(
  yifa: Yifa,
  req: Request,
  runner: Runner<T>,
  store: ProcedureStore<T, L, Saved>,
  target: Target,
  type: string,
  rawPayload: unknown,
  check = false,
  run: RunOptions<T, L, Saved> = {},
): Promise<Outcome<T, L, Saved>> {
  const { proc } = runner;
  const subjectType = proc.subjectType;
  const spec = proc.actions[type] as ActionSpec<T, unknown> | undefined;
  if (!spec) throw invalid(`未知的${proc.recordName}操作：${type}`);
  const roles = req.auth.roles as readonly string[];
  // The role needs no read: refused before anything else, the same way in every procedure.
  if (!spec.roles.some((r) => roles.includes(r))) {
    // (Inside another action's transaction the journal is busy with it: that action fails and is not kept.)
    if (!run.within) await req.denied({ reason: '角色不能执行该操作', action: type }, { type: subjectType, id: target.id });
    throw new AppError('FORBIDDEN', `您的角色不能${spec.title}`);
  }
  if (opens(proc, type) !== target.isNew)
    throw invalid(
      target.isNew
        ? `“${spec.title}”是对已登记${proc.recordName}的操作，不能用于登记`
        : `“${spec.title}”用于登记新的${proc.recordName}，不能对已有记录执行`,
    );
  // Parsed now, refused only after the status: an invalid payload reads nothing of its own.
  const parsed = spec.payload.safeParse(rawPayload);
  const payload = parsed.success ? parsed.data : null;
  const now = yifa.clock.now();
  const at = now.toISOString();
  const today = todayInChina(now);
  const actor = { personId: req.auth.user.personId, userId: req.auth.user.id };
  // The journal reads the subject when it appends, after the effect: its region is filled in there.
  const subject = { type: subjectType, id: target.id, regionPath: null as string | null };
  let fresh: Extract<Outcome<T, L, Saved>, { replayed: false }> | undefined;
  let done: Awaited<ReturnType<typeof yifa.journal.perform<ActionResult>>>;
  const input = {
    type,
    actor: { ...req.auth.actor, role: roleFor(roles, spec) },
    subject,
    idempotencyKey: check ? null : req.idempotencyKey,
    payload,
  };
  // A follow-up of another action joins its transaction; an action with follow-ups runs them in its own.
  const perform = (effect: (trx: Trx) => Promise<ActionResult>) =>
    run.within
      ? yifa.journal.performWithin(run.within, input, effect)
      : yifa.journal.perform(input, effect, run.after && !check ? { after: async (trx) => run.after!(trx, fresh!) } : {});
  try {
    done = await perform(async (trx): Promise<ActionResult> => {
      const loaded = await store.load(trx, target, { actorPersonId: actor.personId, payload });
      if (!loaded) throw target.isNew ? new AppError('FORBIDDEN', '您的账号所属单位不存在') : notFound(proc.recordName);
      const { row, agency } = loaded;
      if (row && !recordInScope(req.auth, row))
        throw new RefusedInside({ reason: '超出数据权限范围' }, notFound(proc.recordName), row.region_path);
      subject.regionPath = agency.region_path;
      // A row changed outside the journal is refused here: an action on it would record its
      // state under a new stateHash and so launder the change.
      const current = row
        ? await store.prove(trx, loaded as L & { row: ScopedRow })
        : proc.empty({ id: target.id, agencyId: agency.id, regionPath: agency.region_path, today });
      // The context before "not now" (the day's facts, `when`, read it): it takes the parsed
      // payload, or null when the payload failed to parse, which is refused just after.
      const ctx = await store.context(trx, current, payload, { today, actor }, loaded);
      if (row) notNow(unavailable(proc, current, type, roles) ?? untimely(proc, current, type, ctx));
      if (!parsed.success) throw payloadRefusal(spec, parsed.error);
      const decision = decide(proc, current, type, payload, ctx);
      if (!decision.ok) refused(decision.refusals);
      const series = decision.series;
      const number = series
        ? await allocateNumber(trx, {
            agency,
            series,
            word: runner.series[series as T['series']].word,
            title: runner.series[series as T['series']].title,
            year: yearOf(today),
            subject: { type: subjectType, id: target.id },
            actionType: type,
            at,
          })
        : null;
      const position = row ? Number(row.action_count) : 0;
      const next = applyAction(proc, current, type, payload, {
        seq: position,
        today,
        actorPersonId: actor.personId,
        actorUserId: actor.userId,
        number,
        derived: decision.derived,
      });
      // The row stores the canonical JSON, so its hash is one SHA-256 of the stored text.
      const json = canonicalJson(next);
      const stored = { json, hash: sha256Hex(json) };
      const saved = await store.save(trx, { next, before: row ? current : null, stored, ctx, userId: actor.userId, at, loaded });
      if (spec.evidence === 'attach' && proc.evidence)
        await linkAttachedFile(trx, proc.evidence, next, { subjectType, id: target.id, position, userId: actor.userId });
      if (check) {
        // Deferred writes (pg-pipeline) go with the next statement: sent now, so their errors count too.
        await sql`select 1`.execute(trx);
        throw new CheckPassed(proc.status(next));
      }
      fresh = { replayed: false, id: target.id, next, ctx, saved, loaded, issued: series && number ? { series, number, at } : null };
      return {
        caseId: target.id,
        agencyId: agency.id,
        regionPath: agency.region_path,
        number,
        derived: decision.derived,
        actorPersonId: actor.personId,
        actorUserId: actor.userId,
        status: proc.status(next),
        stateHash: stored.hash,
        position,
        today,
      };
    });
  } catch (e) {
    if (e instanceof CheckPassed) throw e;
    // Inside another action's transaction nothing may be journaled now: its runner refuses, after the rollback.
    if (run.within) throw e;
    if (e instanceof ProjectionMismatch) return refuseUnproven(yifa, e, { via: 'request', userId: req.auth.user.id });
    if (!(e instanceof RefusedInside)) throw e;
    await req.denied(e.detail, { type: subjectType, id: target.id, regionPath: e.regionPath });
    throw e.answer;
  }
  if (done.replayed || !fresh) return { replayed: true, id: done.result.caseId };
  return fresh;
}

/** How an action joins other actions in one transaction (a duplicate merged and noted on the petition kept). */
export interface RunOptions<T extends ProcedureTypes, L extends Loaded, Saved> {
  /** The transaction of the action this one follows: appended after it, kept or rolled back with it */
  within?: Trx;
  /** What follows this action in its transaction, once it is appended (its follow-ups run `within` it) */
  after?: (trx: Trx, done: Extract<Outcome<T, L, Saved>, { replayed: false }>) => Promise<void>;
}

/** What a check found: the action would be taken, and the record would then stand in `status`. */
export interface CheckResult {
  ok: true;
  status: string;
  statusName: string;
}

/**
 * 检查: the action exactly as `runAction` takes it — role, scope, proof, status, payload,
 * gates, number, fold, projection — in a transaction that is then rolled back. The same
 * refusals as the action itself, or what it would leave; nothing is kept or journaled (a
 * denied access still is).
 */
export async function checkAction<T extends ProcedureTypes, L extends Loaded, Saved>(
  yifa: Yifa,
  req: Request,
  runner: Runner<T>,
  store: ProcedureStore<T, L, Saved>,
  target: Target,
  type: string,
  rawPayload: unknown,
): Promise<CheckResult> {
  try {
    await runAction(yifa, req, runner, store, target, type, rawPayload, true);
  } catch (e) {
    if (!(e instanceof CheckPassed)) throw e;
    const statusName = (runner.proc.statusNames as Record<string, string>)[e.status] ?? e.status;
    return { ok: true, status: e.status, statusName };
  }
  throw new Error('a check ran to its end without passing or refusing');
}
