/**
 * 信访事项 on both engines, through the HTTP API as the 信访干部 (xinfang), the head (fuzeren)
 * and the petitioner on the portal meet it: registration → acceptance → handling with an
 * approved extension → 信访处理意见书 → 复查 → 复核, a repeat refused after 复核, a group visit
 * of six refused, bad input refused in Chinese with nothing saved, and the limits as the
 * catalog counts them (calendar days moved past rest days; the 5-day objection in working
 * days) across 劳动节, 端午 and 国庆 2026.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../helpers/engines.js';
import { startTestApp, type Client, type TestApp } from '../helpers/app.js';
import { docxText } from '../helpers/docx-text.js';
import { solvedProof } from '../helpers/portal-proof.js';
import { replayRecord } from '../../src/procedure/service.js';
import { PETITIONS } from '../../src/modules/petitions/procedure.js';
import { projectionReplayers } from '../../src/app/root.js';
import { verifyProjections } from '../../src/journal/verify-projections.js';
import { withIdCheckChar } from '../../src/platform/identity/numbers.js';

/** 10:00 China time on a legal date. */
const at = (date: string) => () => new Date(`${date}T10:00:00+08:00`);

const petitioner = (name: string, n = 1) => ({
  name,
  idNumber: withIdCheckChar(`50024119800101${String(1000 + n).slice(-3)}`),
  phone: `1380000${String(1000 + n).slice(-4)}`,
  address: '秀山县妙泉镇大田村3组',
});

const visit = (receivedOn: string, extra: Record<string, unknown> = {}) => ({
  channel: 'visit',
  source: 'direct',
  receivedOn,
  petitioners: [petitioner('王某某')],
  groupSize: null,
  request: '要求补发大田村集镇扩建项目房屋拆迁补偿款',
  factsAndReasons: '2025年房屋被拆除，补偿协议约定的第二期补偿款至今未支付。',
  category: 'land-acquisition',
  place: '大田村',
  oralConfirmed: true,
  repeatOf: null,
  ...extra,
});

type View = {
  id: string;
  status: string;
  deadlines: { rule: string; due: string; state: string; kind: string }[];
  documents: { series: string; number: string }[];
  allowedActions: { type: string }[];
  record: Record<string, unknown> & { number: string };
};

