/**
 * Benchmarks of penalty cases at county scale (npm run bench:penalty; --quick for a small run).
 * Per engine, on a county of 27 towns and 10 departments with 1,000,000 cases:
 *
 *   1. the supervisor's filtered list over HTTP (agency, status, officer, violation type,
 *      full-text search, next page) — p50/p95, target p95 < 100 ms;
 *   2. the overdue query — target p95 < 200 ms;
 *   3. actions with gates and journal through the API (Fastify inject, 8 at a time; three
 *      runs, the median; PostgreSQL over TCP and over its Unix socket) with the CPU each
 *      side spends per action, and the journal verified afterwards — target ≥ 1,000/s;
 *   4. export of a 200-page case file — target < 5 s.
 *
 * The million cases are the demo year's real case projections (made through the actions),
 * cloned across the county with new ids, parties, officers, summaries and dates (every date
 * in the case shifted alike); open cases are recent, closed ones spread over three years.
 * Figures go to docs/benchmarks.md.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { loadConfig, type Config } from '../src/platform/config.js';
import { buildApp, openYifa } from '../src/app/root.js';
import type { Yifa } from '../src/platform/yifa.js';
import { seedDemoTown } from '../src/modules/org/demo.js';
import { seedDemoCases } from '../src/modules/enforcement/demo.js';
import { addDays, todayInChina } from '../src/calendar/legal-date.js';
import { searchGrams, searchableText } from '../src/platform/search/grams.js';
import { exportCaseFileById } from '../src/modules/enforcement/service/documents.js';
import { startCluster } from '../test/helpers/postgres-cluster.js';
import { verifyJournal } from '../src/journal/verify-journal.js';
import type { Engine } from '../src/platform/db/database.js';
import type { PenaltyCaseTable } from '../src/platform/db/schema.js';
import { waitingColumns } from '../src/procedure/waiting.js';
import { PENALTY_PROCEDURE } from '../src/modules/enforcement/workflow.js';

const args = new Set(process.argv.slice(2));
const QUICK = args.has('--quick');
const CASES = Number(process.env.BENCH_CASES) || (QUICK ? 50_000 : 1_000_000);
const SAMPLES = QUICK ? 30 : 100;
const ACTION_SECONDS = Number(process.env.BENCH_SECONDS) || (QUICK ? 3 : 10);
const PASSWORD = 'Bench-Password-2026';
const ENGINES = (process.env.BENCH_ENGINES ?? 'sqlite,postgres').split(',') as Engine[];

const say = (line = '') => console.log(line);
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};

// ——— a county of 27 towns and 10 departments ———

const TOWNS = [
  '妙泉',
  '清溪场',
  '溶溪',
  '龙池',
  '石耶',
  '峨溶',
  '洪安',
  '雅江',
  '石堤',
  '梅江',
  '兰桥',
  '钟灵',
  '孝溪',
  '海洋',
  '大溪',
  '中和',
  '涌洞',
  '隘口',
  '平凯',
  '官庄',
  '龙凤',
  '宋农',
  '里仁',
  '膏田',
  '岑溪',
  '平马',
  '干川',
];
const DEPARTMENTS = [
  '县市场监督管理局',
  '县生态环境局',
  '县农业农村委员会',
  '县应急管理局',
  '县交通运输局',
  '县住房和城乡建设委员会',
  '县文化和旅游发展委员会',
  '县卫生健康委员会',
  '县林业局',
  '县水利局',
];
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马胡朱郭何罗高林';
const TRADES = [
  '建材有限公司',
  '水泥制品厂',
  '养殖场',
  '农家乐',
  '餐馆',
  '超市',
  '木材加工厂',
  '砂石场',
  '汽车修理厂',
  '茶叶加工厂',
  '烟花爆竹零售点',
  '加油站',
];
const PLACES = ['某某村3组', '大田村', '龙凤村', '青山村', '茶园村', '新院村', '集镇中街', '老街', '河道旁', '公路边'];
const ACTS = [
  '未批先建厂房',
  '露天焚烧秸秆',
  '向河道倾倒建筑垃圾',
  '占道经营',
  '森林防火期内野外用火',
  '超标排放污水',
  '未按规定消除事故隐患',
  '无证经营',
  '堆放物料影响通行',
  '擅自砍伐林木',
];

interface Agency {
  id: string;
  regionPath: string;
  prefix: string;
  officers: string[];
}

async function expandCounty(yifa: Yifa): Promise<Agency[]> {
  const k = yifa.db.kysely;
  const county = await k.selectFrom('regions').selectAll().where('level', '=', 'county').executeTakeFirstOrThrow();
  const now = new Date().toISOString();
  const existing = await k
    .selectFrom('agencies')
    .innerJoin('regions', 'regions.id', 'agencies.region_id')
    .select(['agencies.id', 'agencies.name', 'agencies.doc_prefix', 'regions.path', 'regions.level'])
    .execute();
  const agencies: Agency[] = existing.map((a) => ({ id: a.id, regionPath: a.path, prefix: a.doc_prefix, officers: [] }));
  const towns = existing.filter((a) => a.level === 'town').length;
  const depts = existing.filter((a) => a.level === 'county').length;
  for (const name of TOWNS.slice(towns)) {
    const regionId = randomUUID();
    const path = `${county.path}${regionId}/`;
    await k
      .insertInto('regions')
      .values({ id: regionId, parent_id: county.id, level: 'town', name: `${name}镇`, code: null, path, created_at: now })
      .execute();
    const id = randomUUID();
    await k
      .insertInto('agencies')
      .values({
        id,
        region_id: regionId,
        name: `秀山县${name}镇人民政府`,
        kind: 'township',
        legal_basis: '乡镇综合行政执法赋权',
        powers: '[]',
        doc_prefix: name,
        created_at: now,
      })
      .execute();
    agencies.push({ id, regionPath: path, prefix: name, officers: [] });
  }
  const taken = new Set(existing.map((a) => a.name));
  for (const name of DEPARTMENTS.filter((d) => !taken.has(`秀山县${d.slice(1)}`)).slice(0, DEPARTMENTS.length - depts)) {
    const id = randomUUID();
    await k
      .insertInto('agencies')
      .values({
        id,
        region_id: county.id,
        name: `秀山县${name.slice(1)}`,
        kind: 'statutory',
        legal_basis: '法定',
        powers: '[]',
        doc_prefix: `秀${name.slice(1, 3)}`,
        created_at: now,
      })
      .execute();
    agencies.push({ id, regionPath: county.path, prefix: name.slice(1, 3), officers: [] });
  }
  // Eight officers an agency; the demo's own officers stay as they are.
  for (const a of agencies) {
    const rows = Array.from({ length: 8 }, (_, i) => ({
      id: randomUUID(),
      name: `${SURNAMES[i % SURNAMES.length]}${a.prefix}${i}`,
      agency_id: a.id,
      office_id: null,
      region_id: a.regionPath.split('/').filter(Boolean).at(-1)!,
      region_path: a.regionPath,
      post: '执法队员',
      id_number: null,
      phone: null,
      legal_qualification_no: null,
      active: 1,
      created_by: null,
      created_at: now,
      updated_at: now,
    }));
    await k.insertInto('people').values(rows).execute();
    a.officers = rows.map((r) => r.id);
  }
  return agencies;
}

// ——— a million cases from the demo year's real ones ———

const OPEN = new Set([
  'registered',
  'filing',
  'investigating',
  'investigated',
  'in-review',
  'notified',
  'hearing',
  'decided',
  'executing',
  'suspended',
]);

function* generateCases(templates: PenaltyCaseTable[], agencies: Agency[], today: string, n: number) {
  const shiftCache = new Map<string, string>();
  const open = templates.filter((t) => OPEN.has(t.status));
  const done = templates.filter((t) => !OPEN.has(t.status));
  // Whom a copy waits on is its template's (the steps do not depend on the shifted dates).
  const waiting = new Map(templates.map((t) => [t.id, waitingColumns(PENALTY_PROCEDURE, JSON.parse(t.state) as object)]));
  for (let i = 0; i < n; i++) {
    // One case in eight is open, and recent (≤ 45 days); closed ones spread over three years.
    const isOpen = i % 8 === 0;
    const pool = isOpen ? open : done;
    const t = pool[(i >> 3) % pool.length]!;
    const registeredOn = addDays(today, -((i * 7919) % (isOpen ? 45 : 1095)) - 1);
    const offset = Math.round((Date.parse(registeredOn) - Date.parse(t.registered_on)) / 86_400_000);
    const shift = (d: string) => {
      const key = `${d}|${offset}`;
      let v = shiftCache.get(key);
      if (!v) {
        v = addDays(d, offset);
        shiftCache.set(key, v);
      }
      if (shiftCache.size > 200_000) shiftCache.clear();
      return v;
    };
    const a = agencies[(i * 31) % agencies.length]!;
    const officers = [a.officers[i % 8]!, a.officers[(i + 3) % 8]!];
    const party = `秀山县${SURNAMES[i % SURNAMES.length]}某${TRADES[(i >> 3) % TRADES.length]}`;
    const summary = `${a.prefix}${PLACES[(i >> 2) % PLACES.length]}${ACTS[(i >> 5) % ACTS.length]}（${i}）`;
    const state = t.state.replace(/\d{4}-\d{2}-\d{2}/g, shift).replace(t.id, `\u0000`);
    const id = randomUUID();
    const text = searchableText(`${party}\n${summary}`);
    yield {
      row: {
        ...t,
        id,
        agency_id: a.id,
        region_path: a.regionPath,
        party_name: party,
        officer_ids: `,${officers.join(',')},`,
        violation_type_id: t.violation_type_id,
        search_text: text,
        search_grams: searchGrams(text),
        registered_on: registeredOn,
        filed_on: t.filed_on && shift(t.filed_on),
        decided_on: t.decided_on && shift(t.decided_on),
        decision_number: t.decision_number?.replace(/〔\d+〕第\d+号/, `〔${registeredOn.slice(0, 4)}〕第${i + 1}号`) ?? null,
        next_due: t.next_due && shift(t.next_due),
        closed_on: t.closed_on && shift(t.closed_on),
        archived_on: t.archived_on && shift(t.archived_on),
        state: state.replace('\u0000', id),
      } satisfies PenaltyCaseTable,
      officers,
      waiting: waiting.get(t.id)!,
    };
  }
}

async function loadCases(yifa: Yifa, agencies: Agency[], n: number): Promise<number> {
  const k = yifa.db.kysely;
  const templates = await k.selectFrom('penalty_cases').selectAll().execute();
  const today = todayInChina(new Date());
  const t0 = performance.now();
  const batch = yifa.db.engine === 'postgres' ? 1000 : 500;
  let rows: (PenaltyCaseTable & { waiting: ReturnType<typeof waitingColumns> })[] = [];
  let links: { person_id: string; case_id: string; case_registered_on: string }[] = [];
  const flush = async () => {
    if (!rows.length) return;
    await k.transaction().execute(async (trx) => {
      await trx
        .insertInto('penalty_cases')
        .values(rows.map(({ waiting: _, ...r }) => r))
        .execute();
      await trx.insertInto('penalty_case_officers').values(links).execute();
      // Every procedure's common row (migration 015), as the kit writes it with each case.
      await trx
        .insertInto('procedure_cases')
        .values(
          rows.map((r) => ({
            id: r.id,
            procedure: 'penalty-case',
            agency_id: r.agency_id,
            region_path: r.region_path,
            created_by: r.created_by,
            status: r.status,
            title: r.party_name,
            opened_on: r.registered_on,
            closed_on: r.closed_on,
            updated_at: r.updated_at,
            next_due: r.next_due,
            next_rule: r.next_rule,
            search_text: r.search_text,
            ...r.waiting,
            state: null,
            state_hash: null,
            action_count: r.action_count,
          })),
        )
        .execute();
    });
    rows = [];
    links = [];
  };
  for (const { row, officers, waiting } of generateCases(templates, agencies, today, n)) {
    rows.push({ ...row, waiting });
    for (const p of officers) links.push({ person_id: p, case_id: row.id, case_registered_on: row.registered_on });
    if (rows.length >= batch) await flush();
  }
  await flush();
  await sql`analyze`.execute(k);
  return (performance.now() - t0) / 1000;
}

// ——— measurements ———

const WORKBENCH = ['/api/v1/workbench', '/api/v1/workbench/due?within=soon&limit=20', '/api/v1/workbench/todo?limit=20'];

async function login(base: string, username: string) {
  const res = await fetch(`${base}/api/v1/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { cookie, csrf: (await res.json()).csrfToken as string };
}

async function timedGet(
  base: string,
  cookie: string,
  path: string,
): Promise<{ ms: number; body: { items: { id: string }[]; next: string | null } }> {
  const t0 = performance.now();
  const res = await fetch(`${base}${path}`, { headers: { cookie } });
  const body = await res.json();
  const ms = performance.now() - t0;
  if (res.status !== 200) throw new Error(`${path}: ${res.status} ${JSON.stringify(body)}`);
  return { ms, body };
}

async function listLatencies(base: string, agencies: Agency[]) {
  const { cookie } = await login(base, 'jiandu');
  const town = agencies[5]!;
  const queries: [string, (i: number) => string][] = [
    ['whole county, newest first', () => '/api/v1/penalty-cases?limit=20'],
    ['agency + status', (i) => `/api/v1/penalty-cases?limit=20&agencyId=${agencies[i % agencies.length]!.id}&status=archived`],
    ['agency + status (open)', (i) => `/api/v1/penalty-cases?limit=20&agencyId=${agencies[i % agencies.length]!.id}&status=investigating`],
    ['officer', (i) => `/api/v1/penalty-cases?limit=20&officerId=${agencies[i % agencies.length]!.officers[i % 8]}`],
    [
      'violation type',
      (i) => `/api/v1/penalty-cases?limit=20&violationTypeId=${['wild-fire', 'straw-burning', 'waste-dumping', 'illegal-building'][i % 4]}`,
    ],
    [
      'violation type + agency',
      (i) => `/api/v1/penalty-cases?limit=20&violationTypeId=illegal-building&agencyId=${agencies[i % agencies.length]!.id}`,
    ],
    ['status', (i) => `/api/v1/penalty-cases?limit=20&status=${['decided', 'executing', 'notified', 'closed'][i % 4]}`],
    ['search, common word (建材)', () => `/api/v1/penalty-cases?limit=20&q=${encodeURIComponent('建材')}`],
    ['search, party (王某养殖场)', () => `/api/v1/penalty-cases?limit=20&q=${encodeURIComponent('王某养殖场')}`],
    ['search, act + place (倾倒建筑垃圾)', () => `/api/v1/penalty-cases?limit=20&q=${encodeURIComponent('倾倒建筑垃圾')}`],
    ['search, one case (summary number)', (i) => `/api/v1/penalty-cases?limit=20&q=${encodeURIComponent(`（${(i * 9973) % CASES}）`)}`],
    [
      'search + agency',
      (i) => `/api/v1/penalty-cases?limit=20&agencyId=${agencies[i % agencies.length]!.id}&q=${encodeURIComponent('焚烧秸秆')}`,
    ],
  ];
  const results: { name: string; p50: number; p95: number; rows: number }[] = [];
  for (const [name, url] of queries) {
    const ms: number[] = [];
    let rows = 0;
    await timedGet(base, cookie, url(0)); // warm
    for (let i = 0; i < SAMPLES; i++) {
      const r = await timedGet(base, cookie, url(i));
      ms.push(r.ms);
      rows += r.body.items.length;
    }
    results.push({ name, p50: pct(ms, 50), p95: pct(ms, 95), rows: rows / SAMPLES });
  }
  // Paging on: the second and third page of the whole county and of one town.
  const pages: number[] = [];
  for (let i = 0; i < SAMPLES / 2; i++) {
    let next = (await timedGet(base, cookie, `/api/v1/penalty-cases?limit=20&agencyId=${agencies[i % agencies.length]!.id}`)).body.next;
    for (let p = 0; p < 2 && next; p++) {
      const r = await timedGet(
        base,
        cookie,
        `/api/v1/penalty-cases?limit=20&agencyId=${agencies[i % agencies.length]!.id}&cursor=${encodeURIComponent(next)}`,
      );
      pages.push(r.ms);
      next = r.body.next;
    }
  }
  results.push({ name: 'next pages (cursor)', p50: pct(pages, 50), p95: pct(pages, 95), rows: 20 });

  const overdue: number[] = [];
  let overdueRows = 0;
  for (let i = 0; i < SAMPLES; i++) {
    const r = await timedGet(
      base,
      cookie,
      i % 2
        ? '/api/v1/penalty-cases?limit=20&queue=overdue'
        : `/api/v1/penalty-cases?limit=20&overdue=true&agencyId=${agencies[i % agencies.length]!.id}`,
    );
    overdue.push(r.ms);
    overdueRows += r.body.items.length;
  }
  // The 工作台 over the common table: the counts of every procedure, its queue's and its 待我办理's first pages.
  const workbench: number[] = [];
  for (let i = 0; i < SAMPLES; i++) workbench.push((await timedGet(base, cookie, WORKBENCH[i % WORKBENCH.length]!)).ms);
  const all = results.filter((r) => r.name !== 'next pages (cursor)');
  void town;
  return {
    results,
    overdue: { p50: pct(overdue, 50), p95: pct(overdue, 95), rows: overdueRows / SAMPLES },
    workbench: { p50: pct(workbench, 50), p95: pct(workbench, 95) },
    worstP95: Math.max(...all.map((r) => r.p95)),
  };
}

/** Real cases through the API: open, file, approve, inspect, inquire, two pieces of evidence. */
/**
 * CPU ticks used so far by each PostgreSQL server process (postmaster and every child:
 * backends, WAL writer, checkpointer), from /proc; the postmaster is this backend's parent.
 */
