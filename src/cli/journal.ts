import type { CommandContext } from './commands.js';
import { openYifa } from '../platform/yifa.js';
import { verifyJournal } from '../journal/verify-journal.js';
import { verifyProjections } from '../journal/verify-projections.js';
import { projectionReplayers } from './projections.js';

/**
 * yifa journal verify: the journal against its signed checkpoints, then — once the journal
 * is sound, so that replaying it means something — every record of every procedure
 * replayed and compared with its projection row. Read-only: it journals nothing (the
 * server's scheduled check and every request alert a mismatch).
 */
export async function journalVerify(ctx: CommandContext): Promise<number> {
  const yifa = await openYifa(ctx.config, { migrate: false });
  try {
    const r = await verifyJournal(yifa.db, yifa.journal.publicKeyPem);
    if (!r.ok) {
      console.log(JSON.stringify({ ...r, projections: null }));
      console.error(`校验失败：${r.problem!.message}`);
      return 1;
    }
    const p = await verifyProjections(yifa.db, projectionReplayers(yifa));
    console.log(JSON.stringify({ ...r, ok: p.ok, projections: { ...p, problems: p.problems.map((m) => m.toJSON()) } }));
    if (!r.latestCheckpoint) console.error('警告：尚无签名检查点，只校验了记录自身的哈希');
    for (const m of p.problems) console.error(`投影校验失败：${m.message}`);
    if (p.problemCount > p.problems.length) console.error(`……共 ${p.problemCount} 条记录与操作日志不符，以上列出前 ${p.problems.length} 条`);
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
