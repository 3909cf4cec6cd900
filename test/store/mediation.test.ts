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

/** 10:00 China time on a legal date. */
const at = (date: string) => () => new Date(`${date}T10:00:00+08:00`);

/** A checksum-valid ID number born on `born` (YYYYMMDD). */
const id = (born: string, seq: number) => {
  const first = `500241${born}${String(seq).padStart(3, '0')}`;
  return first + idCheckChar(first);
};
const party = (name: string, seq: number) => ({
  kind: 'citizen',
  name,
  idNumber: id('19700101', seq),
  phone: '13800001234',
  address: '妙泉镇妙泉村3组',
});

describe.each(ENGINES)('人民调解 on %s', (engine) => {
  let t: TestApp;
  let tiaojie: Client;
  let other: Client;
  let sifasuo: Client;
  let jiandu: Client;
  let villageA: string;
  let villageB: string;
  let key = 0;

  const act = (c: Client, disputeId: string, type: string, payload: unknown) =>
    c.post(`/api/v1/disputes/${disputeId}/actions`, { type, payload }, { 'idempotency-key': `md-${engine}-${++key}` });
  const ok = async (c: Client, disputeId: string, type: string, payload: unknown) => {
    const res = await act(c, disputeId, type, payload);
    if (res.statusCode !== 200) throw new Error(`${type}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const register = (c: Client, body: Record<string, unknown>) =>
    c.post('/api/v1/disputes', { type: 'dispute.register', payload: body }, { 'idempotency-key': `md-${engine}-${++key}` });
  const registration = (on: string, extra: Record<string, unknown> = {}) => ({
    committeeId: null,
    registeredOn: on,
    source: 'application',
    referredBy: null,
    category: 'land',
    partyA: party('田某某', 1),
    partyB: party('杨某某', 2),
    facts: '双方承包地相邻，因土地承包经营权边界不清发生争执。',
    points: '承包地界址。',
    ...extra,
  });
  const count = async () =>
    Number(
      (
        await t.yifa.db.kysely
          .selectFrom('procedure_cases')
          .select((e) => e.fn.countAll().as('n'))
          .where('procedure', '=', 'dispute')
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    t = await startTestApp(engine);
    tiaojie = await t.login('tiaojie');
    sifasuo = await t.login('sifasuo');
    jiandu = await t.login('jiandu');
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
      .limit(6)
      .execute();
    const [p1, p2, p3, p4, p5, p6] = people.map((p) => p.id);
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
      return res.json();
    };
    await committee('妙泉村人民调解委员会', villageA, [p1!, p2!, me.personId]);
    await committee('贵塘村人民调解委员会', villageB, [p3!, p4!, p5!]);
    // A mediator of 贵塘村 only.
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
    void p6;
  });
  afterAll(async () => t.close());

  it('lists committees with their composition warnings, and refuses a committee without one chair', async () => {
    const list = (await tiaojie.get('/api/v1/mediation-committees')).json().items;
    expect(list.map((c: { name: string }) => c.name)).toEqual(expect.arrayContaining(['妙泉村人民调解委员会', '贵塘村人民调解委员会']));
    const a = list.find((c: { name: string }) => c.name === '妙泉村人民调解委员会');
    expect(a).toMatchObject({ termEnd: '2027-06-30', groups: [{ name: '妙泉村人民调解委员会第一调解小组' }] });
    expect(a.members).toHaveLength(3);
    expect(a.warnings).toEqual([]);
    const noChair = await sifasuo.post('/api/v1/mediation-committees', {
      name: '大田村人民调解委员会',
      kind: 'village',
      regionId: villageA,
      termStart: '2024-07-01',
      members: [{ personId: a.members[0].personId, position: 'member', gender: 'male' }],
    });
    expect(noChair.statusCode).toBe(400);
    expect(noChair.json().error.citation).toContain('第八条');
    // Two members, no woman: registered, with both warnings (not a block).
    const b = list.find((c: { name: string }) => c.name === '贵塘村人民调解委员会');
    const small = await sifasuo.post('/api/v1/mediation-committees', {
      name: '某企业人民调解委员会',
      kind: 'enterprise',
      regionId: villageA,
      termStart: '2025-01-01',
      members: [
        { personId: b.members[0].personId, position: 'chair', gender: 'male' },
        { personId: b.members[1].personId, position: 'member', gender: 'male' },
      ],
    });
    expect(small.statusCode, small.body).toBe(201);
    expect(small.json().warnings.map((w: { message: string }) => w.message)).toEqual([
      '委员 2 人，人民调解委员会由委员 3 至 9 人组成',
      '委员中没有妇女成员，应当有妇女成员',
    ]);
    // Only the 司法所 keeps the roll.
    const byMediator = await tiaojie.post('/api/v1/mediation-committees', {
      name: '又一个人民调解委员会',
      kind: 'village',
      regionId: villageA,
      termStart: '2025-01-01',
      members: [{ personId: b.members[0].personId, position: 'chair', gender: 'female' }],
    });
    expect(byMediator.statusCode).toBe(403);
  });

  it('runs a 土地承包 dispute to a written agreement, 司法确认 within 30 days and the follow-up visit', async () => {
    t.yifa.clock.source = at('2026-03-02');
    const opened = await register(tiaojie, registration('2026-03-02'));
    expect(opened.statusCode, opened.body).toBe(201);
    let view = opened.json();
    const did = view.id as string;
    expect(view).toMatchObject({ status: 'registered', record: { committeeName: '妙泉村人民调解委员会', category: 'land' } });
    expect(view.allowedActions.filter((a: { next: boolean }) => a.next).map((a: { type: string }) => a.type)).toEqual([
      'dispute.consent',
      'dispute.decline',
    ]);
    expect(view.deadlines.find((d: { rule: string }) => d.rule === 'mediation.target')).toMatchObject({ due: '2026-04-01', state: 'ok' });
    // It lies in the village: the row's region is the committee's.
    const row = await t.yifa.db.kysely
      .selectFrom('procedure_cases')
      .select(['region_path', 'waiting_roles'])
      .where('id', '=', did)
      .executeTakeFirstOrThrow();
    expect(row.region_path).toMatch(/\/$/);
    expect(row.waiting_roles).toBe(' mediator ');

    // 待我办理 lists it for the mediator.
    const todo = (await tiaojie.get('/api/v1/workbench/todo?procedure=dispute')).json();
    expect(todo.items.map((x: { id: string }) => x.id)).toContain(did);

    t.yifa.clock.source = at('2026-03-03');
    await ok(tiaojie, did, 'dispute.consent', { on: '2026-03-03', note: '双方同意调解' });
    const me = (await tiaojie.get('/api/v1/session')).json().user;
    view = await ok(tiaojie, did, 'dispute.assign-mediators', { on: '2026-03-03', chosen: true, personIds: [me.personId] });
    expect(view.record.mediators.names).toHaveLength(1);
    t.yifa.clock.source = at('2026-03-05');
    await ok(tiaojie, did, 'dispute.record-session', {
      on: '2026-03-05',
      place: '村委会调解室',
      present: '双方当事人',
      record: '双方陈述意见，同意以二轮承包合同为准。',
    });
    t.yifa.clock.source = at('2026-03-10');
    view = await ok(tiaojie, did, 'dispute.written-agreement', {
      on: '2026-03-10',
      responsibility: '双方均未妥善保管界桩。',
      terms: '以二轮承包合同四至为准，共同埋设界桩。',
      performance: '2026年3月20日前共同埋设界桩。',
      amountFen: 120000,
      signed: true,
    });
    expect(view.status).toBe('agreed');
    expect(view.record.outcome.number).toBe('妙泉调协字〔2026〕第1号');
    expect(view.deadlines.find((d: { rule: string }) => d.rule === 'mediation.target')).toMatchObject({ state: 'met' });
    expect(view.deadlines.find((d: { rule: string }) => d.rule === 'mediation.judicial-confirmation')).toMatchObject({
      from: '2026-03-10',
      due: '2026-04-09',
      kind: 'window',
      citation: '《中华人民共和国人民调解法》第三十三条',
    });

    // The agreement as DOCX: the parties, the terms, the signature and seal blocks.
    const docs = (await tiaojie.get(`/api/v1/disputes/${did}/documents`)).json().items.map((d: { id: string }) => d.id);
    expect(docs).toEqual(['registration', expect.stringMatching(/^session:\d+$/), 'agreement', 'confirmation-application']);
    const docx = await tiaojie.get(`/api/v1/disputes/${did}/documents/agreement/docx`);
    expect(docx.statusCode).toBe(200);
    const text = await docxText(docx.rawPayload);
    expect(text).toContain('以二轮承包合同四至为准，共同埋设界桩。');
    expect(text).toContain('妙泉村人民调解委员会（印章）');
    expect(text).toContain('当事人“田某某”（签名、盖章或按指印）');
    expect(text).not.toContain('"');

    // 司法确认 after the 30 days is refused, citing Art 33; within them it is recorded, then the court's result.
    t.yifa.clock.source = at('2026-04-15');
    const late = await act(tiaojie, did, 'dispute.apply-confirmation', { appliedOn: '2026-04-15', court: '秀山县人民法院', joint: true });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.citation).toContain('第三十三条');
    const early = await act(tiaojie, did, 'dispute.apply-confirmation', { appliedOn: '2026-04-08', court: '秀山县人民法院', joint: false });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toBe('司法确认须由双方当事人共同申请');
    await ok(tiaojie, did, 'dispute.apply-confirmation', { appliedOn: '2026-04-08', court: '秀山县人民法院', joint: true });
    view = await ok(tiaojie, did, 'dispute.record-court-result', { on: '2026-04-15', result: 'confirmed', note: '（2026）渝0241民特1号' });
    expect(view.deadlines.find((d: { rule: string }) => d.rule === 'mediation.judicial-confirmation').state).toBe('met');
    view = await ok(tiaojie, did, 'dispute.follow-up', { on: '2026-04-15', performance: 'full', note: '界桩已埋设。' });
    expect(view.status).toBe('performed');
    const closed = await t.yifa.db.kysely
      .selectFrom('procedure_cases')
      .select(['closed_on', 'waiting_roles'])
      .where('id', '=', did)
      .executeTakeFirstOrThrow();
    expect(closed).toEqual({ closed_on: '2026-04-15', waiting_roles: null });

    // The supervisor reads it with the parties' ID numbers masked.
    const seen = (await jiandu.get(`/api/v1/disputes/${did}`)).json();
    expect(seen.record.parties[0].idNumber).toBe('***');
    const report = await verifyProjections(t.yifa.db, projectionReplayers(t.yifa));
    expect(report.problemCount).toBe(0);
  });

  it('ends the procedure when a party refuses mediation (Art 17)', async () => {
    t.yifa.clock.source = at('2026-05-04');
    const did = (await register(tiaojie, registration('2026-05-04', { category: 'neighbour' }))).json().id as string;
    const wrongParty = await act(tiaojie, did, 'dispute.decline', { on: '2026-05-04', refusedBy: '王某某', note: '—' });
    expect(wrongParty.statusCode).toBe(409);
    const view = await ok(tiaojie, did, 'dispute.decline', {
      on: '2026-05-04',
      refusedBy: '杨某某',
      note: '杨某某明确拒绝调解，已告知可以向人民法院起诉。',
    });
    expect(view).toMatchObject({ status: 'declined', allowedActions: [] });
    expect(view.deadlines.find((d: { rule: string }) => d.rule === 'mediation.target').state).toBe('met');
    const after = await act(tiaojie, did, 'dispute.consent', { on: '2026-05-04', note: '同意' });
    expect(after.statusCode).toBe(409);
    const row = await t.yifa.db.kysely
      .selectFrom('mediation_disputes')
      .select(['outcome', 'outcome_on'])
      .where('id', '=', did)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ outcome: 'declined', outcome_on: '2026-05-04' });
  });

  it('refuses bad input and a mediator of another committee, saving nothing', async () => {
    t.yifa.clock.source = at('2026-06-01');
    const before = await count();
    const noName = await register(tiaojie, registration('2026-06-01', { partyA: party('', 1) }));
    expect(noName.statusCode).toBe(400);
    const badId = await register(
      tiaojie,
      registration('2026-06-01', { partyA: { ...party('田某某', 1), idNumber: '500241197001010010' } }),
    );
    expect(badId.statusCode).toBe(400);
    expect(badId.json().error.message).toContain('身份证号第 18 位（校验码）');
    const onlyOne = await register(tiaojie, registration('2026-06-01', { partyB: undefined }));
    expect(onlyOne.statusCode).toBe(400);
    const samePerson = await register(tiaojie, registration('2026-06-01', { partyB: party('田某某', 1) }));
    expect(samePerson.json().error.message).toBe('双方当事人不能是同一人');
    const future = await register(tiaojie, registration('2026-06-02'));
    expect(future.statusCode).toBe(409);
    expect(future.json().error.message).toContain('不能晚于今天');
    // 妙泉村's mediator may not register for 贵塘村's committee: refused and on record.
    const committees = (await tiaojie.get('/api/v1/mediation-committees')).json().items;
    const b = committees.find((c: { name: string }) => c.name === '贵塘村人民调解委员会').id;
    const outside = await register(tiaojie, registration('2026-06-01', { committeeId: b }));
    expect(outside.statusCode).toBe(403);
    expect(outside.json().error.citation).toContain('第十九条');
    expect(await count()).toBe(before);

    // A dispute of 贵塘村: its mediator acts; 妙泉村's may read it (his scope) but not act on it.
    // He sits on two committees (贵塘村's and the enterprise's): he names the one.
    const ambiguous = await register(other, registration('2026-06-01'));
    expect(ambiguous.json().error.message).toBe('您不在或同时在多个人民调解委员会，请选择受理的调解委员会');
    const did = (await register(other, registration('2026-06-01', { committeeId: b }))).json().id as string;
    expect(await count()).toBe(before + 1);
    const denials = async () =>
      Number(
        (
          await t.yifa.db.kysely
            .selectFrom('actions')
            .select((e) => e.fn.countAll().as('n'))
            .where('type', '=', 'access.denied')
            .where('subject_id', '=', did)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const denied = await act(tiaojie, did, 'dispute.consent', { on: '2026-06-01', note: '同意' });
    expect(denied.statusCode).toBe(403);
    expect(await denials()).toBe(1);
    expect((await other.get(`/api/v1/disputes/${did}`)).json().status).toBe('registered');

    await ok(other, did, 'dispute.consent', { on: '2026-06-01', note: '同意' });
    // A mediator who is not on the committee cannot be designated (Art 19).
    const me = (await tiaojie.get('/api/v1/session')).json().user;
    const notMember = await act(other, did, 'dispute.assign-mediators', { on: '2026-06-01', chosen: false, personIds: [me.personId] });
    expect(notMember.statusCode).toBe(409);
    expect(notMember.json().error.citation).toContain('第十九条');
    const gt = (await other.get('/api/v1/session')).json().user;
    await ok(other, did, 'dispute.assign-mediators', { on: '2026-06-01', chosen: false, personIds: [gt.personId] });
    // No agreement before a session is recorded (Art 27), none without terms, none dated tomorrow.
    const terms = { responsibility: '双方', terms: '协议', performance: '当场履行', amountFen: 0, signed: true };
    const noSession = await act(other, did, 'dispute.written-agreement', { on: '2026-06-01', ...terms });
    expect(noSession.json().error.citation).toContain('第二十七条');
    await ok(other, did, 'dispute.record-session', { on: '2026-06-01', place: '村委会', present: '双方', record: '调解。' });
    const stateBefore = (await other.get(`/api/v1/disputes/${did}`)).json().record;
    const noTerms = await act(other, did, 'dispute.written-agreement', { on: '2026-06-01', ...terms, terms: '  ' });
    expect(noTerms.statusCode).toBe(400);
    const unsigned = await act(other, did, 'dispute.written-agreement', { on: '2026-06-01', ...terms, signed: false });
    expect(unsigned.json().error.citation).toContain('第二十九条');
    const tomorrow = await act(other, did, 'dispute.written-agreement', { on: '2026-06-02', ...terms });
    expect(tomorrow.statusCode).toBe(409);
    expect((await other.get(`/api/v1/disputes/${did}`)).json().record).toEqual(stateBefore);
    const ended = await ok(other, did, 'dispute.end', { on: '2026-06-01', reason: '分歧较大。', routes: '可以向人民法院起诉。' });
    expect(ended).toMatchObject({ status: 'ended', record: { outcome: { number: '妙泉调终字〔2026〕第1号' } } });
  });

  it('counts the statistics as the fixtures were made', async () => {
    // 2025: three land disputes (two written agreements of ¥1,000 and ¥500.50, one ended), one oral family
    // agreement of ¥300 on referral by the police, one refused neighbour dispute.
    const story = async (on: string, extra: Record<string, unknown>, outcome: (id: string) => Promise<unknown>) => {
      t.yifa.clock.source = at(on);
      const did = (await register(tiaojie, registration(on, extra))).json().id as string;
      await outcome(did);
    };
    const me = (await tiaojie.get('/api/v1/session')).json().user;
    const mediate = async (did: string, on: string) => {
      await ok(tiaojie, did, 'dispute.consent', { on, note: '同意' });
      await ok(tiaojie, did, 'dispute.assign-mediators', { on, chosen: false, personIds: [me.personId] });
      await ok(tiaojie, did, 'dispute.record-session', { on, place: '调解室', present: '双方', record: '调解。' });
    };
    const written = (on: string, amountFen: number) => async (did: string) => {
      await mediate(did, on);
      await ok(tiaojie, did, 'dispute.written-agreement', {
        on,
        responsibility: '双方',
        terms: '协议',
        performance: '当场',
        amountFen,
        signed: true,
      });
    };
    await story('2025-02-03', {}, written('2025-02-03', 100000));
    await story('2025-05-06', { source: 'initiative' }, written('2025-05-06', 50050));
    await story('2025-07-01', {}, async (did) => {
      await mediate(did, '2025-07-01');
      await ok(tiaojie, did, 'dispute.end', { on: '2025-07-01', reason: '未达成', routes: '起诉' });
    });
    await story('2025-09-09', { category: 'family', source: 'referral', referredBy: 'police' }, async (did) => {
      await mediate(did, '2025-09-09');
      await ok(tiaojie, did, 'dispute.oral-agreement', { on: '2025-09-09', terms: '口头', performance: '当场', amountFen: 30000 });
    });
    await story('2025-11-11', { category: 'neighbour' }, (did) =>
      ok(tiaojie, did, 'dispute.decline', { on: '2025-11-11', refusedBy: '田某某', note: '拒绝' }),
    );
    t.yifa.clock.source = at('2026-06-01');

    const s = (await jiandu.get('/api/v1/disputes/statistics?from=2025-01-01&to=2025-12-31')).json();
    const land = s.byCategory.find((c: { category: string }) => c.category === 'land');
    expect(land).toMatchObject({ received: 3, succeeded: 2, ended: 1, declined: 0, successRate: 66.7, amountFen: 150050 });
    expect(s.byCategory.find((c: { category: string }) => c.category === 'family')).toMatchObject({
      received: 1,
      succeeded: 1,
      amountFen: 30000,
    });
    expect(s.byCategory.find((c: { category: string }) => c.category === 'neighbour')).toMatchObject({
      received: 1,
      succeeded: 0,
      declined: 1,
      successRate: 0,
    });
    expect(s.total).toEqual({ received: 5, succeeded: 3, ended: 1, declined: 1, successRate: 60, amountFen: 180050 });
    expect(s.bySource.map((x: { source: string; received: number }) => [x.source, x.received])).toEqual([
      ['application', 3],
      ['initiative', 1],
      ['referral', 1],
    ]);
    // One committee, a narrower period.
    const committees = (await tiaojie.get('/api/v1/mediation-committees')).json().items;
    const b = committees.find((c: { name: string }) => c.name === '贵塘村人民调解委员会').id;
    expect((await jiandu.get(`/api/v1/disputes/statistics?from=2025-01-01&to=2025-12-31&committee=${b}`)).json().total.received).toBe(0);
    expect((await jiandu.get('/api/v1/disputes/statistics?from=2025-05-01&to=2025-09-30')).json().total).toMatchObject({
      received: 3,
      succeeded: 2,
    });
    const csv = await jiandu.get('/api/v1/disputes/statistics?from=2025-01-01&to=2025-12-31&format=csv');
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('山林土地纠纷（含土地承包经营）,3,2,1,0,66.7,1500.50');
    expect(csv.body).toContain('合计,5,3,1,1,60,1800.50');
    // The same figures as an Excel workbook, read back with exceljs: numbers (not text) under Chinese headers, with their formats.
    const xlsx = await jiandu.get('/api/v1/disputes/statistics?from=2025-01-01&to=2025-12-31&format=xlsx');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(String(xlsx.headers['content-disposition'])).toContain(encodeURIComponent('人民调解统计2025-01-01至2025-12-31.xlsx'));
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['按类别', '按来源', '按调解委员会', '防止事件', '行政调解']);
    const values = (name: string) =>
      book
        .getWorksheet(name)!
        .getSheetValues()
        .slice(1)
        .map((r) => (Array.isArray(r) ? r.slice(1) : []));
    const byCategory = values('按类别');
    expect(byCategory[0]).toEqual(['统计期间：2025-01-01 至 2025-12-31']);
    expect(byCategory[1]).toEqual(['类别', '受理数', '调解成功数', '终止调解数', '拒绝调解数', '调解成功率（%）', '协议金额（元）']);
    expect(byCategory.find((r) => r[0] === '山林土地纠纷（含土地承包经营）')).toEqual([
      '山林土地纠纷（含土地承包经营）',
      3,
      2,
      1,
      0,
      66.7,
      1500.5,
    ]);
    expect(byCategory.find((r) => r[0] === '邻里纠纷')).toEqual(['邻里纠纷', 1, 0, 0, 1, 0, 0]);
    expect(byCategory.at(-1)).toEqual(['合计', 5, 3, 1, 1, 60, 1800.5]);
    // A category with nothing received has no rate: an empty cell, not 0.
    expect(byCategory.find((r) => r[0] === '医疗纠纷')).toEqual(['医疗纠纷', 0, 0, 0, 0, undefined, 0]);
    expect(byCategory).toHaveLength(2 + 15 + 1);
    expect(values('按来源').slice(2)).toEqual([
      ['当事人申请', 3, 1, 1, 1, 33.3, 1000],
      ['主动调解', 1, 1, 0, 0, 100, 500.5],
      ['委托移送', 1, 1, 0, 0, 100, 300],
    ]);
    expect(values('按调解委员会').slice(2)).toEqual([['妙泉村人民调解委员会', 5, 3, 60, 0, 0]]);
    expect(values('防止事件').slice(2)).toEqual([
      ['防止民转刑', 0, 0, 0],
      ['防止群体性上访', 0, 0, 0],
    ]);
    const sheet = book.getWorksheet('按类别')!;
    expect(sheet.getColumn(2).numFmt).toBe('#,##0');
    expect(sheet.getColumn(6).numFmt).toBe('0.0');
    expect(sheet.getColumn(7).numFmt).toBe('#,##0.00');
    // Supervision's export is the same as the page's figures (nothing out of the reader's scope).
    const json = (await jiandu.get('/api/v1/disputes/statistics?from=2025-01-01&to=2025-12-31')).json();
    expect(byCategory.slice(2, -1).map((r) => r[1])).toEqual(json.byCategory.map((c: { received: number }) => c.received));
    expect((await jiandu.get('/api/v1/disputes/statistics?from=2025-12-31&to=2025-01-01')).statusCode).toBe(400);
  });
});
