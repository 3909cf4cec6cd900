/**
 * The journal: every change in yifa is an action appended here, in the same
 * transaction as its effect on the projection tables. Actions are insert-only
 * (the database refuses UPDATE/DELETE), numbered gaplessly from 0, and each is a
 * leaf of an RFC 6962 Merkle tree. The roots of the perfect subtrees a leaf completes
 * are stored in its own row (`nodes`), so an append is a single insert and any
 * subtree is one primary-key lookup away; signed checkpoints commit to the tree.
 */
import { randomUUID, type KeyObject } from 'node:crypto';
import { CompiledQuery, type Transaction } from 'kysely';
import { THEN_COMMIT } from '../platform/db/pg-pipeline.js';
import type { Db } from '../platform/db/database.js';
import type { ActionTable, Database } from '../platform/db/schema.js';
import { DomainError } from '../platform/errors.js';
import { canonicalJson } from './canonical.js';
import { runFixed } from '../platform/db/fixed-queries.js';
import { actionLeafBytes } from './leaf.js';
import {
  EMPTY_FRONTIER,
  appendLeaf,
  consistencyProof,
  frontierPositions,
  inclusionProof,
  leafHash,
  rootOf,
  type Frontier,
  type Hash,
  type NodeReader,
} from './merkle.js';
import { signCheckpoint, signCosignature, keyIdOf, type Checkpoint } from './checkpoint.js';
import type { Clock } from '../platform/clock.js';

export interface Actor {
  userId: string | null;
  role: string | null;
  agencyId: string | null;
}

export const SYSTEM_ACTOR: Actor = { userId: null, role: 'system', agencyId: null };

export interface ActionInput {
  /** Dotted, stable name: `org.person.create`, `access.denied`, `session.login` … */
  type: string;
  actor: Actor;
  subject?: { type: string; id: string; regionPath?: string | null };
  /** The region an action without a subject belongs to (journal reads filter on it); a subject's region comes first. */
  regionPath?: string | null;
  /** Device time (ISO-8601); defaults to the server's receipt time. */
  occurredAt?: string;
  idempotencyKey?: string | null;
  payload: unknown;
}

export type Action = ActionTable;

export interface Performed<T> {
  result: T;
  action: Action;
  /** true when the idempotency key had been used: nothing was done again. */
  replayed: boolean;
}

export type Trx = Transaction<Database>;

export interface PerformOptions<T> {
  /**
   * Runs after the action is appended, in its transaction (before the COMMIT): follow-up
   * actions taken with `performWithin` on this transaction are appended after it, and if it
   * throws, nothing of either is kept. Not run when the idempotency key was used already.
   */
  after?: (trx: Trx, done: Performed<T>) => Promise<void>;
}

export interface SignedCheckpoint {
  origin: string;
  size: number;
  rootHash: string;
  timestamp: string;
  body: string;
  signature: string;
  keyId: string;
}

export class Journal {
  /** Frontier after the last committed append of this process; reloaded when another process appended. */
  private frontier: Frontier = EMPTY_FRONTIER;
  /** Grows with every action this process commits: projections cached in memory key on it. */
  version = 0;
  /** "Now" on the installation's clock (Yifa.clock): actions' receivedAt, checkpoints' time. */
  readonly clock = (): Date => this.time.now();

  constructor(
    readonly db: Db,
    private readonly signing: { privateKey: KeyObject; publicKey: KeyObject; publicKeyPem: string },
    readonly origin: string,
    private readonly time: Clock,
  ) {}

  get publicKeyPem(): string {
    return this.signing.publicKeyPem;
  }
  get keyId(): string {
    return keyIdOf(this.signing.publicKey);
  }

  /** This installation, as a witness, cosigns another log's checkpoint body (the key never leaves the journal). */
  cosign(body: string, time: number): Buffer {
    return signCosignature(this.signing.privateKey, body, time);
  }

