import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../helpers/engines.js';
import { startTestApp, type Client, type TestApp } from '../helpers/app.js';
import { docxText } from '../helpers/docx-text.js';
import { replayRecord } from '../../src/procedure/service.js';
import { INFORMATION_REQUESTS } from '../../src/modules/information-requests/procedure.js';
import { projectionReplayers } from '../../src/app/root.js';
import { verifyProjections } from '../../src/journal/verify-projections.js';

/** 10:00 China time on a legal date. */
const at = (date: string) => () => new Date(`${date}T10:00:00+08:00`);

const applicant = {
  kind: 'citizen',
  name: '张三',
  idNumber: '500241199001011236',
  phone: '13800001234',
  email: null,
  address: '秀山县妙泉镇贵塘村2组',
};

describe.each(ENGINES)('information requests on %s', (engine) => {
  let t: TestApp;
  let gongkai: Client;
  let fuzeren: Client;
  let zhifa1: Client;
  let jiandu: Client;
  let townAgency: string;
  beforeAll(async () => {
    t = await startTestApp(engine);
    gongkai = await t.login('gongkai');
    fuzeren = await t.login('fuzeren');
    zhifa1 = await t.login('zhifa1');
    jiandu = await t.login('jiandu');
    townAgency = (await gongkai.get('/api/v1/session')).json().user.agencyId;
  });
  afterAll(async () => t.close());

  let key = 0;
  const act = (c: Client, id: string, type: string, payload: unknown) =>
    c.post(`/api/v1/information-requests/${id}/actions`, { type, payload }, { 'idempotency-key': `ir-${engine}-${++key}` });
  const ok = async (c: Client, id: string, type: string, payload: unknown) => {
    const res = await act(c, id, type, payload);
    if (res.statusCode !== 200) throw new Error(`${type}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const publicFile = (body: unknown) => t.anonymous().post('/api/v1/public/information-requests', body);
  const track = (code: string) => t.anonymous().post('/api/v1/public/information-requests/track', { code });

  it('runs a portal request through 补正 to a partial disclosure the applicant reads with the code', async () => {
    t.yifa.clock.source = at('2026-03-02');
    const filed = await publicFile({
      agencyId: townAgency,
      applicant,
      description: '妙泉镇2025年农村公路建设资金使用情况',
      form: 'electronic',
    });
    expect(filed.statusCode, filed.body).toBe(201);
    const code = filed.json().trackingCode as string;
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect(filed.json()).toMatchObject({ status: 'received', receivedOn: '2026-03-02' });
    // The code is never stored: neither the journal nor the state holds it.
    const journal = await t.yifa.db.kysely
      .selectFrom('actions')
      .select('payload')
      .where('subject_type', '=', 'information-request')
      .execute();
    expect(JSON.stringify(journal)).not.toContain(code);

    const list = (await gongkai.get('/api/v1/information-requests?status=received')).json();
    const id = list.items[0].id as string;
    expect(list.items[0].title).toContain('张三');
    let view = (await gongkai.get(`/api/v1/information-requests/${id}`)).json();
    expect(view.allowedActions.map((a: { type: string }) => a.type)).toContain('information-request.request-correction');
    expect(view.deadlines.find((d: { rule: string }) => d.rule === 'disclosure.request-reply')).toMatchObject({
      due: '2026-03-30',
      state: 'ok',
    });

    // 补正 later than 7 working days is refused, citing Art 30.
    t.yifa.clock.source = at('2026-03-12');
    const late = await act(gongkai, id, 'information-request.request-correction', {
      on: '2026-03-12',
      items: '请写明具体项目名称',
      answerBy: '2026-03-20',
    });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.citation).toContain('第三十条');
    t.yifa.clock.source = at('2026-03-04');
    view = await ok(gongkai, id, 'information-request.request-correction', {
      on: '2026-03-04',
      items: '请写明所需信息涉及的具体路段或项目名称',
      answerBy: '2026-03-18',
    });
    expect(view.status).toBe('correcting');
    expect(view.documents[0].number).toBe('妙泉依申补字〔2026〕第1号');

    // The applicant sees the notice and answers with the code.
    t.yifa.clock.source = at('2026-03-06');
    const seen = (await track(code)).json();
    expect(seen).toMatchObject({
      status: 'correcting',
      canAnswerCorrection: true,
      correction: { items: '请写明所需信息涉及的具体路段或项目名称' },
    });
    const answered = await t
      .anonymous()
      .post('/api/v1/public/information-requests/track/correction', { code, answer: '贵塘村至大田村通村公路硬化项目' });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json().status).toBe('processing');

    // The reply clock restarts from the corrected request (Art 30).
    view = (await gongkai.get(`/api/v1/information-requests/${id}`)).json();
    expect(view.deadlines.find((d: { rule: string }) => d.rule === 'disclosure.request-reply')).toMatchObject({
      from: '2026-03-06',
      due: '2026-04-03',
    });

    // A partial disclosure must name its ground; then it is numbered and the applicant can download it.
    t.yifa.clock.source = at('2026-03-20');
    const noGround = await act(gongkai, id, 'information-request.reply', {
      on: '2026-03-20',
      type: 'partial',
      text: '公开项目资金拨付情况',
      ground: null,
      referTo: null,
      publicInterest: null,
    });
    expect(noGround.statusCode).toBe(409);
    expect(noGround.json().error.citation).toContain('第三十七条');
    view = await ok(gongkai, id, 'information-request.reply', {
      on: '2026-03-20',
      type: 'partial',
      text: '项目资金拨付情况见附件；施工单位内部核算资料不予公开。',
      ground: 'process',
      referTo: null,
      publicInterest: null,
    });
    expect(view.status).toBe('replied');
    const replied = (await track(code)).json();
    expect(replied.reply).toMatchObject({ typeName: '部分公开', number: '妙泉依申答字〔2026〕第1号' });
    const docx = await t.anonymous().post('/api/v1/public/information-requests/track/document', { code, documentId: 'reply' });
    expect(docx.statusCode).toBe(200);
    const text = await docxText(docx.rawPayload);
    expect(text).toContain('政府信息公开申请答复书');
    expect(text).toContain('部分公开');
    expect(text).toContain('应当先申请行政复议');

    // The journal alone rebuilds it; the projection check finds nothing wrong.
    expect(await replayRecord(t.yifa, INFORMATION_REQUESTS, id)).toEqual(view.record);
    const report = await verifyProjections(t.yifa.db, projectionReplayers(t.yifa));
    expect(report.problems).toEqual([]);
  });

  it('shows a code only its own request, and refuses a malformed one', async () => {
    t.yifa.clock.source = at('2026-04-01');
    const a = (await publicFile({ agencyId: townAgency, applicant, description: '申请甲', form: 'paper' })).json();
    const b = (
      await publicFile({ agencyId: townAgency, applicant: { ...applicant, name: '李四' }, description: '申请乙', form: 'paper' })
    ).json();
    expect((await track(a.trackingCode)).json().description).toBe('申请甲');
    expect((await track(b.trackingCode)).json().description).toBe('申请乙');
    expect((await track('AAAA-BBBB-CCCC-DDDD')).statusCode).toBe(404);
    const bad = await track('not a code');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('查询码');
    // The applicant's personal data never reaches the portal's answer.
    expect(JSON.stringify(a)).not.toContain(applicant.idNumber);
  });

  it('validates the public form in Chinese and changes nothing on a bad one', async () => {
    const before = await t.yifa.db.kysely
      .selectFrom('procedure_cases')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    const noContact = await publicFile({
      agencyId: townAgency,
      applicant: { ...applicant, phone: null, address: null },
      description: '某信息',
      form: 'paper',
    });
    expect(noContact.statusCode).toBe(409);
    expect(noContact.json().error).toMatchObject({ code: 'GATE_REFUSED', citation: expect.stringContaining('第二十九条') });
    const badId = await publicFile({
      agencyId: townAgency,
      applicant: { ...applicant, idNumber: '123' },
      description: '某信息',
      form: 'paper',
    });
    expect(badId.statusCode).toBe(400);
    expect(badId.json().error.message).toMatch(/身份证号/);
    const noAgency = await publicFile({ agencyId: 'nope', applicant, description: '某信息', form: 'paper' });
    expect(noAgency.statusCode).toBe(400);
    const after = await t.yifa.db.kysely
      .selectFrom('procedure_cases')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('pauses the reply clock for a third party, needs the head for an extension (not the requester), and refuses other roles with 403', async () => {
    t.yifa.clock.source = at('2026-05-06');
    const opened = await gongkai.post('/api/v1/information-requests', {
      type: 'information-request.submit',
      payload: {
        channel: 'counter',
        receivedOn: '2026-05-06',
        applicant: { ...applicant, name: '某某建材公司', kind: 'organisation', idNumber: '91500241MA5U00000K' },
        description: '某企业环评批复文件',
        form: 'paper',
      },
    });
    expect(opened.statusCode, opened.body).toBe(201);
    expect(opened.json().trackingCode).toMatch(/^[A-Z2-9-]{19}$/);
    const id = opened.json().id as string;

    // An officer of the same town may not act on it: 403, journaled.
    const denied = await act(zhifa1, id, 'information-request.reply', {
      on: '2026-05-06',
      type: 'disclose',
      text: 'x',
      ground: null,
      referTo: null,
      publicInterest: null,
    });
    expect(denied.statusCode).toBe(403);
    const refusals = await t.yifa.db.kysely.selectFrom('actions').select('payload').where('type', '=', 'access.denied').execute();
    expect(refusals.some((r) => r.payload.includes(`/information-requests/${id}/actions`))).toBe(true);

    let view = await ok(gongkai, id, 'information-request.consult-third-party', {
      sentOn: '2026-05-06',
      thirdParty: '某某建材公司',
      matter: '环评批复中的生产工艺信息可能涉及商业秘密',
    });
    expect(view.status).toBe('consulting');
    const due = (v: { deadlines: { rule: string; due: string }[] }) => v.deadlines.find((d) => d.rule === 'disclosure.request-reply')!.due;
    const paused = due(view);
    // Silence cannot be recorded before the 15 working days have passed.
    t.yifa.clock.source = at('2026-05-08');
    const early = await act(gongkai, id, 'information-request.record-opinion', {
      consultationSeq: 1,
      on: '2026-05-08',
      opinion: 'none',
      reason: null,
    });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.citation).toContain('第三十二条');
    t.yifa.clock.source = at('2026-05-12');
    view = await ok(gongkai, id, 'information-request.record-opinion', {
      consultationSeq: 1,
      on: '2026-05-12',
      opinion: 'object',
      reason: '涉及商业秘密',
    });
    expect(due(view) < paused).toBe(true);
    // Disclosing over an objection needs the public-interest reason.
    const over = await act(gongkai, id, 'information-request.reply', {
      on: '2026-05-12',
      type: 'disclose',
      text: '公开',
      ground: null,
      referTo: null,
      publicInterest: null,
    });
    expect(over.statusCode).toBe(409);

    await ok(gongkai, id, 'information-request.request-extension', { days: 20, reason: '需要调取档案' });
    const self = await act(gongkai, id, 'information-request.approve', { kind: 'extension', opinion: '同意' });
    expect(self.statusCode).toBe(403);
    view = await ok(fuzeren, id, 'information-request.approve', { kind: 'extension', opinion: '同意延期' });
    const extended = view.deadlines.find((d: { rule: string }) => d.rule === 'disclosure.request-extension');
    expect(extended).toMatchObject({ state: 'ok' });
    expect(view.record.extension.until).toBe(extended.due);
    expect(view.documents.map((d: { title: string }) => d.title)).toContain('政府信息公开申请延期答复告知书');
    const twice = await act(gongkai, id, 'information-request.request-extension', { days: 5, reason: '再延' });
    expect(twice.statusCode).toBe(409);

    // The supervisor reads it with personal data masked, and may not export the whole file.
    const seen = (await jiandu.get(`/api/v1/information-requests/${id}`)).json();
    expect(seen.record.applicant.idNumber).toBe('***');
    expect((await jiandu.get(`/api/v1/information-requests/${id}/case-file`)).statusCode).toBe(403);
    const file = await gongkai.get(`/api/v1/information-requests/${id}/case-file`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/zip');
  });
});
