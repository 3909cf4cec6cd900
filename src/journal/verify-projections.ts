/**
 * Every record of every procedure replayed from the journal and compared with its
 * projection row (see projection.ts). Run by `yifa journal verify` after the journal
 * itself verified, and by the server on a schedule (YIFA_PROJECTION_VERIFY_HOURS).
 *
 * Two passes per procedure, each in batches, so memory stays bounded however many
 * records there are:
 *  1. rows → journal: the rows in id order, a batch at a time, with the actions of exactly
 *     those records (one indexed query per batch). Each record is folded action by action;
 *     where an action recorded a stateHash, the fold must reach it. The final state must be
 *     the row's state, its hash the row's state_hash, its action count the row's, and the
 *     columns that follow from the state the row's.
 *  2. journal → rows: the records the journal opened, a batch at a time, must each have a
 *     row (a deleted row is a record that vanished from every list).
 */
import type { Db } from '../platform/db/database.js';
import type { Journal } from './journal.js';
import { SYSTEM_ACTOR } from './journal.js';
import {
  ProjectionMismatch,
  alertMismatch,
  columnDifferences,
  contentHashOf,
  describeDifferences,
  differences,
  stateHashOf,
  type MismatchKind,
  type RecordKind,
  type SealedResult,
  type StoredProjection,
} from './projection.js';
import { canonicalJson } from './canonical.js';

/** One journal action of a record, as a replay reads it. */
export interface SubjectEntry {
  seq: number;
  type: string;
  payload: unknown;
  result: (SealedResult & Record<string, unknown>) | null;
  receivedAt: string;
}

/** What a procedure gives the verifier: its records' rows, and its fold shown step by step. */
export interface ProjectionReplayer<S = unknown> extends RecordKind {
  /** The action types that change a record's state (the others on the subject are reads, exports, alerts …) */
  stateTypes: readonly string[];
  /** The actions that open a record */
  openingTypes: readonly string[];
  /** The record's state after each of `entries` (its state-changing actions, oldest first) */
  states(entries: readonly SubjectEntry[]): Iterable<S>;
  /** Rows in id order after `afterId` (null: from the first), at most `limit` */
  rows(afterId: string | null, limit: number): Promise<StoredProjection[]>;
  /** Of these ids, those that have a row */
  existing(ids: readonly string[]): Promise<Set<string>>;
  /** Columns of a row that follow from the state alone */
  columnsOf?(state: S): Record<string, unknown>;
}

export interface ProjectionReport {
  ok: boolean;
  /** Records compared */
  records: number;
  /** Their state-changing actions replayed */
  actions: number;
  /** Records whose actions predate stateHash, proven by their final state only */
  unsealed: number;
  problemCount: number;
  /** The first problems (at most maxProblems) */
  problems: ProjectionMismatch[];
  seconds: number;
}

export interface ProjectionVerifyOptions {
  /** Rows per batch (default 500) */
  batch?: number;
  /** Problems kept in the report (default 100; all are counted) */
  maxProblems?: number;
}

export async function verifyProjections(
  db: Db,
  replayers: readonly ProjectionReplayer[],
  opts: ProjectionVerifyOptions = {},
): Promise<ProjectionReport> {
  const started = performance.now();
  const batch = opts.batch ?? 500;
  const maxProblems = opts.maxProblems ?? 100;
  const report: ProjectionReport = { ok: true, records: 0, actions: 0, unsealed: 0, problemCount: 0, problems: [], seconds: 0 };
  const problem = (m: ProjectionMismatch) => {
    report.ok = false;
    report.problemCount++;
    if (report.problems.length < maxProblems) report.problems.push(m);
  };
  for (const r of replayers) {
    await rowsAgainstJournal(db, r, batch, report, problem);
    await journalAgainstRows(db, r, batch, problem);
  }
  report.seconds = (performance.now() - started) / 1000;
  return report;
}