describe.each(ENGINES)('petitions on %s', (engine) => {
  let t: TestApp;
  let xinfang: Client;
  let fuzeren: Client;
  let jiandu: Client;
  beforeAll(async () => {
    t = await startTestApp(engine);
    xinfang = await t.login('xinfang');
    fuzeren = await t.login('fuzeren');
    jiandu = await t.login('jiandu');
  });
  afterAll(async () => t.close());

  let key = 0;
  const act = (c: Client, id: string, type: string, payload: unknown) =>
    c.post(`/api/v1/petitions/${id}/actions`, { type, payload }, { 'idempotency-key': `pt-${engine}-${++key}` });
  const ok = async (c: Client, id: string, type: string, payload: unknown): Promise<View> => {
    const res = await act(c, id, type, payload);
    if (res.statusCode !== 200) throw new Error(`${type}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const register = (payload: unknown) => xinfang.post('/api/v1/petitions', { type: 'petition.register', payload });
  const due = (v: View, rule: string) => v.deadlines.find((d) => d.rule === rule);
  const count = async () =>
    Number(
      (
        await t.yifa.db.kysely
          .selectFrom('procedure_cases')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const track = (code: string) => t.anonymous().post('/api/v1/public/petitions/track', { code });

  it('runs a visit from registration through handling, an approved extension, the opinion, 复查 and 复核, then refuses the repeat', async () => {
    t.yifa.clock.source = at('2026-03-02');
    const opened = await register(visit('2026-03-02'));
    expect(opened.statusCode, opened.body).toBe(201);
    const code = opened.json().trackingCode as string;
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    let view = opened.json() as View;
    const id = view.id;
    expect(view.status).toBe('registered');
    expect(view.record.number).toBe('妙泉信登字〔2026〕第1号');
    // 15 calendar days from receipt (Art 23).
    expect(due(view, 'petition.acceptance-notice')).toMatchObject({ due: '2026-03-17', state: 'ok' });
    expect(view.allowedActions.slice(0, 4).map((a) => a.type)).toEqual([
      'petition.accept',
      'petition.decline',
      'petition.transfer',
      'petition.assign',
    ]);
    // 待我办理: the clerk has it; supervision does not.
    const todo = (await xinfang.get('/api/v1/workbench/todo?procedure=petition')).json();
    expect(todo.items.map((i: { id: string }) => i.id)).toContain(id);

    t.yifa.clock.source = at('2026-03-05');
    view = await ok(xinfang, id, 'petition.accept', { on: '2026-03-05' });
    expect(view.status).toBe('accepted');
    expect(view.documents.map((d) => d.series)).toEqual(['registration', 'acceptance']);
    // 60 days from acceptance: 2026-05-04 falls in 劳动节 (5.1–5.5), so the 6th.
    expect(due(view, 'petition.handling')).toMatchObject({ due: '2026-05-06', state: 'ok' });
    expect(due(view, 'petition.acceptance-notice')?.state).toBe('met');

    // The petitioner sees the acceptance by code, without anyone's personal data.
    const seen = await track(code);
    expect(seen.statusCode).toBe(200);
    expect(seen.json()).toMatchObject({
      status: 'accepted',
      statusName: '已受理（办理中）',
      routing: { kind: 'accept', on: '2026-03-05' },
    });
    expect(seen.body).not.toContain('500241198001010');
    expect(seen.body).not.toContain('13800001001');

    await ok(xinfang, id, 'petition.add-note', { on: '2026-03-05', kind: 'site', text: '现场核实，该户房屋已于2025年拆除。' });
    expect((await track(code)).body).not.toContain('现场核实');

    // An extension needs the head: requested, it changes no due date; the clerk cannot approve it.
    t.yifa.clock.source = at('2026-04-20');
    const tooLong = await act(xinfang, id, 'petition.request-extension', { days: 31, reason: '需要补充评估' });
    expect(tooLong.statusCode).toBe(400);
    expect(tooLong.json().error.message).toContain('延长期限不得超过 30 日');
    view = await ok(xinfang, id, 'petition.request-extension', { days: 20, reason: '需要评估机构出具补充评估报告' });
    expect(view.record.extension).toBeNull();
    expect(due(view, 'petition.handling')?.due).toBe('2026-05-06');
    expect((await act(xinfang, id, 'petition.approve', { kind: 'extension', opinion: '同意' })).statusCode).toBe(403);
    // While it waits, it is the head's to do.
    const headTodo = (await fuzeren.get('/api/v1/workbench/todo?procedure=petition')).json();
    expect(headTodo.items.map((i: { id: string }) => i.id)).toContain(id);
    t.yifa.clock.source = at('2026-04-21');
    view = await ok(fuzeren, id, 'petition.approve', { kind: 'extension', opinion: '同意延长，告知信访人理由' });
    // 60 + 20 days from 2026-03-05 is Sunday 2026-05-24: moved to Monday.
    expect(view.record.extension).toMatchObject({ days: 20, until: '2026-05-25', number: '妙泉信延字〔2026〕第1号' });
    expect(due(view, 'petition.handling-extension')).toMatchObject({ due: '2026-05-25', state: 'ok' });
    const again = await act(xinfang, id, 'petition.request-extension', { days: 5, reason: '再延' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.citation).toContain('第三十四条');
    const notice = await xinfang.get(`/api/v1/petitions/${id}/documents/extension-notice/docx`);
    expect(notice.statusCode).toBe(200);
    expect(await docxText(notice.rawPayload)).toContain('需要评估机构出具补充评估报告');

    // The opinion: one of the three outcomes, with facts and basis.
    t.yifa.clock.source = at('2026-05-20');
    view = await ok(xinfang, id, 'petition.issue-opinion', {
      on: '2026-05-20',
      servedOn: '2026-05-20',
      outcome: 'reject',
      facts: '第二期补偿款已于2026年1月支付至该户账户。',
      basis: '《国有土地上房屋征收与补偿条例》第二十五条',
      text: '补偿款已足额支付，请求缺乏事实根据。',
    });
    expect(view.status).toBe('answered');
    // 30 days to ask for 复查: 2026-06-19 is 端午, so Monday the 22nd.
    expect(due(view, 'petition.review-request')).toMatchObject({ due: '2026-06-22', kind: 'window' });
    // The petitioner rates the opinion with the code, once.
    const rate = (rating: string) => t.anonymous().post('/api/v1/public/petitions/track/rate', { code, rating, comment: '补偿款确已到账' });
    expect((await track(code)).json().canRate).toBe(true);
    const rated = await rate('basically-satisfied');
    expect(rated.statusCode, rated.body).toBe(200);
    expect(rated.json()).toMatchObject({ canRate: false, ratings: [{ on: '2026-05-20', rating: '基本满意' }] });
    const twice = await rate('satisfied');
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.citation).toBe('《信访工作条例》第二十一条');
    expect((await t.anonymous().post('/api/v1/public/petitions/track/rate', { code, rating: 'great', comment: null })).statusCode).toBe(
      400,
    );
    const opinionDoc = await docxText((await xinfang.get(`/api/v1/petitions/${id}/documents/opinion/docx`)).rawPayload);
    expect(opinionDoc).toContain('信访处理意见书');
    expect(opinionDoc).toContain('不予支持');
    expect(opinionDoc).toContain('《国有土地上房屋征收与补偿条例》第二十五条');
    expect(opinionDoc).toContain('“要求补发大田村集镇扩建项目房屋拆迁补偿款”');
    expect(opinionDoc).not.toMatch(/"/);

    t.yifa.clock.source = at('2026-06-01');
    view = await ok(xinfang, id, 'petition.request-review', { on: '2026-06-01', body: '秀山县人民政府', reason: '补偿款金额不对' });
    expect(view.status).toBe('reviewing');
    expect(due(view, 'petition.review-reply')).toMatchObject({ due: '2026-07-01', state: 'ok' });
    t.yifa.clock.source = at('2026-06-25');
    view = await ok(xinfang, id, 'petition.review-reply', {
      on: '2026-06-25',
      servedOn: '2026-06-25',
      outcome: 'uphold',
      text: '经复查，维持原处理意见。',
    });
    expect(view.status).toBe('reviewed');
    // 2026-07-25 is a Saturday.
    expect(due(view, 'petition.recheck-request')).toMatchObject({ due: '2026-07-27' });
    t.yifa.clock.source = at('2026-07-10');
    view = await ok(xinfang, id, 'petition.request-recheck', { on: '2026-07-10', body: '重庆市人民政府信访办公室', reason: '仍不服' });
    expect(due(view, 'petition.recheck-reply')).toMatchObject({ due: '2026-08-10' });
    t.yifa.clock.source = at('2026-08-01');
    view = await ok(xinfang, id, 'petition.recheck-reply', {
      on: '2026-08-01',
      servedOn: '2026-08-01',
      outcome: 'uphold',
      text: '经复核，维持复查意见。',
    });
    expect(view.status).toBe('rechecked');
    expect(view.documents.map((d) => d.series)).toEqual(['registration', 'acceptance', 'extension-notice', 'opinion', 'review', 'recheck']);
    view = await ok(xinfang, id, 'petition.rate', { on: '2026-08-01', rating: 'dissatisfied', comment: null });
    expect((await act(xinfang, id, 'petition.rate', { on: '2026-08-01', rating: 'satisfied', comment: null })).statusCode).toBe(409);
    const final = (await track(code)).json();
    expect(final).toMatchObject({ status: 'rechecked', recheck: { reply: { outcome: '维持原处理意见' } } });
    expect(final.documents.map((d: { id: string }) => d.id)).toContain('recheck');

    // The same request on the same facts after 复核: not accepted (Art 36); declined as concluded.
    t.yifa.clock.source = at('2026-08-20');
    const repeat = await register(visit('2026-08-20', { repeatOf: view.record.number }));
    expect(repeat.statusCode, repeat.body).toBe(201);
    const rid = repeat.json().id as string;
    const refusedAccept = await act(xinfang, rid, 'petition.accept', { on: '2026-08-20' });
    expect(refusedAccept.statusCode).toBe(409);
    expect(refusedAccept.json().error).toMatchObject({ code: 'GATE_REFUSED', citation: '《信访工作条例》第三十六条' });
    expect(refusedAccept.json().error.message).toContain('不再受理');
    expect(((await xinfang.get(`/api/v1/petitions/${rid}`)).json() as View).status).toBe('registered');
    const declined = await ok(xinfang, rid, 'petition.decline', { on: '2026-08-20', route: 'concluded', reason: '已经复核终结' });
    expect(declined.status).toBe('declined');

    // The journal alone rebuilds it; the projection check finds nothing wrong.
    expect(await replayRecord(t.yifa, PETITIONS, id)).toEqual(view.record);
    const report = await verifyProjections(t.yifa.db, projectionReplayers(t.yifa));
    expect(report.problems).toEqual([]);
  });

  it('refuses a group visit of six representatives (Art 20), an unconfirmed oral petition and bad input, saving nothing', async () => {
    t.yifa.clock.source = at('2026-04-01');
    const before = await count();
    const six = await register(
      visit('2026-04-01', { petitioners: [1, 2, 3, 4, 5, 6].map((n) => petitioner(`代表${n}`, n)), groupSize: 30 }),
    );
    expect(six.statusCode).toBe(409);
    expect(six.json().error).toMatchObject({ code: 'GATE_REFUSED', citation: '《信访工作条例》第二十条' });
    expect(six.json().error.message).toContain('代表人数不超过 5 人');
    const unconfirmed = await register(visit('2026-04-01', { oralConfirmed: false }));
    expect(unconfirmed.statusCode).toBe(409);
    expect(unconfirmed.json().error.citation).toBe('《信访工作条例》第十九条');
    const noRequest = await register(visit('2026-04-01', { request: '  ' }));
    expect(noRequest.statusCode).toBe(400);
    expect(noRequest.json().error.code).toBe('INVALID_INPUT');
    expect(noRequest.json().error.message).toMatch(/[\u4e00-\u9fff]/);
    const badId = await register(visit('2026-04-01', { petitioners: [{ ...petitioner('李某'), idNumber: '123' }] }));
    expect(badId.statusCode).toBe(400);
    expect(badId.json().error.message).toContain('身份证号');
    const future = await register(visit('2026-04-02'));
    expect(future.statusCode).toBe(409);
    expect(await count()).toBe(before);
    // Five are accepted.
    const five = await register(visit('2026-04-01', { petitioners: [1, 2, 3, 4, 5].map((n) => petitioner(`代表${n}`, n)), groupSize: 30 }));
    expect(five.statusCode, five.body).toBe(201);
    expect(await count()).toBe(before + 1);
  });

  it('counts the limits as the catalog says across 国庆: 15 calendar days moved past the holiday, the objection in 5 working days', async () => {
    t.yifa.clock.source = at('2026-09-16');
    const a = (await register(visit('2026-09-16'))).json() as View;
    // 9-16 + 15 days = 10-01, inside 国庆 (10.1–10.7): the next working day.
    expect(due(a, 'petition.acceptance-notice')?.due).toBe('2026-10-08');
    t.yifa.clock.source = at('2026-09-28');
    const b = (await register(visit('2026-09-28', { source: 'transferred', channel: 'letter', oralConfirmed: false }))).json() as View;
    // Working days after 9-28: 9-29, 9-30, 10-08, 10-09, and Saturday 10-10 (a make-up working day).
    expect(due(b, 'petition.misroute-objection')).toMatchObject({ due: '2026-10-10', kind: 'window' });
    expect(due(b, 'petition.acceptance-notice')?.due).toBe('2026-10-13');
    t.yifa.clock.source = at('2026-10-12');
    const late = await act(xinfang, b.id, 'petition.object-misroute', { on: '2026-10-12', reason: '低保审批不属于本机关职责' });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.citation).toBe('《信访工作条例》第二十三条');
    expect((await act(xinfang, a.id, 'petition.object-misroute', { on: '2026-10-12', reason: 'x' })).statusCode).toBe(409);
    t.yifa.clock.source = at('2026-10-09');
    const objected = await ok(xinfang, b.id, 'petition.object-misroute', { on: '2026-10-09', reason: '低保审批不属于本机关职责' });
    expect(objected.status).toBe('objected');
    // Unrouted past its 15 days: overdue in the due queue.
    t.yifa.clock.source = at('2026-10-20');
    const overdue = (await xinfang.get('/api/v1/workbench/due?within=overdue&procedure=petition')).json();
    expect(overdue.items.map((i: { id: string }) => i.id)).toContain(a.id);
    expect(overdue.items.map((i: { id: string }) => i.id)).not.toContain(b.id);
  });

  it('files online without an account, shows a code only its own petition, and masks personal data for supervision', async () => {
    t.yifa.clock.source = at('2026-11-02');
    const agencyId = (await xinfang.get('/api/v1/session')).json().user.agencyId as string;
    const body = {
      agencyId,
      petitioners: [petitioner('赵某某', 9)],
      request: '反映贵塘村土地复垦项目占用耕地未补偿',
      factsAndReasons: '复垦项目施工临时占用本户耕地半年，未给予补偿。',
      category: 'land-reclamation',
      place: '贵塘村',
    };
    // The filing carries a proof of work its browser found; none, a forged one or one used already is refused, keeping nothing.
    const before = await t.yifa.journal.size();
    const none = await t.anonymous().post('/api/v1/public/petitions', body);
    expect(none.statusCode, none.body).toBe(400);
    expect(none.json().error.message).toContain('人机验证未通过');
    const proof = await solvedProof(t.anonymous());
    const forged = await t.anonymous().post('/api/v1/public/petitions', { ...body, proof: { ...proof, challenge: `${proof.challenge}x` } });
    expect(forged.statusCode).toBe(400);
    const [issued, bits, random, mac] = proof.challenge.split('.');
    const easier = await t.anonymous().post('/api/v1/public/petitions', {
      ...body,
      proof: { challenge: [issued, '0', random, mac].join('.'), nonce: '0' },
    });
    expect(easier.statusCode, `${bits} bits asked`).toBe(400);
    expect(await t.yifa.journal.size()).toBe(before);
    const filed = await t.anonymous().post('/api/v1/public/petitions', { ...body, proof });
    expect(filed.statusCode, filed.body).toBe(201);
    const again = await t.anonymous().post('/api/v1/public/petitions', { ...body, proof });
    expect(again.statusCode).toBe(400);
    expect(again.json().error.message).toContain('已经使用过');
    expect(filed.json()).toMatchObject({ status: 'registered', receivedOn: '2026-11-02', category: '土地复垦' });
    expect(filed.body).not.toContain(body.petitioners[0]!.idNumber);
    const code = filed.json().trackingCode as string;
    const journal = await t.yifa.db.kysely.selectFrom('actions').select('payload').where('subject_type', '=', 'petition').execute();
    expect(JSON.stringify(journal)).not.toContain(code);
    expect((await track(code)).json().request).toBe(body.request);
    expect((await track('AAAA-BBBB-CCCC-DDDD')).statusCode).toBe(404);
    const bad = await track('not a code');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.message).toContain('查询码');
    const tooMany = await t.anonymous().post('/api/v1/public/petitions', {
      ...body,
      proof: await solvedProof(t.anonymous()),
      petitioners: [1, 2, 3, 4, 5, 6].map((n) => petitioner(`某${n}`, n)),
    });
    expect(tooMany.statusCode).toBe(400);

    const list = (await jiandu.get('/api/v1/petitions?q=贵塘村土地复垦')).json();
    const id = list.items[0].id as string;
    const masked = (await jiandu.get(`/api/v1/petitions/${id}`)).json();
    expect(JSON.stringify(masked.record)).not.toContain(body.petitioners[0]!.idNumber);
    expect(masked.allowedActions).toEqual([]);
    const clear = (await xinfang.get(`/api/v1/petitions/${id}`)).json();
    expect(clear.record.petitioners[0].idNumber).toBe(body.petitioners[0]!.idNumber);
  });
});
