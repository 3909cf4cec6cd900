/**
 * 公告送达 as the law orders it, through the API on both engines: only after an attempt by
 * another method failed and was recorded (民事诉讼法 Art 95; 行政处罚法 Art 61), and the
 * document counts as served 30 days after the notice — the party's 5 working days to ask for a
 * hearing, and the 15 days to pay, run from then. A refused service keeps nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../helpers/engines.js';
import { startTestApp, type TestApp, type Client } from '../helpers/app.js';

const at = (date: string) => () => new Date(`${date}T10:00:00+08:00`);
const party = { kind: 'citizen', name: '蒋某某', idNumber: null, address: '秀山县妙泉镇某某村', phone: null, representative: null };
type Deadline = { rule: string; from: string; due: string };

describe.each(ENGINES)('公告送达 on %s', (engine) => {
  let t: TestApp;
  let zhifa1: Client;
  let fuzeren: Client;
  let officers: string[];
  beforeAll(async () => {
    t = await startTestApp(engine);
    zhifa1 = await t.login('zhifa1');
    fuzeren = await t.login('fuzeren');
    const me = (await zhifa1.get('/api/v1/session')).json();
    const other = (await (await t.login('zhifa2')).get('/api/v1/session')).json();
    officers = [me.user.personId, other.user.personId];
  });
  afterAll(async () => t.close());

  let key = 0;
  const act = (c: Client, id: string, type: string, payload: unknown) =>
    c.post(`/api/v1/penalty-cases/${id}/actions`, { type, payload }, { 'idempotency-key': `notice-${engine}-${++key}` });
  const ok = async (c: Client, id: string, type: string, payload: unknown) => {
    const res = await act(c, id, type, payload);
    if (res.statusCode !== 200) throw new Error(`${type}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  async function on(date: string) {
    t.yifa.clock.source = at(date);
    zhifa1 = await t.login('zhifa1');
    fuzeren = await t.login('fuzeren');
  }

  it('serves by 公告 only after a recorded failure, and counts the time from 30 days after it', async () => {
    await on('2026-03-02');
    const opened = await zhifa1.post('/api/v1/penalty-cases', {
      type: 'penalty.register',
      payload: { source: { kind: 'patrol', summary: '巡查发现林区用火', receivedOn: '2026-03-02' }, party, field: '综合行政执法' },
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
      subject: '蒋某某',
      summary: '现场有焚烧痕迹',
    });
    await ok(zhifa1, id, 'penalty.conclude-investigation', {
      on: '2026-03-02',
      facts: '森林防火期内在林区边缘焚烧纸钱',
      evidenceSummary: '现场检查笔录',
      outcome: 'penalty',
      kinds: ['fine'],
      fineFen: 50_000,
      confiscationFen: 0,
      basis: '《森林防火条例》第五十条',
      circumstanceId: 'ordinary',
      discretionReason: null,
      reviewGrounds: [],
    });

    // The 告知书 by 公告 straight away: refused, with the article.
    const first = await act(zhifa1, id, 'penalty.serve-notice', { servedOn: '2026-03-02', method: 'public-notice', consentOnFile: false });
    expect(first.statusCode).toBe(409);
    expect(first.json().error.citation).toContain('《中华人民共和国民事诉讼法》第九十五条');
    expect(first.json().error.details.refusals[0]).toMatchObject({ field: 'method' });
    expect((await zhifa1.get(`/api/v1/penalty-cases/${id}`)).json().case.notice).toBeNull();
    // A failed attempt for another document does not count; one for the 告知书 does.
    const wrongDoc = await act(zhifa1, id, 'penalty.record-service-attempt', {
      on: '2026-03-02',
      document: 'decision',
      method: 'post',
      why: '退回',
    });
    expect(wrongDoc.statusCode).toBe(409);
    await ok(zhifa1, id, 'penalty.record-service-attempt', {
      on: '2026-03-02',
      document: 'notice',
      method: 'post',
      why: '邮件以“查无此人”退回，退件存档',
    });
    let view = await ok(zhifa1, id, 'penalty.serve-notice', { servedOn: '2026-03-02', method: 'public-notice', consentOnFile: false });
    // Served 2026-04-01 (30 days after the notice); five working days after: 04-02, 03, 07, 08, 09 (清明 04-04…06).
    expect((view.deadlines as Deadline[]).find((d) => d.rule === 'penalty.hearing-request')).toMatchObject({
      from: '2026-04-01',
      due: '2026-04-09',
    });
    // No decision while the party's time runs.
    await on('2026-04-08');
    const tooEarly = await act(fuzeren, id, 'penalty.decide', { on: '2026-04-08', reasoning: '事实清楚', paymentInstructions: null });
    expect(tooEarly.statusCode).toBe(409);
    expect(tooEarly.json().error.message).toContain('2026-04-01 送达');

    await on('2026-04-10');
    await ok(fuzeren, id, 'penalty.decide', { on: '2026-04-10', reasoning: '事实清楚', paymentInstructions: null });
    const direct = await act(zhifa1, id, 'penalty.serve-decision', {
      servedOn: '2026-04-10',
      method: 'public-notice',
      recipient: '蒋某某',
      refusedToSign: false,
      consentOnFile: false,
    });
    expect(direct.statusCode).toBe(409);
    await ok(zhifa1, id, 'penalty.record-service-attempt', {
      on: '2026-04-10',
      document: 'decision',
      method: 'direct',
      why: '当事人外出务工，下落不明',
    });
    view = await ok(zhifa1, id, 'penalty.serve-decision', {
      servedOn: '2026-04-10',
      method: 'public-notice',
      recipient: '蒋某某',
      refusedToSign: false,
      consentOnFile: false,
    });
    expect(view.case.service).toMatchObject({ on: '2026-04-10', completeOn: '2026-05-10' });
    // 15 days to pay from 05-10: 05-25.
    expect((view.deadlines as Deadline[]).find((d) => d.rule === 'penalty.payment')).toMatchObject({
      from: '2026-05-10',
      due: '2026-05-25',
    });
    expect(view.case.serviceAttempts).toHaveLength(2);
  });
});