async function postgresCpuTicks(yifa: Yifa): Promise<Map<number, number> | null> {
  if (yifa.db.engine !== 'postgres' || !existsSync('/proc/self/stat')) return null;
  const backend = Number((await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(yifa.db.kysely)).rows[0]!.pid);
  const stat = (pid: number | string) => {
    try {
      // Fields after the command name: state is field 3, ppid 4, utime 14, stime 15.
      const f = readFileSync(`/proc/${pid}/stat`, 'utf8')
        .replace(/^.*\) /, '')
        .split(' ');
      return { ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]) };
    } catch {
      return null;
    }
  };
  const postmaster = stat(backend)?.ppid;
  if (!postmaster) return null;
  const ticks = new Map<number, number>([[postmaster, stat(postmaster)?.ticks ?? 0]]);
  for (const pid of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    const s = stat(pid);
    if (s?.ppid === postmaster) ticks.set(Number(pid), s.ticks);
  }
  return ticks;
}

/** CPU seconds the PostgreSQL processes used between two readings (a process that ended in between was idle: another pool's). */
function postgresCpuSeconds(before: Map<number, number> | null, after: Map<number, number> | null): number | null {
  if (!before || !after) return null;
  let ticks = 0;
  for (const [pid, t] of after) ticks += t - (before.get(pid) ?? 0);
  return ticks / 100; // USER_HZ
}

