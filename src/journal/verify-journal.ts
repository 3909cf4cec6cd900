/**
 * Checks the whole stored journal against its signed checkpoints using only the
 * independent verifier (./verifier): every row is re-encoded and re-hashed (in
 * parallel slices, one worker thread per core), positions must be gapless, every
 * checkpoint signature must hold and every checkpoint root must equal the root
 * rebuilt from the rows. Reports the first bad entry.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { sql } from 'kysely';
import type { Db } from '../platform/db/database.js';
import { TreeBuilder, parseCheckpointBody, verifyCheckpointSignature } from './verifier/index.js';
import { verifyRange, type RangeProblem, type RangeResult } from './verify-range.js';

export interface JournalProblem {
  /** Position of the first bad entry (or the first missing one) */
  seq: number;
  kind: 'changed' | 'missing' | 'truncated' | 'checkpoint-mismatch' | 'bad-signature';
  message: string;
}

export interface JournalReport {
  ok: boolean;
  actions: number;
  checkpoints: number;
  latestCheckpoint: { size: number; rootHash: string; timestamp: string } | null;
  uncheckpointed: number;
  problem: JournalProblem | null;
  seconds: number;
  actionsPerSecond: number;
}

/** Below this many actions one thread is faster than starting workers. */
const PARALLEL_FROM = 50_000;

export async function verifyJournal(db: Db, publicKeyPem: string, opts: { threads?: number } = {}): Promise<JournalReport> {
  const started = performance.now();
  const checkpoints = (await db.kysely.selectFrom('checkpoints').selectAll().orderBy('size').execute()).map((c) => ({ ...c, size: Number(c.size) }));
  const report = (problem: JournalProblem | null, actions: number): JournalReport => {
    const seconds = (performance.now() - started) / 1000;
    const latest = checkpoints[checkpoints.length - 1];
    return {
      ok: problem === null, actions, checkpoints: checkpoints.length,
      latestCheckpoint: latest ? { size: latest.size, rootHash: latest.root_hash, timestamp: latest.timestamp } : null,
      uncheckpointed: Math.max(0, actions - (latest?.size ?? 0)), problem, seconds, actionsPerSecond: seconds > 0 ? Math.round(actions / seconds) : actions,
    };
  };

  for (const cp of checkpoints) {
    if (!verifyCheckpointSignature(cp.body, Buffer.from(cp.signature, 'base64'), publicKeyPem)) {
      return report({ seq: cp.size - 1, kind: 'bad-signature', message: `规模为 ${cp.size} 的检查点签名无效` }, 0);
    }
    const body = parseCheckpointBody(cp.body);
    if (body.size !== cp.size || body.rootHash.toString('hex') !== cp.root_hash) {
      return report({ seq: cp.size - 1, kind: 'bad-signature', message: `规模为 ${cp.size} 的检查点记录与其签名正文不一致` }, 0);
    }
  }

  // Rows are expected at 0 … end-1; a deleted row shows up as a gap inside a slice.
  const top = await sql<{ top: number | null }>`select max(seq) as top from actions`.execute(db.kysely);
  const end = top.rows[0]?.top === null || top.rows[0]?.top === undefined ? 0 : Number(top.rows[0].top) + 1;
  const threads = opts.threads ?? (end < PARALLEL_FROM ? 1 : Math.min(availableParallelism(), 4));

  const tree = new TreeBuilder();
  let size = 0;
  let next = 0;
  // Adds leaf hashes in order, checking every checkpoint the tree passes through.
  const addLeaves = (hashes: Buffer): JournalProblem | null => {
    for (let at = 0; at < hashes.length; at += 32) {
      tree.add(hashes.subarray(at, at + 32));
      size++;
      while (next < checkpoints.length && checkpoints[next]!.size === size) {
        const cp = checkpoints[next]!;
        if (tree.root().toString('hex') !== cp.root_hash) {
          const from = next > 0 ? checkpoints[next - 1]!.size : 0;
          return { seq: from, kind: 'checkpoint-mismatch', message: `重建的根哈希与规模为 ${cp.size} 的签名检查点不符：第 ${from}–${cp.size - 1} 条之间有记录被改动、重排或替换` };
        }
        next++;
      }
    }
    return null;
  };
  for await (const part of slices(db.location, end, threads)) {
    const problem = 'hashes' in part ? addLeaves(part.hashes) : part.problem;
    if (problem) return report(problem, size);
  }
  const latest = checkpoints[checkpoints.length - 1];
  if (latest && end < latest.size) {
    return report({ seq: end, kind: 'truncated', message: `日志尾部被截断：签名检查点记录 ${latest.size} 条，数据库只有 ${end} 条（自第 ${end} 条起缺失）` }, end);
  }
  return report(null, end);
}

type Part = { hashes: Buffer } | { problem: RangeProblem | null };

/**
 * Leaf hashes of [0, end) in order, as they are computed: one slice per thread, each
 * slice's chunks yielded as soon as the slices before it are finished, so the tree is
 * built while later slices are still being hashed. A slice's problem ends its part.
 */
async function* slices(location: Db['location'], end: number, threads: number): AsyncGenerator<Part> {
  if (threads <= 1 || end < threads) {
    const chunks: Buffer[] = [];
    const result = await verifyRange(location, 0, end, (h) => chunks.push(h));
    for (const hashes of chunks) yield { hashes };
    yield { problem: result.problem };
    return;
  }
  const per = Math.ceil(end / threads);
  const streams = Array.from({ length: threads }, (_, i) => [i * per, Math.min(end, (i + 1) * per)] as const)
    .filter(([a, b]) => a < b)
    .map(([from, to]) => new SliceStream(location, from, to));
  try {
    for (const stream of streams) yield* stream.parts();
  } finally {
    for (const stream of streams) stream.stop();
  }
}

/** One worker thread hashing one slice; its messages queue until they are read. */
class SliceStream {
  private readonly queue: (Part | { error: string })[] = [];
  private wake: (() => void) | undefined;
  private readonly worker: Worker;

  constructor(location: Db['location'], from: number, to: number) {
    // The bootstrap registers tsx in the worker's thread, as the CLI does in the main one.
    this.worker = new Worker(new URL('./verify-worker.mjs', import.meta.url), { workerData: { location, from, to } });
    this.worker.on('message', (m: { chunk?: Uint8Array; result?: RangeResult; error?: string }) => {
      if (m.chunk) this.push({ hashes: Buffer.from(m.chunk.buffer, m.chunk.byteOffset, m.chunk.byteLength) });
      else if (m.result) this.push({ problem: m.result.problem });
      else this.push({ error: m.error ?? 'unknown error' });
    });
    this.worker.on('error', (e) => this.push({ error: e.message }));
  }

  private push(p: Part | { error: string }) {
    this.queue.push(p);
    this.wake?.();
  }

  async *parts(): AsyncGenerator<Part> {
    for (;;) {
      while (this.queue.length === 0) await new Promise<void>((r) => (this.wake = r));
      const p = this.queue.shift()!;
      if ('error' in p) throw new Error(`journal verification worker: ${p.error}`);
      yield p;
      if ('problem' in p) return;
    }
  }

  stop() {
    void this.worker.terminate();
  }
}
