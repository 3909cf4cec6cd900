/**
 * Checks the whole stored journal against its signed checkpoints using only the
 * independent verifier (./verifier): every row is re-encoded and re-hashed and the
 * Merkle tree rebuilt (in parallel slices, one worker thread per core), positions must
 * be gapless, every checkpoint signature must hold and every checkpoint root must
 * equal the root rebuilt from the rows. Reports the first bad entry.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { sql } from 'kysely';
import type { Db } from '../platform/db/database.js';
import { TreeBuilder, parseCheckpointBody, rootOfFrontier, verifyCheckpointSignature } from './verifier/index.js';
import { verifyRange, type SliceEvent, type SliceTask } from './verify-range.js';

export interface JournalProblem {
  /** Position of the first bad entry (or the first missing one) */
  seq: number;
  kind:
    | 'changed'
    | 'missing'
    | 'truncated'
    | 'checkpoint-mismatch'
    | 'bad-signature'
    // Against a checkpoint kept outside the database (external-checkpoint.ts):
    | 'external-signature'
    | 'external-origin'
    | 'external-truncated'
    | 'external-mismatch'
    | 'external-inconsistent';
  message: string;
}

export interface JournalReport {
  ok: boolean;
  actions: number;
  checkpoints: number;
  latestCheckpoint: { size: number; rootHash: string; timestamp: string } | null;
  /** Root of the whole journal rebuilt from its rows (hex); null when a problem stopped the rebuild. */
  rootHash: string | null;
  uncheckpointed: number;
  problem: JournalProblem | null;
  seconds: number;
  actionsPerSecond: number;
}

/** Below this many actions one thread is faster than starting workers. */
const PARALLEL_FROM = 50_000;

export interface VerifyOptions {
  /** Worker threads (default: one per core, up to 4, for journals of 50,000 actions or more). */
  threads?: number;
  /** Leaves per block, a power of two (default 8192); small values let tests exercise the slicing. */
  blockSize?: number;
  /** Further tree sizes whose roots, rebuilt from the rows, are wanted (an external checkpoint's). */
  rootsAt?: number[];
}

export async function verifyJournal(db: Db, publicKeyPem: string, opts: VerifyOptions = {}): Promise<JournalReport> {
  return (await verifyJournalRoots(db, publicKeyPem, opts)).report;
}

/**
 * verifyJournal, also returning the roots rebuilt from the rows at the sizes asked for in
 * `rootsAt` that the journal reaches (hex, by size), when no problem stopped the rebuild.
 */
export async function verifyJournalRoots(
  db: Db,
  publicKeyPem: string,
  opts: VerifyOptions = {},
): Promise<{ report: JournalReport; roots: Map<number, string> }> {
  const roots = new Map<number, string>();
  const report = await rebuildAndCheck(db, publicKeyPem, opts, roots);
  return { report, roots };
}

