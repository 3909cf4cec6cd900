/**
 * Benchmark of 行政规范性文件 (issue 17 §7): a county with 100,000 published normative
 * documents (BENCH_DOCUMENTS to change it, e.g. 5000 for a quick look); the portal's public
 * search (GET /public/normative-documents's use case: a title or number fragment, a standing,
 * the first page) timed as p95 over 200 queries on each engine (BENCH_ENGINES, default
 * sqlite,postgres), target < 50 ms; and the clause-by-clause diff of a 200-clause document,
 * target < 200 ms.
 *
 *   node bin/run-ts.mjs bench/normative-docs.ts
 *   BENCH_DOCUMENTS=5000 BENCH_ENGINES=sqlite node bin/run-ts.mjs bench/normative-docs.ts
 *
 * The rows are written straight into the tables the search reads (procedure_cases for the
 * foreign key and the agency, normative_documents): the benchmark measures the reads, not the
 * actions that would have made them. Twenty years of village meetings (the other
 * half) belong to the village-rules module's benchmark.
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
import { addDays } from '../src/calendar/legal-date.js';
import { onEachEngine } from './engines.js';
import { publicDocuments } from '../src/modules/normative-docs/routes.js';
import { searchColumns } from '../src/modules/normative-docs/search.js';
import { diffClauses } from '../src/procedure/clauses.js';

const DOCUMENTS = Number(process.env.BENCH_DOCUMENTS) || 100_000;
const ENGINES = (process.env.BENCH_ENGINES ?? 'sqlite,postgres').split(',') as Engine[];
const TODAY = '2026-12-31';
const SUBJECTS = [
  '农村人居环境整治',
  '集镇摊点管理',
  '临时救助',
  '村集体经济项目',
  '村庄规划建设',
  '养犬管理',
  '森林防火',
  '河道保洁',
  '农村公路养护',
  '农村建房服务',
];
const STATUSES = ['published', 'published', 'published', 'lapsed', 'repealed', 'invalid'] as const;

const say = (line = '') => console.log(line);
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)]!;

async function load(yifa: Yifa) {
  const agencies = await yifa.db.kysely
    .selectFrom('agencies')
    .innerJoin('regions', 'regions.id', 'agencies.region_id')
    .select(['agencies.id', 'regions.path'])
    .execute();
  const t = performance.now();
  const batch = yifa.db.engine === 'postgres' ? 1000 : 500;
  type Row = Record<string, string | number | null>;
  for (let start = 0; start < DOCUMENTS; start += batch) {
    const cases: Row[] = [];
    const docs: Row[] = [];
    for (let i = start; i < Math.min(DOCUMENTS, start + batch); i++) {
      const a = agencies[i % agencies.length]!;
      const published = addDays(TODAY, -((i * 7919) % (20 * 365)));
      const effective = addDays(published, 30);
      const id = randomUUID();
      const title = `${a.path.split('/').length > 2 ? '镇' : '县'}${SUBJECTS[i % SUBJECTS.length]}管理办法（第${i + 1}号）`;
      const status = STATUSES[i % STATUSES.length]!;
      cases.push({
        id,
        procedure: 'normative-document',
        agency_id: a.id,
        region_path: a.path,
        created_by: 'bench',
        status,
        title,
        opened_on: published,
        closed_on: status === 'published' ? null : published,
        updated_at: published,
        search_text: '',
        action_count: 1,
      });
      const number = `基准规〔${published.slice(0, 4)}〕第${i + 1}号`;
      docs.push({
        id,
        title,
        region_path: a.path,
        number,
        // The columns the kit writes with each action: the portal's search reads their gram index.
        ...searchColumns(title, number),
        status,
        published_on: published,
        effective_on: effective,
        expires_on: addDays(effective, 5 * 365),
        evaluation_from: status === 'published' ? addDays(effective, 5 * 365 - 182) : null,
        filed_on: published,
        ended_on: status === 'published' ? null : published,
        provisional: 0,
      });
    }
    await yifa.db.kysely.transaction().execute(async (trx) => {
      await trx.withTables<{ procedure_cases: Row }>().insertInto('procedure_cases').values(cases).execute();
      await trx.withTables<{ normative_documents: Row }>().insertInto('normative_documents').values(docs).execute();
    });
  }
  if (yifa.db.engine === 'postgres') await sql`VACUUM ANALYZE normative_documents`.execute(yifa.db.kysely);
  else await sql`ANALYZE`.execute(yifa.db.kysely);
  return (performance.now() - t) / 1000;
}

/** The queries a visitor types: a subject, a number fragment, a standing, or nothing (the newest). */
const QUERIES = [
  ...SUBJECTS.map((q) => ({ q })),
  { q: '规〔2019〕' },
  // Matches nothing: the whole index is read.
  { q: '无此文件' },
  { state: 'effective' as const },
  { state: 'repealed' as const },
  { q: '森林防火', state: 'effective' as const },
  {},
];

