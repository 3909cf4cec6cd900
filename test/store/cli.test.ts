/**
 * A production installation: `yifa migrate` and a plain start create no user and no
 * default password; `yifa user create` makes the first administrator, who can log in.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ENGINES, createPostgresDatabase } from '../helpers/engines.js';
import { freePort } from '../helpers/postgres-cluster.js';

const run = promisify(execFile);

describe.each(ENGINES)('yifa on an empty installation (%s)', (engine) => {
  let env: NodeJS.ProcessEnv;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), `yifa-cli-${engine}-`));
    env = {
      ...process.env,
      YIFA_DATA_DIR: dataDir,
      DATABASE_URL: engine === 'postgres' ? await createPostgresDatabase() : '',
      YIFA_DEMO_PASSWORD: '',
    };
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('migrates, creates the first administrator from the CLI, and that administrator logs in', async () => {
    const migrated = JSON.parse((await run(process.execPath, ['bin/yifa.mjs', 'migrate'], { env })).stdout);
    expect(migrated.applied).toContain('001-foundation');
    const weak = await run(
      process.execPath,
      ['bin/yifa.mjs', 'user', 'create', '--username', 'chief', '--name', '管理员', '--region', '秀山土家族苗族自治县'],
      { env: { ...env, YIFA_NEW_PASSWORD: 'short' } },
    ).catch((e: { code: number; stderr: string }) => e);
    expect((weak as { code: number }).code).toBe(1);
    expect((weak as { stderr: string }).stderr).toMatch(/密码至少/);
    const created = JSON.parse(
      (
        await run(
          process.execPath,
          ['bin/yifa.mjs', 'user', 'create', '--username', 'chief', '--name', '管理员', '--region', '秀山土家族苗族自治县'],
          { env: { ...env, YIFA_NEW_PASSWORD: 'First-Admin-2026' } },
        )
      ).stdout,
    );
    expect(created).toMatchObject({ username: 'chief', region: '秀山土家族苗族自治县', roles: ['admin'] });

    const port = await freePort();
    const server = spawn(process.execPath, ['bin/yifa.mjs', 'serve'], {
      env: { ...env, PORT: String(port), LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let out = '';
      server.stdout.on('data', (d) => (out += d));
      for (let i = 0; i < 300 && !out.includes('已启动'); i++) await new Promise((r) => setTimeout(r, 100));
      expect(out).toContain(`http://127.0.0.1:${port}`);
      expect(out).not.toContain('示范账号');
      const demo = await fetch(`http://127.0.0.1:${port}/api/v1/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'admin', password: 'anything-1234' }),
      });
      expect(demo.status).toBe(401);
      const chief = await fetch(`http://127.0.0.1:${port}/api/v1/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'chief', password: 'First-Admin-2026' }),
      });
      expect(chief.status).toBe(200);
      expect((await chief.json()).roles[0].id).toBe('admin');
    } finally {
      server.kill('SIGTERM');
      await new Promise((r) => server.once('exit', r));
    }
  }, 180_000); // four child processes (two migrations, a server start) on a loaded 2-core CI machine

  it('explains bad command lines', async () => {
    const unknown = await run(process.execPath, ['bin/yifa.mjs', 'frobnicate'], { env }).catch((e: { code: number; stderr: string }) => e);
    expect((unknown as { code: number }).code).toBe(2);
    expect((unknown as { stderr: string }).stderr).toMatch(/未知命令/);
    const help = await run(process.execPath, ['bin/yifa.mjs', 'deadline', '--help'], { env });
    expect(help.stdout).toMatch(/yifa deadline/);
  });
});