async function rowsAgainstJournal(
  db: Db,
  r: ProjectionReplayer,
  batch: number,
  report: ProjectionReport,
  problem: (m: ProjectionMismatch) => void,
) {
  for (let after: string | null = null; ; ) {
    const rows = await r.rows(after, batch);
    if (rows.length === 0) return;
    const entries = await entriesOf(
      db,
      r,
      rows.map((x) => x.id),
    );
    for (const row of rows) {
      await yieldNow();
      const own = entries.get(row.id) ?? [];
      report.records++;
      report.actions += own.length;
      if (own.length > 0 && own.every((e) => e.result?.stateHash === undefined)) report.unsealed++;
      const m = compareRecord(r, row, own);
      if (m) problem(m);
    }
    after = rows[rows.length - 1]!.id;
    if (rows.length < batch) return;
  }
}

/**
 * Lets the event loop run between records once a slice of work has taken SLICE_MS: the
 * server runs the check on its own thread, and a batch replayed at once would hold every
 * request for a second or more.
 */
const SLICE_MS = 20;
let sliceStarted = performance.now();
async function yieldNow(): Promise<void> {
  if (performance.now() - sliceStarted < SLICE_MS) return;
  await new Promise<void>((resolve) => setImmediate(resolve));
  sliceStarted = performance.now();
}

/** The state-changing actions of these records, by record, oldest first. */
async function entriesOf(db: Db, r: ProjectionReplayer, ids: string[]): Promise<Map<string, SubjectEntry[]>> {
  const rows = await db.kysely
    .selectFrom('actions')
    .select(['seq', 'type', 'subject_id', 'payload', 'result', 'received_at'])
    .where('subject_type', '=', r.subjectType)
    .where('subject_id', 'in', ids)
    .where('type', 'in', [...r.stateTypes])
    .orderBy('seq')
    .execute();
  const out = new Map<string, SubjectEntry[]>();
  for (const a of rows) {
    if (a.result === null) continue;
    const list = out.get(a.subject_id!) ?? [];
    list.push({
      seq: Number(a.seq),
      type: a.type,
      payload: JSON.parse(a.payload) as unknown,
      result: JSON.parse(a.result) as SubjectEntry['result'],
      receivedAt: a.received_at,
    });
    out.set(a.subject_id!, list);
  }
  return out;
}

/** One record: its fold, step by step, against the hashes its actions recorded, then against its row. */
export function compareRecord<S>(
  r: ProjectionReplayer<S>,
  row: StoredProjection,
  entries: readonly SubjectEntry[],
): ProjectionMismatch | null {
  const fail = (kind: MismatchKind, detail: string, data?: Record<string, unknown>) =>
    new ProjectionMismatch(r.subjectType, r.recordName, row.id, kind, detail, data);
  if (entries.length === 0) return fail('no-actions', `操作日志中没有该${r.recordName}的办理操作，数据库中却有该${r.recordName}`);
  let state: S | undefined;
  let hash = '';
  let step = 0;
  try {
    for (const s of r.states(entries)) {
      const e = entries[step++]!;
      state = s;
      hash = stateHashOf(s);
      const recorded = e.result?.stateHash;
      if (recorded !== undefined && recorded !== hash) {
        return fail(
          'fold-diverged',
          `重放到操作日志第 ${e.seq} 条（${e.type}）时，结果与该操作记录的状态哈希不符：重放的办理规则与当时不同`,
          { seq: e.seq, journal: recorded, replay: hash },
        );
      }
    }
  } catch (e) {
    return fail('replay-failed', `无法从操作日志重放：${(e as Error).message}`);
  }
  if (step !== entries.length || state === undefined) return fail('replay-failed', '重放未处理全部操作');
  const content = contentHashOf(row.state);
  if (content === null) return fail('unreadable', '状态数据无法解析');
  if (content !== hash) {
    const diffs = differences(JSON.parse(canonicalJson(state)), JSON.parse(row.state));
    const how = row.stateHash === content ? '状态数据及其哈希都与操作日志重放的结果不符' : '状态数据与操作日志重放的结果不符';
    return fail('replay-mismatch', `${how}：${describeDifferences(diffs)}`, { differences: diffs, journal: hash, row: row.stateHash });
  }
  if (row.stateHash !== null && row.stateHash !== hash)
    return fail('hash-mismatch', '状态哈希与操作日志重放的结果不符', { journal: hash, row: row.stateHash });
  if (row.stateHash === null && entries.some((e) => e.result?.stateHash !== undefined))
    return fail('hash-missing', '状态哈希被清除，而操作日志记录了该记录的状态哈希');
  if (row.actionCount !== entries.length)
    return fail('count-mismatch', `已办理操作次数（${row.actionCount}）与操作日志（${entries.length}）不符`, {
      journal: entries.length,
      row: row.actionCount,
    });
  if (r.columnsOf && row.columns) {
    const diffs = columnDifferences(r.columnsOf(state), row.columns);
    if (diffs.length)
      return fail('column-mismatch', `以下字段与状态数据不符：${describeDifferences(diffs).replaceAll('日志为', '状态数据为')}`, {
        columns: diffs,
      });
  }
  return null;
}