async function bench(engine: Engine, databaseUrl: string | undefined) {
  const dataDir = mkdtempSync(join(tmpdir(), `yifa-bench-normative-${engine}-`));
  const config: Config = { ...loadConfig({}), dataDir, databaseUrl, checkpointIntervalSeconds: 0, logLevel: 'warn' };
  const yifa = await openYifa(config);
  try {
    await seedDemoTown(yifa, { password: 'Bench-Password-2026' });
    const seconds = await load(yifa);
    say(`## ${engine}: ${DOCUMENTS.toLocaleString('en')} normative documents (loaded in ${seconds.toFixed(1)} s)`);
    for (const q of QUERIES) await publicDocuments(yifa, { ...q, limit: 20 }); // warm
    const ms: number[] = [];
    for (let i = 0; i < 200; i++) {
      const t = performance.now();
      await publicDocuments(yifa, { ...QUERIES[i % QUERIES.length]!, limit: 20 });
      ms.push(performance.now() - t);
    }
    const p = p95(ms);
    say(`- portal search, first page of 20, 200 queries: p95 ${p.toFixed(1)} ms ${p < 50 ? 'within' : 'OVER'} the 50 ms target`);
    // Which query costs what: p95 of each kind.
    const kinds = QUERIES.map((q, k) => `${JSON.stringify(q)} ${p95(ms.filter((_, i) => i % QUERIES.length === k)).toFixed(1)} ms`);
    say(`  - by query: ${kinds.join('; ')}`);
    say();
  } finally {
    await yifa.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** A 200-clause document, and the same with every fifth clause changed, one removed and two added. */
function diffBench() {
  const clause = (i: number, extra = '') => `第${i}条 镇人民政府有关办公室按照职责做好第${i}项工作，村（居）民委员会予以协助${extra}。\n`;
  const before = `基准管理办法\n\n${Array.from({ length: 200 }, (_, i) => clause(i + 1)).join('')}`;
  const after = `基准管理办法\n\n${Array.from({ length: 202 }, (_, i) => (i === 99 ? '' : clause(i + 1, i % 5 === 0 ? '，并报镇人民政府备案' : ''))).join('')}`;
  diffClauses(before, after); // warm
  const ms: number[] = [];
  for (let i = 0; i < 50; i++) {
    const t = performance.now();
    diffClauses(before, after);
    ms.push(performance.now() - t);
  }
  const p = p95(ms);
  say(`## the clause diff of a 200-clause document: p95 ${p.toFixed(2)} ms ${p < 200 ? 'within' : 'OVER'} the 200 ms target`);
  say();
}

async function main() {
  say(`# yifa 行政规范性文件 benchmark (${new Date().toISOString().slice(0, 10)}, ${process.version})`);
  say();
  diffBench();
  await onEachEngine(ENGINES, 'normative', bench);
}

await main();
