/**
 * Benchmarks of evidence uploads (npm run bench:evidence; --quick for a small run), against
 * a real `yifa serve` process on loopback:
 *
 *   1. one 2 GB video uploaded in 64 MB chunks, against `cp` of the same file then `sync` on
 *      the same disk, measured in the same run — target ≥ 60% of cp's throughput — with the
 *      server's resident memory sampled every 50 ms — target growth < 100 MB;
 *   2. 100 photos of 20 MB uploaded at once — every one verified, none lost.
 */
import { spawn, spawnSync, execFileSync, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeSync, closeSync } from 'node:fs';
import { request, Agent } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../test/helpers/postgres-cluster.js';

const QUICK = process.argv.includes('--quick');
const BIG = QUICK ? 256 * 1024 ** 2 : 2 * 1024 ** 3;
const CHUNK = 64 * 1024 ** 2;
const PHOTOS = QUICK ? 20 : 100;
const PHOTO_BYTES = 20 * 1024 ** 2;
const PASSWORD = 'Bench-Password-2026';
const MiB = 1024 ** 2;

const say = (line = '') => console.log(line);
const dir = mkdtempSync(join(process.env.BENCH_DIR ?? tmpdir(), 'yifa-bench-evidence-'));
const env = {
  ...process.env,
  YIFA_DATA_DIR: join(dir, 'data'),
  DATABASE_URL: '',
  YIFA_DEMO_PASSWORD: PASSWORD,
  LOG_LEVEL: 'warn',
  YIFA_EVIDENCE_VERIFY_HOURS: '0',
};

function rssOf(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) * 1024 : 0;
}

