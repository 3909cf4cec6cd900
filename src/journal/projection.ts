/**
 * Projections proven against the journal. A procedure's record (a penalty case; later a
 * mediation, a petition …) is the fold of its actions, and its projection row keeps the
 * folded state for reading. A row can be changed in the database without the journal
 * noticing, so the two are tied by a hash:
 *
 * - every state-changing action records in its result `stateHash`, the SHA-256 of the
 *   canonical JSON of the record's state after it, and `position`, its place among the
 *   record's state-changing actions;
 * - the row keeps the state as that canonical JSON and the same hash (`state_hash`);
 * - before the record is shown, rendered, exported or changed, proveProjection checks the
 *   row against the hash the journal's last action recorded — no replay, one SHA-256 of
 *   the stored text — and a mismatch refuses with INTEGRITY_ERROR and an alert;
 * - `yifa journal verify` and the server's schedule replay every record from the journal
 *   (verify-projections.ts), checking each recorded hash on the way.
 *
 * Nothing here knows a procedure: the procedure passes its record's rows, its journal
 * results and its fold.
 */
import { createHash } from 'node:crypto';
import { sql, type RawBuilder } from 'kysely';
import { canonicalJson } from './canonical.js';
import { SYSTEM_ACTOR, type Journal } from './journal.js';
import { DomainError } from '../platform/errors.js';
import type { Engine } from '../platform/db/database.js';

export const sha256Hex = (text: string): string => createHash('sha256').update(text).digest('hex');

/** The stateHash of a state: SHA-256 hex of its canonical JSON. */
export const stateHashOf = (state: unknown): string => sha256Hex(canonicalJson(state));

/**
 * The part of a state-changing action's result that proofs read. Both fields are absent in
 * actions recorded before projections were proven (legacy).
 */
export interface SealedResult {
  stateHash?: string;
  /** The action's position among its record's state-changing actions (0 = the opening one) */
  position?: number;
}

/** A projection row, as proofs read it. */
export interface StoredProjection {
  id: string;
  /** The state as stored: canonical JSON since stateHash exists, plain JSON in older rows */
  state: string;
  stateHash: string | null;
  /** How many state-changing actions the row says it has taken */
  actionCount: number;
  /** Columns of the row that follow from the state alone (compared with the procedure's columnsOf) */
  columns?: Record<string, unknown>;
}

export type MismatchKind =
  | 'state-altered'
  | 'hash-mismatch'
  | 'hash-missing'
  | 'count-mismatch'
  | 'column-mismatch'
  | 'replay-mismatch'
  | 'fold-diverged'
  | 'no-actions'
  | 'missing-row'
  | 'replay-failed'
  | 'unreadable';

/** A record whose projection is not what its journal proves. */
export class ProjectionMismatch extends Error {
  constructor(
    readonly subjectType: string,
    /** What one record is called: 行政处罚案件 */
    readonly recordName: string,
    readonly id: string,
    readonly kind: MismatchKind,
    /** What differs, in Chinese, without the record's name */
    readonly detail: string,
    readonly data: Record<string, unknown> = {},
  ) {
    super(`${recordName} ${id}：${detail}`);
  }

  toJSON() {
    return { subjectType: this.subjectType, id: this.id, kind: this.kind, message: this.message, ...this.data };
  }
}

/** What a procedure says about its records, for proofs and alerts. */
export interface RecordKind {
  subjectType: string;
  recordName: string;
}

/** One leaf-level difference between two JSON values. */
export interface Difference {
  path: string;
  expected: unknown;
  found: unknown;
}

