/**
 * Lawful extensions only (行政处罚法 Art 60), through the API on both engines: the 90 days
 * change only by the provision in the agency's settings — its first step (30 days with the
 * head's approval), its second (by collective discussion) — and a step it does not have, or
 * an agency with no such provision, is refused. A refused request keeps nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../helpers/engines.js';
import { startTestApp, type TestApp, type Client } from '../helpers/app.js';

const at = (date: string) => () => new Date(`${date}T10:00:00+08:00`);
const party = { kind: 'citizen', name: '卫某某', idNumber: null, address: '秀山县妙泉镇某某村', phone: null, representative: null };
const BASIS = '《市场监督管理行政处罚程序规定》第六十四条';

describe.each(ENGINES)('extending the time to decide on %s', (engine) => {
  let t: TestApp;
  let zhifa1: Client;
  let fuzeren: Client;
  let officers: string[];
  beforeAll(async () => {
    t = await startTestApp(engine);
    t.yifa.clock.source = at('2026-03-02');
    zhifa1 = await t.login('zhifa1');
    fuzeren = await t.login('fuzeren');
    const me = (await zhifa1.get('/api/v1/session')).json();
    const other = (await (await t.login('zhifa2')).get('/api/v1/session')).json();
    officers = [me.user.personId, other.user.personId];
  });
  afterAll(async () => t.close());

  let key = 0;
  const act = (c: Client, id: string, type: string, payload: unknown) =>
    c.post(`/api/v1/penalty-cases/${id}/actions`, { type, payload }, { 'idempotency-key': `ext-${engine}-${++key}` });
  const ok = async (c: Client, id: string, type: string, payload: unknown) => {
    const res = await act(c, id, type, payload);
    if (res.statusCode !== 200) throw new Error(`${type}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const limit = (view: { deadlines: { rule: string; due: string }[] }) => view.deadlines.find((d) => d.rule === 'penalty.decision')?.due;

  async function filed(): Promise<{ id: string; agencyId: string }> {
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
    const view = await ok(fuzeren, id, 'penalty.approve', { kind: 'filing', opinion: '同意立案' });
    return { id, agencyId: view.agency.id };
  }

  it('extends by the configured provision, step by step, and no further', async () => {
    const { id } = await filed();
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
    const { id, agencyId } = await filed();
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
