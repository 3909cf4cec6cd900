/**
 * Checks the whole stored journal against its signed checkpoints using only the
 * independent verifier (./verifier): every row is re-encoded and re-hashed, positions
 * must be gapless, every checkpoint signature must hold and every checkpoint root
 * must equal the root rebuilt from the rows. Reports the first bad entry.
 */
import type { Db } from '../platform/db/database.js';
import { TreeBuilder, actionLeafHash, parseCheckpointBody, verifyCheckpointSignature } from './verifier/index.js';

export interface JournalProblem {
  /** Position of the first bad entry (or the first missing one) */
  seq: number;
  kind: 'changed' | 'missing' | 'out-of-order' | 'truncated' | 'checkpoint-mismatch' | 'bad-signature';
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

const BATCH = 20_000;

export async function verifyJournal(db: Db, publicKeyPem: string): Promise<JournalReport> {
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

  const tree = new TreeBuilder();
  let nextCheckpoint = 0;
  let expected = 0;
  let lastSeq = -1;
  for (;;) {
    const rows = await db.kysely.selectFrom('actions').selectAll().where('seq', '>', lastSeq).orderBy('seq').limit(BATCH).execute();
    if (rows.length === 0) break;
    for (const row of rows) {
      const seq = Number(row.seq);
      if (seq !== expected) {
        return report({ seq: expected, kind: 'missing', message: `第 ${expected} 条记录缺失（下一条为第 ${seq} 条）：记录被删除` }, expected);
      }
      const leaf = actionLeafHash(row);
      if (leaf.toString('hex') !== row.leaf_hash) {
        return report({ seq, kind: 'changed', message: `第 ${seq} 条记录（${row.type}）的内容与其哈希不符：记录被改动或被移动` }, expected);
      }
      tree.add(leaf);
      expected++;
      while (nextCheckpoint < checkpoints.length && checkpoints[nextCheckpoint]!.size === expected) {
        const cp = checkpoints[nextCheckpoint]!;
        if (tree.root().toString('hex') !== cp.root_hash) {
          const from = nextCheckpoint > 0 ? checkpoints[nextCheckpoint - 1]!.size : 0;
          return report({ seq: from, kind: 'checkpoint-mismatch', message: `重建的根哈希与规模为 ${cp.size} 的签名检查点不符：第 ${from}–${cp.size - 1} 条之间有记录被改动、重排或替换` }, expected);
        }
        nextCheckpoint++;
      }
    }
    lastSeq = Number(rows[rows.length - 1]!.seq);
  }
  const latest = checkpoints[checkpoints.length - 1];
  if (latest && expected < latest.size) {
    return report({ seq: expected, kind: 'truncated', message: `日志尾部被截断：签名检查点记录 ${latest.size} 条，数据库只有 ${expected} 条（自第 ${expected} 条起缺失）` }, expected);
  }
  return report(null, expected);
}