  /**
   * Performs one action: runs `effect` and appends the action in one transaction.
   * The same idempotency key from the same actor returns the first result and does nothing.
   * If `effect` throws, nothing is written.
   *
   * Positions stay gapless across processes: on PostgreSQL every append takes the
   * journal's advisory lock, held to the commit, and inserts in the same round trip when
   * the position it was built for is still the next one (several servers share one
   * database; see appendUnderLock); on SQLite, whose transactions already exclude each
   * other, this process's frontier is used and the primary key catches another
   * process's append, after which the action is retried on the reloaded frontier.
   */
  async perform<T>(input: ActionInput, effect: (trx: Trx) => Promise<T>, opts: PerformOptions<T> = {}): Promise<Performed<T>> {
    for (let attempt = 1; ; attempt++) {
      try {
        // On PostgreSQL the first attempt sends the append with the COMMIT; a retry appends as the row allows.
        // With a follow-up (`after`) the COMMIT comes after the follow-up's own appends.
        return await this.performOnce(input, effect, attempt === 1 && !opts.after, opts.after);
      } catch (e) {
        if (attempt >= 3 || !isAppendConflict(e)) throw e;
        this.frontier = EMPTY_FRONTIER; // another process appended: reload
      }
    }
  }

  private async performOnce<T>(
    input: ActionInput,
    effect: (trx: Trx) => Promise<T>,
    withCommit: boolean,
    after?: PerformOptions<T>['after'],
  ): Promise<Performed<T>> {
    let nextFrontier: Frontier | undefined;
    const out = await this.db.kysely.transaction().execute(async (trx) => {
      const done = await this.performIn(trx, input, effect, withCommit);
      if (done.replayed) return done;
      // Follow-up actions in the same transaction, appended after this one (performWithin): all or none.
      if (after) await after(trx, done);
      nextFrontier = this.pending.get(trx);
      return done;
    });
    if (nextFrontier) {
      this.frontier = nextFrontier;
      this.version++;
    }
    return out;
  }

  /**
   * Performs one action inside a transaction already open for another action (`perform`'s
   * `after`): appended after it, committed or rolled back with it. No retry of its own: an
   * append conflict fails the whole transaction, which `perform` retries.
   */
  async performWithin<T>(trx: Trx, input: ActionInput, effect: (trx: Trx) => Promise<T>): Promise<Performed<T>> {
    if (!this.pending.has(trx)) throw new Error('performWithin: the transaction has no action of its own yet (use perform)');
    return this.performIn(trx, input, effect, false);
  }

  private async performIn<T>(trx: Trx, input: ActionInput, effect: (trx: Trx) => Promise<T>, withCommit: boolean): Promise<Performed<T>> {
    if (input.idempotencyKey) {
      const prior = await this.findByIdempotencyKey(trx, input.actor.userId, input.idempotencyKey);
      if (prior) {
        if (prior.type !== input.type) {
          throw new DomainError('CONFLICT', `幂等键 ${input.idempotencyKey} 已用于另一操作（${prior.type}），请使用新的幂等键`);
        }
        return { result: (prior.result === null ? null : JSON.parse(prior.result)) as T, action: prior, replayed: true };
      }
    }
    const result = await effect(trx);
    // The append is the transaction's last statement (with withCommit, its COMMIT goes along).
    const appended = await this.append(trx, input, result, withCommit);
    this.pending.set(trx, appended.frontier);
    return { result, action: appended.action, replayed: false };
  }

  /** The frontier after the last append of each open transaction: the next append in it builds on it. */
  private readonly pending = new WeakMap<Trx, Frontier>();

  /** Records an action that has no effect on other tables (denied access, reads of personal records). */
  async record(input: ActionInput): Promise<Action> {
    return (await this.perform(input, async () => null)).action;
  }

