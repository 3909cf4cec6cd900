/**
 * Benchmark of 人民调解 statistics at county scale (issue 14 §9): a county with 500,000
 * disputes over five years (BENCH_DISPUTES to change it, e.g. 20000 for a quick look) in 300
 * committees, a screening ledger of one item per ten disputes, and one 行政调解 (an agency's,
 * counted apart) per twenty; the statistics
 * (GET /disputes/statistics's use case: by category and source, per committee, incidents
 * prevented) timed on each engine (BENCH_ENGINES, default sqlite,postgres) for the whole
 * county over five years, one year, and one committee's five years — median of five runs,
 * target < 1 s.
 *
 *   node bin/run-ts.mjs bench/mediation.ts
 *   BENCH_DISPUTES=20000 BENCH_ENGINES=sqlite node bin/run-ts.mjs bench/mediation.ts
 *
 * The rows are written straight into the tables the statistics read (procedure_cases for
 * the foreign key, mediation_disputes, mediation_screenings, mediation_screening_items,
 * administrative_mediations):
 * the benchmark measures the reads, not the actions that would have made them.
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
import { CATEGORY_IDS, SOURCE_IDS } from '../src/modules/mediation/law.js';
import { disputeStatistics } from '../src/modules/mediation/statistics.js';

const DISPUTES = Number(process.env.BENCH_DISPUTES) || 500_000;
const COMMITTEES = 300;
const ENGINES = (process.env.BENCH_ENGINES ?? 'sqlite,postgres').split(',') as Engine[];
const TODAY = '2026-12-31';
const DAYS = 5 * 365;
const OUTCOMES = ['written', 'written', 'oral', 'oral', 'ended', 'declined', null] as const;

const say = (line = '') => console.log(line);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** 300 committees spread over the county's regions (their paths are what the scope filters by). */
async function committees(yifa: Yifa) {
  const db = yifa.db.kysely.withTables<{
    mediation_committees: {
      id: string;
      agency_id: string;
      region_id: string;
      region_path: string;
      name: string;
      kind: string;
      term_start: string;
      term_end: string;
      multi_ethnic: number;
      created_by: string | null;
      created_at: string;
    };
  }>();
  const regions = await yifa.db.kysely.selectFrom('regions').select(['id', 'path']).execute();
  const agency = await yifa.db.kysely.selectFrom('agencies').select('id').executeTakeFirstOrThrow();
  const rows = Array.from({ length: COMMITTEES }, (_, i) => {
    const r = regions[i % regions.length]!;
    return {
      id: randomUUID(),
      agency_id: agency.id,
      region_id: r.id,
      region_path: r.path,
      name: `基准人民调解委员会${i + 1}`,
      kind: 'village',
      term_start: '2024-07-01',
      term_end: '2027-06-30',
      multi_ethnic: 0,
      created_by: null,
      created_at: new Date().toISOString(),
    };
  });
  await db.insertInto('mediation_committees').values(rows).execute();
  return { agencyId: agency.id, rows };
}

