/**
 * What can happen to a penalty decision once it is made, through the API on both engines: a
 * 复议 revokes it with an order to decide again — the same decision on the same facts is
 * refused (行政复议法 Art 64), a new report and decision get a new number, the published
 * decision's withdrawal deadline shows, the overpayment is paid back before closing; a clerical
 * error is corrected by a numbered notice; the agency revokes its own decision only on the
 * legal reviewer's proposal with the head's approval. A refused action keeps nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../helpers/engines.js';
import { startTestApp, type TestApp, type Client } from '../helpers/app.js';
import { replayCase } from '../../src/modules/enforcement/service/cases.js';

const at = (date: string) => () => new Date(`${date}T10:00:00+08:00`);
// Each case another household: one act of one party is fined once (Art 29).
let household = 0;
const party = () => ({
  kind: 'citizen',
  name: '郑某某',
  idNumber: null,
  address: `秀山县妙泉镇某某村${++household}组`,
  phone: null,
  representative: null,
});

describe.each(ENGINES)('after the decision on %s', (engine) => {
  let t: TestApp;
  let zhifa1: Client;
  let fuzeren: Client;
  let fazhi: Client;
  let officers: string[];
  beforeAll(async () => {
    t = await startTestApp(engine);
    zhifa1 = await t.login('zhifa1');
    fuzeren = await t.login('fuzeren');
    fazhi = await t.login('fazhi');
    const me = (await zhifa1.get('/api/v1/session')).json();
    const other = (await (await t.login('zhifa2')).get('/api/v1/session')).json();
    officers = [me.user.personId, other.user.personId];
  });
  afterAll(async () => t.close());

  let key = 0;
  const act = (c: Client, id: string, type: string, payload: unknown) =>
    c.post(`/api/v1/penalty-cases/${id}/actions`, { type, payload }, { 'idempotency-key': `after-${engine}-${++key}` });
  const ok = async (c: Client, id: string, type: string, payload: unknown) => {
    const res = await act(c, id, type, payload);
    if (res.statusCode !== 200) throw new Error(`${type}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const conclude = (on: string, fineFen: number) => ({
    on,
    facts: '森林防火期内在林区边缘焚烧纸钱',
    evidenceSummary: '现场检查笔录',
    outcome: 'penalty',
    kinds: ['fine'],
    fineFen,
    confiscationFen: 0,
    basis: '《森林防火条例》第五十条',
    circumstanceId: 'ordinary',
    discretionReason: null,
    reviewGrounds: [],
  });

  /** A general-procedure case decided, served and paid in full on 2026-03-02 (¥500). */
  async function decidedAndPaid(): Promise<string> {
    t.yifa.clock.source = at('2026-03-02');
    const opened = await zhifa1.post('/api/v1/penalty-cases', {
      type: 'penalty.register',
      payload: { source: { kind: 'patrol', summary: '巡查发现林区用火', receivedOn: '2026-03-02' }, party: party(), field: '综合行政执法' },
    });
    const id = opened.json().id as string;
    await ok(zhifa1, id, 'penalty.request-filing', {
      violationTypeId: 'wild-fire',
      actOn: '2026-02-20',
      seriousHarm: false,
      officers,
      summary: '林区用火',
    });
    await ok(fuzeren, id, 'penalty.approve', { kind: 'filing', opinion: '同意立案' });
    await ok(zhifa1, id, 'penalty.record-inspection', {
      on: '2026-03-02',
      place: '某某村林区',
      officers,
      subject: '郑某某',
      summary: '现场有焚烧痕迹',
    });
    await ok(zhifa1, id, 'penalty.conclude-investigation', conclude('2026-03-02', 50_000));
    await ok(zhifa1, id, 'penalty.serve-notice', { servedOn: '2026-03-02', method: 'direct', consentOnFile: false });
    await ok(zhifa1, id, 'penalty.waive-rights', { on: '2026-03-02', statement: '当事人书面放弃陈述、申辩' });
    await ok(fuzeren, id, 'penalty.decide', { on: '2026-03-02', reasoning: '事实清楚', paymentInstructions: null });
    await ok(zhifa1, id, 'penalty.serve-decision', {
      servedOn: '2026-03-02',
      method: 'direct',
      recipient: '郑某某',
      refusedToSign: false,
      consentOnFile: false,
    });
    await ok(zhifa1, id, 'penalty.record-payment', { on: '2026-03-02', amountFen: 50_000, receipt: '非税缴款书 1' });
    return id;
  }

  it('takes a decision through 复议 (撤销, decide again): a new number, the withdrawal deadline, the refund before closing', async () => {
    const id = await decidedAndPaid();
    const first = (await zhifa1.get(`/api/v1/penalty-cases/${id}`)).json().case.decision.number as string;

    t.yifa.clock.source = at('2026-04-01');
    const change = {
      on: '2026-04-01',
      source: 'reconsideration',
      body: '秀山县人民政府',
      documentNumber: '秀府复决〔2026〕7号',
      outcome: 'revoked-redo',
      reason: '主要事实不清、证据不足',
      kinds: [],
      fineFen: 0,
      confiscationFen: 0,
      redoBy: null,
      procedureOnly: false,
      note: null,
    };
    const noTerm = await act(zhifa1, id, 'penalty.record-change', change);
    expect(noTerm.statusCode).toBe(409);
    expect(noTerm.json().error.citation).toBe('《中华人民共和国行政复议法》第六十四条');
    let view = await ok(zhifa1, id, 'penalty.record-change', { ...change, redoBy: '2026-05-29' });
    expect(view.status).toBe('notified');
    expect(view.case.decision).toBeNull();
    // 2026-04-04…06 is 清明: the third working day after 04-01 is 04-07.
    expect(view.deadlines.find((d: { rule: string }) => d.rule === 'penalty.disclosure-withdrawal')).toMatchObject({
      from: '2026-04-01',
      due: '2026-04-07',
      kind: 'window',
    });
    expect(view.deadlines.find((d: { rule: string; state: string }) => d.rule === 'penalty.decision' && d.state !== 'met')).toMatchObject({
      due: '2026-05-29',
    });

    // The same report again: refused, nothing kept.
    const same = await act(fuzeren, id, 'penalty.decide', { on: '2026-04-01', reasoning: '事实清楚', paymentInstructions: null });
    expect(same.statusCode).toBe(409);
    expect(same.json().error.message).toContain('不得以同一事实和理由');
    await ok(zhifa1, id, 'penalty.record-inspection', {
      on: '2026-04-01',
      place: '某某村林区',
      officers,
      subject: '郑某某',
      summary: '补充调查：焚烧面积约 2 平方米',
    });
    await ok(zhifa1, id, 'penalty.conclude-investigation', conclude('2026-04-01', 30_000));
    view = await ok(fuzeren, id, 'penalty.decide', { on: '2026-04-01', reasoning: '补充调查后事实清楚', paymentInstructions: null });
    const second = view.case.decision.number as string;
    expect(second).toMatch(/^妙泉罚决字〔2026〕第\d+号$/);
    expect(second).not.toBe(first);
    const titles = (view.documents as { title: string; number: string | null }[]).filter((d) => d.title === '行政处罚决定书');
    expect(titles.map((d) => d.number)).toEqual([first, second]);

    view = await ok(zhifa1, id, 'penalty.serve-decision', {
      servedOn: '2026-04-01',
      method: 'direct',
      recipient: '郑某某',
      refusedToSign: false,
      consentOnFile: false,
    });
    // ¥500 paid under the revoked decision, ¥300 owed under the new one: ¥200 to pay back.
    const closing = await act(zhifa1, id, 'penalty.close', { on: '2026-04-01', report: '结案' });
    expect(closing.statusCode).toBe(409);
    expect(closing.json().error.message).toContain('¥200.00');
    expect((await act(zhifa1, id, 'penalty.record-refund', { on: '2026-04-01', amountFen: 30_000, voucher: '退付书 1' })).statusCode).toBe(
      409,
    );
    await ok(zhifa1, id, 'penalty.record-refund', { on: '2026-04-01', amountFen: 20_000, voucher: '退付书 1' });
    view = await ok(zhifa1, id, 'penalty.close', { on: '2026-04-01', report: '重新作出的决定已执行，多缴款项已退还' });
    expect(view.status).toBe('closed');
    expect(await replayCase(t.yifa, id)).toEqual(view.case);
  });

  it('corrects a clerical error by a numbered notice, and lets the agency revoke its own decision only on review and approval', async () => {
    const id = await decidedAndPaid();
    t.yifa.clock.source = at('2026-03-03');
    const corrected = await ok(fuzeren, id, 'penalty.correct-decision', {
      on: '2026-03-03',
      wrong: '当事人住所“秀山县妙泉镇某村”',
      corrected: '当事人住所“秀山县妙泉镇某某村”',
    });
    expect(corrected.case.corrections[0].number).toMatch(/^妙泉更字〔2026〕第\d+号$/);

    const request = {
      kind: 'revoke',
      reason: '当事人系受他人指使，事实认定有误',
      legalReview: '经审核，原决定主要事实不清，同意撤销',
      kinds: [],
      fineFen: 0,
      confiscationFen: 0,
    };
    // An officer may not propose it: the legal reviewer does (Art 58).
    expect((await act(zhifa1, id, 'penalty.request-self-correction', request)).statusCode).toBe(403);
    await ok(fazhi, id, 'penalty.request-self-correction', request);
    const view = await ok(fuzeren, id, 'penalty.approve', { kind: 'self-correction', opinion: '同意撤销' });
    expect(view.case.decision.revokedOn).toBe('2026-03-03');
    expect(view.case.changes[0]).toMatchObject({ source: 'self', outcome: 'revoked', documentNumber: expect.stringMatching(/纠字/) });
    const docs = (view.documents as { title: string }[]).map((d) => d.title);
    expect(docs).toEqual(expect.arrayContaining(['行政处罚决定书更正通知书', '撤销（变更）行政处罚决定书']));
    expect(view.allowedActions.find((a: { type: string }) => a.type === 'penalty.record-refund')).toMatchObject({ next: true });
    expect((await act(zhifa1, id, 'penalty.record-payment', { on: '2026-03-03', amountFen: 100, receipt: 'x' })).statusCode).toBe(409);
  });
});
