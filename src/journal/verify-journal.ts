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
import { verifyRange, type RangeResult } from './verify-range.js';

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
  const slices = await hashSlices(db, end, threads);

  const tree = new TreeBuilder();
  let next = 0;
  for (const slice of slices) {
    for (let i = 0; i < slice.count; i++) {
      tree.add(slice.hashes.subarray(i * 32, i * 32 + 32));
      const size = slice.from + i + 1;
      while (next < checkpoints.length && checkpoints[next]!.size === size) {
        const cp = checkpoints[next]!;
        if (tree.root().toString('hex') !== cp.root_hash) {
          const from = next > 0 ? checkpoints[next - 1]!.size : 0;
          return report({ seq: from, kind: 'checkpoint-mismatch', message: `重建的根哈希与规模为 ${cp.size} 的签名检查点不符：第 ${from}–${cp.size - 1} 条之间有记录被改动、重排或替换` }, size);
        }
        next++;
      }
    }
    if (slice.problem) return report(slice.problem, slice.from + slice.count);
  }
  const latest = checkpoints[checkpoints.length - 1];
  if (latest && end < latest.size) {
    return report({ seq: end, kind: 'truncated', message: `日志尾部被截断：签名检查点记录 ${latest.size} 条，数据库只有 ${end} 条（自第 ${end} 条起缺失）` }, end);
  }
  return report(null, end);
}

async function hashSlices(db: Db, end: number, threads: number): Promise<RangeResult[]> {
  if (threads <= 1 || end < threads) return [await verifyRange(db.location, 0, end)];
  const per = Math.ceil(end / threads);
  const bounds = Array.from({ length: threads }, (_, i) => [i * per, Math.min(end, (i + 1) * per)] as const).filter(([a, b]) => a < b);
  return Promise.all(bounds.map(([from, to]) => inWorker(db.location, from, to)));
}

function inWorker(location: Db['location'], from: number, to: number): Promise<RangeResult> {
  // The worker's bootstrap registers tsx in its thread, as the CLI does in the main one.
  const worker = new Worker(new URL('./verify-worker.mjs', import.meta.url), { workerData: { location, from, to } });
  return new Promise((resolve, reject) => {
    worker.once('message', (m: RangeResult | { error: string }) => {
      void worker.terminate();
      if ('error' in m) reject(new Error(`journal verification worker: ${m.error}`));
      else resolve({ ...m, hashes: Buffer.from(m.hashes.buffer, m.hashes.byteOffset, m.hashes.byteLength) });
    });
    worker.once('error', reject);
  });
}