async function startServer(port: number): Promise<ChildProcess> {
  // BENCH_PROFILE=DIR writes the server's CPU profile there, to see where upload time goes.
  const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE}`] : [];
  const child = spawn(process.execPath, [...profile, 'bin/yifa.mjs', 'serve'], {
    env: { ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  for (let i = 0; i < 300 && !out.includes('已启动'); i++) await new Promise((r) => setTimeout(r, 100));
  if (!out.includes('已启动')) throw new Error(`server did not start: ${out}`);
  return child;
}

const agent = new Agent({ keepAlive: true, maxSockets: 200 });

/** A reply as the benchmark reads it: the upload fields it checks. */
interface Reply {
  status: number;
  json: { id: string; completed?: boolean; sha256?: string };
}

function call(
  port: number,
  method: string,
  path: string,
  headers: Record<string, string | number>,
  body?: Buffer | (() => NodeJS.ReadableStream) | Buffer[],
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path: `/api/v1${path}`, headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, json: JSON.parse(Buffer.concat(chunks).toString() || 'null') }));
    });
    req.on('error', reject);
    if (typeof body === 'function') body().pipe(req);
    else if (Array.isArray(body)) {
      for (const b of body) req.write(b);
      req.end();
    } else req.end(body);
  });
}

async function login(port: number) {
  const body = Buffer.from(JSON.stringify({ username: 'zhifa1', password: PASSWORD }));
  return new Promise<Record<string, string>>((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: '/api/v1/session',
        headers: { 'content-type': 'application/json', 'content-length': body.length },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const cookie = (res.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).join('; ');
          resolve({ cookie, 'x-csrf-token': JSON.parse(Buffer.concat(chunks).toString()).csrfToken });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

async function main() {
  say(`# yifa evidence benchmarks (${new Date().toISOString().slice(0, 10)}, ${process.version}, ${QUICK ? 'quick' : 'full'} run)`);
  say();
  execFileSync(process.execPath, ['bin/yifa.mjs', 'migrate'], { env, stdio: 'ignore' });
  execFileSync(process.execPath, ['bin/yifa.mjs', 'demo'], { env, stdio: 'ignore' });
  const port = await freePort();
  const server = await startServer(port);
  try {
    const auth = await login(port);

    // 1. The big file: made once, hashed by the client (not timed), copied with cp + sync, then uploaded.
    const src = join(dir, 'bodycam.mp4');
    const block = randomBytes(64 * MiB);
    block.set([0, 0, 0, 0x18, ...Buffer.from('ftypisom')], 0);
    const fd = openSync(src, 'w');
    for (let at = 0; at < BIG; at += block.length) writeSync(fd, block, 0, Math.min(block.length, BIG - at));
    closeSync(fd);
    spawnSync('sync');
    const hash = createHash('sha256');
    for await (const c of createReadStream(src, { highWaterMark: 8 * MiB })) hash.update(c as Buffer);
    let sha256 = hash.digest('hex');

    let t0 = performance.now();
    spawnSync('sh', ['-c', `cp "${src}" "${join(dir, 'copy.mp4')}" && sync`], { stdio: 'inherit' });
    const cpSeconds = (performance.now() - t0) / 1000;
    rmSync(join(dir, 'copy.mp4'));
    spawnSync('sync');

    /** Uploads the file in requests of `chunk` bytes; returns seconds and the server's peak memory growth. */
    const upload = async (chunk: number, name: string) => {
      const created = await call(
        port,
        'POST',
        '/uploads',
        { ...auth, 'content-type': 'application/json' },
        Buffer.from(JSON.stringify({ fileName: name, mime: 'video/mp4', size: BIG, sha256 })),
      );
      if (created.status !== 201) throw new Error(`create upload: ${created.status} ${JSON.stringify(created.json)}`);
      const id = created.json.id as string;
      const baseline = rssOf(server.pid!);
      let peak = baseline;
      const sampler = setInterval(() => (peak = Math.max(peak, rssOf(server.pid!))), 50);
      const started = performance.now();
      let last: Reply | undefined;
      for (let at = 0; at < BIG; at += chunk) {
        const end = Math.min(BIG, at + chunk);
        last = await call(
          port,
          'PATCH',
          `/uploads/${id}`,
          { ...auth, 'content-type': 'application/offset+octet-stream', 'upload-offset': at, 'content-length': end - at },
          () => createReadStream(src, { start: at, end: end - 1, highWaterMark: 4 * MiB }),
        );
        if (last.status !== 200) throw new Error(`chunk at ${at}: ${last.status} ${JSON.stringify(last.json)}`);
      }
      const seconds = (performance.now() - started) / 1000;
      clearInterval(sampler);
      if (!last?.json.completed || last.json.sha256 !== sha256)
        throw new Error(`upload did not complete verified: ${JSON.stringify(last?.json)}`);
      return { seconds, baseline, growth: peak - baseline };
    };
    const whole = await upload(BIG, '执法记录仪_整体上传.mp4');
    // The same content again is stored once; to time a second full write, change one byte.
    block[100] = block[100]! ^ 0xff;
    const fd2 = openSync(src, 'r+');
    writeSync(fd2, block, 100, 1, 100);
    closeSync(fd2);
    const h2 = createHash('sha256');
    for await (const c of createReadStream(src, { highWaterMark: 8 * MiB })) h2.update(c as Buffer);
    sha256 = h2.digest('hex');
    const chunked = await upload(CHUNK, '执法记录仪_分片上传.mp4');
    const cpRate = BIG / MiB / cpSeconds;
    const row = (what: string, r: { seconds: number }) =>
      `| ${what} | ${r.seconds.toFixed(2)} | ${(BIG / MiB / r.seconds).toFixed(0)} | **${(BIG / MiB / r.seconds / cpRate).toFixed(2)}** |`;
    say(`## 1. One ${(BIG / 1024 ** 3).toFixed(BIG >= 1024 ** 3 ? 0 : 2)} GiB file over loopback (write, hash, fsync, verify, rename)`);
    say();
    say('| what | seconds | MiB/s | ratio to cp (target ≥ 0.60) |');
    say('|---|---|---|---|');
    say(`| \`cp\` then \`sync\` (same disk) | ${cpSeconds.toFixed(2)} | ${cpRate.toFixed(0)} | 1 |`);
    say(row('upload in one request', whole));
    say(row(`upload in ${CHUNK / MiB} MiB chunks (resumable at each)`, chunked));
    say();
    say(
      `Server resident memory growth during the upload: **${(whole.growth / MiB).toFixed(0)} MiB** in one request, **${(chunked.growth / MiB).toFixed(0)} MiB** in chunks (from ${(whole.baseline / MiB).toFixed(0)} MiB; target < 100 MiB).`,
    );
    say();
    rmSync(src);

    // 2. Many photos at once: each distinct (a header with its number), all sent together.
    const base = randomBytes(PHOTO_BYTES - 16);
    const photos = Array.from({ length: PHOTOS }, (_, i) => {
      const head = Buffer.alloc(16);
      head.set([0xff, 0xd8, 0xff, 0xe0]);
      head.writeUInt32BE(i, 4);
      return { head, sha256: createHash('sha256').update(head).update(base).digest('hex') };
    });
    t0 = performance.now();
    const results = await Promise.all(
      photos.map(async (p, i) => {
        const c = await call(
          port,
          'POST',
          '/uploads',
          { ...auth, 'content-type': 'application/json' },
          Buffer.from(
            JSON.stringify({ fileName: `IMG_${String(i).padStart(4, '0')}.jpg`, mime: 'image/jpeg', size: PHOTO_BYTES, sha256: p.sha256 }),
          ),
        );
        if (c.status !== 201) return { ok: false, why: `${c.status}` };
        const done = await call(
          port,
          'PATCH',
          `/uploads/${c.json.id}`,
          { ...auth, 'content-type': 'application/offset+octet-stream', 'upload-offset': 0, 'content-length': PHOTO_BYTES },
          [p.head, base],
        );
        return {
          ok: done.status === 200 && done.json.completed && done.json.sha256 === p.sha256,
          why: `${done.status} ${JSON.stringify(done.json).slice(0, 200)}`,
        };
      }),
    );
    const manySeconds = (performance.now() - t0) / 1000;
    const failed = results.filter((r) => !r.ok);
    const verify = JSON.parse(execFileSync(process.execPath, ['bin/yifa.mjs', 'evidence', 'verify'], { env }).toString());
    say(`## 2. ${PHOTOS} photos of ${PHOTO_BYTES / MiB} MiB at once`);
    say();
    say(
      `${PHOTOS - failed.length} of ${PHOTOS} completed and verified in ${manySeconds.toFixed(1)} s (${((PHOTOS * PHOTO_BYTES) / MiB / manySeconds).toFixed(0)} MiB/s); ${failed.length} failed${failed.length ? ` (${failed[0]!.why})` : ''}. \`yifa evidence verify\` afterwards: ${verify.checked} files, ${verify.problems.length} problems.`,
    );
    say();
    say(`Disk: ${statSync(dir).dev} (the data directory and the copy are on the same filesystem, ${dir}).`);
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    agent.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
