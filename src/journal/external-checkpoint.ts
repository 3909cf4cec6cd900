/**
 * Verification of the journal against a checkpoint kept outside its database.
 *
 * The journal's own checkpoints live in the same database as its rows, so whoever can
 * delete the tail of `actions` can delete the checkpoints that committed to it, and the
 * latest remaining checkpoint still matches. A checkpoint kept elsewhere (a file saved
 * from GET /api/v1/journal/checkpoint, or what a witness stored) closes that gap: the
 * journal must still contain the tree it commits to.
 *
 * Accepted forms (JSON): the checkpoint as GET /api/v1/journal/checkpoint serves it, or a
 * witness's record of it (GET /api/v1/journal/witnessed, `yifa journal witness` output),
 * which carries it under `checkpoint`. Only the signed body counts; any other field that
 * restates it must agree with it.
 */
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { Db } from '../platform/db/database.js';
import { parseCheckpointBody, verifyCheckpointSignature, verifyConsistency, type CheckpointBody } from './verifier/index.js';
import { verifyJournalRoots, type JournalProblem, type JournalReport, type VerifyOptions } from './verify-journal.js';
import { fetchLimited } from './remote.js';
import type { Hash } from './merkle.js';

const checkpointJson = z.object({
  body: z.string().min(1).max(4096),
  signature: z.string().min(1).max(400),
  origin: z.string().optional(),
  size: z.number().int().min(0).optional(),
  rootHash: z.string().optional(),
});

const externalJson = z.union([z.object({ checkpoint: checkpointJson }), checkpointJson]);

export interface ExternalCheckpoint extends CheckpointBody {
  body: string;
  signature: Buffer;
  /** Where it came from (file path or URL), for messages */
  source: string;
}

/** A problem with the external checkpoint itself (unreadable, not a checkpoint): a usage error, not a journal finding. */
export class ExternalCheckpointUnreadable extends Error {}

/** Reads FILE or fetches URL (http/https) and parses the checkpoint it holds. */
export async function loadExternalCheckpoint(source: string): Promise<ExternalCheckpoint> {
  let text: string;
  try {
    text = /^https?:\/\//i.test(source) ? (await fetchLimited(source)).text : await readFile(source, 'utf8');
  } catch (e) {
    throw new ExternalCheckpointUnreadable(`无法读取外部检查点 ${source}：${(e as Error).message}`);
  }
  return parseExternalCheckpoint(text, source);
}

export function parseExternalCheckpoint(text: string, source: string): ExternalCheckpoint {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new ExternalCheckpointUnreadable(`外部检查点 ${source} 不是 JSON`);
  }
  const parsed = externalJson.safeParse(json);
  if (!parsed.success)
    throw new ExternalCheckpointUnreadable(`外部检查点 ${source} 不是检查点（须含 body 和 signature，或其 checkpoint 字段含有）`);
  const cp = 'checkpoint' in parsed.data ? parsed.data.checkpoint : parsed.data;
  let body: CheckpointBody;
  try {
    body = parseCheckpointBody(cp.body);
  } catch (e) {
    throw new ExternalCheckpointUnreadable(`外部检查点 ${source} 的正文格式错误：${(e as Error).message}`);
  }
  const restated =
    (cp.size !== undefined && cp.size !== body.size) ||
    (cp.origin !== undefined && cp.origin !== body.origin) ||
    (cp.rootHash !== undefined && cp.rootHash.toLowerCase() !== body.rootHash.toString('hex'));
  if (restated)
    throw new ExternalCheckpointUnreadable(`外部检查点 ${source} 的 size、origin 或 rootHash 字段与其签名正文不一致（文件被改动过）`);
  return { ...body, body: cp.body, signature: Buffer.from(cp.signature, 'base64'), source };
}

export interface ExternalReport extends JournalReport {
  external: { source: string; origin: string; size: number; rootHash: string; timestamp: string };
}

