/**
 * One slice of a journal verification: reads the actions with seq in [from, to) over
 * its own connection, re-hashes each with the independent verifier and builds the
 * Merkle tree of the slice block by block. It reports, in order, the root of every
 * whole block (2^k leaves, blocks aligned to multiples of 2^k) and, at every
 * checkpoint size inside the slice, the frontier of the unfinished block — enough for
 * the caller to rebuild each checkpoint's root without seeing the leaves. Runs in a
 * worker thread so slices are hashed in parallel, or in-process for small journals.
 */
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { LEAF_COLUMNS, TreeBuilder, actionLeafHashOfValues } from './verifier/index.js';
import type { Db } from '../platform/db/database.js';

export interface RangeProblem {
  seq: number;
  kind: 'changed' | 'missing';
  message: string;
}

/** What a slice reports, in position order. */
export type SliceEvent =
  | { block: Buffer }
  | { checkpoint: number; partial: Buffer[] }
  | { end: number; problem: RangeProblem | null };

export interface SliceTask {
  location: Db['location'];
  from: number;
  to: number;
  /** Leaves per block: a power of two; `from` is a multiple of it. */
  blockSize: number;
  /** Checkpoint sizes s with from < s ≤ to. */
  checkpoints: number[];
}

const PG_BATCH = 20_000;
const SQLITE_BATCH = 4_096;
const COLUMNS = [...LEAF_COLUMNS, 'leaf_hash'].join(', ');

type Row = (string | number | null)[];

/** Rows in seq order, in batches: one await per batch, not per row (this loop is hot). */
async function* readBatches(location: Db['location'], from: number, to: number): AsyncGenerator<Row[]> {
  if (location.engine === 'sqlite') {
    const db = new SQLite(location.file, { readonly: true, fileMustExist: true });
    try {
      // Ranges of seq with .all() are faster than iterating one cursor row by row.
      const stmt = db.prepare(`select ${COLUMNS} from actions where seq >= ? and seq < ? order by seq`).raw(true);
      for (let at = from; at < to; at += SQLITE_BATCH) yield stmt.all(at, Math.min(to, at + SQLITE_BATCH)) as Row[];
    } finally {
      db.close();
    }
    return;
  }
  const client = new pg.Client({ connectionString: location.url });
  await client.connect();
  try {
    for (let at = from; at < to; at += PG_BATCH) {
      const r = await client.query({ text: `select ${COLUMNS} from actions where seq >= $1 and seq < $2 order by seq`, values: [at, Math.min(to, at + PG_BATCH)], rowMode: 'array' });
      yield r.rows as Row[];
    }
  } finally {
    await client.end();
  }
}

/** Verifies one slice; `emit` receives its events in order, a few at a time. */
export async function verifyRange(task: SliceTask, emit: (events: SliceEvent[]) => void): Promise<void> {
  const { from, to, blockSize } = task;
  const checkpoints = new Set(task.checkpoints);
  let events: SliceEvent[] = [];
  let block = new TreeBuilder();
  let expected = from;
  const finish = (problem: RangeProblem | null) => {
    events.push({ end: expected, problem });
    emit(events);
  };
  for await (const batch of readBatches(task.location, from, to)) {
    for (const row of batch) {
      const seq = Number(row[0]);
      if (seq !== expected) return finish({ seq: expected, kind: 'missing', message: `第 ${expected} 条记录缺失（下一条为第 ${seq} 条）：记录被删除` });
      const leaf = actionLeafHashOfValues(row);
      if (leaf.toString('hex') !== row[LEAF_COLUMNS.length]) {
        return finish({ seq, kind: 'changed', message: `第 ${seq} 条记录（${String(row[2])}）的内容与其哈希不符：记录被改动或被移动` });
      }
      block.add(leaf);
      expected++;
      if (checkpoints.has(expected)) events.push({ checkpoint: expected, partial: block.frontier() });
      if (expected % blockSize === 0) {
        events.push({ block: block.root() });
        block = new TreeBuilder();
      }
    }
    emit(events);
    events = [];
  }
  finish(expected < to ? { seq: expected, kind: 'missing', message: `第 ${expected} 条记录缺失：记录被删除` } : null);
}
