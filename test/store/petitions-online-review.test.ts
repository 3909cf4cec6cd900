/**
 * 复查 and 复核 asked for online from the tracking page (issue 15 §3, §6), on both engines: the
 * tracking code and a second factor (the last four of the ID number or phone registered); a
 * wrong factor changes nothing and, after five, the day's attempts stop; outside the 30-day
 * window the request is refused citing Art 35 (Art 36 for 复核); after 复核 nothing more is
 * accepted (Art 36); a petition registered with neither an ID number nor a phone cannot be
 * verified online. The page's view says which request is open and until when.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../helpers/engines.js';
import { startTestApp, type Client, type TestApp } from '../helpers/app.js';
import { solvedProof } from '../helpers/portal-proof.js';
import { buildApp, openYifa } from '../../src/app/root.js';
import { Clock } from '../../src/platform/clock.js';

const at = (date: string) => () => new Date(`${date}T10:00:00+08:00`);

describe.each(ENGINES)('online 复查 and 复核 requests on %s', (engine) => {
  let t: TestApp;
  let xinfang: Client;
  let agencyId: string;
  beforeAll(async () => {
    t = await startTestApp(engine);
    xinfang = await t.login('xinfang');
    agencyId = (await t.yifa.db.kysely.selectFrom('users').select('agency_id').where('username', '=', 'xinfang').executeTakeFirstOrThrow())
      .agency_id!;
  });
  afterAll(async () => t.close());

  let key = 0;
  const ok = async (id: string, type: string, payload: unknown) => {
    const res = await xinfang.post(`/api/v1/petitions/${id}/actions`, { type, payload }, { 'idempotency-key': `or-${engine}-${++key}` });
    if (res.statusCode !== 200) throw new Error(`${type}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const file = async (phone: string | null) => {
    const res = await t.anonymous().post('/api/v1/public/petitions', {
      agencyId,
      proof: await solvedProof(t.anonymous()),
      petitioners: [{ name: '孙某某', idNumber: null, phone, address: '秀山县妙泉镇龙凤村' }],
      request: '要求核实龙凤村土地复垦验收面积',
      factsAndReasons: '复垦验收面积比实际少了两亩。',
      category: 'land-reclamation',
      place: '龙凤村',
    });
    expect(res.statusCode, res.body).toBe(201);
    const code = res.json().trackingCode as string;
    const id = (
      await t.yifa.db.kysely.selectFrom('petitions').select('id').where('number', '=', res.json().number).executeTakeFirstOrThrow()
    ).id;
    return { code, id };
  };
  const answer = async (id: string, on: string) => {
    await ok(id, 'petition.accept', { on });
    return ok(id, 'petition.issue-opinion', {
      on,
      servedOn: on,
      outcome: 'reject',
      facts: '经实地测量，验收面积无误。',
      basis: '《土地复垦条例》第二十八条',
      text: '请求缺乏事实根据。',
    });
  };
  const request = (code: string, verify: string, reason = '测量方法有误，请求复查') =>
    t.anonymous().post('/api/v1/public/petitions/track/review', { code, verify, body: '秀山县人民政府', reason });
  const track = async (code: string) => (await t.anonymous().post('/api/v1/public/petitions/track', { code })).json();

  it('takes a 复查 and then a 复核 with the code and the phone’s last four, and nothing after 复核', async () => {
    t.yifa.clock.source = at('2026-04-01');
    const { code, id } = await file('13912345678');
    // Before the opinion there is nothing to ask for.
    expect((await track(code)).reviewRequest).toBeNull();
    const early = await request(code, '5678');
    expect(early.statusCode).toBe(409);
    expect(early.json().error.citation).toBe('《信访工作条例》第三十五条');
    await answer(id, '2026-04-01');
    // 30 days from 2026-04-01: 2026-05-01 is 劳动节 (5.1–5.5), so the 6th.
    expect((await track(code)).reviewRequest).toEqual({ kind: 'review', title: '复查', until: '2026-05-06', open: true, verifiable: true });

    t.yifa.clock.source = at('2026-04-20');
    const wrong = await request(code, '1234');
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().error.message).toContain('身份验证未通过');
    expect((await track(code)).status).toBe('answered');
    const malformed = await request(code, '12a4');
    expect(malformed.statusCode).toBe(400);

    const asked = await request(code, '5678');
    expect(asked.statusCode, asked.body).toBe(200);
    expect(asked.json()).toMatchObject({ status: 'reviewing', review: { requestedOn: '2026-04-20', body: '秀山县人民政府', reply: null } });
    expect(asked.body).not.toContain('13912345678');
    // The petitioner's own request is journaled as his, on the portal.
    const journal = (await xinfang.get(`/api/v1/petitions/${id}/actions`)).json().items as { type: string; actor: { role: string } }[];
    expect(journal.at(-1)).toMatchObject({ type: 'petition.request-review', actor: { role: 'public' } });
    // Asked twice: the record is already being reviewed.
    expect((await request(code, '5678')).statusCode).toBe(409);

    await ok(id, 'petition.review-reply', { on: '2026-04-20', servedOn: '2026-04-20', outcome: 'uphold', text: '维持原处理意见。' });
    expect((await track(code)).reviewRequest).toMatchObject({ kind: 'recheck', title: '复核', open: true });
    const recheck = await request(code, '5678', '请求复核');
    expect(recheck.statusCode, recheck.body).toBe(200);
    expect(recheck.json().status).toBe('rechecking');
    await ok(id, 'petition.recheck-reply', { on: '2026-04-20', servedOn: '2026-04-20', outcome: 'uphold', text: '维持。' });
    expect((await track(code)).reviewRequest).toMatchObject({ kind: 'closed' });
    const after = await request(code, '5678', '还是不服');
    expect(after.statusCode).toBe(409);
    expect(after.json().error).toMatchObject({ code: 'GATE_REFUSED', citation: '《信访工作条例》第三十六条' });
    expect((await track(code)).status).toBe('rechecked');
  });

  it('refuses a 复查 asked for after its 30 days, citing Art 35, and one with no factor to verify', async () => {
    t.yifa.clock.source = at('2026-06-01');
    const { code, id } = await file('13900001111');
    await answer(id, '2026-06-01');
    // 30 days from 2026-06-01 is 2026-07-01; on the 2nd the window has closed.
    t.yifa.clock.source = at('2026-07-02');
    expect((await track(code)).reviewRequest).toMatchObject({ kind: 'review', until: '2026-07-01', open: false });
    const late = await request(code, '1111');
    expect(late.statusCode).toBe(409);
    expect(late.json().error).toMatchObject({ code: 'GATE_REFUSED', citation: '《信访工作条例》第三十五条' });
    expect(late.json().error.message).toContain('30 日内（2026-07-01 前）');
    expect((await track(code)).status).toBe('answered');

    xinfang = await t.login('xinfang');
    const none = await file(null);
    await answer(none.id, '2026-07-02');
    expect((await track(none.code)).reviewRequest).toMatchObject({ open: true, verifiable: false });
    const unverifiable = await request(none.code, '0000');
    expect(unverifiable.statusCode).toBe(409);
    expect(unverifiable.json().error.message).toContain('无法在线验证身份');
  });

  it('stops a day’s attempts after five wrong factors', async () => {
    t.yifa.clock.source = at('2026-08-03');
    xinfang = await t.login('xinfang');
    const { code, id } = await file('13955556666');
    await answer(id, '2026-08-03');
    for (let i = 0; i < 5; i++) expect((await request(code, String(1000 + i))).statusCode).toBe(403);
    const blocked = await request(code, '6666');
    expect(blocked.statusCode).toBe(429);
    expect((await track(code)).status).toBe('answered');
    // The next day the right factor is taken.
    t.yifa.clock.source = at('2026-08-04');
    expect((await request(code, '6666')).statusCode).toBe(200);
  });

  it('counts wrong factors in the database: across a restart and another server process, reset by the right one', async () => {
    t.yifa.clock.source = at('2026-09-01');
    xinfang = await t.login('xinfang');
    const { code, id } = await file('13977778888');
    await answer(id, '2026-09-01');
    const counted = async () =>
      (await t.yifa.db.kysely.selectFrom('portal_factor_failures').select(['day', 'failures']).where('record_id', '=', id).execute()).map(
        (r) => [r.day, Number(r.failures)],
      );
    for (let i = 0; i < 2; i++) expect((await request(code, '0000')).statusCode).toBe(403);
    const third = await request(code, '0000');
    expect(third.json().error.message).toContain('今天还可尝试 2 次');
    expect(await counted()).toEqual([['2026-09-01', 3]]);
    // A request refused for its input is refused before the factor is looked at: it counts nothing.
    const right = await t.anonymous().post('/api/v1/public/petitions/track/review', { code, verify: '8888', body: '', reason: '' });
    expect(right.statusCode).toBe(400);
    expect(await counted()).toEqual([['2026-09-01', 3]]);

    // A second server on the same database (another process, or this one restarted) sees the same count.
    const other = await openYifa(t.config, { clock: new Clock(at('2026-09-01')) });
    const otherApp = await buildApp(other);
    await otherApp.ready();
    try {
      const viaOther = (verify: string) =>
        otherApp.inject({
          method: 'POST',
          url: '/api/v1/public/petitions/track/review',
          payload: { code, verify, body: '秀山县人民政府', reason: '请求复查' },
        });
      expect((await viaOther('0001')).statusCode).toBe(403);
      const fifth = await viaOther('0002');
      expect(fifth.statusCode).toBe(403);
      expect(fifth.json().error.message).toContain('今天的尝试次数已用完');
      expect((await viaOther('8888')).statusCode).toBe(429);
    } finally {
      await otherApp.close();
      await other.close();
    }
    expect((await request(code, '8888')).statusCode).toBe(429);
    expect(await counted()).toEqual([['2026-09-01', 5]]);
    // The next day: the right factor is taken, and the day's count is gone with the old day.
    t.yifa.clock.source = at('2026-09-02');
    expect((await request(code, '1234')).statusCode).toBe(403);
    expect(await counted()).toEqual([['2026-09-02', 1]]);
    expect((await request(code, '8888')).statusCode).toBe(200);
    expect(await counted()).toEqual([]);
  });
});