/** The action run three times; the median run, all three, and the CPU each side used per action. */
async function actionRates(yifa: Yifa) {
  const runs = [];
  for (let i = 0; i < 3; i++) {
    const pg0 = await postgresCpuTicks(yifa);
    const cpu0 = process.cpuUsage();
    const r = await actionRate(yifa);
    const cpu = process.cpuUsage(cpu0);
    const pgSeconds = postgresCpuSeconds(pg0, await postgresCpuTicks(yifa));
    runs.push({
      ...r,
      yifaMs: (cpu.user + cpu.system) / 1000 / r.actions,
      postgresMs: pgSeconds === null ? null : (pgSeconds * 1000) / r.actions,
    });
  }
  const sorted = [...runs].sort((a, b) => a.perSecond - b.perSecond);
  return { median: sorted[1]!, runs };
}

/** With BENCH_PROFILE=DIR, the action runs are CPU-profiled into DIR (open in Chrome DevTools). */
async function profiled<T>(label: string, run: () => Promise<T>): Promise<T> {
  const dir = process.env.BENCH_PROFILE;
  if (!dir) return run();
  const { Session } = await import('node:inspector/promises');
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  try {
    return await run();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(join(dir, `actions-${label}.cpuprofile`), JSON.stringify(profile));
    session.disconnect();
  }
}