/** The first `limit` differences between two JSON values, by path (`decision.fineFen`, `records[2].summary`). */
export function differences(expected: unknown, found: unknown, limit = 3, path = ''): Difference[] {
  if (Object.is(expected, found)) return [];
  const bothArrays = Array.isArray(expected) && Array.isArray(found);
  const bothObjects = isPlainObject(expected) && isPlainObject(found);
  if (!bothArrays && !bothObjects) return [{ path: path || '（整体）', expected, found }];
  const out: Difference[] = [];
  if (bothArrays) {
    const [a, b] = [expected as unknown[], found as unknown[]];
    for (let i = 0; i < Math.max(a.length, b.length) && out.length < limit; i++)
      out.push(...differences(a[i], b[i], limit - out.length, `${path}[${i}]`));
    return out;
  }
  const [a, b] = [expected as Record<string, unknown>, found as Record<string, unknown>];
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
  for (const k of keys) {
    if (out.length >= limit) break;
    // canonicalJson drops undefined: a missing key and an undefined one are the same state.
    if (a[k] === undefined && b[k] === undefined) continue;
    out.push(...differences(a[k], b[k], limit - out.length, path ? `${path}.${k}` : k));
  }
  return out;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

const shown = (v: unknown): string => {
  const s = v === undefined ? '（无）' : JSON.stringify(v);
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
};

/** Differences as one Chinese phrase: `decision.fineFen：日志为 20000000，数据库中为 30000000`. */
export function describeDifferences(diffs: readonly Difference[]): string {
  return diffs.map((d) => `${d.path}：日志为 ${shown(d.expected)}，数据库中为 ${shown(d.found)}`).join('；');
}

/** Columns that differ between what the state says and what the row holds. */
export function columnDifferences(expected: Record<string, unknown>, found: Record<string, unknown>): Difference[] {
  const norm = (v: unknown) => (v === undefined ? null : typeof v === 'bigint' ? Number(v) : v);
  return Object.keys(expected)
    .filter((k) => norm(expected[k]) !== norm(found[k]))
    .map((k) => ({ path: k, expected: expected[k], found: found[k] }));
}

/**
 * The result JSON of the journal's last state-changing action on a record, as a scalar
 * subquery for the statement that reads the record (no extra round trip). It walks the
 * actions_subject index (subject_type, subject_id, seq) backwards from the newest action,
 * skipping the record's non-state actions (reads, exports, alerts).
 *
 * SQLite builds a temporary index for a literal IN list each time the subquery runs (a
 * third of the subquery's cost); a search in one comma-joined string does not.
 */
export function lastStateResult(
  engine: Engine,
  kind: { subjectType: string; stateTypes: readonly string[] },
  subjectId: RawBuilder<string>,
): RawBuilder<string | null> {
  const isState =
    engine === 'postgres'
      ? sql`a.type in (${sql.join(kind.stateTypes.map((t) => sql.lit(t)))})`
      : sql`instr(${sql.lit(`,${kind.stateTypes.join(',')},`)}, ',' || a.type || ',') > 0`;
  return sql<
    string | null
  >`(select a.result from actions a where a.subject_type = ${sql.lit(kind.subjectType)} and a.subject_id = ${subjectId} and ${isState} order by a.seq desc limit 1)`;
}

function sealedOf(resultJson: string | null): SealedResult | null {
  if (resultJson === null) return null;
  const r = JSON.parse(resultJson) as SealedResult | null;
  return r ?? {};
}

/** The hash of a stored state's content, whatever its key order and spacing (null: not JSON). */
export function contentHashOf(stateText: string): string | null {
  try {
    return stateHashOf(JSON.parse(stateText));
  } catch {
    return null;
  }
}

type Verdict = { proven: true } | { unsealed: true } | { kind: MismatchKind; detail: string; data?: Record<string, unknown> };

/**
 * The check without a replay: the row's state must hash to its state_hash, and state_hash
 * (and the action count) must be what the journal's last state-changing action recorded.
 * `unsealed`: that action predates stateHash, so only a replay can prove the row.
 */
export function sealedVerdict(row: StoredProjection, last: SealedResult | null): Verdict {
  // The stored text is canonical JSON, so one SHA-256 of it is the check; a row rewritten
  // with the same content in another key order still proves by its content.
  if (row.stateHash !== null && sha256Hex(row.state) !== row.stateHash && contentHashOf(row.state) !== row.stateHash) {
    return { kind: 'state-altered', detail: '状态数据与其状态哈希不符：数据在操作日志之外被改动' };
  }
  if (last?.stateHash !== undefined) {
    if (row.stateHash === null) return { kind: 'hash-missing', detail: '状态哈希被清除，而操作日志记录了该记录的状态哈希' };
    if (row.stateHash !== last.stateHash) {
      return {
        kind: 'hash-mismatch',
        detail: '状态数据及其哈希与操作日志最后一次办理操作记录的状态哈希不符：数据在操作日志之外被改动',
        data: { journal: last.stateHash, row: row.stateHash },
      };
    }
    if (last.position !== undefined && row.actionCount !== last.position + 1) {
      return {
        kind: 'count-mismatch',
        detail: `已办理操作次数（${row.actionCount}）与操作日志（${last.position + 1}）不符`,
        data: { journal: last.position + 1, row: row.actionCount },
      };
    }
    return { proven: true };
  }
  if (last === null) return { kind: 'no-actions', detail: '操作日志中没有该记录的办理操作' };
  return { unsealed: true };
}

/** Rows of legacy records already proven by a replay, by record, with the hash of the text proven. */
const provenLegacy = new Map<string, string>();
const PROVEN_LEGACY_MAX = 10_000;

export interface ProofInput<S> extends RecordKind {
  row: StoredProjection;
  /** The result JSON of the journal's last state-changing action on the record (null: none) */
  lastResult: string | null;
  /**
   * Reads lastResult again in a statement of its own. PostgreSQL returns a row locked after
   * a wait in its newest version, but the statement's subqueries see the snapshot it began
   * with, so an action that committed meanwhile looks missing: asked before refusing.
   */
  rereadLast?: () => Promise<string | null>;
  /** The record folded from the journal: proves a row whose last action predates stateHash */
  replay: () => Promise<S>;
  /** Columns of the row that follow from the state (scope, agency): the row's must equal them */
  columnsOf?: (state: S) => Record<string, unknown>;
}

/** The row's state once proven against the journal; throws ProjectionMismatch otherwise. */
export async function proveProjection<S>(p: ProofInput<S>): Promise<S> {
  const fail = (v: { kind: MismatchKind; detail: string; data?: Record<string, unknown> }) =>
    new ProjectionMismatch(p.subjectType, p.recordName, p.row.id, v.kind, v.detail, v.data);
  let verdict = sealedVerdict(p.row, sealedOf(p.lastResult));
  if ('kind' in verdict && verdict.kind !== 'state-altered' && p.rereadLast) verdict = sealedVerdict(p.row, sealedOf(await p.rereadLast()));
  if ('kind' in verdict) throw fail(verdict);
  let state: S;
  try {
    state = JSON.parse(p.row.state) as S;
  } catch {
    throw fail({ kind: 'unreadable', detail: '状态数据无法解析' });
  }
  if ('unsealed' in verdict) await proveByReplay(p, state, fail);
  if (p.columnsOf && p.row.columns) {
    const diffs = columnDifferences(p.columnsOf(state), p.row.columns);
    if (diffs.length)
      throw fail({
        kind: 'column-mismatch',
        detail: `以下字段与状态数据不符：${describeDifferences(diffs).replaceAll('日志为', '状态数据为')}`,
        data: { columns: diffs },
      });
  }
  return state;
}

/** A legacy row: its content must be the fold of its journal (remembered once proven). */
async function proveByReplay<S>(
  p: ProofInput<S>,
  state: S,
  fail: (v: { kind: MismatchKind; detail: string; data?: Record<string, unknown> }) => ProjectionMismatch,
): Promise<void> {
  const key = `${p.subjectType}\u0000${p.row.id}`;
  const text = sha256Hex(p.row.state);
  if (p.row.stateHash === null && provenLegacy.get(key) === text) return;
  let replayed: S;
  try {
    replayed = await p.replay();
  } catch (e) {
    throw fail({ kind: 'replay-failed', detail: `无法从操作日志重放：${(e as Error).message}` });
  }
  const expected = stateHashOf(replayed);
  if (stateHashOf(state) !== expected) {
    const diffs = differences(JSON.parse(canonicalJson(replayed)), state);
    throw fail({
      kind: 'replay-mismatch',
      detail: `状态数据与操作日志重放的结果不符：${describeDifferences(diffs)}`,
      data: { differences: diffs },
    });
  }
  if (p.row.stateHash !== null && p.row.stateHash !== expected)
    throw fail({ kind: 'hash-mismatch', detail: '状态哈希与操作日志重放的结果不符', data: { journal: expected, row: p.row.stateHash } });
  if (provenLegacy.size >= PROVEN_LEGACY_MAX) provenLegacy.delete(provenLegacy.keys().next().value as string);
  provenLegacy.set(key, text);
}

/** The answer to a request for a record whose projection is not proven. */
export function integrityError(m: ProjectionMismatch): DomainError {
  return new DomainError(
    'INTEGRITY_ERROR',
    `${m.message}。为防止依据被改动的数据出具文书或继续办理，已停止处理，并已记入操作日志提醒监督人员；请联系系统管理员核查。`,
    { details: m.toJSON() },
  );
}

/** How long the same mismatch of the same record is not journaled again (by this process). */
export const ALERT_INTERVAL_MS = 60 * 60_000;
const alerted = new WeakMap<Journal, Map<string, number>>();

export interface AlertContext {
  /** Where the mismatch was found */
  via: 'request' | 'schedule' | 'cli';
  /** The user whose request found it */
  userId?: string | null;
}

/**
 * Journals an integrity alert (`integrity.projection-mismatch`) on the record, with the
 * region path its journal gives it, so supervisors of that region see it. The same
 * mismatch of the same record is journaled at most once per ALERT_INTERVAL_MS, however
 * often it is requested. Returns whether it journaled.
 */
export async function alertMismatch(journal: Journal, m: ProjectionMismatch, context: AlertContext): Promise<boolean> {
  let seen = alerted.get(journal);
  if (!seen) {
    seen = new Map();
    alerted.set(journal, seen);
  }
  const key = canonicalJson([m.subjectType, m.id, m.kind, m.detail]);
  const now = journal.clock().getTime();
  const last = seen.get(key);
  if (last !== undefined && now - last < ALERT_INTERVAL_MS) return false;
  if (seen.size > 10_000) for (const [k, at] of seen) if (now - at >= ALERT_INTERVAL_MS) seen.delete(k);
  seen.set(key, now);
  // The region comes from the journal (the record's own actions), not from the row in doubt.
  const region = await journal.db.kysely
    .selectFrom('actions')
    .select('region_path')
    .where('subject_type', '=', m.subjectType)
    .where('subject_id', '=', m.id)
    .where('region_path', 'is not', null)
    .orderBy('seq')
    .limit(1)
    .executeTakeFirst();
  await journal.record({
    type: 'integrity.projection-mismatch',
    actor: SYSTEM_ACTOR,
    subject: { type: m.subjectType, id: m.id, regionPath: region?.region_path ?? null },
    payload: { ...m.toJSON(), via: context.via, userId: context.userId ?? null },
  });
  return true;
}
