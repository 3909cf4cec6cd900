/**
 * 行政调解 (issue 14 §3) on both engines: the agency's own staff run it (not a committee's
 * mediator), under a statute that gives the agency the power to mediate; it links the penalty
 * case it arises from through the kit's common table; its documents are in the agency's name
 * under its seal; an agency sees its own only; the statistics count it apart from 人民调解.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../helpers/engines.js';
import { DEMO_PASSWORD, startTestApp, type Client, type TestApp } from '../helpers/app.js';
import { docxText } from '../helpers/docx-text.js';
import { projectionReplayers } from '../../src/app/root.js';
import { verifyProjections } from '../../src/journal/verify-projections.js';
import { createUser } from '../../src/modules/org/service/users.js';
import { contextOfUser } from '../../src/modules/org/sessions.js';
import { idCheckChar } from '../../src/platform/identity/numbers.js';

const at = (date: string) => () => new Date(`${date}T10:00:00+08:00`);
const idNumber = (seq: number) => {
  const first = `50024119800101${String(seq).padStart(3, '0')}`;
  return first + idCheckChar(first);
};
const party = (name: string, seq: number) => ({
  kind: 'citizen',
  name,
  idNumber: idNumber(seq),
  phone: '13800001234',
  address: '妙泉镇凉桥村2组',
});

describe.each(ENGINES)('行政调解 on %s', (engine) => {
  let t: TestApp;
  let zhifa1: Client;
  let fuzeren: Client;
  let tiaojie: Client;
  let sifasuo: Client;
  let police: Client;
  let caseId: string;
  let key = 0;
  const headers = () => ({ 'idempotency-key': `am-${engine}-${++key}` });
  const register = (c: Client, payload: Record<string, unknown>) =>
    c.post('/api/v1/administrative-mediations', { type: 'admin-mediation.register', payload }, headers());
  const act = (c: Client, id: string, type: string, payload: unknown) =>
    c.post(`/api/v1/administrative-mediations/${id}/actions`, { type, payload }, headers());
  const ok = async (c: Client, id: string, type: string, payload: unknown) => {
    const res = await act(c, id, type, payload);
    if (res.statusCode !== 200) throw new Error(`${type}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const registration = (extra: Record<string, unknown> = {}) => ({
    registeredOn: '2026-04-01',
    source: 'application',
    basis: 'civil',
    category: 'damages',
    partyA: party('田某某', 1),
    partyB: party('杨某某', 2),
    facts: '杨某某在林区焚烧纸钱引燃田某某承包林地的林木，镇综合行政执法队已立案查处，田某某要求赔偿损失。',
    points: '林木损失的赔偿数额。',
    penaltyCaseId: null,
    ...extra,
  });
  const count = async () =>
    Number(
      (
        await t.yifa.db.kysely
          .selectFrom('administrative_mediations')
          .select((e) => e.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    t = await startTestApp(engine);
    // One day for the whole file (a session does not outlive a moved clock): every date below is on or before it.
    t.yifa.clock.source = at('2026-04-20');
    zhifa1 = await t.login('zhifa1');
    fuzeren = await t.login('fuzeren');
    tiaojie = await t.login('tiaojie');
    sifasuo = await t.login('sifasuo');
    // An officer of another agency (the county's 公安局) whose data scope is the whole county.
    const db = t.yifa.db.kysely;
    const gongan = await db.selectFrom('agencies').select(['id', 'region_id']).where('name', '=', '秀山县公安局').executeTakeFirstOrThrow();
    const person = await db.selectFrom('people').select('id').where('agency_id', '=', gongan.id).executeTakeFirstOrThrow();
    const admin = { auth: await contextOfUser(t.yifa, 'admin'), idempotencyKey: null, denied: async () => {} };
    await createUser(t.yifa, admin, {
      username: 'gongan1',
      displayName: '县公安局民警',
      password: DEMO_PASSWORD,
      personId: person.id,
      agencyId: gongan.id,
      regionId: gongan.region_id,
      dataScope: 'subtree',
      roles: ['officer'],
    });
    police = await t.login('gongan1');
    // The penalty case the dispute arises from: 林区用火, registered by the town's officer.
    const opened = await zhifa1.post(
      '/api/v1/penalty-cases',
      {
        type: 'penalty.register',
        payload: {
          source: { kind: 'patrol', summary: '巡查发现林区用火', receivedOn: '2026-04-01' },
          party: { kind: 'citizen', name: '杨某某', idNumber: null, address: '秀山县妙泉镇凉桥村', phone: null, representative: null },
          field: '综合行政执法',
        },
      },
      headers(),
    );
    expect(opened.statusCode, opened.body).toBe(201);
    caseId = opened.json().id;
  }, 180_000);
  afterAll(async () => t.close());

  it('is run by the agency’s own staff, linked to its penalty case, to an agreement under the agency’s seal', async () => {
    // Bad input and refusals save nothing.
    const before = await count();
    const badId = await register(zhifa1, registration({ partyB: { ...party('杨某某', 2), idNumber: '500241198001010000' } }));
    expect(badId.statusCode).toBe(400);
    const future = await register(zhifa1, registration({ registeredOn: '2026-04-21' }));
    expect(future.statusCode).toBe(409);
    expect(future.json().error.message).toContain('不能晚于今天');
    const noCase = await register(zhifa1, registration({ basis: 'publicOrder' }));
    expect(noCase.statusCode).toBe(409);
    expect(noCase.json().error.citation).toBe('《中华人民共和国治安管理处罚法》（2012年修正）第九条');
    const unknownCase = await register(zhifa1, registration({ penaltyCaseId: 'no-such-case' }));
    expect(unknownCase.json().error.message).toBe('没有该行政处罚案件');
    // A committee's mediator and supervision do not run 行政调解; another agency's officer may not link this town's case.
    expect((await register(tiaojie, registration())).statusCode).toBe(403);
    const foreign = await register(police, registration({ penaltyCaseId: caseId }));
    expect(foreign.statusCode).toBe(409);
    expect(foreign.json().error.message).toContain('不是本机关办理的案件');
    expect(await count()).toBe(before);

    const opened = await register(zhifa1, registration({ penaltyCaseId: caseId }));
    expect(opened.statusCode, opened.body).toBe(201);
    const id = opened.json().id as string;
    expect(opened.json()).toMatchObject({
      status: 'registered',
      record: { agencyName: '秀山县妙泉镇人民政府', basis: 'civil', penaltyCase: { procedure: 'penalty-case', id: caseId } },
    });
    // 30 days from 2026-04-01 end on 2026-05-01, in the 劳动节 holiday: the calendar moves it to the first working day after.
    expect(opened.json().deadlines).toEqual([expect.objectContaining({ rule: 'mediation.target', due: '2026-05-06', kind: 'duty' })]);
    await ok(zhifa1, id, 'admin-mediation.consent', { on: '2026-04-10', hosts: '张某、李某', note: '双方同意由镇人民政府调解' });
    await ok(fuzeren, id, 'admin-mediation.record-session', {
      on: '2026-04-10',
      place: '镇政府调解室',
      present: '双方当事人、执法队员',
      record: '双方就赔偿数额协商。',
    });
    const terms = {
      responsibility: '杨某某负全部责任',
      terms: '杨某某赔偿田某某林木损失人民币二千元。',
      performance: '2026年4月20日前一次付清',
      amountFen: 200_000,
    };
    const unsigned = await act(zhifa1, id, 'admin-mediation.agreement', { on: '2026-04-10', ...terms, signed: false });
    expect(unsigned.statusCode).toBe(409);
    expect(unsigned.json().error.citation).toBe('《民间纠纷处理办法》（司法部令第1号）第二条、第三条');
    const agreed = await ok(zhifa1, id, 'admin-mediation.agreement', { on: '2026-04-10', ...terms, signed: true });
    expect(agreed.status).toBe('agreed');
    expect(agreed.record.outcome.number).toMatch(/行调协字〔2026〕第1号$/);
    // The agreement is the agency's: its name and seal, its basis, no committee and no 司法确认.
    const docs = (await zhifa1.get(`/api/v1/administrative-mediations/${id}/documents`)).json().items;
    expect(docs.map((d: { title: string }) => d.title)).toEqual(['行政调解申请书（纠纷登记表）', '行政调解笔录', '行政调解协议书']);
    const docx = await zhifa1.get(`/api/v1/administrative-mediations/${id}/documents/agreement/docx`);
    expect(docx.statusCode).toBe(200);
    const text = docxText(docx.rawPayload);
    expect(text).toContain('秀山县妙泉镇人民政府（印章）');
    expect(text).toContain('经秀山县妙泉镇人民政府主持调解');
    expect(text).toContain('《民间纠纷处理办法》（司法部令第1号）第二条、第三条');
    expect(text).toContain(agreed.record.outcome.number);
    expect(text).not.toContain('人民调解委员会');
    expect(text).not.toContain('司法确认');
    expect(agreed.allowedActions.map((a: { type: string }) => a.type)).toEqual(['admin-mediation.follow-up']);
    const performed = await ok(zhifa1, id, 'admin-mediation.follow-up', { on: '2026-04-10', performance: 'full', note: '已当场付清' });
    expect(performed.status).toBe('performed');

    // An agency sees its own only: the county police officer's scope covers the town, yet he neither lists nor opens it.
    const listed = (await police.get('/api/v1/administrative-mediations')).json().items;
    expect(listed).toEqual([]);
    const denials = async () =>
      Number(
        (
          await t.yifa.db.kysely
            .selectFrom('actions')
            .select((e) => e.fn.countAll().as('n'))
            .where('type', '=', 'access.denied')
            .executeTakeFirstOrThrow()
        ).n,
      );
    const denied = await denials();
    expect((await police.get(`/api/v1/administrative-mediations/${id}`)).statusCode).toBe(404);
    expect((await police.get(`/api/v1/administrative-mediations/${id}/documents/agreement/docx`)).statusCode).toBe(404);
    expect((await act(police, id, 'admin-mediation.follow-up', { on: '2026-04-10', performance: 'full', note: 'x' })).statusCode).toBe(403);
    expect(await denials()).toBe(denied + 3);
    expect((await zhifa1.get('/api/v1/administrative-mediations')).json().items.map((r: { id: string }) => r.id)).toContain(id);
    // Nor do the 工作台's queues list another agency's 行政调解 (an open one waits on the town's officers).
    const open = (
      await register(zhifa1, registration({ registeredOn: '2026-03-31', partyA: party('吴某某', 5), partyB: party('龙某某', 6) }))
    ).json().id as string;
    const queued = async (c: Client, url: string) => (await c.get(url)).json().items.map((r: { id: string }) => r.id) as string[];
    expect(await queued(zhifa1, '/api/v1/workbench/todo')).toContain(open);
    expect(await queued(zhifa1, '/api/v1/workbench/due?within=all')).toContain(open);
    expect(await queued(police, '/api/v1/workbench/todo')).not.toContain(open);
    expect(await queued(police, '/api/v1/workbench/due?within=all')).not.toContain(open);
    // Supervision and a committee's mediator do not read the agency's records (no permission).
    expect((await tiaojie.get(`/api/v1/administrative-mediations/${id}`)).statusCode).toBe(403);
  });

  it('ends on a refusal or a failed mediation, and counts apart from 人民调解 in the statistics', async () => {
    const declined = (await register(zhifa1, registration({ registeredOn: '2026-04-15', category: 'neighbour' }))).json().id as string;
    const refused = await act(zhifa1, declined, 'admin-mediation.decline', { on: '2026-04-15', refusedBy: '王某某', note: 'x' });
    expect(refused.json().error.message).toContain('不是本纠纷的当事人');
    expect(
      (await ok(zhifa1, declined, 'admin-mediation.decline', { on: '2026-04-15', refusedBy: '杨某某', note: '不同意调解，已告知可以起诉' }))
        .status,
    ).toBe('declined');
    const failed = (await register(zhifa1, registration({ registeredOn: '2026-04-16', basis: 'landContract', category: 'land' }))).json()
      .id as string;
    await ok(zhifa1, failed, 'admin-mediation.consent', { on: '2026-04-16', hosts: '张某', note: '同意' });
    // Nothing to end before a session is on record? Ending is allowed; an agreement is not.
    expect(
      (
        await act(zhifa1, failed, 'admin-mediation.agreement', {
          on: '2026-04-16',
          responsibility: 'x',
          terms: 'x',
          performance: 'x',
          amountFen: 0,
          signed: true,
        })
      ).statusCode,
    ).toBe(409);
    await ok(zhifa1, failed, 'admin-mediation.record-session', {
      on: '2026-04-17',
      place: '村委会',
      present: '双方',
      record: '分歧较大。',
    });
    const ended = await ok(zhifa1, failed, 'admin-mediation.end', {
      on: '2026-04-18',
      reason: '双方对承包地界址各执一词。',
      routes: '可以向农村土地承包仲裁委员会申请仲裁，或者向人民法院起诉。',
    });
    expect(ended.record.outcome.number).toMatch(/行调终字〔2026〕第1号$/);
    const notice = docxText((await zhifa1.get(`/api/v1/administrative-mediations/${failed}/documents/termination/docx`)).rawPayload);
    expect(notice).toContain('《中华人民共和国农村土地承包经营纠纷调解仲裁法》第三条、第七条');
    expect(notice).toContain('秀山县妙泉镇人民政府（印章）');

    // Hand-counted: three registered in April (one agreement of ¥2,000, one declined, one ended).
    const s = (await sifasuo.get('/api/v1/disputes/statistics?from=2026-04-01&to=2026-04-30')).json();
    expect(s.administrative.total).toEqual({ received: 3, succeeded: 1, ended: 1, declined: 1, successRate: 33.3, amountFen: 200_000 });
    expect(s.administrative.byAgency).toEqual([
      expect.objectContaining({ name: '秀山县妙泉镇人民政府', received: 3, succeeded: 1, amountFen: 200_000 }),
    ]);
    expect(
      s.administrative.byCategory
        .filter((c: { received: number }) => c.received)
        .map((c: { category: string; received: number }) => [c.category, c.received]),
    ).toEqual([
      ['neighbour', 1],
      ['damages', 1],
      ['land', 1],
    ]);
    // Not in 人民调解's figures.
    expect(s.total.received).toBe(0);
    expect((await sifasuo.get('/api/v1/disputes/statistics?from=2026-05-01&to=2026-05-31')).json().administrative.total.received).toBe(0);
    const csv = (await sifasuo.get('/api/v1/disputes/statistics?from=2026-04-01&to=2026-04-30&format=csv')).body;
    expect(csv).toContain('行政调解（单独统计，不计入人民调解）');
    expect(csv).toContain('秀山县妙泉镇人民政府,3,1,1,1,33.3,2000.00');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(
      (await sifasuo.get('/api/v1/disputes/statistics?from=2026-04-01&to=2026-04-30&format=xlsx')).rawPayload as unknown as ArrayBuffer,
    );
    const rows = book
      .getWorksheet('行政调解')!
      .getSheetValues()
      .slice(1)
      .map((r) => (Array.isArray(r) ? r.slice(1) : []));
    expect(rows.slice(1)).toEqual([
      ['调解机关', '受理数', '调解成功数', '终止调解数', '拒绝调解数', '调解成功率（%）', '协议金额（元）'],
      ['秀山县妙泉镇人民政府', 3, 1, 1, 1, 33.3, 2000],
      ['合计', 3, 1, 1, 1, 33.3, 2000],
    ]);

    const report = await verifyProjections(t.yifa.db, projectionReplayers(t.yifa));
    expect(report.problemCount).toBe(0);
  });
});
