/**
 * Benchmark of 行政应诉 at county scale (issue 16 §7): a county with ten years of lawsuits
 * (BENCH_LAWSUITS, default 10,000) against its towns and departments; on each engine
 * (BENCH_ENGINES, default sqlite,postgres):
 *
 * - the indicators (被诉数, 审结数, 败诉数, 败诉率, 负责人出庭应诉率, late answers) for the whole
 *   county and one year, and for one agency and one year — median of five runs, target < 500 ms;
 * - the defendant's queue (a town head's lawsuits waiting for the answer, soonest due first: the
 *   kit's list with `status=answering&overdue`, and all its lawsuits) — p95 of 50 runs, target
 *   < 100 ms.
 *
 *   node bin/run-ts.mjs bench/litigation.ts
 *   BENCH_LAWSUITS=2000 BENCH_ENGINES=sqlite node bin/run-ts.mjs bench/litigation.ts
 *
 * The rows are written straight into the tables the reads use (procedure_cases and lawsuits):
 * the benchmark measures the reads, not the actions that made them.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { loadConfig, type Config } from '../src/platform/config.js';
import { openYifa } from '../src/app/root.js';
import type { Yifa } from '../src/platform/yifa.js';
import type { Engine } from '../src/platform/db/database.js';
import { seedDemoTown } from '../src/modules/org/demo.js';
import { contextOfUser } from '../src/modules/org/sessions.js';
import { addDays } from '../src/calendar/legal-date.js';
import { onEachEngine } from './engines.js';
import { listRecords } from '../src/procedure/service.js';
import { LAWSUITS } from '../src/modules/litigation/procedure.js';
import { litigationIndicators } from '../src/modules/litigation/indicators.js';
import { JUDGMENT_TYPES, JUDGMENT_TYPE_IDS } from '../src/modules/litigation/state.js';

const N = Number(process.env.BENCH_LAWSUITS) || 10_000;
const ENGINES = (process.env.BENCH_ENGINES ?? 'sqlite,postgres').split(',') as Engine[];
const TODAY = '2026-12-31';
const DAYS = 10 * 365;
const PASSWORD = 'Bench-Password-2026';

const say = (line = '') => console.log(line);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)]!;

async function load(yifa: Yifa) {
  const db = yifa.db.kysely;
  const defendants = await db
    .selectFrom('agencies')
    .innerJoin('regions', 'regions.id', 'agencies.region_id')
    .select(['agencies.id', 'agencies.name', 'regions.path'])
    .execute();
  const t = performance.now();
  const batch = yifa.db.engine === 'postgres' ? 1000 : 500;
  type Row = Record<string, string | number | null>;
  for (let start = 0; start < N; start += batch) {
    const n = Math.min(batch, N - start);
    const cases: Row[] = [];
    const own: Row[] = [];
    for (let k = 0; k < n; k++) {
      const i = start + k;
      const a = defendants[i % defendants.length]!;
      const on = addDays(TODAY, -((i * 7919) % DAYS));
      // One in twenty still waiting for the answer, the rest judged and effective.
      const open = i % 20 === 0;
      const type = open ? null : JUDGMENT_TYPE_IDS[i % JUDGMENT_TYPE_IDS.length]!;
      const held = open ? 0 : 1 + (i % 2);
      const id = randomUUID();
      cases.push({
        id,
        procedure: 'lawsuit',
        agency_id: a.id,
        region_path: a.path,
        created_by: 'bench',
        status: open ? 'answering' : 'closed',
        title: `某某诉${a.name}`,
        opened_on: on,
        closed_on: open ? null : addDays(on, 120),
        updated_at: on,
        next_due: open ? addDays(on, 15) : null,
        next_rule: open ? 'litigation.answer' : null,
        search_text: '',
        action_count: 6,
      });
      own.push({
        id,
        agency_id: a.id,
        challenged_case_id: null,
        filed_on: on,
        filed_year: Number(on.slice(0, 4)),
        outcome: type,
        concluded: open ? 0 : 1,
        lost: type && JUDGMENT_TYPES[type].lost ? 1 : 0,
        answer_late: i % 17 === 0 ? 1 : 0,
        hearings_held: held,
        head_appearances: held && i % 3 !== 0 ? 1 : 0,
      });
    }
    await db.transaction().execute(async (trx) => {
      await trx.withTables<{ procedure_cases: Row }>().insertInto('procedure_cases').values(cases).execute();
      await trx.withTables<{ lawsuits: Row }>().insertInto('lawsuits').values(own).execute();
    });
  }
  if (yifa.db.engine === 'postgres') await sql`VACUUM ANALYZE`.execute(db);
  else await sql`ANALYZE`.execute(db);
  const town = defendants.find((d) => d.name.includes('妙泉镇')) ?? defendants[0]!;
  return { seconds: (performance.now() - t) / 1000, agency: town.id };
}

async function runs(k: number, run: () => Promise<unknown>) {
  await run(); // warm
  const ms: number[] = [];
  for (let i = 0; i < k; i++) {
    const t = performance.now();
    await run();
    ms.push(performance.now() - t);
  }
  return ms;
}

async function bench(engine: Engine, databaseUrl: string | undefined) {
  const dataDir = mkdtempSync(join(tmpdir(), `yifa-bench-litigation-${engine}-`));
  const config: Config = { ...loadConfig({}), dataDir, databaseUrl, checkpointIntervalSeconds: 0, logLevel: 'warn' };
  const yifa = await openYifa(config);
  yifa.clock.source = () => new Date(`${TODAY}T10:00:00+08:00`);
  try {
    await seedDemoTown(yifa, { password: PASSWORD });
    const loaded = await load(yifa);
    // The supervisor reads the county; the town's head reads and defends his own town's lawsuits.
    const county = { auth: await contextOfUser(yifa, 'jiandu'), idempotencyKey: null, denied: async () => {} };
    const town = { auth: await contextOfUser(yifa, 'fuzeren'), idempotencyKey: null, denied: async () => {} };
    say(`## ${engine}: ${N.toLocaleString('en')} lawsuits over ten years (loaded in ${loaded.seconds.toFixed(1)} s)`);
    for (const [name, f] of [
      ['indicators, whole county, one year', { year: 2026 }],
      ['indicators, one agency, one year', { year: 2026, agencyId: loaded.agency }],
    ] as const) {
      let counted = 0;
      const ms = median(
        await runs(5, async () => {
          counted = (await litigationIndicators(yifa, county.auth.scope, f)).reduce((a, r) => a + r.sued, 0);
        }),
      );
      say(
        `- ${name}: ${ms.toFixed(1)} ms (median of 5; ${counted.toLocaleString('en')} counted) ${ms < 500 ? 'within' : 'OVER'} the 500 ms target`,
      );
    }
    for (const [name, f] of [
      ['defendant queue (town head): waiting for the answer, overdue first', { status: 'answering', overdue: true, limit: 50 }],
      ['defendant queue (town head): all its lawsuits, newest first', { limit: 50 }],
    ] as const) {
      let shown = 0;
      const ms = p95(
        await runs(50, async () => {
          shown = (await listRecords(yifa, town, LAWSUITS, f)).items.length;
        }),
      );
      say(`- ${name}: p95 ${ms.toFixed(1)} ms (50 runs; ${shown} shown) ${ms < 100 ? 'within' : 'OVER'} the 100 ms target`);
    }
    say();
  } finally {
    await yifa.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main() {
  say(`# yifa 行政应诉 benchmark (${new Date().toISOString().slice(0, 10)}, ${process.version})`);
  say();
  await onEachEngine(ENGINES, 'litigation', bench);
}

await main();
