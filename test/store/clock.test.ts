/**
 * One clock: an installation whose clock is fixed in 2019 dates everything from it — the
 * journal, sessions and their expiry, a certificate's standing, the public list — and
 * nothing from the machine's time (years later).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../helpers/engines.js';
import { startTestApp, type Client, type TestApp } from '../helpers/app.js';
import { Clock } from '../../src/platform/clock.js';

const THEN = new Date('2019-06-14T10:00:00+08:00');

describe.each(ENGINES)('an installation whose clock is in 2019, on %s', (engine) => {
  let t: TestApp;
  let admin: Client;
  let now = THEN.getTime();
  beforeAll(async () => {
    t = await startTestApp(engine, { clock: new Clock(() => new Date(now)) });
    admin = await t.login('admin');
  });
  afterAll(async () => t.close());

  it('journals and starts sessions at its own time', async () => {
    const actions = await t.yifa.db.kysely.selectFrom('actions').select(['received_at', 'occurred_at']).execute();
    expect(actions.length).toBeGreaterThan(10);
    for (const a of actions) expect([a.received_at, a.occurred_at]).toEqual([THEN.toISOString(), THEN.toISOString()]);
    const session = await t.yifa.db.kysely
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .select(['sessions.created_at', 'sessions.expires_at'])
      .where('users.username', '=', 'admin')
      .executeTakeFirstOrThrow();
    expect(session).toEqual({ created_at: '2019-06-14T02:00:00.000Z', expires_at: '2019-06-14T04:00:00.000Z' });
  });

  it("judges a certificate's standing and the public list by its legal today", async () => {
    const town = (await admin.get('/api/v1/agencies')).json().items.find((a: { name: string }) => a.name === '秀山县妙泉镇人民政府');
    const person = (await admin.post('/api/v1/people', { name: '旧某某', agencyId: town.id, post: '综合行政执法队员' })).json();
    const cert = await admin.post('/api/v1/certificates', {
      personId: person.id,
      number: 'CQ2019CLOCK01',
      field: '综合行政执法',
      area: '秀山县妙泉镇',
      issuedOn: '2019-01-01',
      expiresOn: '2019-08-01',
      annualReview: 'passed',
    });
    expect(cert.statusCode, cert.body).toBe(201);
    // 48 days before it expires on 2019-08-01: expiring, not (as the machine's year would say) long expired.
    expect(cert.json()).toMatchObject({ standing: 'expiring', daysLeft: 48 });
    expect((await t.anonymous().get('/api/v1/public/officers?q=旧某某')).json().items).toMatchObject([
      { certificateNumber: 'CQ2019CLOCK01' },
    ]);
  });

  it('expires a session when its clock passes the session lifetime', async () => {
    expect((await admin.get('/api/v1/session')).statusCode).toBe(200);
    now = THEN.getTime() + (t.config.sessionMinutes + 1) * 60_000;
    expect((await admin.get('/api/v1/session')).statusCode).toBe(401);
  });
});