async function reportActions(yifa: Yifa, how: string): Promise<void> {
  const { median: a, runs } = await profiled(`${yifa.db.engine}-${how.split(' ').at(-2)}`, () => actionRates(yifa));
  // The concurrent appends must have left a journal that verifies against a signed checkpoint.
  await yifa.journal.checkpoint();
  const check = await verifyJournal(yifa.db, yifa.journal.publicKeyPem);
  if (!check.ok) throw new Error(`journal verify failed after the action run: ${check.problem?.message}`);
  const where = yifa.db.engine === 'postgres' ? `, PostgreSQL ${how}` : '';
  say(
    `Actions with gates and journal through the API (8 concurrent, three runs of ${ACTION_SECONDS} s, the median${where}): **${Math.round(a.perSecond).toLocaleString('en')} actions/s** (${a.actions} actions, ${a.errors} errors, p95 ${a.p95.toFixed(1)} ms; the three runs ${runs.map((r) => Math.round(r.perSecond).toLocaleString('en')).join(' · ')}) — target ≥ 1,000/s. The journal then verified against a signed checkpoint (${check.actions.toLocaleString('en')} actions).`,
  );
  const cores = availableParallelism();
  if (a.postgresMs === null) {
    // SQLite runs inside yifa's one JavaScript thread: one process, one core.
    say(
      `CPU per action: ${a.yifaMs.toFixed(2)} ms in the yifa process (SQLite and the in-process load client included); one process runs on one core, so at most ${Math.round(1000 / a.yifaMs).toLocaleString('en')} actions/s.`,
    );
  } else {
    const cpuMs = a.yifaMs + a.postgresMs;
    say(
      `CPU per action: yifa ${a.yifaMs.toFixed(2)} ms (the in-process load client included), PostgreSQL ${a.postgresMs.toFixed(2)} ms; ${cpuMs.toFixed(2)} ms in all, so this machine's ${cores} cores allow at most ${Math.round((cores * 1000) / cpuMs).toLocaleString('en')} actions/s, and 1,000/s needs about ${cpuMs.toFixed(1)} cores.`,
    );
  }
  say();
}

