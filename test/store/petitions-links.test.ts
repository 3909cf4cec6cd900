/**
 * A petition routed into a legal procedure in yifa (issue 15 §2), on both engines: into a
 * 依申请公开 request, a 行政处罚案源 or a 人民调解 dispute, the receiving record is registered in
 * the routing action's transaction — the two journaled one after the other, each naming the
 * other — and the petitioner's 转入法定程序告知书 names the route and why. A route whose
 * receiving side yifa does not run is refused citing 第三十一条; a record the receiving side
 * refuses keeps neither; a link recorded by hand is refused in every receiver.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../helpers/engines.js';
import { startTestApp, type Client, type TestApp } from '../helpers/app.js';
import { withIdCheckChar } from '../../src/platform/identity/numbers.js';
import { replayRecord } from '../../src/procedure/service.js';
import { PETITIONS } from '../../src/modules/petitions/procedure.js';
import { categoryOfWords } from '../../src/modules/mediation/linked.js';
import type { LinkReceiver } from '../../src/procedure/links.js';
import { DomainError } from '../../src/platform/errors.js';

const at = (date: string) => () => new Date(`${date}T10:00:00+08:00`);

const letter = (idNumber: string | null) => ({
  channel: 'letter',
  source: 'direct',
  receivedOn: '2026-04-01',
  petitioners: [{ name: '陈某某', idNumber, phone: '13900001234', address: '秀山县妙泉镇贵塘村' }],
  groupSize: null,
  request: '要求公开贵塘村土地复垦项目的验收报告和补偿标准',
  factsAndReasons: '村里说验收报告不能给看。',
  category: 'land-reclamation',
  place: '贵塘村',
  oralConfirmed: false,
  repeatOf: null,
});

describe.each(ENGINES)('petitions routed into legal procedures on %s', (engine) => {
  let t: TestApp;
  let xinfang: Client;
  let gongkai: Client;
  beforeAll(async () => {
    t = await startTestApp(engine);
    t.yifa.clock.source = at('2026-04-02');
    xinfang = await t.login('xinfang');
    gongkai = await t.login('gongkai');
  });
  afterAll(async () => t.close());

  let key = 0;
  const act = (id: string, type: string, payload: unknown) =>
    xinfang.post(`/api/v1/petitions/${id}/actions`, { type, payload }, { 'idempotency-key': `ln-${engine}-${++key}` });
  const register = async (idNumber: string | null) => {
    const res = await xinfang.post('/api/v1/petitions', { type: 'petition.register', payload: letter(idNumber) });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; trackingCode: string; record: { number: string } };
  };
  const ROUTE_ACTION: Record<string, string> = {
    disclosure: 'petition.route-to-disclosure',
    penalty: 'petition.route-to-case-source',
    mediation: 'petition.route-to-mediation',
  };
  const quarry = { kind: 'organisation', name: '秀山县某石材有限公司', idNumber: null, phone: null, address: '秀山县妙泉镇贵塘村3组' };
  const neighbour = {
    kind: 'citizen',
    name: '杨某某',
    idNumber: withIdCheckChar('50024119700101321'),
    phone: null,
    address: '秀山县妙泉镇贵塘村2组',
  };
  const DETAILS: Record<string, object> = {
    disclosure: {},
    penalty: { field: '综合行政执法', party: quarry },
    mediation: { otherParty: neighbour },
  };
  const route = (id: string, r: string, details: object = DETAILS[r]!) =>
    act(id, ROUTE_ACTION[r]!, {
      on: '2026-04-02',
      reason: '所反映的是获取政府信息的请求，应依《政府信息公开条例》申请公开',
      ...details,
    });

  it('opens the request in the same transaction, each naming the other, and tells the petitioner which route and why', async () => {
    const p = await register(withIdCheckChar('50024119800303123'));
    const before = await t.yifa.journal.size();
    const res = await route(p.id, 'disclosure');
    expect(res.statusCode, res.body).toBe(200);
    const view = res.json();
    expect(view.status).toBe('routed');
    expect(view.statusName).toBe('已转入法定程序');
    const linked = view.record.linkedTo;
    expect(linked).toMatchObject({ subjectType: 'information-request', path: '/information-requests', recordName: '政府信息公开申请' });
    // The request, as the disclosure office sees it: received today, from the petitioner, naming the petition.
    const request = await gongkai.get(`/api/v1/information-requests/${linked.id}`);
    expect(request.statusCode, request.body).toBe(200);
    expect(request.json().status).toBe('received');
    expect(request.json().record).toMatchObject({
      receivedOn: '2026-04-02',
      channel: 'letter',
      description: letter(null).request,
      linkedFrom: { subjectType: 'petition', path: '/petitions', id: p.id, number: p.record.number, on: '2026-04-02' },
    });
    expect(request.json().record.applicant.name).toBe('陈某某');
    // Journaled one after the other.
    const rows = await t.yifa.db.kysely
      .selectFrom('actions')
      .select(['seq', 'type', 'subject_id'])
      .where('seq', '>=', before)
      .orderBy('seq')
      .execute();
    expect(rows.map((r) => [r.type, r.subject_id])).toEqual([
      ['petition.route-to-disclosure', p.id],
      ['information-request.submit', linked.id],
    ]);
    // The notice names the route and why.
    const docs = (await xinfang.get(`/api/v1/petitions/${p.id}/documents`)).json().items as { id: string; number: string }[];
    expect(docs.map((d) => d.id)).toContain('route');
    const notice = (await xinfang.get(`/api/v1/petitions/${p.id}/documents/route`)).json();
    const text = JSON.stringify(notice);
    expect(text).toContain('政府信息公开申请');
    expect(text).toContain('第三十一条');
    expect(text).toContain('应依《政府信息公开条例》申请公开');
    // The petitioner's page shows it, and the same code tracks the request.
    const tracked = (await t.anonymous().post('/api/v1/public/petitions/track', { code: p.trackingCode })).json();
    expect(tracked.routing).toMatchObject({ kind: 'procedure', route: '政府信息公开申请', to: '政府信息公开申请' });
    expect(tracked.documents.map((d: { id: string }) => d.id)).toContain('route');
    expect(tracked.deadlines.find((d: { rule: string }) => d.rule === 'petition.acceptance-notice').state).toBe('met');
    const req = await t.anonymous().post('/api/v1/public/information-requests/track', { code: p.trackingCode });
    expect(req.statusCode, req.body).toBe(200);
    expect(await replayRecord(t.yifa, PETITIONS, p.id)).toMatchObject({ linkedTo: { id: linked.id } });
  });

  it('keeps neither when the receiving side refuses, and refuses a route yifa does not run, citing Art 31', async () => {
    const q = await register(withIdCheckChar('50024119800303124'));
    const procedures = t.yifa.procedures as unknown as { receives?: LinkReceiver }[];
    const entry = procedures.find((e) => e.receives?.route === 'penalty')!;
    const receiver = entry.receives!;
    try {
      // No procedure receives a 案源 here: refused, citing Art 31, nothing kept.
      delete entry.receives;
      const none = await route(q.id, 'penalty');
      expect(none.statusCode, none.body).toBe(409);
      expect(none.json().error.citation).toContain('第三十一条');
      // A receiver that opens its record and then refuses: neither the routing nor the record is kept.
      entry.receives = {
        route: 'penalty',
        async open(yifa, req, within, x) {
          await receiver.open(yifa, req, within, x);
          throw new DomainError('GATE_REFUSED', '接收方不予登记');
        },
      };
      const before = await t.yifa.journal.size();
      const cases = (await t.yifa.db.kysely.selectFrom('penalty_cases').select('id').execute()).length;
      const refused = await route(q.id, 'penalty');
      expect(refused.statusCode).toBe(409);
      expect(refused.json().error.message).toBe('接收方不予登记');
      expect((await xinfang.get(`/api/v1/petitions/${q.id}`)).json().status).toBe('registered');
      expect(await t.yifa.journal.size()).toBe(before);
      expect((await t.yifa.db.kysely.selectFrom('penalty_cases').select('id').execute()).length).toBe(cases);
    } finally {
      entry.receives = receiver;
    }
    // Routed for real afterwards, as nothing was left behind.
    expect((await route(q.id, 'disclosure')).statusCode).toBe(200);
  });

  it('opens a 案源 about the unit complained of, which the officers see as a 信访转办 source naming the petition', async () => {
    const p = await register(withIdCheckChar('50024119800303126'));
    // What the route needs is checked at its fields.
    const bad = await route(p.id, 'penalty', { field: '', party: { ...quarry, kind: 'citizen', idNumber: '123' } });
    expect(bad.statusCode, bad.body).toBe(400);
    const fields = (bad.json().error.details as { path: string }[]).map((f) => f.path);
    expect(fields).toEqual(expect.arrayContaining(['field', 'party.idNumber']));
    const before = await t.yifa.journal.size();
    const res = await route(p.id, 'penalty');
    expect(res.statusCode, res.body).toBe(200);
    const linked = res.json().record.linkedTo;
    expect(linked).toMatchObject({ subjectType: 'penalty-case', path: '/penalty-cases', recordName: '行政处罚案件' });
    expect(res.json().record.routing.details).toMatchObject({ field: '综合行政执法', party: { name: quarry.name } });
    const zhifa = await t.login('zhifa1');
    const c = await zhifa.get(`/api/v1/penalty-cases/${linked.id}`);
    expect(c.statusCode, c.body).toBe(200);
    expect(c.json().status).toBe('registered');
    expect(c.json().case).toMatchObject({
      field: '综合行政执法',
      source: { kind: 'petition', receivedOn: '2026-04-02' },
      party: { kind: 'organisation', name: quarry.name, address: quarry.address },
      linkedFrom: { subjectType: 'petition', path: '/petitions', id: p.id, number: p.record.number },
    });
    expect(c.json().case.source.summary).toContain(letter(null).request);
    const rows = await t.yifa.db.kysely
      .selectFrom('actions')
      .select(['type', 'subject_id'])
      .where('seq', '>=', before)
      .orderBy('seq')
      .execute();
    expect(rows.map((r) => [r.type, r.subject_id])).toEqual([
      ['petition.route-to-case-source', p.id],
      ['penalty.register', linked.id],
    ]);
    // A 案源 naming a petition that did not route into it is refused.
    const forged = await zhifa.post('/api/v1/penalty-cases', {
      type: 'penalty.register',
      payload: {
        source: { kind: 'petition', summary: '转来', receivedOn: '2026-04-02' },
        party: { ...quarry, representative: null },
        field: '综合行政执法',
        linkedFrom: { ...c.json().case.linkedFrom },
      },
    });
    expect(forged.statusCode, forged.body).toBe(409);
    expect(forged.json().error.message).toContain('没有转入本件');
  });

  it('opens a dispute before the town committee between the petitioner and the other party, referred by the 信访部门', async () => {
    // The town's 人民调解委员会 (the mediation module's demo makes it; this test town has none yet).
    const sifasuo = await t.login('sifasuo');
    const db = t.yifa.db.kysely;
    const me = (await sifasuo.get('/api/v1/session')).json().user;
    const town = await db.selectFrom('regions').select('id').where('name', '=', '妙泉镇').executeTakeFirstOrThrow();
    const people = await db.selectFrom('people').select('id').where('agency_id', '=', me.agencyId).limit(3).execute();
    const p = await register(withIdCheckChar('50024119800303127'));
    const none = await route(p.id, 'mediation');
    expect(none.statusCode, none.body).toBe(409);
    expect(none.json().error.message).toContain('没有登记乡镇人民调解委员会');
    const made = await sifasuo.post('/api/v1/mediation-committees', {
      name: '妙泉镇人民调解委员会',
      kind: 'town',
      regionId: town.id,
      termStart: '2024-07-01',
      members: people.map((x, i) => ({ personId: x.id, position: i === 0 ? 'chair' : 'member', gender: i === 1 ? 'female' : 'male' })),
    });
    expect(made.statusCode, made.body).toBe(201);
    // The other party must be identified (the agreement names him); a petitioner without an ID number cannot be a party.
    const unnamed = await route(p.id, 'mediation', { otherParty: { ...neighbour, idNumber: null } });
    expect(unnamed.statusCode, unnamed.body).toBe(400);
    expect(unnamed.json().error.details.map((f: { path: string }) => f.path)).toContain('otherParty.idNumber');
    const anonymous = await register(null);
    const refused = await route(anonymous.id, 'mediation');
    expect(refused.statusCode, refused.body).toBe(409);
    expect(refused.json().error.message).toContain('身份证号码');
    expect((await xinfang.get(`/api/v1/petitions/${anonymous.id}`)).json().status).toBe('registered');

    const res = await route(p.id, 'mediation');
    expect(res.statusCode, res.body).toBe(200);
    const linked = res.json().record.linkedTo;
    expect(linked).toMatchObject({ subjectType: 'dispute', path: '/disputes' });
    const d = await sifasuo.get(`/api/v1/disputes/${linked.id}`);
    expect(d.statusCode, d.body).toBe(200);
    expect(d.json().status).toBe('registered');
    expect(d.json().record).toMatchObject({
      committeeName: '妙泉镇人民调解委员会',
      registeredOn: '2026-04-02',
      source: 'referral',
      referredBy: 'petition',
      category: 'land',
      linkedFrom: { subjectType: 'petition', id: p.id, number: p.record.number },
    });
    expect(d.json().record.parties.map((x: { name: string }) => x.name)).toEqual(['陈某某', neighbour.name]);
    expect(categoryOfWords('征地拆迁', '要求补偿')).toBe('expropriation');
    expect(categoryOfWords('其他', '邻里之间排水')).toBe('neighbour');
    expect(categoryOfWords('其他', '其他')).toBe('other');
  });

  it('refuses a link recorded by hand: the petition must name the request', async () => {
    const p = await register(withIdCheckChar('50024119800303125'));
    const forged = await gongkai.post('/api/v1/information-requests', {
      type: 'information-request.submit',
      payload: {
        channel: 'letter',
        receivedOn: '2026-04-02',
        applicant: {
          kind: 'citizen',
          name: '陈某某',
          idNumber: withIdCheckChar('50024119800303125'),
          phone: '13900001234',
          email: null,
          address: null,
        },
        description: '验收报告',
        form: 'either',
        linkedFrom: {
          subjectType: 'petition',
          recordName: '信访事项',
          path: '/petitions',
          id: p.id,
          number: p.record.number,
          on: '2026-04-02',
          reason: '转入',
        },
      },
    });
    expect(forged.statusCode).toBe(409);
    expect(forged.json().error.message).toContain('没有转入本件');
  });
});
