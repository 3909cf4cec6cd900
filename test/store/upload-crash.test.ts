/**
 * A server killed (SIGKILL) in the middle of an upload: after a restart the upload stands
 * at the bytes that reached the disk, the client goes on from there, and the file is
 * verified whole. Real processes, real HTTP, on both engines.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { request } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ENGINES, createPostgresDatabase } from '../helpers/engines.js';
import { freePort } from '../helpers/postgres-cluster.js';

const run = promisify(execFile);
const PASSWORD = 'Demo-Password-2026';
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe.each(ENGINES)('an upload across a server crash (%s)', (engine) => {
  let env: NodeJS.ProcessEnv;
  let dataDir: string;
  let port: number;
  let server: ChildProcess | undefined;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), `yifa-crash-${engine}-`));
    port = await freePort();
    env = {
      ...process.env,
      YIFA_DATA_DIR: dataDir,
      DATABASE_URL: engine === 'postgres' ? await createPostgresDatabase() : '',
      YIFA_DEMO_PASSWORD: PASSWORD,
      PORT: String(port),
      LOG_LEVEL: 'warn',
    };
    await run(process.execPath, ['bin/yifa.mjs', 'migrate'], { env });
    await run(process.execPath, ['bin/yifa.mjs', 'demo'], { env });
  }, 180_000);
  afterAll(() => {
    server?.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  });

  const start = async () => {
    const child = spawn(process.execPath, ['bin/yifa.mjs', 'serve'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout!.on('data', (d) => (out += d));
    for (let i = 0; i < 200 && !out.includes('已启动'); i++) await new Promise((r) => setTimeout(r, 100));
    if (!out.includes('已启动')) throw new Error(`server did not start: ${out}`);
    return child;
  };
  const base = () => `http://127.0.0.1:${port}/api/v1`;

  it('resumes from the bytes on disk and ends with a verified file', async () => {
    server = await start();
    const login = await fetch(`${base()}/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'zhifa1', password: PASSWORD }),
    });
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const headers = { cookie, 'x-csrf-token': (await login.json()).csrfToken as string };
    const file = Buffer.concat([
      Buffer.from([0, 0, 0, 0x18]),
      Buffer.from('ftypisom\0\0\x02\0isomiso2', 'latin1'),
      randomBytes(24 * 1024 * 1024),
    ]);
    const created = await fetch(`${base()}/uploads`, {
      method: 'POST',
      headers: { ...headers, 'content-type': 'application/json' },
      body: JSON.stringify({ fileName: '执法记录仪.mp4', mime: 'video/mp4', size: file.length, sha256: sha(file) }),
    });
    const { id } = await created.json();
    const offset = async () => (await (await fetch(`${base()}/uploads/${id}`, { headers })).json()).offset as number;

    // Send three quarters slowly, and kill the server while the request is still open, once
    // the server has written some of it (it writes 8 MB at a time).
    const req = request(`${base()}/uploads/${id}`, {
      method: 'PATCH',
      headers: {
        ...headers,
        'content-type': 'application/offset+octet-stream',
        'upload-offset': '0',
        'content-length': String(file.length),
      },
    });
    req.on('error', () => {}); // the connection dies with the server
    for (let at = 0; at < (file.length * 3) / 4; at += 256 * 1024) {
      req.write(file.subarray(at, at + 256 * 1024));
      await new Promise((r) => setTimeout(r, 5));
    }
    for (let i = 0; i < 100 && (await offset()) < 8 * 1024 * 1024; i++) await new Promise((r) => setTimeout(r, 50));
    server.kill('SIGKILL');
    await new Promise((r) => server!.once('exit', r));
    req.destroy();

    server = await start();
    const reached = await offset();
    expect(reached).toBeGreaterThanOrEqual(8 * 1024 * 1024);
    expect(reached).toBeLessThan(file.length);
    const rest = await fetch(`${base()}/uploads/${id}`, {
      method: 'PATCH',
      headers: { ...headers, 'content-type': 'application/offset+octet-stream', 'upload-offset': String(reached) },
      body: file.subarray(reached),
    });
    expect(await rest.json()).toMatchObject({ completed: true, offset: file.length, sha256: sha(file) });
    const verify = JSON.parse((await run(process.execPath, ['bin/yifa.mjs', 'evidence', 'verify'], { env })).stdout);
    expect(verify).toMatchObject({ ok: true, problems: [] });
    expect(verify.checked).toBeGreaterThanOrEqual(1);
  }, 120_000);
});