  /** Appends inside the caller's transaction (use perform). */
  private async append(
    trx: Trx,
    input: ActionInput,
    result: unknown,
    withCommit: boolean,
  ): Promise<{ action: Action; frontier: Frontier }> {
    const receivedAt = this.clock().toISOString();
    const fields = {
      id: randomUUID(),
      type: input.type,
      actor_user_id: input.actor.userId,
      actor_role: input.actor.role,
      actor_agency_id: input.actor.agencyId,
      subject_type: input.subject?.type ?? null,
      subject_id: input.subject?.id ?? null,
      region_path: input.subject?.regionPath ?? input.regionPath ?? null,
      occurred_at: input.occurredAt ?? receivedAt,
      received_at: receivedAt,
      idempotency_key: input.idempotencyKey ?? null,
      payload: canonicalJson(input.payload ?? null),
      result: result === undefined ? null : canonicalJson(result),
    };
    if (this.db.engine === 'postgres') return this.appendUnderLock(trx, fields, withCommit);
    const frontier =
      this.pending.get(trx) ?? (this.frontier.size === 0 ? await this.loadFrontier(trx, await this.size(trx)) : this.frontier);
    const leaf = leafRow(frontier, fields);
    await insertAction(trx, leaf.action);
    return leaf;
  }

  /**
   * PostgreSQL: the row is built on the frontier after the last row this process built —
   * that action may still be committing, and the function waits for its lock — and
   * appended only if the tree's size and last leaf are the ones it was built on.
   *
   * withCommit (an action's first attempt): the append goes with the transaction's COMMIT
   * (yifa_journal_append_exact), so the journal lock is held only while PostgreSQL runs
   * the two. If another action came first (another process's, or one that failed), it
   * raises, and the action is performed again without it.
   *
   * Otherwise yifa_journal_append answers instead of raising: with the lock now held and
   * the tree standing still, the row is rebuilt on the real frontier (known here when this
   * process built it, read otherwise) and inserted.
   */
  private async appendUnderLock(trx: Trx, fields: LeafFields, withCommit: boolean): Promise<{ action: Action; frontier: Frontier }> {
    // This process's appends go to the lock one at a time, in the order their rows are
    // built, so each is built on the one before it. (Sent together, they reached the lock
    // in any order, and nearly every guess failed.) The turn ends once the row is in.
    const previous = this.appendTurn;
    let endTurn!: () => void;
    this.appendTurn = new Promise<void>((resolve) => (endTurn = resolve));
    await previous;
    try {
      const guess = this.lastBuilt ?? { frontier: EMPTY_FRONTIER, lastLeaf: null };
      const first = this.build(guess.frontier, fields);
      if (withCommit) {
        await appendCall(trx, `${THEN_COMMIT}select yifa_journal_append_exact`, guess.lastLeaf, first.action);
        return first;
      }
      const {
        appended,
        size,
        last_leaf: lastLeaf,
      } = await appendCall(trx, 'select * from yifa_journal_append', guess.lastLeaf, first.action);
      if (appended) return first;
      const known = this.built.get(Number(size));
      const frontier = known && known.lastLeaf === lastLeaf ? known.frontier : await this.loadFrontier(trx, Number(size));
      // A new id, so that no two rows built here share a leaf (see built).
      const second = this.build(frontier, { ...fields, id: randomUUID() });
      await insertAction(trx, second.action);
      return second;
    } finally {
      endTurn();
    }
  }

  private appendTurn: Promise<void> = Promise.resolve();

  /**
   * PostgreSQL: the frontier after each row this process built, by tree size, with that
   * row's leaf. A row may never be inserted (its guess failed, its action rolled back), so
   * an entry is used only when the database's leaf at that position is its leaf — which
   * then proves the frontier, because every row built here has its own leaf: a leaf
   * includes the action's id and position, and a row rebuilt on another frontier gets a
   * new id. (A rebuilt row that kept its id once had its twin's leaf on a different
   * frontier, and the frontier of the one passed for the other's.)
   */
  private readonly built = new Map<number, { frontier: Frontier; lastLeaf: string }>();
  /** The last row built, whether or not it is in yet: the next row's guess. */
  private lastBuilt: { frontier: Frontier; lastLeaf: string } | undefined;

  private build(frontier: Frontier, fields: LeafFields): { action: Action; frontier: Frontier } {
    const leaf = leafRow(frontier, fields);
    const entry = { frontier: leaf.frontier, lastLeaf: leaf.action.leaf_hash };
    this.built.set(leaf.frontier.size, entry);
    this.lastBuilt = entry;
    if (this.built.size > 512) for (const size of this.built.keys()) if (size < leaf.frontier.size - 256) this.built.delete(size);
    return leaf;
  }

