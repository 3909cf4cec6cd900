import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../helpers/engines.js';
import { DEMO_PASSWORD, startTestApp, type Client, type TestApp } from '../helpers/app.js';
import { createUser } from '../../src/modules/org/service/users.js';
import { contextOfUser } from '../../src/modules/org/sessions.js';
import { idCheckChar } from '../../src/platform/identity/numbers.js';

/** 10:00 China time on a legal date. */
const at = (date: string) => () => new Date(`${date}T10:00:00+08:00`);
const id = (seq: number) => {
  const first = `50024119700101${String(seq).padStart(3, '0')}`;
  return first + idCheckChar(first);
};
const party = (name: string, seq: number) => ({ kind: 'citizen', name, idNumber: id(seq), phone: null, address: null });

const item = (extra: Record<string, unknown> = {}) => ({
  grade: 'general',
  category: 'neighbour',
  people: '田某某、杨某某',
  description: '两户因排水沟堵塞多次争吵。',
  ...extra,
});

describe.each(ENGINES)('矛盾纠纷排查台账 on %s', (engine) => {
  let t: TestApp;
  let tiaojie: Client;
  let other: Client;
  let jiandu: Client;
  let committeeA: string;
  let mediatedId: string;
  let key = 0;
  const post = (c: Client, url: string, body: unknown) => c.post(url, body, { 'idempotency-key': `sc-${engine}-${++key}` });
  const round = (c: Client, body: Record<string, unknown>) =>
    post(c, '/api/v1/dispute-screenings', {
      committeeId: null,
      screenedOn: '2026-04-01',
      screeners: ['田某某', '吴某某'],
      scopeNote: '全村九个村民小组',
      ...body,
    });
  const count = async (table: 'mediation_screenings' | 'actions', where?: [string, string]) => {
    let q = t.yifa.db.kysely.selectFrom(table as 'actions').select((e) => e.fn.countAll().as('n'));
    if (where) q = q.where(where[0] as 'type', '=', where[1]);
    return Number((await q.executeTakeFirstOrThrow()).n);
  };

  beforeAll(async () => {
    t = await startTestApp(engine);
    t.yifa.clock.source = at('2026-04-01');
    tiaojie = await t.login('tiaojie');
    jiandu = await t.login('jiandu');
    const sifasuo = await t.login('sifasuo');
    const db = t.yifa.db.kysely;
    const me = (await tiaojie.get('/api/v1/session')).json().user;
    const regions = await db.selectFrom('regions').select(['id', 'name']).where('name', 'in', ['妙泉村', '贵塘村']).execute();
    const villageA = regions.find((r) => r.name === '妙泉村')!.id;
    const villageB = regions.find((r) => r.name === '贵塘村')!.id;
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
        groups: [{ name: `${name}第一调解小组`, leaderPersonId: null }],
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    committeeA = await committee('妙泉村人民调解委员会', villageA, [p1!, p2!, me.personId]);
    await committee('贵塘村人民调解委员会', villageB, [p3!, p4!, p5!]);
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

  it('refuses to close a round until the possibly violent item is reported to the police (Art 25), then closes it', async () => {
    const res = await round(tiaojie, {
      items: [
        item({ grade: 'major', category: 'land', description: '两户因承包地界址争执，一方扬言动刀。', criminalRisk: true, violent: true }),
        item({ massRisk: true, description: '十余户因灌溉用水分配不满，酝酿集体上访。', category: 'other' }),
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    const r = res.json();
    expect(r).toMatchObject({ committeeName: '妙泉村人民调解委员会', closedOn: null, screeners: ['田某某', '吴某某'] });
    expect(r.items.map((i: { seq: number; violent: boolean }) => [i.seq, i.violent])).toEqual([
      [1, true],
      [2, false],
    ]);
    expect(r.closing.map((c: { citation: string | null }) => c.citation)).toEqual(['《中华人民共和国人民调解法》第二十五条', null]);
    const [violent, mass] = r.items as { id: string }[];
    const url = `/api/v1/dispute-screenings/${r.id}`;

    // Both items disposed of, the violent one not reported: still refused, with the article; nothing changes.
    expect(
      (
        await post(tiaojie, `${url}/items/${violent!.id}/disposition`, {
          disposition: 'resolved',
          on: '2026-04-01',
          note: '当场劝解，双方冷静。',
        })
      ).statusCode,
    ).toBe(200);
    const routed = await post(tiaojie, `${url}/items/${mass!.id}/disposition`, {
      disposition: 'routed',
      on: '2026-04-01',
      routeTo: 'petition',
      receiver: '妙泉镇信访办 吴某某',
      note: '移交镇信访办统筹处理。',
    });
    expect(routed.statusCode, routed.body).toBe(200);
    expect(routed.json().items[1]).toMatchObject({ disposition: 'routed', routeToName: '信访部门', receiver: '妙泉镇信访办 吴某某' });
    const refused = await post(tiaojie, `${url}/close`, { on: '2026-04-01' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'GATE_REFUSED', citation: '《中华人民共和国人民调解法》第二十五条' });
    expect(refused.json().error.message).toContain('第 1 项');
    expect((await tiaojie.get(url)).json().closedOn).toBeNull();

    // The report: who, when, to whom; not before the screening, not twice.
    const early = await post(tiaojie, `${url}/items/${violent!.id}/police-report`, {
      at: '2026-03-31T09:00',
      by: '吴某某',
      to: '妙泉派出所',
      note: null,
    });
    expect(early.statusCode).toBe(409);
    const reported = await post(tiaojie, `${url}/items/${violent!.id}/police-report`, {
      at: '2026-04-01T10:30',
      by: '吴某某',
      to: '妙泉派出所 值班民警龙某某',
      note: '电话报告，派出所已派员到场。',
    });
    expect(reported.statusCode, reported.body).toBe(200);
    expect(reported.json().items[0].policeReport).toMatchObject({ at: '2026-04-01T10:30', by: '吴某某', to: '妙泉派出所 值班民警龙某某' });
    expect(reported.json().closing).toEqual([]);
    const closed = await post(tiaojie, `${url}/close`, { on: '2026-04-01' });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json().closedOn).toBe('2026-04-01');
    // Closed: nothing more is added.
    expect((await post(tiaojie, `${url}/items`, item())).statusCode).toBe(409);
    expect(await count('actions', ['type', 'mediation.screening.close'])).toBe(1);
  });

  it('takes an item into mediation through the register action, linked both ways, once', async () => {
    const r = (await round(tiaojie, { screenedOn: '2026-04-01', items: [item({ criminalRisk: true })] })).json();
    const itemId = r.items[0].id as string;
    const url = `/api/v1/dispute-screenings/${r.id}/items/${itemId}`;
    const registration = {
      committeeId: null,
      registeredOn: '2026-04-01',
      source: 'initiative',
      referredBy: null,
      category: 'neighbour',
      partyA: party('田某某', 11),
      partyB: party('杨某某', 12),
      facts: '两户因排水沟堵塞多次争吵。',
      points: '排水沟疏通责任。',
    };
    // Bad input in the registration: nothing registered, the item still open.
    const bad = await post(tiaojie, `${url}/mediation`, { ...registration, partyB: party('田某某', 11) });
    expect(bad.statusCode).toBe(409);
    expect((await tiaojie.get(`/api/v1/dispute-screenings/${r.id}`)).json().items[0].disposition).toBeNull();

    const res = await post(tiaojie, `${url}/mediation`, registration);
    expect(res.statusCode, res.body).toBe(201);
    const disputeId = res.json().disputeId as string;
    mediatedId = disputeId;
    expect(res.json().screening.items[0]).toMatchObject({ disposition: 'mediation', dispositionName: '转入人民调解', disputeId });
    const dispute = (await tiaojie.get(`/api/v1/disputes/${disputeId}`)).json();
    expect(dispute.record.screening).toEqual({ screeningId: r.id, itemId, criminalRisk: true, massRisk: false });
    const row = await t.yifa.db.kysely
      .selectFrom('mediation_disputes')
      .select(['screening_item_id', 'criminal_risk', 'mass_risk', 'kind'])
      .where('id', '=', disputeId)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ screening_item_id: itemId, kind: 'people' });
    expect(Number(row.criminal_risk)).toBe(1);

    // Once: neither again through the ledger, nor through the register action directly, nor disposed of otherwise.
    expect((await post(tiaojie, `${url}/mediation`, registration)).statusCode).toBe(409);
    const direct = await post(tiaojie, '/api/v1/disputes', {
      type: 'dispute.register',
      payload: { ...registration, screeningItemId: itemId },
    });
    expect(direct.statusCode).toBe(409);
    expect(direct.json().error.message).toContain('已转入人民调解');
    expect((await post(tiaojie, `${url}/disposition`, { disposition: 'resolved', on: '2026-04-01', note: '化解' })).statusCode).toBe(409);
    // The round closes: its only item went into mediation.
    expect((await post(tiaojie, `/api/v1/dispute-screenings/${r.id}/close`, { on: '2026-04-01' })).statusCode).toBe(200);
  });

  it('keeps a mediator to his committee and a reader to his scope, journaling the refusals', async () => {
    const r = (await round(tiaojie, { items: [item()] })).json();
    const before = await count('actions', ['type', 'access.denied']);
    // 贵塘村's mediator neither records for 妙泉村's committee nor reads its rounds.
    const foreign = await round(other, { committeeId: committeeA });
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().error.citation).toContain('第十九条');
    expect((await other.get(`/api/v1/dispute-screenings/${r.id}`)).statusCode).toBe(404);
    expect(await count('actions', ['type', 'access.denied'])).toBe(before + 2);
    expect((await other.get('/api/v1/dispute-screenings')).json().items).toEqual([]);
    // The supervisor reads but does not record.
    expect((await jiandu.get(`/api/v1/dispute-screenings/${r.id}`)).statusCode).toBe(200);
    expect((await round(jiandu, {})).statusCode).toBe(403);
  });

  it('refuses bad input, saving nothing, and pages the ledger', async () => {
    const rounds = await count('mediation_screenings');
    expect((await round(tiaojie, { screenedOn: '2026-04-02' })).statusCode).toBe(409);
    expect((await round(tiaojie, { screeners: [] })).statusCode).toBe(400);
    expect((await round(tiaojie, { items: [item({ grade: '严重' })] })).statusCode).toBe(400);
    expect(await count('mediation_screenings')).toBe(rounds);
    const r = (await round(tiaojie, { items: [item()] })).json();
    const url = `/api/v1/dispute-screenings/${r.id}/items/${r.items[0].id}/disposition`;
    const noReceiver = await post(tiaojie, url, { disposition: 'routed', on: '2026-04-01', routeTo: 'police', note: '移交' });
    expect(noReceiver.statusCode).toBe(400);
    expect(noReceiver.json().error.message).toContain('接收单位');
    expect((await tiaojie.get(`/api/v1/dispute-screenings/${r.id}`)).json().items[0].disposition).toBeNull();

    const first = (await tiaojie.get('/api/v1/dispute-screenings?limit=2')).json();
    expect(first.items).toHaveLength(2);
    expect(first.next).toBeTruthy();
    const second = (await tiaojie.get(`/api/v1/dispute-screenings?limit=2&cursor=${first.next}`)).json();
    const ids = [...first.items, ...second.items].map((x: { id: string }) => x.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(
      (await tiaojie.get('/api/v1/dispute-screenings?open=true')).json().items.every((x: { closedOn: null }) => x.closedOn === null),
    ).toBe(true);
  });

  it('counts the incidents prevented, per committee, as the fixtures were made', async () => {
    // Hand count for 2026-04-01 so far: one possibly criminal item settled on the spot (first test); the
    // mass one was routed to 信访 (not counted); the criminal one taken into mediation counts once its
    // dispute succeeds. Now: a mass item settled on the spot, and that dispute mediated to an oral agreement.
    const r = (await round(tiaojie, { items: [item({ massRisk: true, description: '多户因修路占地不满，扬言集体上访。' })] })).json();
    expect(
      (
        await post(tiaojie, `/api/v1/dispute-screenings/${r.id}/items/${r.items[0].id}/disposition`, {
          disposition: 'resolved',
          on: '2026-04-01',
          note: '当场解释政策。',
        })
      ).statusCode,
    ).toBe(200);
    const stats = async () => (await tiaojie.get('/api/v1/disputes/statistics?from=2026-04-01&to=2026-04-01')).json();
    expect((await stats()).prevented).toEqual({
      criminal: 1,
      mass: 1,
      fromDisputes: { criminal: 0, mass: 0 },
      fromScreenings: { criminal: 1, mass: 1 },
    });
    const me = (await tiaojie.get('/api/v1/session')).json().user;
    const step = async (type: string, payload: unknown) => {
      const res = await post(tiaojie, `/api/v1/disputes/${mediatedId}/actions`, { type, payload });
      expect(res.statusCode, res.body).toBe(200);
    };
    await step('dispute.consent', { on: '2026-04-01', note: '双方同意调解' });
    await step('dispute.assign-mediators', { on: '2026-04-01', chosen: false, personIds: [me.personId] });
    await step('dispute.record-session', { on: '2026-04-01', place: '村委会', present: '双方', record: '双方陈述。' });
    await step('dispute.oral-agreement', { on: '2026-04-01', terms: '共同疏通排水沟。', performance: '当场履行', amountFen: 0 });
    const s = await stats();
    expect(s.prevented).toEqual({ criminal: 2, mass: 1, fromDisputes: { criminal: 1, mass: 0 }, fromScreenings: { criminal: 1, mass: 1 } });
    expect(s.byCommittee).toEqual([
      expect.objectContaining({
        name: '妙泉村人民调解委员会',
        received: 1,
        succeeded: 1,
        successRate: 100,
        preventedCriminal: 2,
        preventedMass: 1,
      }),
    ]);
    const csv = (await tiaojie.get('/api/v1/disputes/statistics?from=2026-04-01&to=2026-04-01&format=csv')).body;
    expect(csv).toContain('妙泉村人民调解委员会,1,1,100,2,1');
    expect(csv).toContain('防止民转刑,2');
    // Another village's reader counts none of it.
    expect((await (await other.get('/api/v1/disputes/statistics?from=2026-04-01&to=2026-04-01')).json()).prevented.criminal).toBe(0);
  });
});
