/**
 * Benchmark of the published decisions (issue 13 §13): with N published decisions
 * (DISCLOSURE_BENCH_ROWS, default 1,000,000; e.g. 10000 for a check that it works), per engine:
 *
 *   1. search as the route runs it (`publicDecisions`, uncached; the route caches answers until
 *      the journal moves): one-character,
 *      two-character and longer queries, a party's name, a query with FTS syntax — p50/p95,
 *      target p95 < 50 ms;
 *   2. the portal's list endpoint (`GET /api/v1/public/decisions`, first page) under load from
 *      a separate process (bench/load-client.mjs, keep-alive connections) — target ≥ 2,000
 *      requests/s.
 *
 * The rows are written straight into `publications` (released, a third natural persons, the
 * rest organisations, decided over three years), their search columns built by the module's
 * own `searchRow`, so what is indexed is exactly what the portal serves. Each engine runs in a
 * process of its own (a second engine in the same process inherited the first one's heap).
 *
 *   node --max-semi-space-size=64 bin/run-ts.mjs bench/disclosure.ts
 *   DISCLOSURE_BENCH_ROWS=10000 BENCH_ENGINES=sqlite node bin/run-ts.mjs bench/disclosure.ts
 */
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { fileURLToPath } from 'node:url';
import { loadConfig, type Config } from '../src/platform/config.js';
import { buildApp, openYifa } from '../src/app/root.js';
import type { Yifa } from '../src/platform/yifa.js';
import { seedDemoTown } from '../src/modules/org/demo.js';
import { addDays } from '../src/calendar/legal-date.js';
import { onEachEngine } from './engines.js';
import type { Engine } from '../src/platform/db/database.js';
import { agenciesOf, type Agency, type Decision, writePublications } from '../test/helpers/publication-rows.js';
import { publicDecisions } from '../src/modules/disclosure/service.js';

const ROWS = Number(process.env.DISCLOSURE_BENCH_ROWS) || 1_000_000;
const SAMPLES = Number(process.env.BENCH_SAMPLES) || 50;
const LOAD_SECONDS = Number(process.env.BENCH_SECONDS) || 10;
const CONNECTIONS = 16;
const ENGINES = (process.env.BENCH_ENGINES ?? 'sqlite,postgres').split(',') as Engine[];

const say = (line = '') => console.log(line);
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马胡朱郭何罗高林';
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂';
const TRADES = ['建材有限公司', '水泥制品厂', '养殖场', '农家乐', '餐馆', '超市', '木材加工厂', '砂石场', '汽车修理厂', '茶叶加工厂'];
const VIOLATIONS = ['未批先建', '露天焚烧秸秆', '向河道倾倒建筑垃圾', '占道经营', '森林防火期内野外用火', '超标排放污水', '无证经营'];
const KINDS = ['警告', '罚款人民币伍佰元整（¥500.00）', '警告；罚款人民币贰佰元整（¥200.00）', '没收违法所得', '责令停产停业'];

/** N decisions over three years by the town's agencies: a third natural persons, the rest organisations. */
function* decisions(agencies: Agency[], today: string, n: number): Generator<Decision> {
  for (let i = 0; i < n; i++) {
    const agency = agencies[i % agencies.length]!;
    const natural = i % 3 === 0;
    const decidedOn = addDays(today, -((i * 7919) % 1095) - 3);
    yield {
      agency,
      decidedOn,
      number: `${agency.name.slice(0, 2)}罚决字〔${decidedOn.slice(0, 4)}〕第${i + 1}号`,
      party: {
        natural,
        name: natural
          ? `${SURNAMES[i % 20]}${GIVEN[(i >> 2) % 20]}${GIVEN[(i >> 5) % 20]}`
          : `秀山县${SURNAMES[i % 20]}某${TRADES[(i >> 3) % TRADES.length]}`,
        representative: natural ? null : `${SURNAMES[(i >> 1) % 20]}某`,
      },
      violationType: VIOLATIONS[(i >> 4) % VIOLATIONS.length]!,
      penalty: KINDS[i % KINDS.length]!,
    };
  }
}

