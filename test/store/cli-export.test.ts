/**
 * `yifa export case <id> --out FILE.zip` on the demo town: the bundle a court receives
 * opens and checks out (manifest hashes, Chinese text in the PDF, every action proven
 * against the signed checkpoint); an unknown case is refused with a clear message.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ENGINES, createPostgresDatabase } from '../helpers/engines.js';
import { checkCaseFile } from '../helpers/case-file.js';
import { openYifa } from '../../src/app/root.js';
import { loadConfig } from '../../src/platform/config.js';

const run = promisify(execFile);

describe.each(ENGINES)('yifa export case (%s)', (engine) => {
  let env: NodeJS.ProcessEnv;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), `yifa-export-${engine}-`));
    env = {
      ...process.env,
      YIFA_DATA_DIR: dataDir,
      DATABASE_URL: engine === 'postgres' ? await createPostgresDatabase() : '',
      YIFA_DEMO_PASSWORD: 'Demo-Password-2026',
    };
    await run(process.execPath, ['bin/yifa.mjs', 'migrate'], { env });
    await run(process.execPath, ['bin/yifa.mjs', 'demo'], { env });
  }, 180_000);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('writes the archived case file as a ZIP that checks out', async () => {
    const yifa = await openYifa(loadConfig(env), { migrate: false });
    const archived = await yifa.db.kysely
      .selectFrom('penalty_cases')
      .select('id')
      .where('status', '=', 'archived')
      .where('procedure', '=', 'general')
      .executeTakeFirstOrThrow()
      .finally(() => yifa.close());
    const out = join(dataDir, 'case.zip');
    const printed = JSON.parse(
      (await run(process.execPath, ['bin/yifa.mjs', 'export', 'case', archived.id, '--out', out], { env })).stdout,
    );
    expect(printed.pages).toBeGreaterThan(5);
    const file = checkCaseFile(readFileSync(out));
    expect(file.proven).toBe(printed.actions);
    for (const text of ['行政处罚案卷', '卷内目录', '行政处罚决定书', '备考表']) expect(file.pdfText).toContain(text);
  });

  it('refuses an unknown case and writes nothing', async () => {
    const out = join(dataDir, 'none.zip');
    const e = (await run(process.execPath, ['bin/yifa.mjs', 'export', 'case', '00000000-0000-0000-0000-000000000000', '--out', out], {
      env,
    }).catch((x) => x)) as { code: number; stderr: string };
    expect(e.code).toBe(1);
    expect(e.stderr).toMatch(/案件/);
    expect(existsSync(out)).toBe(false);
  });
});