async function actionRate(yifa: Yifa): Promise<{ actions: number; perSecond: number; errors: number; p95: number }> {
  const app = await buildApp(yifa);
  await app.ready();
  const client = async (username: string) => {
    const res = await app.inject({ method: 'POST', url: '/api/v1/session', payload: { username, password: PASSWORD } });
    const cookie = res.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    return { cookie, csrf: res.json().csrfToken as string };
  };
  const officer = await client('zhifa1');
  const head = await client('fuzeren');
  const people = await Promise.all(
    ['zhifa1', 'zhifa2'].map((u) =>
      yifa.db.kysely.selectFrom('users').select('person_id').where('username', '=', u).executeTakeFirstOrThrow(),
    ),
  );
  const officers = people.map((p) => p.person_id!);
  const today = todayInChina(new Date());
  const post = async (who: { cookie: string; csrf: string }, url: string, payload: unknown) => {
    const t0 = performance.now();
    const res = await app.inject({
      method: 'POST',
      url,
      headers: { cookie: who.cookie, 'x-csrf-token': who.csrf },
      payload: payload as object,
    });
    latencies.push(performance.now() - t0);
    if (res.statusCode >= 300) throw new Error(`${url}: ${res.statusCode} ${res.body}`);
    return res;
  };
  const latencies: number[] = [];
  let actions = 0;
  let errors = 0;
  const end = performance.now() + ACTION_SECONDS * 1000;
  const worker = async (w: number) => {
    while (performance.now() < end) {
      try {
        // Only the new case's id is read back: parsing every answer would charge the in-process client's work to yifa.
        const opened = (
          await post(officer, '/api/v1/penalty-cases', {
            type: 'penalty.register',
            payload: {
              source: { kind: 'patrol', summary: `巡查发现露天焚烧秸秆（${w}）`, receivedOn: today },
              party: { kind: 'citizen', name: '张某某', idNumber: null, address: '秀山县妙泉镇', phone: null, representative: null },
              field: '综合行政执法',
            },
          })
        ).json() as { id: string };
        const act = (who: typeof officer, type: string, payload: unknown) =>
          post(who, `/api/v1/penalty-cases/${opened.id}/actions`, { type, payload });
        await act(officer, 'penalty.request-filing', {
          violationTypeId: 'straw-burning',
          actOn: addDays(today, -1),
          seriousHarm: false,
          officers,
          summary: '露天焚烧秸秆',
        });
        await act(head, 'penalty.approve', { kind: 'filing', opinion: '同意立案' });
        await act(officer, 'penalty.record-inspection', {
          on: today,
          place: '某某村',
          officers,
          subject: '张某某',
          summary: '现场有焚烧痕迹',
        });
        await act(officer, 'penalty.record-inquiry', {
          on: today,
          place: '执法办公室',
          officers,
          subject: '张某某',
          summary: '当事人承认焚烧秸秆',
        });
        await act(officer, 'penalty.add-evidence', {
          type: 'audiovisual',
          title: '执法记录仪视频',
          description: '现场检查',
          collectedOn: today,
          source: '执法记录仪 MQ-01',
        });
        await act(officer, 'penalty.add-evidence', {
          type: 'documentary',
          title: '现场照片',
          description: '焚烧痕迹',
          collectedOn: today,
          source: '执法人员拍摄',
        });
        actions += 7;
      } catch (e) {
        errors++;
        if (errors < 3) console.error(e);
      }
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: 8 }, (_, w) => worker(w)));
  const seconds = (performance.now() - t0) / 1000;
  await app.close();
  return { actions, perSecond: actions / seconds, errors, p95: pct(latencies, 95) };
}

