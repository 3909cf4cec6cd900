/**
 * Benchmarks of the foundation (npm run bench). Prints a Markdown report; results are
 * kept in docs/benchmarks.md. Every figure comes from data generated here at the
 * stated scale, on this machine, in this run.
 *
 *   1. journal append (hashing + Merkle update + insert, one transaction each) against
 *      raw inserts of rows of the same size, per engine;
 *   2. `journal verify` throughput;
 *   3. deadline computations per second;
 *   4. the public officer list under load on loopback with 1,000 officers.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { loadConfig, type Config } from '../src/platform/config.js';
import { buildApp, migrate, openYifa } from '../src/app/root.js';
import type { Yifa } from '../src/platform/yifa.js';
import { verifyJournal } from '../src/journal/verify-journal.js';
import { computeDeadline } from '../src/calendar/deadlines.js';
import { DEADLINE_RULES } from '../src/law/deadline-rules.js';
import { addDays } from '../src/calendar/legal-date.js';
import { seedDemoTown } from '../src/modules/org/demo.js';
import { startCluster } from '../test/helpers/postgres-cluster.js';
import { openDatabase, type Engine } from '../src/platform/db/database.js';

const args = new Set(process.argv.slice(2));
const QUICK = args.has('--quick');
const APPENDS = QUICK ? 1_000 : 10_000;
const VERIFY_ACTIONS = QUICK ? 20_000 : 300_000;
const LOAD_SECONDS = QUICK ? 3 : 10;
/** BENCH_ONLY=append,verify,deadlines,load runs only those sections (for profiling one part). */
const part = (name: 'append' | 'verify' | 'deadlines' | 'load') =>
  !process.env.BENCH_ONLY || process.env.BENCH_ONLY.split(',').includes(name);

const out: string[] = [];
const say = (line = '') => {
  out.push(line);
  console.log(line);
};

