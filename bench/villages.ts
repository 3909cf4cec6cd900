/**
 * Benchmark of the village meetings' list at county scale (issue 17 §7): a county of 300
 * villages (BENCH_VILLAGES) with 20 years (BENCH_YEARS) of meetings, six a year each (four
 * quarterly 村民代表会议, two 村民会议) — 36,000 meetings by default. Timed on each engine
 * (BENCH_ENGINES, default sqlite,postgres): the kit's list (GET /village-meetings, first page
 * of 50, newest first) as the county's administrator, as the town's 司法所 (its subtree), as a
 * village clerk (his village), and with a text search; and the annual statistics — p95 of 50
 * runs each, target < 50 ms for the list.
 *
 *   node bin/run-ts.mjs bench/villages.ts
 *   BENCH_VILLAGES=30 BENCH_YEARS=2 BENCH_ENGINES=sqlite node bin/run-ts.mjs bench/villages.ts
 *
 * The rows are written straight into the tables the list and the statistics read
 * (procedure_cases, village_meetings, and the village regions): the benchmark measures the
 * reads, not the actions that would have made them.
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
import { searchableText } from '../src/platform/search/grams.js';
import { VILLAGE_MEETINGS } from '../src/modules/villages/procedures.js';
import { villageStatistics } from '../src/modules/villages/statistics.js';

const VILLAGES = Number(process.env.BENCH_VILLAGES) || 300;
const YEARS = Number(process.env.BENCH_YEARS) || 20;
const PER_YEAR = 6;
const ENGINES = (process.env.BENCH_ENGINES ?? 'sqlite,postgres').split(',') as Engine[];
const TODAY = '2026-12-31';
const RUNS = 50;

const say = (line = '') => console.log(line);
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)]!;

type Row = Record<string, string | number | null>;

/** The county's villages: the demo town's, and more under its two towns up to VILLAGES. */
async function villages(yifa: Yifa) {
  const db = yifa.db.kysely;
  const towns = await db.selectFrom('regions').select(['id', 'path']).where('level', '=', 'town').execute();
  const have = await db.selectFrom('regions').select(['id', 'name', 'path']).where('level', '=', 'village').execute();
  const extra: Row[] = [];
  for (let i = have.length; i < VILLAGES; i++) {
    const town = towns[i % towns.length]!;
    const id = randomUUID();
    extra.push({
      id,
      parent_id: town.id,
      level: 'village',
      name: `基准村${i + 1}`,
      code: null,
      path: `${town.path}${id}/`,
      created_at: TODAY,
    });
  }
  for (let k = 0; k < extra.length; k += 500)
    await db
      .withTables<{ regions: Row }>()
      .insertInto('regions')
      .values(extra.slice(k, k + 500))
      .execute();
  return [
    ...have.map((v) => ({ id: v.id, name: v.name, path: v.path })),
    ...extra.map((v) => ({ id: String(v.id), name: String(v.name), path: String(v.path) })),
  ];
}

async function load(yifa: Yifa) {
  const all = await villages(yifa);
  const agency = await yifa.db.kysely.selectFrom('agencies').select('id').where('kind', '=', 'township').executeTakeFirstOrThrow();
  const t = performance.now();
  const db = yifa.db.kysely;
  const total = all.length * YEARS * PER_YEAR;
  const batch = yifa.db.engine === 'postgres' ? 1000 : 500;
  for (let start = 0; start < total; start += batch) {
    const cases: Row[] = [];
    const meetings: Row[] = [];
    for (let i = start; i < Math.min(total, start + batch); i++) {
      const v = all[i % all.length]!;
      const n = Math.floor(i / all.length);
      const on = addDays(TODAY, -Math.floor((n * 365) / PER_YEAR) - (i % 28));
      const kind = n % 3 === 2 ? 'villagers' : 'representatives';
      const id = randomUUID();
      cases.push({
        id,
        procedure: 'village-meeting',
        agency_id: agency.id,
        region_path: v.path,
        created_by: 'bench',
        status: 'publicized',
        title: `${v.name}${on}${kind === 'villagers' ? '村民会议' : '村民代表会议'}`,
        opened_on: on,
        closed_on: on,
        updated_at: on,
        search_text: searchableText(`${v.name}\n第${n}次会议\n村道维修筹资筹劳方案\n集体林地承包方案`),
        action_count: 2,
      });
      meetings.push({ id, village_id: v.id, region_path: v.path, kind, held_on: on, decisions: 2, publicized: 2 });
    }
    await db.transaction().execute(async (trx) => {
      await trx.withTables<{ procedure_cases: Row }>().insertInto('procedure_cases').values(cases).execute();
      await trx.withTables<{ village_meetings: Row }>().insertInto('village_meetings').values(meetings).execute();
    });
  }
  if (yifa.db.engine === 'postgres') await sql`VACUUM ANALYZE`.execute(db);
  else await sql`ANALYZE`.execute(db);
  return { seconds: (performance.now() - t) / 1000, total, villages: all.length };
}

async function time(run: () => Promise<unknown>) {
  await run(); // warm
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await run();
    ms.push(performance.now() - t);
  }
  return p95(ms);
}

async function bench(engine: Engine, databaseUrl: string | undefined) {
  const dataDir = mkdtempSync(join(tmpdir(), `yifa-bench-villages-${engine}-`));
  const config: Config = { ...loadConfig({}), dataDir, databaseUrl, checkpointIntervalSeconds: 0, logLevel: 'warn' };
  const yifa = await openYifa(config);
  try {
    await seedDemoTown(yifa, { password: 'Bench-Password-2026' });
    const loaded = await load(yifa);
    const as = async (username: string) => ({ auth: await contextOfUser(yifa, username), idempotencyKey: null, denied: async () => {} });
    const [admin, town, clerk] = [await as('admin'), await as('sifasuo'), await as('cunwei')];
    say(
      `## ${engine}: ${loaded.total.toLocaleString('en')} meetings in ${loaded.villages} villages over ${YEARS} years (loaded in ${loaded.seconds.toFixed(1)} s)`,
    );
    const cases: [string, () => Promise<unknown>][] = [
      ['list, county (全部)', () => listRecords(yifa, admin, VILLAGE_MEETINGS, { limit: 50 })],
      ['list, town (司法所, 本级及下级)', () => listRecords(yifa, town, VILLAGE_MEETINGS, { limit: 50 })],
      ['list, one village (村委会文书)', () => listRecords(yifa, clerk, VILLAGE_MEETINGS, { limit: 50 })],
      ['list, county, text search', () => listRecords(yifa, admin, VILLAGE_MEETINGS, { limit: 50, q: '第7次会议' })],
      ['statistics, county, one year', () => villageStatistics(yifa, admin, 2026)],
    ];
    for (const [name, run] of cases) {
      const ms = await time(run);
      say(
        `- ${name}: p95 ${ms.toFixed(1)} ms (${RUNS} runs)${name.startsWith('list') ? (ms < 50 ? ' within' : ' OVER') + ' the 50 ms target' : ''}`,
      );
    }
    say();
  } finally {
    await yifa.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main() {
  say(`# yifa village meetings benchmark (${new Date().toISOString().slice(0, 10)}, ${process.version})`);
  say();
  await onEachEngine(ENGINES, 'villages', bench);
}

await main();
