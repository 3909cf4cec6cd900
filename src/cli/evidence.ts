import type { CommandContext } from './commands.js';
import { openYifa } from '../app/root.js';
import { verifyAndRecord } from '../modules/evidence/verify.js';
import { purgeEvidence } from '../modules/evidence/purge.js';

const INTEGRITY_NAMES = { missing: '缺失', altered: '已被改动' } as const;

/** yifa evidence verify: re-hash every evidence file; exit 1 naming each missing or altered one. */
export async function evidenceVerify(ctx: CommandContext): Promise<number> {
  const yifa = await openYifa(ctx.config, { migrate: false });
  try {
    const r = await verifyAndRecord(yifa, 'cli');
    console.log(JSON.stringify(r));
    for (const p of r.problems) console.error(`证据文件${INTEGRITY_NAMES[p.integrity]}：${p.fileNames.join('、')}（SHA-256 ${p.sha256}）`);
    return r.ok ? 0 : 1;
  } finally {
    await yifa.close();
  }
}

/** yifa evidence purge [--dry-run]: remove the bytes of evidence past its retention (hash and custody stay). */
export async function evidencePurge(ctx: CommandContext): Promise<number> {
  const yifa = await openYifa(ctx.config, { migrate: false });
  try {
    const r = await purgeEvidence(yifa, { dryRun: Boolean(ctx.values['dry-run']) });
    console.log(JSON.stringify(r));
    return 0;
  } finally {
    await yifa.close();
  }
}
