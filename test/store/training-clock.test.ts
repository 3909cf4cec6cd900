/**
 * The training clock (YIFA_CLOCK), on both engines: it starts where the installation was told,
 * only an administrator moves it, only forward and only on a training installation, each step
 * journaled — and a case crosses its 90-day limit when the clock does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../helpers/engines.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { Clock } from '../../src/platform/clock.js';
import { payloadFor, type People } from '../helpers/penalty-payloads.js';
import { emptyCase } from '../../src/modules/enforcement/workflow.js';

describe.each(ENGINES)('the training clock on %s', (engine) => {
  let t: TestApp;
  let real: TestApp;
  beforeAll(async () => {
    t = await startTestApp(engine, { clock: Clock.trainingFrom(new Date('2026-03-02T09:00:00+08:00')) });
    real = await startTestApp(engine);
  });
  afterAll(async () => {
    await t.close();
    await real.close();
  });

  it('moves a case past its 90-day limit when the administrator moves the clock, and journals the step', async () => {
    const anyone = t.anonymous();
    expect((await anyone.get('/api/v1/clock')).json()).toMatchObject({ training: true, today: '2026-03-02' });

    const [zhifa1, fuzeren, admin] = [await t.login('zhifa1'), await t.login('fuzeren'), await t.login('admin')];
    const users = (await admin.get('/api/v1/users?limit=200')).json().items as { username: string; personId: string | null }[];
    const personOf = (u: string) => users.find((x) => x.username === u)!.personId!;
    const people: People = {
      officers: [personOf('zhifa1'), personOf('zhifa2')],
      uncertified: personOf('sifasuo'),
      chair: personOf('fuzeren'),
    };
    const blank = emptyCase('', '', '', '2026-03-02');
    const opened = await zhifa1.post('/api/v1/penalty-cases', {
      type: 'penalty.register',
      payload: payloadFor('penalty.register', '2026-03-02', 1, blank, people),
    });
    expect(opened.statusCode, opened.body).toBe(201);
    const id = opened.json().id as string;
    const act = async (c: typeof zhifa1, type: string, payload: unknown) => {
      const res = await c.post(`/api/v1/penalty-cases/${id}/actions`, { type, payload });
      expect(res.statusCode, res.body).toBe(200);
      return res.json();
    };
    await act(zhifa1, 'penalty.request-filing', payloadFor('penalty.request-filing', '2026-03-02', 1, blank, people));
    const filed = await act(fuzeren, 'penalty.approve', { kind: 'filing', opinion: '同意立案' });
    const limit = filed.deadlines.find((d: { rule: string }) => d.rule === 'penalty.decision');
    expect(limit.state).toBe('ok');

    const moved = await admin.post('/api/v1/clock/advance', { days: 100 });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ training: true, today: '2026-06-10' });
    // Sessions age with the clock: a hundred days on, everyone signs in again.
    expect((await fuzeren.get(`/api/v1/penalty-cases/${id}`)).statusCode).toBe(401);
    const later = (await (await t.login('fuzeren')).get(`/api/v1/penalty-cases/${id}`)).json();
    expect(later.deadlines.find((d: { rule: string }) => d.rule === 'penalty.decision')).toMatchObject({
      due: limit.due,
      state: 'overdue',
    });

    const step = await t.yifa.db.kysely
      .selectFrom('actions')
      .select(['payload', 'received_at'])
      .where('type', '=', 'clock.advance')
      .execute();
    expect(step).toHaveLength(1);
    expect(JSON.parse(step[0]!.payload)).toMatchObject({ days: 100 });
    expect(step[0]!.received_at.slice(0, 10)).toBe('2026-06-10');
  });

  it('is moved by an administrator only, forward only, by whole days, with the reason in Chinese', async () => {
    const before = (await t.anonymous().get('/api/v1/clock')).json().today;
    const officer = await t.login('zhifa1');
    const refused = await officer.post('/api/v1/clock/advance', { days: 1 });
    expect([refused.statusCode, refused.json().error.code]).toEqual([403, 'FORBIDDEN']);
    const admin = await t.login('admin');
    for (const days of [0, -5, 1.5, 400]) {
      const bad = await admin.post('/api/v1/clock/advance', { days });
      expect(bad.statusCode, String(days)).toBe(400);
      expect(bad.json().error.message).toMatch(/\p{Script=Han}/u);
    }
    expect((await t.anonymous().get('/api/v1/clock')).json().today).toBe(before);
  });

  it('is not there to move on an installation on real time', async () => {
    expect((await real.anonymous().get('/api/v1/clock')).json().training).toBe(false);
    const admin = await real.login('admin');
    const refused = await admin.post('/api/v1/clock/advance', { days: 1 });
    expect([refused.statusCode, refused.json().error.code]).toEqual([409, 'CONFLICT']);
    expect(refused.json().error.message).toContain('YIFA_CLOCK');
    expect(await real.yifa.db.kysely.selectFrom('actions').select('id').where('type', '=', 'clock.advance').execute()).toEqual([]);
  });
});