async function withYifa<T>(engine: Engine, pgUrl: (db: string) => string, adminUrl: string, fn: (y: Yifa) => Promise<T>): Promise<T> {
  const dataDir = mkdtempSync(join(tmpdir(), `yifa-bench-${engine}-`));
  let databaseUrl: string | undefined;
  if (engine === 'postgres') {
    const pg = (await import('pg')).default;
    const name = `bench_${randomUUID().replace(/-/g, '').slice(0, 12)}`;
    const c = new pg.Client({ connectionString: adminUrl });
    await c.connect();
    await c.query(`CREATE DATABASE ${name}`);
    await c.end();
    databaseUrl = pgUrl(name);
  }
  const config: Config = {
    ...loadConfig({}),
    dataDir,
    databaseUrl,
    checkpointIntervalSeconds: 0,
    publicRateLimit: 10_000_000,
    logLevel: 'warn',
  };
  const yifa = await openYifa(config);
  try {
    return await fn(yifa);
  } finally {
    await yifa.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const payload = (i: number) => ({
  caseNumber: `妙泉罚立字〔2026〕第${i}号`,
  step: '调查取证',
  note: '现场检查笔录已制作，当事人签字确认。'.repeat(2),
  amountFen: 50_000 + i,
});

const RAW_COLUMNS =
  'seq bigint primary key, id text, type text, actor_user_id text, actor_role text, actor_agency_id text, subject_type text, subject_id text, region_path text, occurred_at text, received_at text, idempotency_key text, payload text, result text, leaf_hash text, nodes text';

/** Inserts rows like the journal's, one transaction each, into `table`; returns rows/s. */
async function rawInserts(yifa: Yifa, table: string, actor: { userId: string; role: string; agencyId: string }): Promise<number> {
  const k = yifa.db.kysely;
  const t0 = performance.now();
  for (let i = 0; i < APPENDS; i++) {
    const now = new Date().toISOString();
    await k.transaction().execute(async (trx) => {
      await sql`insert into ${sql.table(table)} values (${i}, ${randomUUID()}, ${'penalty.step'}, ${actor.userId}, ${actor.role}, ${actor.agencyId}, ${'penalty-case'}, ${randomUUID()}, ${'/a/b/'}, ${now}, ${now}, ${null}, ${JSON.stringify(payload(i))}, ${null}, ${'0'.repeat(64)}, ${i % 2 ? '0'.repeat(64) : ''})`.execute(
        trx,
      );
    });
  }
  return APPENDS / ((performance.now() - t0) / 1000);
}

/**
 * Journal appends against raw inserts of rows of the same size: into a bare table (primary
 * key only) and into a table of the journal's own shape (the same unique constraints and
 * indexes), so the difference to the second is what hashing and the Merkle log cost.
 */
async function appendVsRaw(yifa: Yifa): Promise<{ bare: number; sameShape: number; journal: number }> {
  const k = yifa.db.kysely;
  await sql`create table bench_bare (${sql.raw(RAW_COLUMNS)})`.execute(k);
  await sql`create table bench_shaped (${sql.raw(RAW_COLUMNS)}, unique (id), unique (actor_user_id, idempotency_key))`.execute(k);
  await sql`create index bench_shaped_subject on bench_shaped (subject_type, subject_id, seq)`.execute(k);
  const actor = { userId: randomUUID(), role: 'officer', agencyId: randomUUID() };
  const bare = await rawInserts(yifa, 'bench_bare', actor);
  const sameShape = await rawInserts(yifa, 'bench_shaped', actor);
  const t0 = performance.now();
  for (let i = 0; i < APPENDS; i++) {
    await yifa.journal.record({
      type: 'penalty.step',
      actor,
      subject: { type: 'penalty-case', id: randomUUID(), regionPath: '/a/b/' },
      payload: payload(i),
    });
  }
  const journal = APPENDS / ((performance.now() - t0) / 1000);
  return { bare, sameShape, journal };
}

async function fillJournal(yifa: Yifa, n: number): Promise<void> {
  const actor = { userId: randomUUID(), role: 'officer', agencyId: randomUUID() };
  const have = await yifa.journal.size();
  for (let i = have; i < n; i++)
    await yifa.journal.record({
      type: 'penalty.step',
      actor,
      subject: { type: 'penalty-case', id: `c${i % 1000}`, regionPath: '/a/b/' },
      payload: payload(i),
    });
  await yifa.journal.checkpoint();
}

/** Five verifications of the same journal; the median run, and all five. */
async function medianVerify(db: Yifa['db'], publicKeyPem: string, threads: number) {
  const runs = [];
  for (let i = 0; i < 5; i++) {
    const r = await verifyJournal(db, publicKeyPem, { threads });
    if (!r.ok) throw new Error(`verify failed: ${r.problem?.message}`);
    runs.push(r);
  }
  runs.sort((a, b) => a.actionsPerSecond - b.actionsPerSecond);
  return { ...runs[2]!, spread: runs.map((r) => r.actionsPerSecond.toLocaleString('en')).join(' · ') };
}

function deadlineRate(table: Awaited<ReturnType<Yifa['calendar']['table']>>): number {
  const rules = Object.keys(DEADLINE_RULES) as (keyof typeof DEADLINE_RULES)[];
  const n = QUICK ? 20_000 : 200_000;
  const t0 = performance.now();
  for (let i = 0; i < n; i++) computeDeadline(table, { rule: rules[i % rules.length]!, from: addDays('2025-01-01', i % 700) });
  return n / ((performance.now() - t0) / 1000);
}

async function addOfficers(yifa: Yifa, count: number): Promise<void> {
  const k = yifa.db.kysely;
  const agency = await k
    .selectFrom('agencies')
    .innerJoin('regions', 'regions.id', 'agencies.region_id')
    .select(['agencies.id', 'regions.id as region_id', 'regions.path'])
    .executeTakeFirstOrThrow();
  const now = new Date().toISOString();
  const have = Number(
    (
      await k
        .selectFrom('certificates')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  const people = [];
  const certs = [];
  for (let i = have; i < count; i++) {
    const id = randomUUID();
    people.push({
      id,
      name: `测试${i}某`,
      agency_id: agency.id,
      office_id: null,
      region_id: agency.region_id,
      region_path: agency.path,
      post: '执法队员',
      id_number: null,
      phone: null,
      legal_qualification_no: null,
      active: 1,
      created_by: null,
      created_at: now,
      updated_at: now,
    });
    certs.push({
      id: randomUUID(),
      person_id: id,
      number: `BENCH${String(i).padStart(6, '0')}`,
      field: '综合行政执法',
      area: '妙泉镇',
      issued_on: '2024-01-01',
      expires_on: '2029-12-31',
      annual_review: 'passed' as const,
      annual_review_year: 2026,
      state: 'valid' as const,
      region_path: agency.path,
      created_at: now,
      updated_at: now,
    });
  }
  for (let i = 0; i < people.length; i += 200) {
    await k
      .insertInto('people')
      .values(people.slice(i, i + 200))
      .execute();
    await k
      .insertInto('certificates')
      .values(certs.slice(i, i + 200))
      .execute();
  }
}

/** Runs the load generator in a separate process so client and server do not share a core. */
function load(
  url: string,
  seconds: number,
  connections: number,
): Promise<{ requests: number; rps: number; p50: number; p95: number; p99: number; errors: number }> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(new URL('./load-client.mjs', import.meta.url)), [url, String(seconds), String(connections)], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    child.on('message', (m) => resolve(m as never));
    child.on('error', reject);
  });
}

async function main() {
  const cluster = await startCluster();
  try {
    say(`# yifa benchmarks (${new Date().toISOString().slice(0, 10)}, ${process.version}, ${QUICK ? 'quick' : 'full'} run)`);
    say();
    if (part('append')) {
      say('## 1. Journal append vs raw insert (one transaction per row)');
      say();
      say(
        '| engine | raw inserts/s, bare table | raw inserts/s, journal-shaped table | journal appends/s (hash + Merkle + insert) | ratio to bare | ratio to same shape | target |',
      );
      say('|---|---|---|---|---|---|---|');
      for (const engine of ['sqlite', 'postgres'] as const) {
        const r = await withYifa(engine, cluster.url, cluster.adminUrl, appendVsRaw);
        say(
          `| ${engine} | ${Math.round(r.bare)} | ${Math.round(r.sameShape)} | ${Math.round(r.journal)} | ${(r.journal / r.bare).toFixed(2)} | ${(r.journal / r.sameShape).toFixed(2)} | ≥ 0.50 |`,
        );
      }
      say();
    }
    if (part('verify')) {
      say(`## 2. journal verify (${VERIFY_ACTIONS.toLocaleString('en')} actions, one thread and parallel)`);
      say();
      say(
        'The journal is written through the journal API on SQLite, then the same rows (same hashes, same signed checkpoint) are copied into PostgreSQL.',
      );
      say();
      say('Each row is the median of five runs (this machine moves by about ±10 % from run to run); the last column shows all five.');
      say();
      say('| engine | actions | threads | seconds | actions/s | runs, actions/s | target |');
      say('|---|---|---|---|---|---|---|');
      await withYifa('sqlite', cluster.url, cluster.adminUrl, async (source) => {
        await fillJournal(source, VERIFY_ACTIONS);
        for (const threads of [1, 2]) {
          const r = await medianVerify(source.db, source.journal.publicKeyPem, threads);
          say(
            `| sqlite | ${r.actions} | ${threads} | ${r.seconds.toFixed(2)} | ${r.actionsPerSecond.toLocaleString('en')} | ${r.spread} | ≥ 200,000 |`,
          );
        }
        // An empty, migrated PostgreSQL database (no calendar seed, so positions match the copy).
        const pgdb = (await import('pg')).default;
        const name = `bench_copy_${randomUUID().replace(/-/g, '').slice(0, 10)}`;
        const admin = new pgdb.Client({ connectionString: cluster.adminUrl });
        await admin.connect();
        await admin.query(`CREATE DATABASE ${name}`);
        await admin.end();
        const copy = openDatabase({ databaseUrl: cluster.url(name), dataDir: tmpdir() });
        await migrate(copy);
        const rows = await source.db.kysely.selectFrom('actions').selectAll().orderBy('seq').execute();
        for (let i = 0; i < rows.length; i += 1000)
          await copy.kysely
            .insertInto('actions')
            .values(rows.slice(i, i + 1000))
            .execute();
        await copy.kysely
          .insertInto('checkpoints')
          .values(await source.db.kysely.selectFrom('checkpoints').selectAll().execute())
          .execute();
        for (const threads of [1, 2]) {
          const r = await medianVerify(copy, source.journal.publicKeyPem, threads);
          say(
            `| postgres | ${r.actions} | ${threads} | ${r.seconds.toFixed(2)} | ${r.actionsPerSecond.toLocaleString('en')} | ${r.spread} | ≥ 200,000 |`,
          );
        }
        await copy.close();
      });
      say();
    }
    if (part('deadlines')) {
      say('## 3. Deadline computations');
      say();
      await withYifa('sqlite', cluster.url, cluster.adminUrl, async (yifa) => {
        const rate = deadlineRate(await yifa.calendar.table());
        say(
          `${Math.round(rate).toLocaleString('en')} deadline computations/s (every catalog rule, start dates over 2025–2026, with explanations).`,
        );
      });
      say();
    }
    if (part('load')) {
      say(`## 4. Public officer list under load (1,000 officers, ${LOAD_SECONDS} s, loopback, separate client process)`);
      say();
      say('| engine | requests | req/s | p50 ms | p95 ms | p99 ms | errors | target |');
      say('|---|---|---|---|---|---|---|---|');
      for (const engine of ['sqlite', 'postgres'] as const) {
        await withYifa(engine, cluster.url, cluster.adminUrl, async (yifa) => {
          await seedDemoTown(yifa, { password: 'Bench-Password-2026' });
          await addOfficers(yifa, 1000);
          const app = await buildApp(yifa);
          await app.listen({ port: 0, host: '127.0.0.1' });
          const port = (app.server.address() as { port: number }).port;
          const r = await load(`http://127.0.0.1:${port}/api/v1/public/officers?limit=50`, LOAD_SECONDS, 32);
          await app.close();
          say(
            `| ${engine} | ${r.requests} | ${Math.round(r.rps).toLocaleString('en')} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.p99.toFixed(1)} | ${r.errors} | ≥ 3,000 req/s |`,
          );
        });
      }
      say();
    }
    say(`Peak resident memory of the benchmark process: ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB.`);
  } finally {
    await cluster.stop();
  }
}

await main();
