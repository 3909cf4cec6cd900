import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../helpers/engines.js';
import { DEMO_PASSWORD, startTestApp, type Client, type TestApp } from '../helpers/app.js';
import { createUser } from '../../src/modules/org/service/users.js';
import { contextOfUser } from '../../src/modules/org/sessions.js';

const at = (date: string) => () => new Date(`${date}T10:00:00+08:00`);

describe.each(ENGINES)('平安志愿者 and mediators’ training on %s', (engine) => {
  let t: TestApp;
  let tiaojie: Client;
  let sifasuo: Client;
  let other: Client;
  let villageA: string;
  let villageB: string;
  let mediatorA: string;
  let mediatorB: string;
  let key = 0;
  const post = (c: Client, url: string, body: unknown) => c.post(url, body, { 'idempotency-key': `ro-${engine}-${++key}` });
  const count = async (table: string) =>
    Number(
      (
        await t.yifa.db.kysely
          .selectFrom(table as 'actions')
          .select((e) => e.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    t = await startTestApp(engine);
    t.yifa.clock.source = at('2026-05-01');
    tiaojie = await t.login('tiaojie');
    sifasuo = await t.login('sifasuo');
    const db = t.yifa.db.kysely;
    const me = (await tiaojie.get('/api/v1/session')).json().user;
    const regions = await db.selectFrom('regions').select(['id', 'name']).where('name', 'in', ['妙泉村', '贵塘村']).execute();
    villageA = regions.find((r) => r.name === '妙泉村')!.id;
    villageB = regions.find((r) => r.name === '贵塘村')!.id;
    const people = await db
      .selectFrom('people')
      .select('id')
      .where('agency_id', '=', me.agencyId)
      .where('id', '!=', me.personId)
      .limit(5)
      .execute();
    const [p1, p2, p3, p4, p5] = people.map((p) => p.id);
    const committee = async (name: string, regionId: string, members: string[]) => {
      const res = await sifasuo.post('/api/v1/mediation-committees', {
        name,
        kind: 'village',
        regionId,
        termStart: '2024-07-01',
        members: members.map((personId, i) => ({ personId, position: i === 0 ? 'chair' : 'member', gender: i === 1 ? 'female' : 'male' })),
      });
      expect(res.statusCode, res.body).toBe(201);
    };
    await committee('妙泉村人民调解委员会', villageA, [p1!, p2!, me.personId]);
    await committee('贵塘村人民调解委员会', villageB, [p3!, p4!, p5!]);
    mediatorA = me.personId;
    mediatorB = p3!;
    const admin = { auth: await contextOfUser(t.yifa, 'admin'), idempotencyKey: null, denied: async () => {} };
    await createUser(t.yifa, admin, {
      username: 'tiaojie.gt',
      displayName: '贵塘村调解员',
      password: DEMO_PASSWORD,
      personId: p3!,
      agencyId: me.agencyId,
      regionId: villageB,
      dataScope: 'level',
      roles: ['mediator'],
    });
    other = await t.login('tiaojie.gt');
  });
  afterAll(async () => t.close());

  it('keeps the 平安志愿者 roster and their activities, per village and scope', async () => {
    const volunteer = async (c: Client, name: string, regionId: string, joinedOn = '2026-01-01') =>
      post(c, '/api/v1/mediation-volunteers', { name, phone: '13800001111', regionId, joinedOn });
    const a1 = await volunteer(tiaojie, '龙某某', villageA);
    expect(a1.statusCode, a1.body).toBe(201);
    const a2 = (await volunteer(tiaojie, '石某某', villageA)).json().id;
    const late = (await volunteer(tiaojie, '白某某', villageA, '2026-04-20')).json().id;
    const b1 = (await volunteer(other, '彭某某', villageB)).json().id;
    // Bad input and a village outside the mediator's scope: nothing saved.
    const before = await count('mediation_volunteers');
    expect((await volunteer(tiaojie, '某', villageA)).statusCode).toBe(400);
    expect((await volunteer(tiaojie, '向某某', villageA, '2026-05-02')).statusCode).toBe(409);
    expect((await volunteer(other, '冉某某', villageA)).statusCode).toBe(404);
    expect(await count('mediation_volunteers')).toBe(before);

    const activity = (volunteerIds: string[], heldOn = '2026-04-10') =>
      post(tiaojie, '/api/v1/mediation-volunteer-activities', {
        kind: 'patrol',
        heldOn,
        place: '妙泉村主干道',
        summary: '夜间治安巡逻。',
        volunteerIds,
      });
    expect((await activity([a1.json().id, a2])).statusCode).toBe(201);
    // Not yet a volunteer on that day; another village's volunteer (outside his scope): refused.
    const early = await activity([a1.json().id, late]);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toContain('白某某');
    // One village at a time (tiaojie's scope is the town's, so 贵塘村's volunteer is visible to him).
    const mixed = await activity([a1.json().id, b1]);
    expect(mixed.statusCode).toBe(400);
    expect(mixed.json().error.message).toContain('同一村');
    expect(await count('mediation_volunteer_activities')).toBe(1);

    const list = (await tiaojie.get('/api/v1/mediation-volunteers'))
      .json()
      .items.filter((v: { regionName: string }) => v.regionName === '妙泉村');
    expect(list.map((v: { name: string; activities: number }) => [v.name, v.activities]).sort()).toEqual([
      ['白某某', 0],
      ['石某某', 1],
      ['龙某某', 1],
    ]);
    expect((await other.get('/api/v1/mediation-volunteers')).json().items.map((v: { name: string }) => v.name)).toEqual(['彭某某']);
    const acts = (await tiaojie.get('/api/v1/mediation-volunteer-activities')).json().items;
    expect(acts[0]).toMatchObject({ kindName: '治安巡逻', volunteers: expect.arrayContaining(['龙某某', '石某某']) });
    expect((await other.get('/api/v1/mediation-volunteer-activities')).json().items).toEqual([]);
    const paged = (await tiaojie.get('/api/v1/mediation-volunteers?limit=2')).json();
    expect(paged.items).toHaveLength(2);
    expect(paged.next).toBeTruthy();
  });

  it('keeps a volunteer who left in the history, off the active roster and out of new activities', async () => {
    const add = async (name: string) =>
      (await post(tiaojie, '/api/v1/mediation-volunteers', { name, phone: null, regionId: villageA, joinedOn: '2026-02-01' })).json()
        .id as string;
    const stays = await add('杨某某');
    const leaves = await add('田某某');
    const patrol = (heldOn: string, volunteerIds: string[]) =>
      post(tiaojie, '/api/v1/mediation-volunteer-activities', {
        kind: 'publicity',
        heldOn,
        place: '妙泉村村委会',
        summary: '法治宣传。',
        volunteerIds,
      });
    expect((await patrol('2026-03-10', [stays, leaves])).statusCode).toBe(201);
    const leave = (id: string, body: unknown, c = tiaojie) => post(c, `/api/v1/mediation-volunteers/${id}/leave`, body);
    const journaled = await count('actions');
    // Bad input, a day before an activity he took part in, a day before he joined, a day in the future, someone outside the scope.
    expect((await leave(leaves, { leftOn: '2026-04-01', reason: '' })).statusCode).toBe(400);
    const beforeActivity = await leave(leaves, { leftOn: '2026-03-01', reason: '外出务工' });
    expect(beforeActivity.statusCode).toBe(409);
    expect(beforeActivity.json().error.message).toContain('2026-03-10');
    expect((await leave(leaves, { leftOn: '2026-01-15', reason: '外出务工' })).json().error.message).toContain('加入日期');
    expect((await leave(leaves, { leftOn: '2026-05-02', reason: '外出务工' })).statusCode).toBe(409);
    expect((await leave(leaves, { leftOn: '2026-04-01', reason: '外出务工' }, other)).statusCode).toBe(404);
    expect((await leave('no-such-volunteer', { leftOn: '2026-04-01', reason: '外出务工' })).statusCode).toBe(404);
    // Only the denial of the one outside the scope is on record.
    expect(await count('actions')).toBe(journaled + 1);
    const ok = await leave(leaves, { leftOn: '2026-04-01', reason: '外出务工' });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await leave(leaves, { leftOn: '2026-04-02', reason: '再次' })).statusCode).toBe(409);

    const names = async (standing: string) =>
      (await tiaojie.get(`/api/v1/mediation-volunteers?standing=${standing}&limit=200`))
        .json()
        .items.filter((v: { name: string }) => v.name === '杨某某' || v.name === '田某某')
        .map((v: { name: string; leftOn: string | null; leftReason: string | null; activities: number }) => [
          v.name,
          v.leftOn,
          v.leftReason,
          v.activities,
        ]);
    expect(await names('active')).toEqual([['杨某某', null, null, 1]]);
    expect(await names('left')).toEqual([['田某某', '2026-04-01', '外出务工', 1]]);
    expect((await names('all')).length).toBe(2);
    // The default is the active roster.
    const listed = (await tiaojie.get('/api/v1/mediation-volunteers?limit=200')).json().items.map((v: { name: string }) => v.name);
    expect(listed).toContain('杨某某');
    expect(listed).not.toContain('田某某');
    // An activity after he left refuses him by name; on the day he left he still served; nothing partial is saved.
    const activities = await count('mediation_volunteer_activities');
    const after = await patrol('2026-04-20', [stays, leaves]);
    expect(after.statusCode).toBe(409);
    expect(after.json().error.message).toBe('田某某已于2026-04-01退出平安志愿者队伍，不能登记为2026-04-20活动的参加人员');
    expect(await count('mediation_volunteer_activities')).toBe(activities);
    expect((await patrol('2026-04-01', [stays, leaves])).statusCode).toBe(201);
    const entry = await t.yifa.db.kysely
      .selectFrom('actions')
      .select(['type', 'payload'])
      .where('type', '=', 'mediation.volunteer.leave')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(entry.payload as string)).toEqual({ leftOn: '2026-04-01', reason: '外出务工' });
  });

  it('records mediators’ qualifications and training, warning of none in a year (Art 14)', async () => {
    let m = (await sifasuo.get('/api/v1/mediators')).json().items.find((x: { personId: string }) => x.personId === mediatorA);
    expect(m.warnings.map((w: { citation: string }) => w.citation)).toEqual(['《中华人民共和国人民调解法》第十四条']);
    const q = await post(sifasuo, `/api/v1/mediators/${mediatorA}/qualifications`, {
      kind: 'certificate',
      title: '人民调解员证',
      issuer: '秀山县司法局',
      issuedOn: '2025-03-01',
      number: 'TJ-2025-001',
    });
    expect(q.statusCode, q.body).toBe(201);
    const tr = await post(sifasuo, `/api/v1/mediators/${mediatorA}/trainings`, {
      heldOn: '2026-03-15',
      organiser: '秀山县司法局',
      topic: '土地承包经营纠纷调解实务',
      hours: 8,
    });
    expect(tr.statusCode, tr.body).toBe(201);
    m = (await tiaojie.get('/api/v1/mediators')).json().items.find((x: { personId: string }) => x.personId === mediatorA);
    expect(m).toMatchObject({
      committees: ['妙泉村人民调解委员会'],
      qualifications: [{ kindName: '人民调解员证', number: 'TJ-2025-001' }],
      trainings: [{ heldOn: '2026-03-15', hours: 8 }],
      recentHours: 8,
      warnings: [],
    });
    // Only the 司法所 records them; a future date, zero hours and a person who mediates nowhere are refused.
    expect(
      (
        await post(tiaojie, `/api/v1/mediators/${mediatorA}/trainings`, {
          heldOn: '2026-03-15',
          organiser: '县司法局',
          topic: '培训',
          hours: 2,
        })
      ).statusCode,
    ).toBe(403);
    expect(
      (
        await post(sifasuo, `/api/v1/mediators/${mediatorA}/trainings`, {
          heldOn: '2026-06-01',
          organiser: '县司法局',
          topic: '培训',
          hours: 2,
        })
      ).statusCode,
    ).toBe(409);
    expect(
      (
        await post(sifasuo, `/api/v1/mediators/${mediatorA}/trainings`, {
          heldOn: '2026-03-01',
          organiser: '县司法局',
          topic: '培训',
          hours: 0,
        })
      ).statusCode,
    ).toBe(400);
    const me = (await sifasuo.get('/api/v1/session')).json().user;
    expect(
      (
        await post(sifasuo, `/api/v1/mediators/${me.personId ?? 'nobody'}/trainings`, {
          heldOn: '2026-03-01',
          organiser: '县司法局',
          topic: '培训',
          hours: 2,
        })
      ).statusCode,
    ).toBe(404);
    expect(await count('mediation_trainings')).toBe(1);
    // 贵塘村's mediator sees his committee's mediators only.
    const seen = (await other.get('/api/v1/mediators')).json().items.map((x: { personId: string }) => x.personId);
    expect(seen).toContain(mediatorB);
    expect(seen).not.toContain(mediatorA);
  });
});
