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
  /** Leaf hashes of the rows verified before the first problem (or all of them). */
  hashes: Buffer;
  count: number;
  problem: RangeProblem | null;
}

const BATCH = 20_000;
const COLUMNS = [...LEAF_COLUMNS, 'leaf_hash'].join(', ');

type Row = (string | number | null)[];

async function* readRows(location: Db['location'], from: number, to: number): AsyncGenerator<Row> {
  if (location.engine === 'sqlite') {
    const db = new SQLite(location.file, { readonly: true, fileMustExist: true });
    try {
      const stmt = db.prepare(`select ${COLUMNS} from actions where seq >= ? and seq < ? order by seq`).raw(true);
      yield* stmt.iterate(from, to) as Iterable<Row>;
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
      yield* r.rows as Row[];
    }
  } finally {
    await client.end();
  }
}

export async function verifyRange(location: Db['location'], from: number, to: number): Promise<RangeResult> {
  const hashes = Buffer.allocUnsafe((to - from) * 32);
  let expected = from;
  const done = (problem: RangeProblem | null): RangeResult => ({ from, hashes: hashes.subarray(0, (expected - from) * 32), count: expected - from, problem });
  for await (const row of readRows(location, from, to)) {
    const seq = Number(row[0]);
    if (seq !== expected) return done({ seq: expected, kind: 'missing', message: `第 ${expected} 条记录缺失（下一条为第 ${seq} 条）：记录被删除` });
    const leaf = actionLeafHashOfValues(row);
    if (leaf.toString('hex') !== row[LEAF_COLUMNS.length]) {
      return done({ seq, kind: 'changed', message: `第 ${seq} 条记录（${String(row[2])}）的内容与其哈希不符：记录被改动或被移动` });
    }
    leaf.copy(hashes, (expected - from) * 32);
    expected++;
  }
  return done(expected < to ? { seq: expected, kind: 'missing', message: `第 ${expected} 条记录缺失：记录被删除` } : null);
}
