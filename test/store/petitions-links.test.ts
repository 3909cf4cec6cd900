/**
 * A petition routed into a legal procedure in yifa (issue 15 §2), on both engines: routed into a
 * 依申请公开 request, the request is registered in the routing action's transaction — the two
 * journaled one after the other, each naming the other — and the petitioner's 转入法定程序告知书
 * names the route and why. A route whose receiving side yifa does not run is refused citing
 * 第三十一条; a request the receiving side refuses (no ID number) keeps neither; a link recorded by
 * hand is refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../helpers/engines.js';
import { startTestApp, type Client, type TestApp } from '../helpers/app.js';
import { withIdCheckChar } from '../../src/platform/identity/numbers.js';
import { replayRecord } from '../../src/procedure/service.js';
import { PETITIONS } from '../../src/modules/petitions/procedure.js';
import { REQUEST_RECEIVER } from '../../src/modules/information-requests/linked.js';
import type { LinkReceiver, LinkRequest, Within } from '../../src/procedure/links.js';
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
  const route = (id: string, r: string) =>
    act(id, 'petition.route-to-procedure', {
      on: '2026-04-02',
      route: r,
      reason: '所反映的是获取政府信息的请求，应依《政府信息公开条例》申请公开',
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
      ['petition.route-to-procedure', p.id],
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
    // No procedure here receives a 案源 or a dispute yet: refused, citing Art 31, nothing kept.
    for (const r of ['penalty', 'mediation']) {
      const none = await route(q.id, r);
      expect(none.statusCode, none.body).toBe(409);
      expect(none.json().error.citation).toContain('第三十一条');
    }
    // A receiver that opens its record and then refuses: neither the routing nor the record is kept.
    const procedures = t.yifa.procedures as unknown as unknown[];
    procedures.push({
      proc: { subjectType: 'test-receiver', recordName: '测试程序' },
      path: '/test-receiver',
      receives: {
        route: 'penalty',
        async open(yifa: Parameters<LinkReceiver['open']>[0], req: Parameters<LinkReceiver['open']>[1], within: Within, x: LinkRequest) {
          await REQUEST_RECEIVER.open(yifa, req, within, x);
          throw new DomainError('GATE_REFUSED', '接收方不予登记');
        },
      },
    });
    try {
      const before = await t.yifa.journal.size();
      const requests = (await t.yifa.db.kysely.selectFrom('information_requests').select('id').execute()).length;
      const refused = await route(q.id, 'penalty');
      expect(refused.statusCode).toBe(409);
      expect(refused.json().error.message).toBe('接收方不予登记');
      expect((await xinfang.get(`/api/v1/petitions/${q.id}`)).json().status).toBe('registered');
      expect(await t.yifa.journal.size()).toBe(before);
      expect((await t.yifa.db.kysely.selectFrom('information_requests').select('id').execute()).length).toBe(requests);
    } finally {
      procedures.pop();
    }
    // Routed for real afterwards, as nothing was left behind.
    expect((await route(q.id, 'disclosure')).statusCode).toBe(200);
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
