import { writeFileSync } from 'node:fs';
import type { CommandContext } from './commands.js';
import { openYifa } from '../app/root.js';
import { exportCaseFileById } from '../modules/enforcement/service/documents.js';
import { AppError } from '../platform/http/errors.js';

/** yifa export case <id> --out FILE.zip: the case file with its documents, manifest and journal proofs. */
export async function exportCase(ctx: CommandContext): Promise<number> {
  const [id] = ctx.positionals;
  const out = ctx.values.out as string | undefined;
  if (!id || !out) {
    console.error('用法：yifa export case <案件ID> --out 文件.zip');
    return 2;
  }
  const yifa = await openYifa(ctx.config, { migrate: false });
  try {
    const bundle = await exportCaseFileById(yifa, id);
    writeFileSync(out, bundle.zip);
    console.log(
      JSON.stringify({
        out,
        bytes: bundle.zip.length,
        pages: bundle.pages,
        actions: bundle.actions,
        checkpointSize: bundle.checkpointSize,
      }),
    );
    return 0;
  } catch (e) {
    console.error(e instanceof AppError ? e.message : `导出失败：${(e as Error).message}`);
    return 1;
  } finally {
    await yifa.close();
  }
}