async function seedPublications(yifa: Yifa, n: number) {
  const t0 = performance.now();
  await writePublications(yifa, decisions(await agenciesOf(yifa), yifa.clock.today(), n));
  // As autovacuum would after a bulk load: the planner needs the table's statistics.
  if (yifa.db.engine === 'postgres') await sql`analyze publications`.execute(yifa.db.kysely);
  say(`  ${n.toLocaleString('en')} publications written in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

function load(url: string): Promise<{ requests: number; rps: number; p50: number; p95: number; errors: number }> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(new URL('./load-client.mjs', import.meta.url)), [url, String(LOAD_SECONDS), String(CONNECTIONS)], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    child.on('message', (m) => resolve(m as never));
    child.on('error', reject);
  });
}

async function run(engine: Engine, databaseUrl: string | undefined) {
  const dataDir = mkdtempSync(join(tmpdir(), `yifa-bench-disclosure-${engine}-`));
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
    await seedDemoTown(yifa, { password: 'Bench-Password-2026' });
    say(`## ${engine}`);
    await seedPublications(yifa, ROWS);
    const app = await buildApp(yifa);
    await app.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}/api/v1/public/decisions`;
    say('');
    say('| query | p50 ms | p95 ms | results on page |');
    say('|---|---|---|---|');
    for (const q of ['王', '火', '河道', '占道经营', '秀山县李某', '罚决字', '第424242号', '" OR 1=1 --', '不存在的词语']) {
      const times: number[] = [];
      let count = 0;
      for (let i = 0; i < SAMPLES; i++) {
        // The service itself: the HTTP route caches an answer until the journal moves.
        const t = performance.now();
        const page = await publicDecisions(yifa, { q, limit: 20 });
        times.push(performance.now() - t);
        count = page.items.length;
      }
      say(`| ${q} | ${pct(times, 50).toFixed(1)} | ${pct(times, 95).toFixed(1)} | ${count} |`);
    }
    const uncached: number[] = [];
    for (let i = 0; i < SAMPLES; i++) {
      const t = performance.now();
      await publicDecisions(yifa, { limit: 20 });
      uncached.push(performance.now() - t);
    }
    say('');
    say(`list, first page, uncached: p50 ${pct(uncached, 50).toFixed(1)} ms, p95 ${pct(uncached, 95).toFixed(1)} ms`);
    const r = await load(`${base}?limit=20`);
    say('');
    say(
      `list (first page of 20): ${Math.round(r.rps).toLocaleString('en')} req/s over ${LOAD_SECONDS} s, ${CONNECTIONS} connections, p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms, ${r.errors} errors`,
    );
    say('');
    await app.close();
  } finally {
    await yifa.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Each engine is measured in a process of its own, so neither inherits the other's heap. */
function runInChild(engine: Engine, databaseUrl: string | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(new URL('../bin/run-ts.mjs', import.meta.url)), [fileURLToPath(import.meta.url)], {
      execArgv: process.execArgv,
      env: { ...process.env, BENCH_CHILD_ENGINE: engine, BENCH_CHILD_DATABASE_URL: databaseUrl ?? '' },
      stdio: 'inherit',
    });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${engine}: exit ${code}`))));
  });
}

const childEngine = process.env.BENCH_CHILD_ENGINE as Engine | undefined;
if (childEngine) {
  await run(childEngine, process.env.BENCH_CHILD_DATABASE_URL || undefined);
} else {
  say(
    `# yifa published-decisions benchmark (${new Date().toISOString().slice(0, 10)}, ${process.version}, ${ROWS.toLocaleString('en')} decisions)`,
  );
  say();
  await onEachEngine(ENGINES, 'disclosure', runInChild);
}
