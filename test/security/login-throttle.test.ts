/**
 * Logins that reveal nothing and cannot be used to lock people out (throttle.ts), and
 * the password rules, on both engines. The installation's clock (yifa.clock) is moved
 * instead of sleeping; every test runs days after the one before, beyond every count's
 * window, and uses its own accounts and addresses.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { ENGINES } from '../helpers/engines.js';
import { startTestApp, type Client, type TestApp } from '../helpers/app.js';
import { LOGIN_THROTTLE } from '../../src/modules/org/throttle.js';
import type { LoginOutcome } from '../../src/platform/db/schema.js';

const PASSWORD = 'Owner-Password-2026';
const FAILED = { error: { code: 'UNAUTHENTICATED', message: '用户名或密码错误' } };

describe.each(ENGINES)('login throttling and password rules on %s', (engine) => {
  let t: TestApp;
  let admin: Client;
  let townId: string;
  let now: number;
  let span = 0;
  const realClock = () => new Date();

  beforeAll(async () => {
    t = await startTestApp(engine);
    admin = await t.login('admin');
    const regions = (await admin.get('/api/v1/regions')).json().items as { id: string; level: string }[];
    townId = regions.find((r) => r.level === 'town')!.id;
  });
  afterAll(async () => t.close());
  beforeEach(async () => {
    span += 1;
    now = Date.now() + span * 3 * 86_400_000;
    t.yifa.clock.source = () => new Date(now);
    // Sessions expire on the same clock: days later, the administrator logs in again.
    admin = await t.login('admin');
  });
  afterEach(() => {
    t.yifa.clock.source = realClock;
  });

  const newUser = async (username: string, opts: { active?: boolean } = {}) => {
    const res = await admin.post('/api/v1/users', {
      username,
      displayName: `测试${username}`,
      password: PASSWORD,
      regionId: townId,
      dataScope: 'self',
      roles: ['officer'],
    });
    expect(res.statusCode, res.body).toBe(201);
    if (opts.active === false) expect((await admin.patch(`/api/v1/users/${res.json().id}`, { active: false })).statusCode).toBe(200);
    return res.json().id as string;
  };
  const attempt = (username: string, password: string, from: string) => t.anonymous(from).post('/api/v1/session', { username, password });
  /** How many of each outcome the login log has for the user (rows written at one frozen instant have no order). */
  const outcomes = async (username: string): Promise<Partial<Record<LoginOutcome, number>>> => {
    const rows = await t.yifa.db.kysely.selectFrom('login_log').select('outcome').where('username', '=', username).execute();
    const counts: Partial<Record<LoginOutcome, number>> = {};
    for (const r of rows) counts[r.outcome] = (counts[r.outcome] ?? 0) + 1;
    return counts;
  };
  /**
   * What a client can compare between two answers: status, body and headers, apart from
   * the times (which tick) and the route's count of this address's own requests.
   */
  const answer = (res: LightMyRequestResponse) => {
    const { date: _date, 'x-ratelimit-reset': _reset, 'x-ratelimit-remaining': _remaining, ...headers } = res.headers;
    return { status: res.statusCode, body: res.json(), headers };
  };

  it('gives the same answer to a wrong password, an unknown user, an inactive account and an account under attack', async () => {
    await newUser('same.active');
    await newUser('same.inactive', { active: false });
    await newUser('same.attacked');
    expect((await attempt('same.attacked', PASSWORD, '10.1.0.1')).statusCode).toBe(200);
    // Ten addresses guess at it: the old rule had locked it after five.
    for (let i = 1; i <= 10; i++) expect((await attempt('same.attacked', `Guess-${i}-password`, `10.1.1.${i}`)).statusCode).toBe(401);

    const answers = [
      await attempt('same.active', 'Wrong-Password-1', '10.1.2.1'),
      await attempt('same.nobody', 'Wrong-Password-1', '10.1.2.2'),
      await attempt('same.inactive', PASSWORD, '10.1.2.3'),
      await attempt('same.inactive', 'Wrong-Password-1', '10.1.2.4'),
      await attempt('same.attacked', 'Wrong-Password-1', '10.1.0.1'),
    ].map(answer);
    expect(answers[0]!.status).toBe(401);
    expect(answers[0]!.body).toEqual(FAILED);
    for (const a of answers) expect(a).toEqual(answers[0]);
    // The log still tells the administrator what happened.
    expect(await outcomes('same.active')).toEqual({ 'bad-password': 1 });
    expect(await outcomes('same.nobody')).toEqual({ 'unknown-user': 1 });
    expect(await outcomes('same.inactive')).toEqual({ inactive: 1, 'bad-password': 1 });
    expect(await outcomes('same.attacked')).toEqual({ success: 1, 'bad-password': 11 });
  });

  it('refuses attempts inside a wait with the same 429 whether or not the account exists, without checking the password', async () => {
    await newUser('twin.real');
    const free = LOGIN_THROTTLE.accountAtAddress.free;
    for (const [username, from] of [
      ['twin.real', '10.2.0.1'],
      ['twin.ghost', '10.2.0.2'],
    ] as const) {
      for (let i = 0; i < free; i++) expect((await attempt(username, `Guess-${i}-password`, from)).statusCode).toBe(401);
    }
    const real = await attempt('twin.real', 'Another-Guess-1', '10.2.0.1');
    const ghost = await attempt('twin.ghost', 'Another-Guess-1', '10.2.0.2');
    expect(answer(real)).toEqual(answer(ghost));
    expect(real.statusCode).toBe(429);
    expect(real.json()).toEqual({
      error: { code: 'RATE_LIMITED', message: '登录尝试过于频繁，请 1 秒后再试', details: { retryAfterSeconds: 1 } },
    });
    expect(real.headers['retry-after']).toBe('1');
    // Inside the wait even the right password is refused: a wait that answered it would be no wait.
    expect((await attempt('twin.real', PASSWORD, '10.2.0.1')).statusCode).toBe(429);
    expect(await outcomes('twin.real')).toEqual({ 'bad-password': free, throttled: 2 });
    expect(await outcomes('twin.ghost')).toEqual({ 'unknown-user': free, throttled: 1 });
    now += 1000;
    expect((await attempt('twin.real', PASSWORD, '10.2.0.1')).statusCode).toBe(200);
  });

  it('makes each further guess from one address wait twice as long, up to 10 minutes; refused attempts do not lengthen the wait', async () => {
    await newUser('slow.owner');
    // One IPv6 client that changes its address within its /64 on every request: one
    // address to the throttle, and no help against the route's plain per-address limit.
    let n = 0;
    const from = () => `2001:db8:3:4::${(++n).toString(16)}`;
    const rule = LOGIN_THROTTLE.accountAtAddress;
    for (let i = 1; i < rule.free; i++) expect((await attempt('slow.owner', `Guess-${i}-password`, from())).statusCode).toBe(401);
    const waits: number[] = [];
    for (let failures = rule.free; failures < rule.free + 12; failures++) {
      expect((await attempt('slow.owner', `Guess-${failures}-password`, from())).statusCode).toBe(401);
      const refused = await attempt('slow.owner', 'Guess-again-password', from());
      expect(refused.statusCode).toBe(429);
      const wait = refused.json().error.details.retryAfterSeconds as number;
      waits.push(wait);
      if (failures === rule.free + 4) {
        // Refused again and again just before the wait ends: it still ends when it said.
        now += (wait - 1) * 1000;
        expect((await attempt('slow.owner', 'Guess-again-password', from())).json().error.details.retryAfterSeconds).toBe(1);
        now += 999;
        expect((await attempt('slow.owner', 'Guess-again-password', from())).statusCode).toBe(429);
        now += 1;
      } else {
        now += wait * 1000;
      }
    }
    expect(waits).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 600, 600]);
    expect((await attempt('slow.owner', PASSWORD, from())).statusCode).toBe(200);
    // A login from the address starts its count again.
    expect((await attempt('slow.owner', 'Guess-after-password', from())).statusCode).toBe(401);
  });

  it('does not let a stranger hammering an account keep its owner out', async () => {
    await newUser('victim');
    expect((await attempt('victim', PASSWORD, '10.4.0.1')).statusCode).toBe(200);
    // One stranger, one address: five guesses, then only refusals.
    const stranger = [];
    for (let i = 0; i < 25; i++) stranger.push((await attempt('victim', `Guess-${i}-password`, '10.4.9.9')).statusCode);
    expect(stranger.filter((s) => s === 401)).toHaveLength(LOGIN_THROTTLE.accountAtAddress.free);
    expect(stranger.at(-1)).toBe(429);
    // The owner, at a usual address and at a new one, logs in at once.
    expect((await attempt('victim', PASSWORD, '10.4.0.1')).statusCode).toBe(200);
    expect((await attempt('victim', PASSWORD, '10.4.0.2')).statusCode).toBe(200);
    // Many addresses guess, each waiting out the account's own count when it says so: new addresses now wait a minute.
    for (let i = 1; i <= 15; i++) {
      let res = await attempt('victim', `Guess-${i}-password`, `10.4.1.${i}`);
      if (res.statusCode === 429) {
        now += res.json().error.details.retryAfterSeconds * 1000;
        res = await attempt('victim', `Guess-${i}-password`, `10.4.1.${i}`);
      }
      expect(res.statusCode).toBe(401);
    }
    const fromNew = await attempt('victim', PASSWORD, '10.4.0.3');
    expect(fromNew.statusCode).toBe(429);
    expect(fromNew.json().error.details.retryAfterSeconds).toBe(LOGIN_THROTTLE.account.maxWaitSeconds);
    // ... but not the owner's usual addresses, and the new address only for at most a minute.
    expect((await attempt('victim', PASSWORD, '10.4.0.1')).statusCode).toBe(200);
    expect((await attempt('victim', PASSWORD, '10.4.0.2')).statusCode).toBe(200);
    now += LOGIN_THROTTLE.account.maxWaitSeconds * 1000;
    expect((await attempt('victim', PASSWORD, '10.4.0.3')).statusCode).toBe(200);
  });

  it('counts an address across accounts, and an IPv6 client by its /64', async () => {
    const free = LOGIN_THROTTLE.address.free;
    for (let i = 1; i <= free; i++) {
      expect((await attempt(`spray.${i}`, 'Password-Spray-2026', `2001:db8:1:2::${i.toString(16)}`)).statusCode).toBe(401);
    }
    const next = await attempt('spray.next', 'Password-Spray-2026', '2001:db8:1:2:ffff:ffff:ffff:ffff');
    expect(next.statusCode).toBe(429);
    expect(next.json().error.message).toBe('登录尝试过于频繁，请 1 秒后再试');
    expect((await attempt('spray.next', 'Password-Spray-2026', '2001:db8:1:3::1')).statusCode).toBe(401);
    const row = await t.yifa.db.kysely
      .selectFrom('login_log')
      .select(['ip', 'address_key'])
      .where('username', '=', 'spray.next')
      .orderBy('at')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ ip: '2001:db8:1:2:ffff:ffff:ffff:ffff', address_key: '2001:db8:1:2::/64' });
  });

  it('checks the password fully every time: unknown users, wrong passwords and inactive accounts take the same time', async () => {
    await newUser('timing.active');
    await newUser('timing.inactive', { active: false });
    const kinds = [
      ['timing.active', 'Wrong-Password-1'],
      ['timing.nobody', 'Wrong-Password-1'],
      ['timing.inactive', PASSWORD],
    ] as const;
    const times: number[][] = kinds.map(() => []);
    for (let round = 0; round < 5; round++) {
      for (const [k, [username, password]] of kinds.entries()) {
        const started = performance.now();
        expect((await attempt(username, password, `10.5.${k}.${round}`)).statusCode).toBe(401);
        times[k]!.push(performance.now() - started);
      }
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const [active, nobody, inactive] = times.map(median) as [number, number, number];
    // scrypt dominates (tens of milliseconds); skipping it for one kind would make that kind ten times faster.
    expect(nobody / active).toBeGreaterThan(0.5);
    expect(nobody / active).toBeLessThan(2);
    expect(inactive / active).toBeGreaterThan(0.5);
    expect(inactive / active).toBeLessThan(2);
  });

  it('throttles wrong old passwords when changing one’s own password, per user, and logs every attempt', async () => {
    await newUser('changer');
    const a = await t.login('changer', PASSWORD, '10.6.0.1');
    const b = await t.login('changer', PASSWORD, '10.6.0.2');
    const change = (c: Client, oldPassword: string, newPassword = 'Changed-Password-2027') =>
      c.post('/api/v1/session/password', { oldPassword, newPassword });
    for (let i = 0; i < 3; i++) {
      const res = await change(a, `Wrong-Old-${i}-password`);
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toEqual({ code: 'INVALID_INPUT', message: '原密码不正确' });
    }
    // The third wrong one starts a wait of 1 s, for every session of the user, the right old password included.
    const refused = await change(b, PASSWORD);
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toEqual({
      error: { code: 'RATE_LIMITED', message: '原密码错误次数过多，请 1 秒后再试', details: { retryAfterSeconds: 1 } },
    });
    now += 1000;
    expect((await change(a, 'Wrong-Old-5-password')).statusCode).toBe(400);
    now += 1999;
    expect((await change(a, PASSWORD)).json().error.details.retryAfterSeconds).toBe(1);
    now += 1;
    const weak = await change(a, PASSWORD, 'qwerty123456');
    expect(weak.statusCode).toBe(400);
    expect(weak.json().error.message).toMatch(/^密码太容易被猜到（.+），请换一个更复杂的密码$/);
    expect((await change(a, PASSWORD)).statusCode).toBe(200);
    expect(await outcomes('changer')).toEqual({ success: 2, 'bad-old-password': 4, 'password-change-throttled': 2, 'password-changed': 1 });
    // A change starts the count again.
    expect((await change(a, 'Wrong-Old-6-password', 'Changed-Again-2028')).statusCode).toBe(400);
  });

  it('refuses easily guessed passwords for new users and resets, with the reason in Chinese', async () => {
    for (const password of ['Password123!', 'qwerty123456', 'abcabcabc123']) {
      const res = await admin.post('/api/v1/users', {
        username: 'weak.user',
        displayName: '弱密码',
        password,
        regionId: townId,
        dataScope: 'self',
        roles: ['officer'],
      });
      expect(res.statusCode, password).toBe(400);
      expect(res.json().error.code).toBe('INVALID_INPUT');
      expect(res.json().error.message, password).toMatch(/^密码太容易被猜到（.+），请换一个更复杂的密码$/);
    }
    const id = await newUser('weak.reset');
    const reset = await admin.patch(`/api/v1/users/${id}`, { password: 'Password123!' });
    expect(reset.statusCode).toBe(400);
    expect(reset.json().error.message).toBe('密码太容易被猜到（与常见密码相似），请换一个更复杂的密码');
    // Built from the user's own name: weak for this user.
    const own = await admin.patch(`/api/v1/users/${id}`, { password: 'Weakreset-2026', displayName: 'weakreset' });
    expect(own.json().error?.message).toMatch(/太容易被猜到|用户名/);
    expect((await attempt('weak.reset', PASSWORD, '10.7.0.1')).statusCode).toBe(200);
  });
});