async function load(yifa: Yifa) {
  const { agencyId, rows } = await committees(yifa);
  const t = performance.now();
  const batch = yifa.db.engine === 'postgres' ? 1000 : 500;
  const db = yifa.db.kysely;
  for (let start = 0; start < DISPUTES; start += batch) {
    const n = Math.min(batch, DISPUTES - start);
    type Row = Record<string, string | number | null>;
    const cases: Row[] = [];
    const disputes: Row[] = [];
    const rounds: Row[] = [];
    const items: Row[] = [];
    const adminCases: Row[] = [];
    const admin: Row[] = [];
    for (let k = 0; k < n; k++) {
      const i = start + k;
      const c = rows[i % COMMITTEES]!;
      const on = addDays(TODAY, -((i * 7919) % DAYS));
      const outcome = OUTCOMES[i % OUTCOMES.length]!;
      const id = randomUUID();
      cases.push({
        id,
        procedure: 'dispute',
        agency_id: agencyId,
        region_path: c.region_path,
        created_by: 'bench',
        status: outcome ? 'performed' : 'mediating',
        title: '基准纠纷',
        opened_on: on,
        closed_on: outcome ? on : null,
        updated_at: on,
        search_text: '',
        action_count: 1,
      });
      disputes.push({
        id,
        committee_id: c.id,
        region_path: c.region_path,
        created_by: null,
        registered_on: on,
        category: CATEGORY_IDS[i % CATEGORY_IDS.length]!,
        source: SOURCE_IDS[i % SOURCE_IDS.length]!,
        outcome,
        outcome_on: outcome ? on : null,
        amount_fen: outcome === 'written' ? (i % 500) * 100 : 0,
        kind: 'people',
        screening_item_id: null,
        criminal_risk: i % 23 === 0 ? 1 : 0,
        mass_risk: i % 41 === 0 ? 1 : 0,
      });
      if (i % 20 === 0) {
        const adminId = randomUUID();
        adminCases.push({ ...cases.at(-1)!, id: adminId, procedure: 'admin-mediation', title: '基准行政调解' });
        admin.push({
          id: adminId,
          agency_id: agencyId,
          region_path: c.region_path,
          created_by: null,
          registered_on: on,
          category: CATEGORY_IDS[(i / 20) % CATEGORY_IDS.length]!,
          source: 'application',
          outcome,
          outcome_on: outcome ? on : null,
          amount_fen: outcome === 'written' ? (i % 300) * 100 : 0,
          penalty_case_id: null,
        });
      }
      if (i % 10 === 0) {
        const roundId = randomUUID();
        rounds.push({
          id: roundId,
          agency_id: agencyId,
          committee_id: c.id,
          group_id: null,
          region_path: c.region_path,
          screened_on: on,
          screeners: '["基准"]',
          scope_note: '基准',
          closed_on: on,
          created_by: null,
          created_at: on,
        });
        items.push({
          id: randomUUID(),
          screening_id: roundId,
          seq: 1,
          grade: 'general',
          category: 'neighbour',
          people: '某某',
          description: '基准',
          criminal_risk: i % 20 === 0 ? 1 : 0,
          mass_risk: i % 30 === 0 ? 1 : 0,
          violent: 0,
          disposition: 'resolved',
          disposed_on: on,
        });
      }
    }
    await db.transaction().execute(async (trx) => {
      await trx.withTables<{ procedure_cases: Row }>().insertInto('procedure_cases').values(cases).execute();
      await trx.withTables<{ mediation_disputes: Row }>().insertInto('mediation_disputes').values(disputes).execute();
      if (admin.length) {
        await trx.withTables<{ procedure_cases: Row }>().insertInto('procedure_cases').values(adminCases).execute();
        await trx.withTables<{ administrative_mediations: Row }>().insertInto('administrative_mediations').values(admin).execute();
      }
      if (rounds.length) {
        await trx
          .withTables<{
            mediation_screenings: Record<string, string | number | null>;
            mediation_screening_items: Record<string, string | number | null>;
          }>()
          .insertInto('mediation_screenings')
          .values(rounds)
          .execute();
        await trx
          .withTables<{
            mediation_screenings: Record<string, string | number | null>;
            mediation_screening_items: Record<string, string | number | null>;
          }>()
          .insertInto('mediation_screening_items')
          .values(items)
          .execute();
      }
    });
  }
  // A steady state's statistics and visibility map, as autovacuum would leave them (PostgreSQL's index-only scans need it).
  if (yifa.db.engine === 'postgres') {
    await sql`VACUUM ANALYZE mediation_disputes`.execute(db);
    await sql`VACUUM ANALYZE administrative_mediations`.execute(db);
  } else await sql`ANALYZE`.execute(db);
  return { seconds: (performance.now() - t) / 1000, committee: rows[0]!.id };
}

async function time(run: () => Promise<unknown>) {
  await run(); // warm
  const ms: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t = performance.now();
    await run();
    ms.push(performance.now() - t);
  }
  return median(ms);
}

async function bench(engine: Engine, databaseUrl: string | undefined) {
  const dataDir = mkdtempSync(join(tmpdir(), `yifa-bench-mediation-${engine}-`));
  const config: Config = { ...loadConfig({}), dataDir, databaseUrl, checkpointIntervalSeconds: 0, logLevel: 'warn' };
  const yifa = await openYifa(config);
  try {
    await seedDemoTown(yifa, { password: 'Bench-Password-2026' });
    const loaded = await load(yifa);
    const req = { auth: await contextOfUser(yifa, 'admin'), idempotencyKey: null, denied: async () => {} };
    const from5 = addDays(TODAY, -DAYS);
    const cases = [
      ['whole county, five years', { from: from5, to: TODAY }],
      ['whole county, one year', { from: '2026-01-01', to: TODAY }],
      ['one committee, five years', { from: from5, to: TODAY, committee: loaded.committee }],
    ] as const;
    say(`## ${engine}: ${DISPUTES.toLocaleString('en')} disputes in ${COMMITTEES} committees (loaded in ${loaded.seconds.toFixed(1)} s)`);
    for (const [name, q] of cases) {
      let received = 0;
      let administrative = 0;
      const ms = await time(async () => {
        const s = await disputeStatistics(yifa, req, q);
        received = s.total.received;
        administrative = s.administrative.total.received;
      });
      say(
        `- ${name}: ${ms.toFixed(0)} ms (median of 5; ${received.toLocaleString('en')} disputes and ${administrative.toLocaleString('en')} 行政调解 counted) ${ms < 1000 ? 'within' : 'OVER'} the 1 s target`,
      );
    }
    say();
  } finally {
    await yifa.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function main() {
  say(`# yifa 人民调解 statistics benchmark (${new Date().toISOString().slice(0, 10)}, ${process.version})`);
  say();
  await onEachEngine(ENGINES, 'mediation', bench);
}

await main();
