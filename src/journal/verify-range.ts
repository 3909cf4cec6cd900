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
import { to as copyTo } from 'pg-copy-streams';
import { LEAF_COLUMNS, TreeBuilder, actionLeafHashOfEncodedFields, actionLeafHashOfValues } from './verifier/index.js';
import type { Db } from '../platform/db/database.js';

export interface RangeProblem {
  seq: number;
  kind: 'changed' | 'missing';
  message: string;
}

/** What a slice reports, in position order. */
export type SliceEvent = { block: Buffer } | { checkpoint: number; partial: Buffer[] } | { end: number; problem: RangeProblem | null };

export interface SliceTask {
  location: Db['location'];
  from: number;
  to: number;
  /** Leaves per block: a power of two; `from` is a multiple of it. */
  blockSize: number;
  /** Checkpoint sizes s with from < s ≤ to. */
  checkpoints: number[];
}

const SQLITE_BATCH = 4_096;

/** A batch of rows in seq order, each re-hashed: what the slice's loop checks. */
interface HashedBatch {
  seqs: number[];
  leaves: Buffer[];
  /** The leaf hash stored in each row (hex). */
  stored: string[];
  /** The action type of row i, for the message when it does not match. */
  typeAt: (i: number) => string;
}

function readBatches(location: Db['location'], from: number, to: number): AsyncGenerator<HashedBatch> {
  return location.engine === 'sqlite' ? readSqlite(location.file, from, to) : readPostgres(location.url, from, to);
}

/** SQLite: ranges of seq with .all() (faster than iterating one cursor row by row). */
async function* readSqlite(file: string, from: number, to: number): AsyncGenerator<HashedBatch> {
  const db = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    const stmt = db
      .prepare(`select ${[...LEAF_COLUMNS, 'leaf_hash'].join(', ')} from actions where seq >= ? and seq < ? order by seq`)
      .raw(true);
    for (let at = from; at < to; at += SQLITE_BATCH) {
      const rows = stmt.all(at, Math.min(to, at + SQLITE_BATCH)) as (string | number | null)[][];
      yield {
        seqs: rows.map((r) => Number(r[0])),
        leaves: rows.map((r) => actionLeafHashOfValues(r)),
        stored: rows.map((r) => String(r[LEAF_COLUMNS.length])),
        typeAt: (i) => String(rows[i]![2]),
      };
    }
  } finally {
    db.close();
  }
}

const COPY_SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');
const LEAF_FIELDS = LEAF_COLUMNS.length;

/**
 * PostgreSQL: the slice as one binary COPY, streamed. A binary COPY tuple carries every
 * text column as a 4-byte length (−1 for null) and its UTF-8 bytes — the leaf encoding
 * itself — so leaves are hashed from the wire bytes, with no string decoded per column.
 * seq is selected as text, the form the leaf encodes it in.
 */
async function* readPostgres(url: string, from: number, to: number): AsyncGenerator<HashedBatch> {
  // Ordered by actions.seq: a bare "seq" would name the text column and sort 10 before 2.
  const columns = LEAF_COLUMNS.map((c) => (c === 'seq' ? 'seq::text' : c)).join(', ');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const stream = client.query(
      copyTo(
        `COPY (select ${columns}, leaf_hash from actions where seq >= ${Math.floor(from)} and seq < ${Math.floor(to)} order by actions.seq) TO STDOUT (FORMAT binary)`,
      ),
    );
    const tuples = new CopyTuples();
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      const batch = tuples.parse(chunk);
      if (batch.seqs.length > 0) yield batch;
    }
    if (!tuples.ended) throw new Error('journal verify: the COPY stream ended early');
  } finally {
    await client.end();
  }
}

/** Splits a binary COPY stream into tuples, across chunk boundaries (exported for its test). */
export class CopyTuples {
  private pending: Buffer = Buffer.alloc(0);
  private headerRead = false;
  ended = false;

  parse(chunk: Buffer): HashedBatch {
    const buf = this.pending.length > 0 ? Buffer.concat([this.pending, chunk]) : chunk;
    const tuples: Buffer[] = [];
    const batch: HashedBatch = { seqs: [], leaves: [], stored: [], typeAt: (i) => typeOfTuple(tuples[i]!) };
    let at = 0;
    if (!this.headerRead) {
      if (buf.length < 19) return this.keep(buf, 0, batch);
      if (!buf.subarray(0, 11).equals(COPY_SIGNATURE)) throw new Error('journal verify: not a binary COPY stream');
      const extension = buf.readUInt32BE(15);
      if (buf.length < 19 + extension) return this.keep(buf, 0, batch);
      at = 19 + extension;
      this.headerRead = true;
    }
    while (at + 2 <= buf.length) {
      const count = buf.readInt16BE(at);
      if (count === -1) {
        this.ended = true;
        at += 2;
        break;
      }
      if (count !== LEAF_FIELDS + 1) throw new Error(`journal verify: a COPY tuple has ${count} columns`);
      // Walk the fields; stop at a tuple the chunk cuts off.
      let end = at + 2;
      let leafEnd = 0;
      for (let f = 0; f <= LEAF_FIELDS && end !== -1; f++) {
        if (f === LEAF_FIELDS) leafEnd = end;
        if (end + 4 > buf.length) end = -1;
        else {
          const n = buf.readInt32BE(end);
          end = end + 4 + (n === -1 ? 0 : n);
          if (end > buf.length) end = -1;
        }
      }
      if (end === -1) break;
      const fields = buf.subarray(at + 2, leafEnd);
      const seqLength = buf.readInt32BE(at + 2);
      batch.seqs.push(Number(buf.toString('latin1', at + 6, at + 6 + seqLength)));
      batch.leaves.push(actionLeafHashOfEncodedFields(fields));
      batch.stored.push(buf.toString('latin1', leafEnd + 4, end));
      tuples.push(fields);
      at = end;
    }
    return this.keep(buf, at, batch);
  }

  private keep(buf: Buffer, at: number, batch: HashedBatch): HashedBatch {
    // Copied: the rest of a tuple must outlive the chunk it came in.
    this.pending = at < buf.length ? Buffer.from(buf.subarray(at)) : Buffer.alloc(0);
    return batch;
  }
}

/** The action type (the third leaf field) of an encoded tuple, for messages. */
function typeOfTuple(fields: Buffer): string {
  let at = 0;
  for (let f = 0; f < 2; f++) at += 4 + fields.readInt32BE(at);
  return fields.toString('utf8', at + 4, at + 4 + fields.readInt32BE(at));
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
    for (let i = 0; i < batch.seqs.length; i++) {
      const seq = batch.seqs[i]!;
      if (seq !== expected)
        return finish({ seq: expected, kind: 'missing', message: `第 ${expected} 条记录缺失（下一条为第 ${seq} 条）：记录被删除` });
      const leaf = batch.leaves[i]!;
      if (leaf.toString('hex') !== batch.stored[i]) {
        return finish({ seq, kind: 'changed', message: `第 ${seq} 条记录（${batch.typeAt(i)}）的内容与其哈希不符：记录被改动或被移动` });
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
