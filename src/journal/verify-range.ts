/**
 * One slice of a journal verification: reads the actions with seq in [from, to) over
 * its own connection, re-hashes each with the independent verifier, and reports the
 * leaf hashes (packed, 32 bytes each) and the first problem in the slice. Runs in a
 * worker thread so slices are hashed in parallel, or in-process for small journals.
 */
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { LEAF_COLUMNS, actionLeafHashOfValues } from './verifier/index.js';
import type { Db } from '../platform/db/database.js';

export interface RangeProblem {
  seq: number;
  kind: 'changed' | 'missing';
  message: string;
}

export interface RangeResult {
  from: number;
  /** Number of rows verified before the first problem (or all of them). */
  count: number;
  problem: RangeProblem | null;
}

/** Leaf hashes are handed over in chunks (packed, 32 bytes each) as they are computed. */
export type ChunkSink = (hashes: Buffer) => void;

const CHUNK = 8192;

const BATCH = 20_000;
const COLUMNS = [...LEAF_COLUMNS, 'leaf_hash'].join(', ');

type Row = (string | number | null)[];

/** Rows in seq order, in batches: one await per batch, not per row (this loop is hot). */
async function* readBatches(location: Db['location'], from: number, to: number): AsyncGenerator<Row[]> {
  if (location.engine === 'sqlite') {
    const db = new SQLite(location.file, { readonly: true, fileMustExist: true });
    try {
      const stmt = db.prepare(`select ${COLUMNS} from actions where seq >= ? and seq < ? order by seq`).raw(true);
      let batch: Row[] = [];
      for (const row of stmt.iterate(from, to) as Iterable<Row>) {
        batch.push(row);
        if (batch.length === 4096) {
          yield batch;
          batch = [];
        }
      }
      if (batch.length > 0) yield batch;
    } finally {
      db.close();
    }
    return;
  }
  const client = new pg.Client({ connectionString: location.url });
  await client.connect();
  try {
    for (let at = from; at < to; at += BATCH) {
      const r = await client.query({ text: `select ${COLUMNS} from actions where seq >= $1 and seq < $2 order by seq`, values: [at, Math.min(to, at + BATCH)], rowMode: 'array' });
      yield r.rows as Row[];
    }
  } finally {
    await client.end();
  }
}

export async function verifyRange(location: Db['location'], from: number, to: number, sink: ChunkSink): Promise<RangeResult> {
  let chunk = Buffer.allocUnsafe(CHUNK * 32);
  let filled = 0;
  let expected = from;
  const flush = () => {
    if (filled > 0) sink(chunk.subarray(0, filled * 32));
    chunk = Buffer.allocUnsafe(CHUNK * 32); // 256 KiB: never from the shared pool, so it can be transferred
    filled = 0;
  };
  const done = (problem: RangeProblem | null): RangeResult => {
    flush();
    return { from, count: expected - from, problem };
  };
  for await (const batch of readBatches(location, from, to)) for (const row of batch) {
    const seq = Number(row[0]);
    if (seq !== expected) return done({ seq: expected, kind: 'missing', message: `第 ${expected} 条记录缺失（下一条为第 ${seq} 条）：记录被删除` });
    const leaf = actionLeafHashOfValues(row);
    if (leaf.toString('hex') !== row[LEAF_COLUMNS.length]) {
      return done({ seq, kind: 'changed', message: `第 ${seq} 条记录（${String(row[2])}）的内容与其哈希不符：记录被改动或被移动` });
    }
    leaf.copy(chunk, filled * 32);
    filled++;
    expected++;
    if (filled === CHUNK) flush();
  }
  return done(expected < to ? { seq: expected, kind: 'missing', message: `第 ${expected} 条记录缺失：记录被删除` } : null);
}
