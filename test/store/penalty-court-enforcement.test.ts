/**
 * A fine left unpaid, through the API on both engines: 加处罚款 grows by 3% a day up to the
 * fine; the 催告书 states what has accrued; the court may be asked only 10 working days after
 * it (行政强制法 Art 54), only once the party's time to challenge the decision has run out and
 * within 3 months of that (Art 53); the application is a numbered 强制执行申请书 that lists
 * what the case file holds. A refused application keeps nothing.
 */
import { describe, expect, it } from 'vitest';
import { ENGINES } from '../helpers/engines.js';
import { citizen, penaltyApi } from '../helpers/penalty-api.js';
import { docxText } from '../helpers/docx-text.js';

type Deadline = { rule: string; from: string; due: string; state: string; kind: string };

describe.each(ENGINES)('enforcement of an unpaid fine on %s', (engine) => {
  const { api, act, ok, on, decided } = penaltyApi(engine, 'court');
  const { zhifa1, fuzeren } = api;

  it('asks the court only after the reminder and the windows to challenge, within 3 months, with a numbered application', async () => {
    // A ¥500 fine decided and served on 2026-03-02, never paid: due 2026-03-17.
    const id = await decided(citizen('冯某某'));

    // 2026-03-20: three days late, 3% a day of ¥500 is ¥15 a day.
    await on('2026-03-20');
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
    await on('2026-04-03');
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
