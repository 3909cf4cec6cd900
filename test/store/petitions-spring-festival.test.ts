/**
 * 信访 limits across 春节 2027 on both engines (issue 15 §9): the 15-day acceptance notice and
 * the 60-day handling limit are calendar days whose last day, falling in the holiday, moves
 * to the first working day after it; the 5-working-day objection to a misrouted transfer
 * skips the holiday's days altogether. The demo calendar (the `chinese-days` package) ends
 * with 2026, so the administrator enters 2027's 春节 here as he would once the State Council
 * publishes it — the dates below are this test's, marked so: 除夕 Friday 2027-02-05 to
 * Saturday 2027-02-13 off, Saturday 2027-02-20 a make-up working day.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../helpers/engines.js';
import { startTestApp, type Client, type TestApp } from '../helpers/app.js';

const at = (date: string) => () => new Date(`${date}T10:00:00+08:00`);

const SPRING_FESTIVAL_2027 = [
  ...['05', '06', '07', '08', '09', '10', '11', '12', '13'].map((d) => ({ date: `2027-02-${d}`, kind: 'rest', name: '春节' })),
  { date: '2027-02-20', kind: 'workday', name: '春节调休补班' },
];

const letter = (receivedOn: string, extra: Record<string, unknown> = {}) => ({
  channel: 'letter',
  source: 'direct',
  receivedOn,
  petitioners: [{ name: '蒋某某', idNumber: null, phone: null, address: '秀山县妙泉镇贵塘村' }],
  groupSize: null,
  request: '要求解决土地复垦后灌溉渠道损毁问题',
  factsAndReasons: '复垦施工损毁灌溉渠道，春耕无法灌溉。',
  category: 'land-reclamation',
  place: '贵塘村',
  oralConfirmed: false,
  repeatOf: null,
  ...extra,
});

type View = { id: string; deadlines: { rule: string; due: string; state: string; warnings?: string[] }[] };

describe.each(ENGINES)('petition limits across 春节 2027 on %s', (engine) => {
  let t: TestApp;
  let key = 0;
  beforeAll(async () => {
    t = await startTestApp(engine);
    t.yifa.clock.source = at('2026-12-01');
    const admin = await t.login('admin');
    const put = await admin.put('/api/v1/calendar/years/2027', {
      note: '测试用 2027 年春节安排（以国务院办公厅通知为准）',
      days: SPRING_FESTIVAL_2027,
    });
    expect(put.statusCode, put.body).toBe(200);
  });
  afterAll(async () => t.close());

  /** The clerk on `date` (signed in anew: the clock moves further than a session lasts). */
  const clerkOn = async (date: string): Promise<Client> => {
    t.yifa.clock.source = at(date);
    return t.login('xinfang');
  };
  const register = async (c: Client, payload: unknown): Promise<View> => {
    const res = await c.post('/api/v1/petitions', { type: 'petition.register', payload });
    if (res.statusCode !== 201) throw new Error(res.body);
    return res.json();
  };
  const act = async (c: Client, id: string, type: string, payload: unknown): Promise<View> => {
    const res = await c.post(`/api/v1/petitions/${id}/actions`, { type, payload }, { 'idempotency-key': `sf-${engine}-${++key}` });
    if (res.statusCode !== 200) throw new Error(`${type}: ${res.body}`);
    return res.json();
  };
  const due = (v: View, rule: string) => v.deadlines.find((d) => d.rule === rule);

  it('moves the acceptance notice’s 15th day out of 春节 to the first working day after it', async () => {
    const c = await clerkOn('2027-01-22');
    // 2027-01-22 + 15 days = Saturday 2027-02-06, in 春节: the notice is due Monday the 15th.
    const v = await register(c, letter('2027-01-22'));
    expect(due(v, 'petition.acceptance-notice')).toMatchObject({ due: '2027-02-15', state: 'ok' });
    // One received a week earlier is due before the holiday, unmoved: 2027-01-15 + 15 = Saturday 01-30, so Monday 02-01.
    const earlier = await register(c, letter('2027-01-15'));
    expect(due(earlier, 'petition.acceptance-notice')?.due).toBe('2027-02-01');
    // In the holiday the notice moved past it is not yet overdue.
    const during = await clerkOn('2027-02-10');
    const seen = (await during.get(`/api/v1/petitions/${v.id}`)).json() as View;
    expect(due(seen, 'petition.acceptance-notice')?.state).not.toBe('overdue');
    // The day after the moved day it is.
    const after = await clerkOn('2027-02-16');
    expect(due((await after.get(`/api/v1/petitions/${v.id}`)).json(), 'petition.acceptance-notice')?.state).toBe('overdue');
  });

  it('moves the 60-day handling limit out of 春节, and counts an approved extension from the original day', async () => {
    const c = await clerkOn('2026-12-10');
    const v = await register(c, letter('2026-12-10'));
    // Accepted 2026-12-10: + 60 days = Monday 2027-02-08, in 春节, so Monday the 15th.
    const accepted = await act(c, v.id, 'petition.accept', { on: '2026-12-10' });
    expect(due(accepted, 'petition.handling')).toMatchObject({ due: '2027-02-15', state: 'ok' });
    // The head approves 10 more days: from 2027-02-08 (the limit before it moved), + 10 = Thursday 2027-02-18.
    const c2 = await clerkOn('2027-01-20');
    await act(c2, v.id, 'petition.request-extension', { days: 10, reason: '需待春节后召开听证' });
    const head = await t.login('fuzeren');
    const extended = await act(head, v.id, 'petition.approve', { kind: 'extension', opinion: '同意' });
    expect(due(extended, 'petition.handling-extension')?.due).toBe('2027-02-18');
  });

  it('counts the 5 working days to object to a misrouted transfer past the holiday’s days', async () => {
    const c = await clerkOn('2027-02-03');
    // Received Wednesday 02-03: Thursday 02-04 is the 1st working day; 02-05 to 02-14 are off; 02-15 … 02-18 the 2nd to 5th.
    const v = await register(c, letter('2027-02-03', { source: 'transferred' }));
    expect(due(v, 'petition.misroute-objection')?.due).toBe('2027-02-18');
    const late = await clerkOn('2027-02-19');
    const res = await late.post(
      `/api/v1/petitions/${v.id}/actions`,
      { type: 'petition.object-misroute', payload: { on: '2027-02-19', reason: '不属于本机关职责' } },
      { 'idempotency-key': `sf-${engine}-${++key}` },
    );
    expect(res.statusCode).toBe(409);
    expect(res.json().error).toMatchObject({ citation: '《信访工作条例》第二十三条' });
    expect(res.json().error.message).toContain('2027-02-18');
  });
});