/** The parts of the journal the check needs (its key, its name, proofs from its stored nodes). */
export interface JournalUnderCheck {
  db: Db;
  publicKeyPem: string;
  origin: string;
  consistencyProof(oldSize: number, newSize: number): Promise<Hash[]>;
}

/**
 * Everything `verifyJournal` checks, and then: the external checkpoint is signed by this
 * journal's key for this journal's origin; the journal has at least its size; the root
 * rebuilt from the rows at its size is its root; and a consistency proof from it to
 * today's tree, built from the stored Merkle nodes, passes the independent verifier.
 */
export async function verifyAgainstExternal(
  journal: JournalUnderCheck,
  ext: ExternalCheckpoint,
  opts: VerifyOptions = {},
): Promise<ExternalReport> {
  const external = {
    source: ext.source,
    origin: ext.origin,
    size: ext.size,
    rootHash: ext.rootHash.toString('hex'),
    timestamp: ext.timestamp,
  };
  const { report, roots } = await verifyJournalRoots(journal.db, journal.publicKeyPem, { ...opts, rootsAt: [ext.size] });
  if (!report.ok) return { ...report, external };
  const problem = signerProblem(journal, ext) ?? (await compareWithExternal(journal, ext, report.actions, roots));
  return problem ? { ...report, ok: false, rootHash: null, problem, external } : { ...report, external };
}

/** Was the external checkpoint signed by this journal's key, for this journal? */
function signerProblem(journal: JournalUnderCheck, ext: ExternalCheckpoint): JournalProblem | null {
  if (!verifyCheckpointSignature(ext.body, ext.signature, journal.publicKeyPem)) {
    return {
      seq: 0,
      kind: 'external-signature',
      message: `外部检查点（${ext.source}）的签名不是本日志的签名密钥所签：它不属于本日志，或本日志的签名密钥已被更换`,
    };
  }
  if (ext.origin !== journal.origin) {
    return {
      seq: 0,
      kind: 'external-origin',
      message: `外部检查点属于日志“${ext.origin}”，本日志名为“${journal.origin}”（YIFA_JOURNAL_ORIGIN）`,
    };
  }
  return null;
}

async function compareWithExternal(
  journal: JournalUnderCheck,
  ext: ExternalCheckpoint,
  size: number,
  roots: Map<number, string>,
): Promise<JournalProblem | null> {
  if (ext.size > size) {
    return {
      seq: size,
      kind: 'external-truncated',
      message: `日志只有 ${size} 条，但外部检查点承诺了 ${ext.size} 条 — 日志尾部被删除（自第 ${size} 条起的 ${ext.size - size} 条不见了，外部检查点签发于 ${ext.timestamp}）`,
    };
  }
  if (ext.size === 0) return null;
  if (roots.get(ext.size) !== ext.rootHash.toString('hex')) {
    return {
      seq: 0,
      kind: 'external-mismatch',
      message: `由记录重建的前 ${ext.size} 条的根哈希与外部检查点不符 — 第 0–${ext.size - 1} 条之间有记录被改写、替换或删除后重写（外部检查点签发于 ${ext.timestamp}）`,
    };
  }
  const today = Buffer.from(roots.get(size)!, 'hex');
  let proof: Hash[];
  try {
    proof = await journal.consistencyProof(ext.size, size);
  } catch (e) {
    return {
      seq: ext.size,
      kind: 'external-inconsistent',
      message: `无法由数据库中存储的 Merkle 节点构造从 ${ext.size} 到 ${size} 的一致性证明：${(e as Error).message}`,
    };
  }
  if (!verifyConsistency(ext.size, size, ext.rootHash, today, proof)) {
    return {
      seq: ext.size,
      kind: 'external-inconsistent',
      message: `由数据库中存储的 Merkle 节点构造的一致性证明（${ext.size} → ${size}）不成立：存储的节点被改动`,
    };
  }
  return null;
}
