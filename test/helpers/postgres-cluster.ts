/**
 * A throwaway PostgreSQL cluster from the Debian binaries, on a free loopback port,
 * for the store and browser tiers. Started once per test run (vitest globalSetup),
 * stopped by its PID at the end. As root, initdb/postgres run as the `postgres` user.
 */
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RunningCluster {
  url: (database: string) => string;
  /** The same database over the cluster's Unix-domain socket (PostgreSQL on the same host). */
  socketUrl: (database: string) => string;
  adminUrl: string;
  stop: () => Promise<void>;
}

function findPgBin(): string {
  const candidates = ['/usr/lib/postgresql/17/bin', '/usr/lib/postgresql/16/bin', '/usr/lib/postgresql/15/bin'];
  const dir = candidates.find((d) => existsSync(join(d, 'initdb')));
  if (!dir) throw new Error('PostgreSQL server binaries not found (apt-get install postgresql); the PostgreSQL tier cannot run');
  return dir;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => resolve(typeof addr === 'object' && addr ? addr.port : 0));
    });
  });
}

/**
 * `durable`: crash-safe files (fsync and full-page writes on) with asynchronous commit —
 * the durability class of SQLite's WAL with synchronous=NORMAL, for benchmarks that
 * compare the engines. Without it (tests) nothing is fsynced.
 */
export async function startCluster(opts: { durable?: boolean } = {}): Promise<RunningCluster> {
  const bin = findPgBin();
  const asRoot = process.getuid?.() === 0;
  const base = mkdtempSync(join(tmpdir(), 'yifa-pg-'));
  const dataDir = join(base, 'data');
  const user = asRoot ? 'postgres' : undefined;
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(base, uid, gid);
    chmodSync(base, 0o700);
  }
  const run = (cmd: string, args: string[]) =>
    asRoot
      ? execFileSync('runuser', ['-u', 'postgres', '--', cmd, ...args], { stdio: 'pipe' })
      : execFileSync(cmd, args, { stdio: 'pipe' });
  run(join(bin, 'initdb'), ['-D', dataDir, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--locale=C.UTF-8']);
  const port = await freePort();
  const args = [
    '-D',
    dataDir,
    '-p',
    String(port),
    '-k',
    base,
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    'synchronous_commit=off',
    '-c',
    'max_connections=200',
    ...(opts.durable ? [] : ['-c', 'fsync=off', '-c', 'full_page_writes=off']),
  ];
  const child = asRoot
    ? spawn('runuser', ['-u', 'postgres', '--', join(bin, 'postgres'), ...args], { stdio: ['ignore', 'ignore', 'pipe'], detached: true })
    : spawn(join(bin, 'postgres'), args, { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  let stderr = '';
  child.stderr?.on('data', (d) => (stderr += d));
  const adminUrl = `postgres://postgres@127.0.0.1:${port}/postgres`;
  await waitForPostgres(adminUrl, () => stderr);
  void user;
  return {
    adminUrl,
    url: (database) => `postgres://postgres@127.0.0.1:${port}/${database}`,
    socketUrl: (database) => `postgres://postgres@localhost:${port}/${database}?host=${encodeURIComponent(base)}`,
    stop: async () => {
      const pidFile = join(dataDir, 'postmaster.pid');
      const pid = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8').split('\n')[0]) : child.pid;
      if (pid) {
        try {
          process.kill(pid, 'SIGINT');
        } catch {
          /* already gone */
        }
        for (let i = 0; i < 100 && alive(pid); i++) await new Promise((r) => setTimeout(r, 100));
      }
      rmSync(base, { recursive: true, force: true });
    },
  };
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function waitForPostgres(url: string, log: () => string): Promise<void> {
  const pg = (await import('pg')).default;
  const deadline = Date.now() + 30_000;
  for (;;) {
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.end();
      return;
    } catch (e) {
      await client.end().catch(() => {});
      if (Date.now() > deadline) throw new Error(`PostgreSQL did not start: ${(e as Error).message}\n${log()}`);
      await new Promise((r) => setTimeout(r, 150));
    }
  }
}
