/**
 * 公告送达 as the law orders it, through the API on both engines: only after an attempt by
 * another method failed and was recorded (民事诉讼法 Art 95; 行政处罚法 Art 61), and the
 * document counts as served 30 days after the notice — the party's 5 working days to ask for a
 * hearing, and the 15 days to pay, run from then. A refused service keeps nothing.
 */
import { describe, expect, it } from 'vitest';
import { ENGINES } from '../helpers/engines.js';
import { citizen, penaltyApi } from '../helpers/penalty-api.js';

type Deadline = { rule: string; from: string; due: string };

describe.each(ENGINES)('公告送达 on %s', (engine) => {
  const { api, act, ok, on, concluded } = penaltyApi(engine, 'notice');
  const { zhifa1, fuzeren } = api;

  it('serves by 公告 only after a recorded failure, and counts the time from 30 days after it', async () => {
    const id = await concluded(citizen('蒋某某'));

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
