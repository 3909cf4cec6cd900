import type { CommandContext } from './commands.js';
import { openYifa, projectionReplayers } from '../app/root.js';
import { verifyJournal } from '../journal/verify-journal.js';
import {
  ExternalCheckpointUnreadable,
  loadExternalCheckpoint,
  verifyAgainstExternal,
  type ExternalCheckpoint,
} from '../journal/external-checkpoint.js';
import { witnessBaseUrl, witnessLog } from '../journal/witness.js';
import { verifyProjections } from '../journal/verify-projections.js';

/**
 * yifa journal verify [--checkpoint FILE|URL]: the journal against its signed checkpoints
 * (and, with --checkpoint, against one kept outside the database), then — once the journal
 * is sound, so that replaying it means something — every record of every procedure
 * replayed and compared with its projection row. Read-only: it journals nothing (the
 * server's scheduled check and every request alert a mismatch). Exit 0 when sound, 1
 * naming the problems, 2 when the external checkpoint cannot be read (nothing was concluded).
 */
export async function journalVerify(ctx: CommandContext): Promise<number> {
  const source = ctx.values.checkpoint as string | undefined;
  let external: ExternalCheckpoint | undefined;
  if (source !== undefined) {
    try {
      external = await loadExternalCheckpoint(source);
    } catch (e) {
      if (!(e instanceof ExternalCheckpointUnreadable)) throw e;
      console.error(e.message);
      return 2;
    }
  }
  const yifa = await openYifa(ctx.config, { migrate: false });
  try {
    const r = external ? await verifyAgainstExternal(yifa.journal, external) : await verifyJournal(yifa.db, yifa.journal.publicKeyPem);
    if (!r.ok) {
      console.log(JSON.stringify({ ...r, projections: null }));
      console.error(`校验失败：${r.problem!.message}`);
      return 1;
    }
    const p = await verifyProjections(yifa.db, projectionReplayers(yifa));
    console.log(JSON.stringify({ ...r, ok: p.ok, projections: { ...p, problems: p.problems.map((m) => m.toJSON()) } }));
    if (!external && !r.latestCheckpoint) console.error('警告：尚无签名检查点，只校验了记录自身的哈希');
    else if (!external)
      console.error('提示：只对照了数据库内的检查点；连同检查点一起删除的日志尾部只有对照外部保存的检查点（--checkpoint）或见证方才能发现');
    for (const m of p.problems) console.error(`投影校验失败：${m.message}`);
    if (p.problemCount > p.problems.length)
      console.error(`……共 ${p.problemCount} 条记录与操作日志不符，以上列出前 ${p.problems.length} 条`);
    return p.ok ? 0 : 1;
  } finally {
    await yifa.close();
  }
}

export async function journalCheckpoint(ctx: CommandContext): Promise<number> {
  const yifa = await openYifa(ctx.config, { migrate: false });
  try {
    console.log(JSON.stringify((await yifa.journal.checkpoint()) ?? null));
    return 0;
  } finally {
    await yifa.close();
  }
}

/**
 * yifa journal witness URL [--accept-key ID]: exit 0 when cosigned and accepted by the
 * other side, 1 on an alert (inconsistency), 2 on a bad command line, 3 when nothing
 * could be concluded or the other side did not take the cosignature.
 */
export async function journalWitness(ctx: CommandContext): Promise<number> {
  const [raw, extra] = ctx.positionals;
  const acceptKeyId = ctx.values['accept-key'] as string | undefined;
  if (!raw || extra !== undefined) {
    console.error('用法：yifa journal witness <被见证的 yifa 的地址> [--accept-key 公钥ID]');
    return 2;
  }
  if (acceptKeyId !== undefined && !/^[0-9a-f]{8}$/i.test(acceptKeyId)) {
    console.error(`--accept-key 须为 8 位十六进制公钥 ID（见对方 GET /api/v1/journal/public-key 的 keyId），实际为 "${acceptKeyId}"`);
    return 2;
  }
  let url: string;
  try {
    url = witnessBaseUrl(raw);
  } catch (e) {
    console.error((e as Error).message);
    return 2;
  }
  const yifa = await openYifa(ctx.config);
  try {
    return report(await witnessLog(yifa.db, yifa.journal, url, acceptKeyId === undefined ? {} : { acceptKeyId }));
  } finally {
    await yifa.close();
  }
}

function report(r: Awaited<ReturnType<typeof witnessLog>>): number {
  switch (r.outcome) {
    case 'cosigned':
      console.log(JSON.stringify(r.record));
      if (r.record.pushed === 'accepted') return 0;
      console.error(`已见证并在本系统留存，但见证签名未送达对方（${r.record.pushed}）：${r.record.pushMessage}`);
      return 3;
    case 'alert':
      console.log(JSON.stringify({ ok: false, alert: { kind: r.kind, origin: r.origin, url: r.url, message: r.message } }));
      console.error(`见证告警（${r.kind}）：${r.message}`);
      return 1;
    case 'incomplete':
      console.error(`未能完成见证（未告警，未见证）：${r.message}`);
      return 3;
  }
}
