/**
 * The course of a 行政复议 case beyond the plain path (issue 16): an application filed through
 * the penalising agency (Art 32), 中止 and 恢复 (Art 39) with the decision's days not counted
 * while suspended, 终止 (Art 41) with the sixty days of item (五), and the +30 days of Art 62
 * as a request the head of the 复议机构 approves — each with its numbered document.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../helpers/engines.js';
import { startTestApp, type Client, type TestApp } from '../helpers/app.js';
import { docxText } from '../helpers/docx-text.js';
import { projectionReplayers } from '../../src/app/root.js';
import { verifyProjections } from '../../src/journal/verify-projections.js';

const at = (date: string) => () => new Date(`${date}T10:00:00+08:00`);

describe.each(ENGINES)('行政复议 course on %s', (engine) => {
  let t: TestApp;
  let fuyi: Client;
  let zhuren: Client;
  let fuzeren: Client;
  let town: string;
  beforeAll(async () => {
    t = await startTestApp(engine);
    fuyi = await t.login('fuyi');
    zhuren = await t.login('fuyizhuren');
    fuzeren = await t.login('fuzeren');
    town = (await fuzeren.get('/api/v1/session')).json().user.agencyId;
  }, 240_000);
  afterAll(async () => t.close());

  let key = 0;
  const act = (c: Client, id: string, type: string, payload: unknown) =>
    c.post(`/api/v1/reconsiderations/${id}/actions`, { type, payload }, { 'idempotency-key': `course-${engine}-${++key}` });
  const ok = async (c: Client, id: string, type: string, payload: unknown) => {
    const res = await act(c, id, type, payload);
    if (res.statusCode !== 200) throw new Error(`${type}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  const payload = (over: Record<string, unknown> = {}) => ({
    channel: 'letter',
    receivedOn: '2026-08-03',
    applicant: { kind: 'citizen', name: '孙某某', idNumber: '', phone: null, address: null },
    respondentAgencyId: town,
    challengedCaseId: null,
    challengedAct: '妙泉综执罚决字〔2026〕第31号行政处罚决定',
    knewOn: '2026-07-20',
    requests: '撤销该决定',
    reasons: '事实不清',
    lateException: null,
    ...over,
  });
  const receive = (over: Record<string, unknown> = {}) =>
    fuyi.post('/api/v1/reconsiderations', { type: 'reconsideration.receive', payload: payload(over) });
  const accepted = async (on: string) => {
    t.yifa.clock.source = at(on);
    const res = await receive({ receivedOn: on, knewOn: on });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json().id as string;
    await ok(fuyi, id, 'reconsideration.accept', { on, simple: false, simpleGround: null, hearingRequired: false });
    return id;
  };
  const decisionDue = (view: { deadlines: { rule: string; due: string }[] }) =>
    view.deadlines.find((d) => d.rule === 'reconsideration.decision')?.due;
  const docx = async (id: string, documentId: string) => {
    const res = await fuyi.get(`/api/v1/reconsiderations/${id}/documents/${documentId}/docx`);
    expect(res.statusCode, res.body).toBe(200);
    return docxText(res.rawPayload);
  };

  it('counts the window of an application forwarded by the penalising agency from that agency’s receipt (Art 32)', async () => {
    t.yifa.clock.source = at('2026-09-25');
    // Knew on 07-20: 60 days end 09-18. The 复议机构 received it on 09-25, but the town had it on 09-15.
    const forwarded = await receive({
      channel: 'forwarded',
      receivedOn: '2026-09-25',
      forwarding: { kind: 'camera', agencyReceivedOn: '2026-09-15', forwardedOn: '2026-09-21' },
    });
    expect(forwarded.statusCode, forwarded.body).toBe(201);
    expect(forwarded.json().record.forwarding).toMatchObject({ agencyReceivedOn: '2026-09-15' });
    // The same dates by letter are late (Art 20), and a forwarding without its dates is refused under Art 32.
    const late = await receive({ receivedOn: '2026-09-25' });
    expect(late.statusCode).toBe(409);
    expect(JSON.stringify(late.json().error)).toContain('第二十条');
    const noDates = await receive({ channel: 'forwarded', receivedOn: '2026-09-25', knewOn: '2026-09-20' });
    expect(noDates.statusCode).toBe(409);
    expect(JSON.stringify(noDates.json().error)).toContain('第三十二条');
    const inverted = await receive({
      channel: 'forwarded',
      receivedOn: '2026-09-25',
      knewOn: '2026-09-20',
      forwarding: { kind: 'on-the-spot', agencyReceivedOn: '2026-09-24', forwardedOn: '2026-09-23' },
    });
    expect(inverted.statusCode).toBe(409);
    const id = forwarded.json().id as string;
    await ok(fuyi, id, 'reconsideration.accept', { on: '2026-09-25', simple: false, simpleGround: null, hearingRequired: false });
    expect(await docx(id, 'acceptance')).toContain('转送本机关（《中华人民共和国行政复议法》第三十二条）');
  });

  it('suspends the review (Art 39): nothing but resuming or ending is taken, the decision’s days stop and resume', async () => {
    const id = await accepted('2026-03-02');
    const before = decisionDue((await fuyi.get(`/api/v1/reconsiderations/${id}`)).json());
    // 60 days end on 05-01, in the 劳动节 holiday: the next working day.
    expect(before).toBe('2026-05-06');
    t.yifa.clock.source = at('2026-03-10');
    const s = await ok(fuyi, id, 'reconsideration.suspend', { on: '2026-03-10', ground: 'interpretation', reason: '需有权机关解释' });
    expect(s.suspended).toBe(true);
    expect(decisionDue(s)).toBeUndefined();
    expect(s.documents.map((d: { series: string }) => d.series)).toContain('suspension');
    // While suspended: no copy to the respondent, no decision.
    const copy = await act(fuyi, id, 'reconsideration.send-copy', { on: '2026-03-10' });
    expect(copy.statusCode).toBe(409);
    expect(s.allowedActions.map((a: { type: string }) => a.type)).toEqual(
      expect.arrayContaining(['reconsideration.resume', 'reconsideration.terminate']),
    );
    expect(s.allowedActions.map((a: { type: string }) => a.type)).not.toContain('reconsideration.decide');
    t.yifa.clock.source = at('2026-03-30');
    const early = await act(fuyi, id, 'reconsideration.resume', { on: '2026-03-09', reason: '已解释' });
    expect(early.statusCode).toBe(409);
    const r = await ok(fuyi, id, 'reconsideration.resume', { on: '2026-03-30', reason: '有权机关已作出解释' });
    expect(r.suspended).toBe(false);
    // 03-10 … 03-30 (21 days) do not count: 05-01 + 21.
    expect(decisionDue(r)).toBe('2026-05-22');
    const text = await docx(id, `resumption:${r.record.suspensions[0].seq}`);
    expect(text).toContain('恢复审理');
    expect(text).toContain(r.record.suspensions[0].resumeNumber);
    expect(await docx(id, `suspension:${r.record.suspensions[0].seq}`)).toContain('第三十九条第一款第（七）项');
  });

  it('ends a review suspended for the applicant’s death only after sixty days (Art 41 item 5), with its 终止决定书', async () => {
    const id = await accepted('2026-04-01');
    t.yifa.clock.source = at('2026-04-07');
    await ok(fuyi, id, 'reconsideration.suspend', { on: '2026-04-07', ground: 'death', reason: '申请人死亡，近亲属尚未确定是否参加' });
    t.yifa.clock.source = at('2026-05-20');
    const soon = await act(fuyi, id, 'reconsideration.terminate', {
      on: '2026-05-20',
      ground: 'suspension-lapsed',
      reason: '中止满六十日',
    });
    expect(soon.statusCode).toBe(409);
    expect(JSON.stringify(soon.json().error)).toContain('第四十一条第（五）项');
    expect((await fuyi.get(`/api/v1/reconsiderations/${id}`)).json().status).toBe('accepted');
    t.yifa.clock.source = at('2026-06-08');
    const done = await ok(fuyi, id, 'reconsideration.terminate', {
      on: '2026-06-08',
      ground: 'suspension-lapsed',
      reason: '近亲属明确放弃',
    });
    expect(done.status).toBe('terminated');
    expect(done.deadlines.filter((d: { state: string }) => d.state === 'open' || d.state === 'overdue')).toEqual([]);
    const text = await docx(id, 'termination');
    expect(text).toContain(done.record.termination.number);
    expect(text).toContain('行政复议终止决定书');
    // Ended: no more steps but the file's.
    expect((await act(fuyi, id, 'reconsideration.suspend', { on: '2026-06-08', ground: 'other', reason: 'x' })).statusCode).toBe(409);
  });

  it('extends the decision by 30 days only when the head of the 复议机构 approves (Art 62), with its notice', async () => {
    const id = await accepted('2026-05-06');
    t.yifa.clock.source = at('2026-06-20');
    const asked = await ok(fuyi, id, 'reconsideration.request-extension', { days: 30, reason: '案情复杂，需补充调查' });
    expect(asked.record.pending).toHaveLength(1);
    expect(asked.record.extension).toBeNull();
    // 60 days end on Sunday 07-05: the next working day.
    expect(decisionDue(asked)).toBe('2026-07-06');
    // The 复议人员 may not approve; nor the respondent's head; a second request waits.
    expect((await act(fuyi, id, 'reconsideration.approve', { kind: 'extension', opinion: '同意' })).statusCode).toBe(403);
    expect((await act(fuzeren, id, 'reconsideration.approve', { kind: 'extension', opinion: '同意' })).statusCode).toBe(403);
    expect((await act(fuyi, id, 'reconsideration.request-extension', { days: 10, reason: 'x' })).statusCode).toBe(409);
    // The head's 待我办理 holds it.
    const todo = (await zhuren.get('/api/v1/workbench/todo?procedure=reconsideration')).json().items as { id: string }[];
    expect(todo.map((i) => i.id)).toContain(id);
    const approved = await ok(zhuren, id, 'reconsideration.approve', { kind: 'extension', opinion: '同意延长三十日' });
    expect(approved.record.pending).toEqual([]);
    expect(approved.record.extension).toMatchObject({ days: 30, approvedBy: '田某某', until: '2026-08-04' });
    expect(decisionDue(approved)).toBe('2026-08-04');
    const text = await docx(id, 'extension');
    expect(text).toContain(approved.record.extension.number);
    expect(text).toContain('田某某');
    // Once extended, never again.
    expect((await act(fuyi, id, 'reconsideration.request-extension', { days: 5, reason: 'x' })).statusCode).toBe(409);
    // A refused request leaves no extension.
    const other = await accepted('2026-05-06');
    t.yifa.clock.source = at('2026-06-20');
    await ok(fuyi, other, 'reconsideration.request-extension', { days: 30, reason: '案情复杂' });
    const rejected = await ok(zhuren, other, 'reconsideration.reject', { kind: 'extension', reason: '可以按期审结' });
    expect(rejected.record).toMatchObject({ pending: [], extension: null });
  });

  it('proves every record against its journal', async () => {
    const report = await verifyProjections(t.yifa.db, projectionReplayers(t.yifa));
    expect(report.problems).toEqual([]);
  });
});
