import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../helpers/engines.js';
import { startTestApp, type TestApp } from '../helpers/app.js';

describe.each(ENGINES)('login, sessions and bad input on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp(engine);
  });
  afterAll(async () => t.close());

  const actionCount = async () => t.yifa.journal.size();

  it('logs in with an httpOnly cookie and returns the CSRF token, roles and scope', async () => {
    const c = t.anonymous();
    const res = await c.post('/api/v1/session', { username: 'zhifa1', password: 'Demo-Password-2026' });
    expect(res.statusCode).toBe(200);
    const cookie = res.headers['set-cookie'];
    expect(String(cookie)).toMatch(/yifa_session=.*HttpOnly/i);
    expect(String(cookie)).toMatch(/SameSite=Lax/i);
    const me = res.json();
    expect(me.csrfToken).toMatch(/.{20,}/);
    expect(me.roles[0].id).toBe('officer');
    expect(me.dataScope.kind).toBe('level');
  });

  it('refuses a wrong password with a Chinese message and logs the attempt', async () => {
    const res = await t.anonymous().post('/api/v1/session', { username: 'xinfang', password: 'wrong-password-1' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toMatchObject({ code: 'UNAUTHENTICATED', message: '用户名或密码错误' });
    const admin = await t.login('admin');
    const log = (await admin.get('/api/v1/login-log?username=xinfang')).json();
    expect(log.items[0]).toMatchObject({ username: 'xinfang', outcome: 'bad-password' });
  });

  it('pages through the login log newest first without repeats', async () => {
    const admin = await t.login('admin');
    const all = (await admin.get('/api/v1/login-log?limit=200')).json().items as { id: string; at: string }[];
    const paged: { id: string; at: string }[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: string; at: string }[]; next: string | null } = (
        await admin.get(`/api/v1/login-log?limit=2${cursor ? `&cursor=${cursor}` : ''}`)
      ).json();
      paged.push(...page.items);
      cursor = page.next;
    } while (cursor);
    expect(paged.map((e) => e.id)).toEqual(all.map((e) => e.id));
    expect([...paged].sort((a, b) => (a.at < b.at ? 1 : -1)).map((e) => e.at)).toEqual(paged.map((e) => e.at));
    expect((await (await t.login('zhifa1')).get('/api/v1/login-log')).statusCode).toBe(403);
  });

  it('never locks an account: after 5 wrong passwords the right one waits a second, not 15 minutes, and nothing says "locked"', async () => {
    const c = t.anonymous();
    for (let i = 0; i < 5; i++) {
      const res = await c.post('/api/v1/session', { username: 'tiaojie', password: `bad-${i}-password` });
      expect(res.statusCode).toBe(401);
      expect(res.json().error).toEqual({ code: 'UNAUTHENTICATED', message: '用户名或密码错误' });
    }
    const waiting = await c.post('/api/v1/session', { username: 'tiaojie', password: 'Demo-Password-2026' });
    expect(waiting.statusCode).toBe(429);
    expect(waiting.json().error).toEqual({
      code: 'RATE_LIMITED',
      message: '登录尝试过于频繁，请 1 秒后再试',
      details: { retryAfterSeconds: 1 },
    });
    const clock = t.yifa.clock.source;
    t.yifa.clock.source = () => new Date(Date.now() + 1000);
    try {
      expect((await c.post('/api/v1/session', { username: 'tiaojie', password: 'Demo-Password-2026' })).statusCode).toBe(200);
    } finally {
      t.yifa.clock.source = clock;
    }
  });

  it('answers 401 without a session and 403 without the CSRF token, changing nothing', async () => {
    expect((await t.anonymous().get('/api/v1/people')).statusCode).toBe(401);
    expect((await t.anonymous().post('/api/v1/regions', { parentId: 'x', name: 'y' })).json().error.code).toBe('UNAUTHENTICATED');
    const admin = await t.login('admin');
    const regions = (await admin.get('/api/v1/regions')).json().items;
    const county = regions.find((r: { level: string }) => r.level === 'county');
    const before = await actionCount();
    const res = await admin.post('/api/v1/regions', { parentId: county.id, name: '无令牌镇' }, { 'x-csrf-token': '' });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('CSRF_TOKEN_MISSING');
    const after = (await admin.get('/api/v1/regions')).json().items;
    expect(after.find((r: { name: string }) => r.name === '无令牌镇')).toBeUndefined();
    // The only new action is the journaled refusal.
    expect(await actionCount()).toBe(before + 1);
    const last = await t.yifa.journal.action(before);
    expect(last?.type).toBe('access.denied');
  });

  it('journals refusals without a session: the first per address and minute, with a count of the rest', async () => {
    const clock = t.yifa.clock.source;
    // A day ahead, in a window of its own (earlier tests were refused at the real time).
    let now = Date.now() + 86_400_000;
    t.yifa.clock.source = () => new Date(now);
    try {
      const denials = async () =>
        (await t.yifa.db.kysely.selectFrom('actions').selectAll().where('type', '=', 'access.denied').orderBy('seq').execute())
          .map((a) => JSON.parse(a.payload))
          .filter((p) => p.kind === 'no-session');
      const before = (await denials()).length;
      for (let i = 0; i < 4; i++) expect((await t.anonymous().get('/api/v1/penalty-cases')).statusCode).toBe(401);
      const first = await denials();
      expect(first).toHaveLength(before + 1);
      expect(first.at(-1)).toMatchObject({ kind: 'no-session', method: 'GET', url: '/api/v1/penalty-cases', reason: '未登录' });
      now += 61_000;
      expect((await t.anonymous().post('/api/v1/regions', { parentId: 'x', name: 'y' })).statusCode).toBe(401);
      const second = await denials();
      expect(second).toHaveLength(before + 2);
      // The three refusals of the first minute that were only counted.
      expect(second.at(-1)).toMatchObject({ method: 'POST', unrecordedBefore: 3 });
    } finally {
      t.yifa.clock.source = clock;
    }
  });

  it('validates every input: wrong types, over-long strings, unknown fields and impossible dates → 400 in Chinese', async () => {
    const admin = await t.login('admin');
    const agencies = (await admin.get('/api/v1/agencies')).json().items;
    const person = { name: '测试某某', agencyId: agencies[0].id, post: '执法队员' };
    const cases: [unknown, RegExp][] = [
      [{ ...person, name: 42 }, /name/],
      [{ ...person, name: '长'.repeat(51) }, /name/],
      [{ ...person, nickname: 'x' }, /未知|nickname/],
      [{ ...person, idNumber: '12345' }, /身份证号/],
    ];
    for (const [body, re] of cases) {
      const res = await admin.post('/api/v1/people', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      const err = res.json().error;
      expect(err.code).toBe('INVALID_INPUT');
      expect(err.message).toMatch(/[\u4e00-\u9fa5]/);
      expect(JSON.stringify(err)).toMatch(re);
    }
    const people = (await admin.get('/api/v1/people?limit=200')).json().items;
    const cert = await admin.post('/api/v1/certificates', {
      personId: people[0].id,
      number: 'BAD-DATE-1',
      field: '综合行政执法',
      area: '妙泉镇',
      issuedOn: '2026-02-30',
      expiresOn: '2029-01-01',
      annualReview: 'passed',
    });
    expect(cert.statusCode).toBe(400);
    expect(cert.json().error.message).toMatch(/日期/);
    expect((await admin.get('/api/v1/people?limit=500')).statusCode).toBe(400);
    expect((await admin.get('/api/v1/people?cursor=not-a-cursor')).statusCode).toBe(400);
    expect(people.some((p: { name: string }) => p.name === '测试某某')).toBe(false);
  });

  it('changes a password: the old one stops working and other sessions end', async () => {
    const a = await t.login('sifasuo');
    const b = await t.login('sifasuo');
    const weak = await a.post('/api/v1/session/password', { oldPassword: 'Demo-Password-2026', newPassword: 'short' });
    expect(weak.statusCode).toBe(400);
    const ok = await a.post('/api/v1/session/password', { oldPassword: 'Demo-Password-2026', newPassword: 'New-Password-2027' });
    expect(ok.statusCode).toBe(200);
    expect((await b.get('/api/v1/session')).statusCode).toBe(401);
    expect((await a.get('/api/v1/session')).statusCode).toBe(200);
    await expect(t.login('sifasuo')).rejects.toThrow(/401/);
    await t.login('sifasuo', 'New-Password-2027');
  });

  it('logs out', async () => {
    const c = await t.login('xinfang');
    const cookie = c.cookie;
    expect((await c.delete('/api/v1/session')).statusCode).toBe(200);
    c.cookie = cookie; // a stolen copy of the cookie is dead too
    expect((await c.get('/api/v1/session')).statusCode).toBe(401);
  });
});