/** A case whose file runs to about 200 pages: 40 long 询问笔录 and their evidence. */
async function exportTiming(yifa: Yifa): Promise<{ pages: number; seconds: number; bytes: number; actions: number }> {
  const { contextOfUser } = await import('../src/modules/org/sessions.js');
  const { openCase, performAction } = await import('../src/modules/enforcement/service/cases.js');
  const as = async (u: string) => ({ auth: await contextOfUser(yifa, u), denied: async () => {} });
  const officer = await as('zhifa1');
  const head = await as('fuzeren');
  const officers = [officer.auth.user.personId!, (await as('zhifa2')).auth.user.personId!];
  const today = todayInChina(new Date());
  const opened = await openCase(yifa, officer, 'penalty.register', {
    source: { kind: 'complaint', summary: '群众举报某建材公司长期违法占地堆放砂石', receivedOn: today },
    party: {
      kind: 'organisation',
      name: '秀山县某某建材有限公司',
      idNumber: '91500241MA5U00000K',
      address: '秀山县妙泉镇',
      phone: null,
      representative: '王某某',
    },
    field: '综合行政执法',
  });
  await performAction(yifa, officer, opened.id, 'penalty.request-filing', {
    violationTypeId: 'illegal-building',
    actOn: addDays(today, -10),
    seriousHarm: false,
    officers,
    summary: '未批先建',
  });
  await performAction(yifa, head, opened.id, 'penalty.approve', { kind: 'filing', opinion: '同意立案' });
  const answer =
    '问：请你陈述当天的情况。答：我公司在该地块堆放砂石和建筑材料，厂房是去年开始建设的，当时以为村里同意就可以建，没有去办理规划许可手续。'.repeat(
      60,
    );
  for (let i = 0; i < 40; i++) {
    await performAction(yifa, officer, opened.id, 'penalty.record-inquiry', {
      on: today,
      place: '妙泉镇综合行政执法办公室',
      officers,
      subject: `证人${i + 1}`,
      summary: answer.slice(0, 9_000),
    });
    await performAction(yifa, officer, opened.id, 'penalty.add-evidence', {
      type: 'witness',
      title: `证人证言${i + 1}`,
      description: '证明厂房建设时间和规模',
      collectedOn: today,
      source: `证人${i + 1}`,
    });
  }
  const t0 = performance.now();
  const bundle = await exportCaseFileById(yifa, opened.id);
  return { pages: bundle.pages, seconds: (performance.now() - t0) / 1000, bytes: bundle.zip.length, actions: bundle.actions };
}

