import type { CommandContext } from './commands.js';
import { openYifa } from '../platform/yifa.js';
import { verifyJournal } from '../journal/verify-journal.js';

export async function journalVerify(ctx: CommandContext): Promise<number> {
  const yifa = await openYifa(ctx.config, { migrate: false });
  try {
    const r = await verifyJournal(yifa.db, yifa.journal.publicKeyPem);
    console.log(JSON.stringify(r));
    if (!r.ok) console.error(`校验失败：${r.problem!.message}`);
    else if (!r.latestCheckpoint) console.error('警告：尚无签名检查点，只校验了记录自身的哈希');
    return r.ok ? 0 : 1;
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