/**
 * Records the journal opened that have no row. The subjects are walked on the index alone
 * (distinct ids); the few without a row are then asked whether an action opened them (a
 * subject may have only a refused attempt on it, which opens nothing).
 */
async function journalAgainstRows(db: Db, r: ProjectionReplayer, batch: number, problem: (m: ProjectionMismatch) => void) {
  for (let after: string | null = null; ; ) {
    let q = db.kysely.selectFrom('actions').select('subject_id').distinct().where('subject_type', '=', r.subjectType);
    q = after === null ? q.where('subject_id', 'is not', null) : q.where('subject_id', '>', after);
    const ids = (await q.orderBy('subject_id').limit(batch).execute()).map((x) => x.subject_id!);
    if (ids.length === 0) return;
    const have = await r.existing(ids);
    const absent = ids.filter((id) => !have.has(id));
    if (absent.length) {
      const opened = await db.kysely
        .selectFrom('actions')
        .select('subject_id')
        .distinct()
        .where('subject_type', '=', r.subjectType)
        .where('subject_id', 'in', absent)
        .where('type', 'in', [...r.openingTypes])
        .where('result', 'is not', null)
        .execute();
      for (const { subject_id: id } of opened) {
        problem(
          new ProjectionMismatch(
            r.subjectType,
            r.recordName,
            id!,
            'missing-row',
            `操作日志中有该${r.recordName}的办理操作，数据库中却没有该${r.recordName}（记录被删除）`,
          ),
        );
      }
    }
    after = ids[ids.length - 1]!;
    if (ids.length < batch) return;
  }
}

/** The journal subject results of scheduled checks are recorded under (an indexed lookup). */
export const PROJECTION_CHECK_SUBJECT = { type: 'projection-store', id: 'integrity' } as const;

/** Alerts journaled per run at most: the summary counts them all. */
const ALERTS_PER_RUN = 100;

/** Runs the check, records its result in the journal and alerts every mismatch found (see alertMismatch). */
export async function verifyProjectionsAndRecord(
  journal: Journal,
  replayers: readonly ProjectionReplayer[],
  via: 'schedule' | 'cli',
): Promise<ProjectionReport> {
  const r = await verifyProjections(journal.db, replayers);
  for (const m of r.problems.slice(0, ALERTS_PER_RUN)) await alertMismatch(journal, m, { via });
  await journal.record({
    type: 'projection.verify',
    actor: SYSTEM_ACTOR,
    subject: { ...PROJECTION_CHECK_SUBJECT, regionPath: null },
    payload: {
      via,
      ok: r.ok,
      records: r.records,
      actions: r.actions,
      unsealed: r.unsealed,
      problemCount: r.problemCount,
      problems: r.problems.map((m) => m.toJSON()),
      seconds: Math.round(r.seconds * 1000) / 1000,
    },
  });
  return r;
}

/** Checks every `hours` (0: never) in the server; a failure to run is logged, mismatches are recorded and alerted. */
export function startProjectionVerifyTimer(
  journal: Journal,
  replayers: readonly ProjectionReplayer[],
  hours: number,
  log: { warn: (o: object, m: string) => void },
): () => void {
  if (hours <= 0) return () => {};
  let running = false;
  const timer = setInterval(() => {
    // A run over a large county may outlast a short interval: never two at once.
    if (running) return;
    running = true;
    verifyProjectionsAndRecord(journal, replayers, 'schedule')
      .then(
        (r) => {
          if (!r.ok) log.warn({ problems: r.problems.map((m) => m.message) }, '投影校验发现与操作日志不符的记录');
        },
        (err: unknown) => log.warn({ err }, 'projection verification failed'),
      )
      .finally(() => (running = false));
  }, hours * 3_600_000);
  timer.unref();
  return () => clearInterval(timer);
}