async function main() {
  const cluster = ENGINES.includes('postgres') ? await startCluster({ durable: true }) : null;
  try {
    say(
      `# yifa penalty-case benchmarks (${new Date().toISOString().slice(0, 10)}, ${process.version}, ${CASES.toLocaleString('en')} cases, ${QUICK ? 'quick' : 'full'} run)`,
    );
    say();
    for (const engine of ENGINES) {
      const dataDir = mkdtempSync(join(tmpdir(), `yifa-bench-penalty-${engine}-`));
      let databaseUrl: string | undefined;
      let socketUrl: string | undefined;
      if (engine === 'postgres') {
        const pg = (await import('pg')).default;
        const name = `bench_penalty_${randomUUID().replace(/-/g, '').slice(0, 8)}`;
        const c = new pg.Client({ connectionString: cluster!.adminUrl });
        await c.connect();
        await c.query(`CREATE DATABASE ${name}`);
        await c.end();
        databaseUrl = cluster!.url(name);
        socketUrl = cluster!.socketUrl(name);
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
        await seedDemoTown(yifa, { password: PASSWORD });
        await seedDemoCases(yifa);
        yifa.clock.source = () => new Date();
        const agencies = await expandCounty(yifa);
        const loadSeconds = await loadCases(yifa, agencies, CASES);
        const count = Number(
          (
            await yifa.db.kysely
              .selectFrom('penalty_cases')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        );
        const overdueCount = Number(
          (
            await yifa.db.kysely
              .selectFrom('penalty_cases')
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .where('next_due', '<', todayInChina(new Date()))
              .executeTakeFirstOrThrow()
          ).n,
        );
        say(
          `## ${engine}: ${count.toLocaleString('en')} cases in ${agencies.length} agencies (loaded in ${loadSeconds.toFixed(0)} s; ${overdueCount.toLocaleString('en')} overdue)`,
        );
        say();

        const only = process.env.BENCH_ONLY; // 'lists' | 'actions' | 'export', for profiling one part
        if (!only || only === 'lists') {
          const app = await buildApp(yifa);
          await app.listen({ port: 0, host: '127.0.0.1' });
          const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
          const lists = await listLatencies(base, agencies);
          await app.close();
          say(`Supervisor's list over HTTP on loopback (county scope, 20 rows a page, ${SAMPLES} requests each, one at a time):`);
          say();
          say('| query | p50 ms | p95 ms | rows | target |');
          say('|---|---|---|---|---|');
          for (const r of lists.results)
            say(`| ${r.name} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.rows.toFixed(0)} | p95 < 100 ms |`);
          say(
            `| **overdue** (county queue and per agency) | ${lists.overdue.p50.toFixed(1)} | ${lists.overdue.p95.toFixed(1)} | ${lists.overdue.rows.toFixed(0)} | p95 < 200 ms |`,
          );
          say(
            `| **工作台** (counts of every procedure; the queue across procedures; 待我办理) | ${lists.workbench.p50.toFixed(1)} | ${lists.workbench.p95.toFixed(1)} | — | p95 < 200 ms |`,
          );
          say();
        }
        if (!only || only === 'actions') {
          await reportActions(yifa, 'over TCP on loopback');
          if (socketUrl) {
            // The same database over PostgreSQL's Unix-domain socket, as on a single server.
            const viaSocket = await openYifa({ ...config, databaseUrl: socketUrl });
            viaSocket.clock.source = () => new Date();
            try {
              await reportActions(viaSocket, 'over the Unix-domain socket');
            } finally {
              await viaSocket.close();
            }
          }
        }
        if (!only || only === 'export') {
          const e = await exportTiming(yifa);
          say(
            `Case-file export: ${e.pages} pages, ${e.actions} actions proven, ${(e.bytes / 1024 / 1024).toFixed(1)} MiB ZIP in **${e.seconds.toFixed(2)} s** — target < 5 s.`,
          );
          say();
        }
      } finally {
        await yifa.close();
        rmSync(dataDir, { recursive: true, force: true });
      }
    }
    say(`Peak resident memory of the benchmark process: ${Math.round(process.resourceUsage().maxRSS / 1024)} MiB.`);
  } finally {
    await cluster?.stop();
  }
}

await main();
