/**
 * The deadline engine reached three ways — code, API, CLI — gives one answer, on the
 * database's holiday table; an administrator can add a year, which removes the
 * "no data" warning and changes the answer.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { ENGINES } from '../helpers/engines.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { computeDeadline } from '../../src/calendar/deadlines.js';
import { HOLIDAY_TABLE_SECONDS } from '../../src/calendar/store.js';
import { DEADLINE_RULES } from '../../src/law/deadline-rules.js';

const run = promisify(execFile);

describe.each(ENGINES)('statutory calendar on %s', (engine) => {
  let t: TestApp;
  let env: NodeJS.ProcessEnv;
  beforeAll(async () => {
    t = await startTestApp(engine);
    env = { ...process.env, YIFA_DATA_DIR: t.config.dataDir, DATABASE_URL: t.config.databaseUrl ?? '' };
  });
  afterAll(async () => t.close());

  it('seeds the holiday table from chinese-days, 2004–2026', async () => {
    const years = await t.yifa.calendar.years();
    expect(years.map((y) => y.year)).toContain(2026);
    expect(years.map((y) => y.year)).toContain(2004);
    expect(years.find((y) => y.year === 2026)?.source).toBe('chinese-days');
    const y2026 = await t.yifa.calendar.year(2026);
    expect(y2026.days.find((d) => d.date === '2026-02-14')).toMatchObject({ kind: 'workday' });
    expect(y2026.days.find((d) => d.date === '2026-10-01')).toMatchObject({ kind: 'rest' });
  });

  it('answers the same in code, over the API and on the command line, for every rule', async () => {
    const table = await t.yifa.calendar.table();
    const pub = t.anonymous();
    for (const rule of Object.keys(DEADLINE_RULES) as (keyof typeof DEADLINE_RULES)[]) {
      const inCode = computeDeadline(table, { rule, from: '2026-09-29' });
      const api = await pub.get(`/api/v1/deadlines/${rule}?from=2026-09-29`);
      expect(api.statusCode, rule).toBe(200);
      expect(api.json()).toEqual(JSON.parse(JSON.stringify(inCode)));
    }
    // The CLI is a separate process: check a few rules to keep the test fast.
    for (const rule of ['penalty.hearing-request', 'penalty.decision', 'litigation.filing'] as const) {
      const cli = await run(process.execPath, ['bin/yifa.mjs', 'deadline', rule, '2026-09-29'], { env });
      expect(JSON.parse(cli.stdout)).toEqual(JSON.parse(JSON.stringify(computeDeadline(table, { rule, from: '2026-09-29' }))));
    }
  });

  it('refuses an unknown rule or an impossible date, on the API and the CLI', async () => {
    const pub = t.anonymous();
    expect((await pub.get('/api/v1/deadlines/penalty.nothing?from=2026-01-05')).statusCode).toBe(404);
    const bad = await pub.get('/api/v1/deadlines/penalty.decision?from=2026-02-30');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('INVALID_INPUT');
    for (const args of [
      ['penalty.nothing', '2026-01-05'],
      ['penalty.decision', '2026-02-30'],
    ]) {
      const r = await run(process.execPath, ['bin/yifa.mjs', 'deadline', ...args], { env }).then(
        () => undefined,
        (e: { code: number; stderr: string }) => e,
      );
      expect(r?.code).toBeGreaterThan(0);
      expect(r?.stderr).toMatch(/未知|无效/);
    }
  });

  it('lets an administrator add a year; the warning goes and the answer follows the new table', async () => {
    const pub = t.anonymous();
    const before = (await pub.get('/api/v1/deadlines/penalty.hearing-request?from=2027-09-28')).json();
    expect(before.warnings.join('')).toMatch(/2027/);
    const officer = await t.login('zhifa1');
    const days = [
      { date: '2027-10-01', kind: 'rest', name: '国庆节' },
      { date: '2027-10-04', kind: 'rest', name: '国庆节' },
      { date: '2027-10-05', kind: 'rest', name: '国庆节' },
      { date: '2027-10-06', kind: 'rest', name: '国庆节' },
      { date: '2027-10-07', kind: 'rest', name: '国庆节' },
      { date: '2027-09-26', kind: 'workday', name: '国庆节调休补班' },
    ];
    expect((await officer.put('/api/v1/calendar/years/2027', { note: '测试', days })).statusCode).toBe(403);
    const admin = await t.login('admin');
    const wrongYear = await admin.put('/api/v1/calendar/years/2027', {
      note: '测试',
      days: [{ date: '2028-01-01', kind: 'rest', name: '元旦' }],
    });
    expect(wrongYear.statusCode).toBe(400);
    const put = await admin.put('/api/v1/calendar/years/2027', { note: '测试用 2027 年安排', days });
    expect(put.statusCode).toBe(200);
    expect((await admin.get('/api/v1/calendar/years/2027')).json().days).toHaveLength(6);
    const after = (await pub.get('/api/v1/deadlines/penalty.hearing-request?from=2027-09-28')).json();
    expect(after.warnings.join('')).not.toMatch(/2027年/);
    expect(after.due > before.due).toBe(true);
  });

  it('sees a year another server stored within HOLIDAY_TABLE_SECONDS, and keeps its table while nothing changed', async () => {
    const clock = t.yifa.calendar.now;
    let now = clock() + 86_400_000;
    t.yifa.calendar.now = () => now;
    try {
      const input = { rule: 'penalty.hearing-request' as const, from: '2028-06-05' };
      const first = await t.yifa.calendar.table();
      const before = computeDeadline(first, input);
      expect(before.warnings.join('')).toMatch(/2028/);
      now += 1000;
      expect(await t.yifa.calendar.table()).toBe(first);
      // Another server (sharing this database) stores 2028 with a rest day on that due date.
      await t.yifa.db.kysely
        .insertInto('holiday_years')
        .values({ year: 2028, source: 'manual', note: '另一台服务器', updated_at: new Date().toISOString() })
        .execute();
      await t.yifa.db.kysely.insertInto('holidays').values({ date: before.due, year: 2028, kind: 'rest', name: '测试休息日' }).execute();
      expect(computeDeadline(await t.yifa.calendar.table(), input).due).toBe(before.due);
      now += HOLIDAY_TABLE_SECONDS * 1000;
      const reloaded = await t.yifa.calendar.table();
      const after = computeDeadline(reloaded, input);
      expect(after.due > before.due).toBe(true);
      expect(after.warnings.join('')).not.toMatch(/2028年/);
      now += HOLIDAY_TABLE_SECONDS * 1000;
      expect(await t.yifa.calendar.table()).toBe(reloaded);
    } finally {
      t.yifa.calendar.now = clock;
    }
  });
});