  private async findByIdempotencyKey(trx: Trx, userId: string | null, key: string): Promise<Action | undefined> {
    let q = trx.selectFrom('actions').selectAll().where('idempotency_key', '=', key);
    q = userId === null ? q.where('actor_user_id', 'is', null) : q.where('actor_user_id', '=', userId);
    return q.executeTakeFirst();
  }

  /** Number of actions (the tree size). */
  async size(executor: Trx | Db['kysely'] = this.db.kysely): Promise<number> {
    const r = await executor.selectFrom('actions').select('seq').orderBy('seq', 'desc').limit(1).executeTakeFirst();
    return r ? Number(r.seq) + 1 : 0;
  }

  private reader(executor: Trx | Db['kysely']): NodeReader {
    return {
      node: async (level, index) => {
        const row = await executor
          .selectFrom('actions')
          .select(['leaf_hash', 'nodes'])
          .where('seq', '=', completingSeq(level, index))
          .executeTakeFirst();
        return nodeOfRow(row, level, index);
      },
    };
  }

  /** The frontier of the tree of `size` leaves, its rows read in one statement. */
  private async loadFrontier(executor: Trx | Db['kysely'], size: number): Promise<Frontier> {
    const positions = frontierPositions(size);
    if (positions.length === 0) return { size, nodes: [] };
    const rows = await executor
      .selectFrom('actions')
      .select(['seq', 'leaf_hash', 'nodes'])
      .where(
        'seq',
        'in',
        positions.map((p) => completingSeq(p.level, p.index)),
      )
      .execute();
    const bySeq = new Map(rows.map((r) => [Number(r.seq), r]));
    return {
      size,
      nodes: positions.map(({ level, index }) => ({ level, index, hash: nodeOfRow(bySeq.get(completingSeq(level, index)), level, index) })),
    };
  }

  async root(size?: number): Promise<{ size: number; root: Hash }> {
    const n = size ?? (await this.size());
    return { size: n, root: rootOf(await this.loadFrontier(this.db.kysely, n)) };
  }

  /** Signs a checkpoint for the current tree if it grew since the last one; returns the latest. */
  async checkpoint(): Promise<SignedCheckpoint | undefined> {
    const latest = await this.latestCheckpoint();
    const { size, root } = await this.root();
    if (size === 0) return latest;
    if (latest && latest.size >= size) return latest;
    const cp = signCheckpoint(this.signing.privateKey, this.origin, size, root, this.clock().toISOString());
    const row = toRow(cp);
    // Two servers may sign the same size at once: the first one stored wins.
    await this.db.kysely
      .insertInto('checkpoints')
      .values(row)
      .onConflict((oc) => oc.column('size').doNothing())
      .execute();
    return (await this.latestCheckpoint()) ?? fromRow(row);
  }

  async latestCheckpoint(): Promise<SignedCheckpoint | undefined> {
    const row = await this.db.kysely.selectFrom('checkpoints').selectAll().orderBy('size', 'desc').limit(1).executeTakeFirst();
    return row ? fromRow(row) : undefined;
  }

  async checkpointAt(size: number): Promise<SignedCheckpoint | undefined> {
    const row = await this.db.kysely.selectFrom('checkpoints').selectAll().where('size', '=', size).executeTakeFirst();
    return row ? fromRow(row) : undefined;
  }

  async inclusionProof(seq: number, treeSize: number): Promise<Hash[]> {
    return inclusionProof(this.reader(this.db.kysely), seq, treeSize);
  }

  async consistencyProof(oldSize: number, newSize: number): Promise<Hash[]> {
    return consistencyProof(this.reader(this.db.kysely), oldSize, newSize);
  }

  async action(seq: number): Promise<Action | undefined> {
    return this.db.kysely.selectFrom('actions').selectAll().where('seq', '=', seq).executeTakeFirst();
  }
}

type LeafFields = Omit<Action, 'seq' | 'leaf_hash' | 'nodes'>;