async function rebuildAndCheck(db: Db, publicKeyPem: string, opts: VerifyOptions, roots: Map<number, string>): Promise<JournalReport> {
  const started = performance.now();
  const checkpoints = (await db.kysely.selectFrom('checkpoints').selectAll().orderBy('size').execute()).map((c) => ({
    ...c,
    size: Number(c.size),
  }));
  const report = (problem: JournalProblem | null, actions: number): JournalReport => {
    const seconds = (performance.now() - started) / 1000;
    const latest = checkpoints[checkpoints.length - 1];
    return {
      ok: problem === null,
      actions,
      checkpoints: checkpoints.length,
      latestCheckpoint: latest ? { size: latest.size, rootHash: latest.root_hash, timestamp: latest.timestamp } : null,
      rootHash: problem === null ? (roots.get(actions) ?? null) : null,
      uncheckpointed: Math.max(0, actions - (latest?.size ?? 0)),
      problem,
      seconds,
      actionsPerSecond: seconds > 0 ? Math.round(actions / seconds) : actions,
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

  // Slices hash their own blocks; here only block roots are joined, and each checkpoint's
  // root is rebuilt from the blocks before it and the slice's partial block. The root is
  // also rebuilt at the journal's end and at any size the caller asked for.
  const blocks = new TreeBuilder();
  let next = 0;
  const sizes = [...new Set([...checkpoints.map((c) => c.size), ...(opts.rootsAt ?? []), end])]
    .filter((s) => s > 0 && s <= end)
    .sort((a, b) => a - b);
  if (end === 0) roots.set(0, rootOfFrontier([]).toString('hex'));
  for await (const event of sliceEvents(db.location, end, threads, opts.blockSize ?? BLOCK, sizes)) {
    if ('block' in event) {
      blocks.add(event.block);
    } else if ('checkpoint' in event) {
      const root = rootOfFrontier([...blocks.frontier(), ...event.partial]).toString('hex');
      roots.set(event.checkpoint, root);
      const cp = checkpoints[next];
      if (cp?.size !== event.checkpoint) continue; // a size asked for, not a stored checkpoint
      if (root !== cp.root_hash) {
        const from = next > 0 ? checkpoints[next - 1]!.size : 0;
        return report(
          {
            seq: from,
            kind: 'checkpoint-mismatch',
            message: `重建的根哈希与规模为 ${cp.size} 的签名检查点不符：第 ${from}–${cp.size - 1} 条之间有记录被改动、重排或替换`,
          },
          cp.size,
        );
      }
      next++;
    } else if (event.problem) {
      return report(event.problem, event.end);
    }
  }
  const covered = checkpoints.filter((c) => c.size <= end).length;
  if (next < covered) {
    const cp = checkpoints[next]!;
    return report({ seq: cp.size - 1, kind: 'checkpoint-mismatch', message: `规模为 ${cp.size} 的检查点未能核对` }, end);
  }
  const latest = checkpoints[checkpoints.length - 1];
  if (latest && end < latest.size) {
    return report(
      {
        seq: end,
        kind: 'truncated',
        message: `日志尾部被截断：签名检查点记录 ${latest.size} 条，数据库只有 ${end} 条（自第 ${end} 条起缺失）`,
      },
      end,
    );
  }
  return report(null, end);
}

/** Leaves per block: slices start at multiples of it, so their blocks line up with the tree. */
const BLOCK = 8192;

/**
 * The events of every slice of [0, end), in order: one slice per thread, each slice's
 * events passed on as soon as the slices before it are finished. A slice's end event
 * closes it; a problem there ends the walk.
 */
async function* sliceEvents(
  location: Db['location'],
  end: number,
  threads: number,
  blockSize: number,
  checkpointSizes: number[],
): AsyncGenerator<SliceEvent> {
  const task = (from: number, to: number): SliceTask => ({
    location,
    from,
    to,
    blockSize,
    checkpoints: checkpointSizes.filter((s) => s > from && s <= to),
  });
  if (threads <= 1 || end <= blockSize) {
    const events: SliceEvent[] = [];
    await verifyRange(task(0, end), (e) => events.push(...e));
    yield* events;
    return;
  }
  const per = Math.ceil(end / threads / blockSize) * blockSize;
  const streams = Array.from({ length: threads }, (_, i) => [i * per, Math.min(end, (i + 1) * per)] as const)
    .filter(([a, b]) => a < b)
    .map(([from, to]) => new SliceStream(task(from, to)));
  try {
    for (const stream of streams) {
      for await (const event of stream.events()) {
        yield event;
        if ('end' in event && event.problem) return;
      }
    }
  } finally {
    for (const stream of streams) stream.stop();
  }
}

let compiledWorker: string | undefined;

/**
 * The worker's code as one precompiled script: loading the TypeScript through tsx in
 * every thread costs a quarter of a second per thread, longer than hashing 30,000
 * actions. esbuild (already installed with tsx) bundles verify-worker.ts once per
 * process in a few milliseconds; packages stay external and resolve from here.
 */
function workerScript(): string {
  if (compiledWorker) return compiledWorker;
  const here = fileURLToPath(import.meta.url);
  const built = buildSync({
    entryPoints: [join(dirname(here), 'verify-worker.ts')],
    bundle: true,
    platform: 'node',
    format: 'iife',
    target: 'node20',
    packages: 'external',
    write: false,
    logLevel: 'silent',
  });
  const code = built.outputFiles[0]!.text;
  compiledWorker = `(function (require) {\n${code}\n})(require('node:module').createRequire(${JSON.stringify(here)}));`;
  return compiledWorker;
}

/** One worker thread verifying one slice; its events queue until they are read. */
class SliceStream {
  private readonly queue: (SliceEvent | { error: string })[] = [];
  private wake: (() => void) | undefined;
  private readonly worker: Worker;

  constructor(task: SliceTask) {
    this.worker = new Worker(workerScript(), { eval: true, workerData: task });
    this.worker.on('message', (m: { events?: SliceEvent[]; error?: string }) => {
      if (m.events) for (const e of m.events) this.push(revive(e));
      else this.push({ error: m.error ?? 'unknown error' });
    });
    this.worker.on('error', (e) => this.push({ error: e.message }));
  }

  private push(e: SliceEvent | { error: string }) {
    this.queue.push(e);
    this.wake?.();
  }

  async *events(): AsyncGenerator<SliceEvent> {
    for (;;) {
      while (this.queue.length === 0) await new Promise<void>((r) => (this.wake = r));
      const e = this.queue.shift()!;
      if ('error' in e) throw new Error(`journal verification worker: ${e.error}`);
      yield e;
      if ('end' in e) return;
    }
  }

  stop() {
    void this.worker.terminate();
  }
}

/** Buffers cross threads as plain Uint8Arrays. */
function revive(e: SliceEvent): SliceEvent {
  const buf = (u: Uint8Array) => Buffer.from(u.buffer, u.byteOffset, u.byteLength);
  if ('block' in e) return { block: buf(e.block) };
  if ('checkpoint' in e) return { checkpoint: e.checkpoint, partial: e.partial.map(buf) };
  return e;
}
