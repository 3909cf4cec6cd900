/**
 * A fine left unpaid, through the API on both engines: 加处罚款 grows by 3% a day up to the
 * fine; the 催告书 states what has accrued; the court may be asked only 10 working days after
 * it (行政强制法 Art 54), only once the party's time to challenge the decision has run out and
 * within 3 months of that (Art 53); the application is a numbered 强制执行申请书 that lists
 * what the case file holds. A refused application keeps nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../helpers/engines.js';
import { startTestApp, type TestApp, type Client } from '../helpers/app.js';
import { docxText } from '../helpers/docx-text.js';

const at = (date: string) => () => new Date(`${date}T10:00:00+08:00`);
const party = { kind: 'citizen', name: '冯某某', idNumber: null, address: '秀山县妙泉镇某某村', phone: null, representative: null };
type Deadline = { rule: string; from: string; due: string; state: string; kind: string };

describe.each(ENGINES)('enforcement of an unpaid fine on %s', (engine) => {
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

  /** Moves the clock and logs in again (a session does not outlive months). */
  async function on(date: string) {
    t.yifa.clock.source = at(date);
    zhifa1 = await t.login('zhifa1');
    fuzeren = await t.login('fuzeren');
  }

  let key = 0;
  const act = (c: Client, id: string, type: string, payload: unknown) =>
    c.post(`/api/v1/penalty-cases/${id}/actions`, { type, payload }, { 'idempotency-key': `court-${engine}-${++key}` });
  const ok = async (c: Client, id: string, type: string, payload: unknown) => {
    const res = await act(c, id, type, payload);
    if (res.statusCode !== 200) throw new Error(`${type}: ${res.statusCode} ${res.body}`);
    return res.json();
  };

  /** A general-procedure ¥500 fine decided and served on 2026-03-02, never paid: due 2026-03-17. */
  async function decidedUnpaid(): Promise<string> {
    t.yifa.clock.source = at('2026-03-02');
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
      subject: '冯某某',
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
    await ok(zhifa1, id, 'penalty.serve-notice', { servedOn: '2026-03-02', method: 'direct', consentOnFile: false });
    await ok(zhifa1, id, 'penalty.waive-rights', { on: '2026-03-02', statement: '当事人书面放弃陈述、申辩' });
    await ok(fuzeren, id, 'penalty.decide', { on: '2026-03-02', reasoning: '事实清楚', paymentInstructions: null });
    await ok(zhifa1, id, 'penalty.serve-decision', {
      servedOn: '2026-03-02',
      method: 'direct',
      recipient: '冯某某',
      refusedToSign: false,
      consentOnFile: false,
    });
    return id;
  }

  it('asks the court only after the reminder and the windows to challenge, within 3 months, with a numbered application', async () => {
    const id = await decidedUnpaid();

    // 2026-03-20: three days late, 3% a day of ¥500 is ¥15 a day.
    t.yifa.clock.source = at('2026-03-20');
    let view = (await zhifa1.get(`/api/v1/penalty-cases/${id}`)).json();
    expect(view.latePayment).toMatchObject({ dueOn: '2026-03-17', days: 3, perDayFen: 1_500, fen: 4_500, capped: false });
    view = await ok(zhifa1, id, 'penalty.serve-reminder', { servedOn: '2026-03-20' });
    expect(view.case.reminders[0]).toMatchObject({ servedOn: '2026-03-20', lateFen: 4_500 });
    const reminderWindow = (view.deadlines as Deadline[]).find((d) => d.rule === 'penalty.enforcement-reminder');
    // Ten working days after 03-20: 03-23 … 04-03 (清明 2026-04-04…06 comes after).
    expect(reminderWindow).toMatchObject({ from: '2026-03-20', due: '2026-04-03', kind: 'window' });
    // The windows to challenge run to 2026-09-02 (6 months to sue); the court may be asked until 2026-12-02.
    expect((view.deadlines as Deadline[]).find((d) => d.rule === 'penalty.court-enforcement')).toMatchObject({
      from: '2026-09-02',
      due: '2026-12-02',
    });

    // Within the 10 working days: refused with Art 54.
    t.yifa.clock.source = at('2026-04-03');
    const early = await act(fuzeren, id, 'penalty.apply-court', { on: '2026-04-03', court: '秀山县人民法院' });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.citation).toBe('《中华人民共和国行政强制法》第五十四条');

    // After the reminder but while the party may still sue: refused with Art 53, and not offered.
    await on('2026-05-11');
    const beforeWindows = await act(fuzeren, id, 'penalty.apply-court', { on: '2026-05-11', court: '秀山县人民法院' });
    expect(beforeWindows.statusCode).toBe(409);
    expect(beforeWindows.json().error.citation).toBe('《中华人民共和国行政强制法》第五十三条');
    expect(beforeWindows.json().error.message).toContain('2026-09-02');
    const offered = (await fuzeren.get(`/api/v1/penalty-cases/${id}`)).json().allowedActions as { type: string }[];
    expect(offered.map((a) => a.type)).not.toContain('penalty.apply-court');

    // After the 3 months: refused with Art 53.
    await on('2026-12-03');
    const late = await act(fuzeren, id, 'penalty.apply-court', { on: '2026-12-03', court: '秀山县人民法院' });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toContain('2026-12-02');
    view = (await zhifa1.get(`/api/v1/penalty-cases/${id}`)).json();
    expect(view.case.courtApplication).toBeNull();
    expect(view.latePayment).toMatchObject({ fen: 50_000, capped: true });

    // In time: the 强制执行申请书 asks for the fine and the 加处罚款, capped at the fine.
    await on('2026-09-10');
    const nowOffered = (await fuzeren.get(`/api/v1/penalty-cases/${id}`)).json().allowedActions as { type: string }[];
    expect(nowOffered.map((a) => a.type)).toContain('penalty.apply-court');
    view = await ok(fuzeren, id, 'penalty.apply-court', { on: '2026-09-10', court: '秀山县人民法院' });
    expect(view.case.courtApplication).toMatchObject({
      on: '2026-09-10',
      court: '秀山县人民法院',
      windowsEnd: '2026-09-02',
      unpaidFen: 50_000,
      lateFen: 50_000,
    });
    expect(view.case.courtApplication.number).toMatch(/执申字〔2026〕第\d+号/);
    expect((view.deadlines as Deadline[]).find((d) => d.rule === 'penalty.court-enforcement')?.state).toBe('met');

    const docx = await zhifa1.get(`/api/v1/penalty-cases/${id}/documents/court-application/docx`);
    expect(docx.statusCode).toBe(200);
    const text = docxText(docx.rawPayload);
    expect(text).toContain('强制执行申请书');
    expect(text).toContain(view.case.courtApplication.number);
    expect(text).toContain('冯某某');
    expect(text).toContain('¥500.00');
    expect(text).toContain('2026年9月2日');
    expect(text).toContain(view.case.reminders[0].number);
    expect(text).toContain('秀山县人民法院');
  });
});