/** The subtree of 2^level leaves starting at index·2^level is completed by its last leaf, stored in that leaf's row. */
function completingSeq(level: number, index: number): number {
  return (index + 1) * 2 ** level - 1;
}

function nodeOfRow(row: { leaf_hash: string; nodes: string } | undefined, level: number, index: number): Hash {
  const hex = level === 0 ? row?.leaf_hash : row?.nodes.split(',')[level - 1];
  if (!hex) throw new Error(`journal: missing Merkle node level ${level} index ${index}`);
  return Buffer.from(hex, 'hex');
}

const ACTION_COLUMNS = [
  'seq',
  'id',
  'type',
  'actor_user_id',
  'actor_role',
  'actor_agency_id',
  'subject_type',
  'subject_id',
  'region_path',
  'occurred_at',
  'received_at',
  'idempotency_key',
  'payload',
  'result',
  'leaf_hash',
  'nodes',
] as const satisfies readonly (keyof Action)[];
// Every column of an action is in the list (a new column fails to compile here).
const everyActionColumn: Exclude<keyof Action, (typeof ACTION_COLUMNS)[number]> extends never ? true : never = true;
void everyActionColumn;

/** The journal-append functions' parameters: the expected last leaf, then the row's columns. */
const APPEND_PARAMETERS = ['expected_last_leaf', ...ACTION_COLUMNS].map((_, i) => `$${i + 1}`).join(', ');

/** Calls one of the journal-append functions (migrations 009, 010) with a row built on a guess. */
async function appendCall(trx: Trx, call: string, expectedLastLeaf: string | null, a: Action) {
  const r = await trx.executeQuery<{ appended: boolean; size: number; last_leaf: string | null }>(
    CompiledQuery.raw(`${call}(${APPEND_PARAMETERS})`, [expectedLastLeaf, ...ACTION_COLUMNS.map((c) => a[c])]),
  );
  return r.rows[0]!;
}

/** The one INSERT of an action (compiled once: every change runs it). */
async function insertAction(trx: Trx, action: Action): Promise<void> {
  await runFixed(
    trx,
    'journal-insert',
    (slot) => trx.insertInto('actions').values(Object.fromEntries(ACTION_COLUMNS.map((c, i) => [c, slot(i)])) as unknown as Action),
    ACTION_COLUMNS.map((c) => action[c]),
  );
}

/** The action at the next position of `frontier`: its leaf hash, the subtree roots it completes, the frontier after it. */
function leafRow(frontier: Frontier, fields: LeafFields): { action: Action; frontier: Frontier } {
  const action: Action = { seq: frontier.size, ...fields, leaf_hash: '', nodes: '' };
  const leaf = leafHash(actionLeafBytes(action));
  const next = appendLeaf(frontier, leaf);
  action.leaf_hash = leaf.toString('hex');
  action.nodes = next.completed.map((n) => n.hash.toString('hex')).join(',');
  return { action, frontier: next.frontier };
}

/** Did another writer take this position (or this idempotency key) first? */
function isAppendConflict(e: unknown): boolean {
  const err = e as { code?: string; constraint?: string; message?: string };
  if (err.code === 'YJ409') return true; // the position an append went with its COMMIT for was taken
  if (err.code === '23505') return err.constraint === 'actions_pkey' || err.constraint === 'actions_idempotency';
  if (err.code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return /actions\.seq/.test(err.message ?? '');
  return err.code === 'SQLITE_CONSTRAINT_UNIQUE' && /actions\.actor_user_id, actions\.idempotency_key/.test(err.message ?? '');
}

function toRow(cp: Checkpoint) {
  return {
    size: cp.size,
    root_hash: cp.rootHash.toString('hex'),
    timestamp: cp.timestamp,
    body: cp.body,
    signature: cp.signature.toString('base64'),
    key_id: cp.keyId,
  };
}

function fromRow(row: Database['checkpoints']): SignedCheckpoint {
  return {
    origin: row.body.split('\n')[0] ?? '',
    size: Number(row.size),
    rootHash: row.root_hash,
    timestamp: row.timestamp,
    body: row.body,
    signature: row.signature,
    keyId: row.key_id,
  };
}
