/**
 * Lawful extensions only (行政处罚法 Art 60), through the API on both engines: the 90 days
 * change only by the provision in the agency's settings — its first step (30 days with the
 * head's approval), its second (by collective discussion) — and a step it does not have, or
 * an agency with no such provision, is refused. A refused request keeps nothing.
 */
import { describe, expect, it } from 'vitest';
import { ENGINES } from '../helpers/engines.js';
import { citizen, penaltyApi } from '../helpers/penalty-api.js';

const BASIS = '《市场监督管理行政处罚程序规定》第六十四条';

describe.each(ENGINES)('extending the time to decide on %s', (engine) => {
  const { api, act, ok, filed } = penaltyApi(engine, 'extension');
  const { zhifa1, fuzeren } = api;
  const limit = (view: { deadlines: { rule: string; due: string }[] }) => view.deadlines.find((d) => d.rule === 'penalty.decision')?.due;

  it('extends by the configured provision, step by step, and no further', async () => {
    const { id } = await filed(citizen('卫某某'));
    let view = (await zhifa1.get(`/api/v1/penalty-cases/${id}`)).json();
    // 立案 2026-03-02 + 90 days = 2026-05-31, a Sunday: 2026-06-01.
    expect(limit(view)).toBe('2026-06-01');

    // First step: at most 30 days.
    const tooLong = await act(zhifa1, id, 'penalty.request-extension', { days: 31, reason: '需委托测绘' });
    expect(tooLong.statusCode).toBe(409);
    expect(tooLong.json().error).toMatchObject({ citation: BASIS });
    expect(tooLong.json().error.details.refusals[0]).toMatchObject({ field: 'days' });
    expect((await zhifa1.get(`/api/v1/penalty-cases/${id}`)).json().case.pending).toHaveLength(0);
    await ok(zhifa1, id, 'penalty.request-extension', { days: 30, reason: '需委托测绘机构测量' });
    view = await ok(fuzeren, id, 'penalty.approve', { kind: 'extension', opinion: '同意延长三十日' });
    expect(view.case.extensions[0]).toMatchObject({ days: 30, basis: BASIS, discussion: null });
    expect(limit(view)).toBe('2026-06-30'); // 120 days from 立案

    // Second step: only by collective discussion.
    const noDiscussion = await act(zhifa1, id, 'penalty.request-extension', { days: 20, reason: '鉴定未完成' });
    expect(noDiscussion.statusCode).toBe(409);
    expect(noDiscussion.json().error.message).toContain('集体讨论');
    expect(noDiscussion.json().error.details.refusals[0]).toMatchObject({ field: 'discussion' });
    await ok(zhifa1, id, 'penalty.request-extension', {
      days: 20,
      reason: '鉴定未完成',
      discussion: '2026-03-02 负责人集体讨论，同意继续延长二十日',
    });
    view = await ok(fuzeren, id, 'penalty.approve', { kind: 'extension', opinion: '同意' });
    expect(view.case.extensions[1]).toMatchObject({ days: 20, basis: BASIS, discussion: '2026-03-02 负责人集体讨论，同意继续延长二十日' });
    expect(limit(view)).toBe('2026-07-20'); // 140 days

    // A third: the provision has no such step.
    const third = await act(zhifa1, id, 'penalty.request-extension', { days: 5, reason: '再延', discussion: '集体讨论同意' });
    expect(third.statusCode).toBe(409);
    expect(third.json().error.message).toContain('只规定了2次延期');
    expect(third.json().error.citation).toContain('第六十条');
  });

  it('refuses any extension where the agency applies no provision that allows one', async () => {
    const { id, agencyId } = await filed(citizen('卫某某'));
    const settings = (await fuzeren.get(`/api/v1/enforcement/settings/${agencyId}`)).json();
    const put = await fuzeren.put(`/api/v1/enforcement/settings/${agencyId}`, { ...settings, decisionExtension: null });
    expect(put.statusCode, put.body).toBe(200);
    const refused = await act(zhifa1, id, 'penalty.request-extension', { days: 10, reason: '复杂' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ citation: '《中华人民共和国行政处罚法》第六十条' });
    expect(refused.json().error.message).toContain('未规定延长办案期限');
    await fuzeren.put(`/api/v1/enforcement/settings/${agencyId}`, settings);
  });
});
