/**
 * What every penalty also orders, through the API on both engines: 责令（限期）改正 with a
 * numbered notice, its date tracked and a 复查 (Art 28 第一款); 违法所得 confiscated unless
 * returned (Art 28 第二款); and one fine for one act of one party (一事不再罚, Art 29), a second
 * only on a recorded legal basis. A refused action keeps nothing.
 */
import { describe, expect, it } from 'vitest';
import { ENGINES } from '../helpers/engines.js';
import { citizen, conclusion, penaltyApi } from '../helpers/penalty-api.js';
import { docxText } from '../helpers/docx-text.js';

type Deadline = { rule: string; from: string; due: string; state: string };

describe.each(ENGINES)('what a penalty also orders on %s', (engine) => {
  const { api, act, ok, on, filed } = penaltyApi(engine, 'orders');
  const { zhifa1, fuzeren } = api;
  const conclude = conclusion;

  /** Filed and inspected: under investigation. */
  async function investigating(name: string): Promise<string> {
    const { id } = await filed(citizen(name));
    await ok(zhifa1, id, 'penalty.record-inspection', {
      on: '2026-03-02',
      place: '某某村',
      officers: api.officers,
      subject: name,
      summary: '现场检查',
    });
    return id;
  }

  it('orders correction by a date, tracks it, and closes only after the 复查', async () => {
    const id = await investigating('韩某某');
    const past = await act(zhifa1, id, 'penalty.order-correction', { on: '2026-03-02', order: '清理林区焚烧物', by: '2026-03-01' });
    expect(past.statusCode).toBe(409);
    expect(past.json().error).toMatchObject({ citation: '《中华人民共和国行政处罚法》第二十八条第一款' });
    expect(past.json().error.details.refusals[0]).toMatchObject({ field: 'by' });
    let view = await ok(zhifa1, id, 'penalty.order-correction', { on: '2026-03-02', order: '清理林区焚烧物，恢复原状', by: '2026-03-09' });
    const order = view.case.correctionOrders[0];
    expect(order.number).toMatch(/责改字〔2026〕第\d+号/);
    // 复查 due 5 working days after 03-09.
    expect((view.deadlines as Deadline[]).find((d) => d.rule === 'penalty.correction-recheck')).toMatchObject({
      from: '2026-03-09',
      due: '2026-03-16',
      state: 'ok',
    });
    const notice = docxText((await zhifa1.get(`/api/v1/penalty-cases/${id}/documents/correction-order:0/docx`)).rawPayload);
    expect(notice).toContain(order.number);
    expect(notice).toContain('2026年3月9日前改正');

    // Not corrected can only be found once the date has passed.
    const early = await act(zhifa1, id, 'penalty.recheck-correction', { seq: 0, on: '2026-03-02', corrected: false, findings: '未清理' });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toContain('期限届满前不能认定未改正');

    // Decided, served and paid: closing waits on the 复查.
    await ok(zhifa1, id, 'penalty.conclude-investigation', conclude());
    await ok(zhifa1, id, 'penalty.serve-notice', { servedOn: '2026-03-02', method: 'direct', consentOnFile: false });
    await ok(zhifa1, id, 'penalty.waive-rights', { on: '2026-03-02', statement: '放弃' });
    await ok(fuzeren, id, 'penalty.decide', { on: '2026-03-02', reasoning: '事实清楚', paymentInstructions: null });
    await ok(zhifa1, id, 'penalty.serve-decision', {
      servedOn: '2026-03-02',
      method: 'direct',
      recipient: '韩某某',
      refusedToSign: false,
      consentOnFile: false,
    });
    await ok(zhifa1, id, 'penalty.record-payment', { on: '2026-03-02', amountFen: 50_000, receipt: '缴款书 1' });
    await on('2026-03-10');
    const closing = await act(zhifa1, id, 'penalty.close', { on: '2026-03-10', report: '结案' });
    expect(closing.statusCode).toBe(409);
    expect(closing.json().error.message).toContain('尚未复查');
    view = await ok(zhifa1, id, 'penalty.recheck-correction', { seq: 0, on: '2026-03-10', corrected: true, findings: '焚烧物已清理' });
    expect(view.case.correctionOrders[0].recheck).toMatchObject({ corrected: true });
    expect((view.deadlines as Deadline[]).find((d) => d.rule === 'penalty.correction-recheck')?.state).toBe('met');
    await ok(zhifa1, id, 'penalty.close', { on: '2026-03-10', report: '结案' });
    await on('2026-03-02');
  });

  it('confiscates 违法所得 not returned', async () => {
    const id = await investigating('杨某某');
    const without = await act(zhifa1, id, 'penalty.conclude-investigation', conclude({ illegalGainsFen: 300_000, returnedFen: 100_000 }));
    expect(without.statusCode).toBe(409);
    expect(without.json().error).toMatchObject({ citation: '《中华人民共和国行政处罚法》第二十八条第二款' });
    expect(without.json().error.message).toContain('¥2,000.00');
    const tooMuch = await act(zhifa1, id, 'penalty.conclude-investigation', conclude({ illegalGainsFen: 300_000, returnedFen: 400_000 }));
    expect(tooMuch.statusCode).toBe(409);
    expect((await zhifa1.get(`/api/v1/penalty-cases/${id}`)).json().case.proposal).toBeNull();
    const view = await ok(
      zhifa1,
      id,
      'penalty.conclude-investigation',
      conclude({
        illegalGainsFen: 300_000,
        returnedFen: 100_000,
        kinds: ['fine', 'confiscate-gains'],
        confiscationFen: 200_000,
        discretionReason: '当事人有违法所得，依法予以没收',
      }),
    );
    expect(view.case.proposal.illegalGains).toEqual({ amountFen: 300_000, returnedFen: 100_000 });
  });

  it('fines one act of one party once, unless a law says otherwise', async () => {
    const first = await investigating('朱某某');
    await ok(zhifa1, first, 'penalty.conclude-investigation', conclude());
    await ok(zhifa1, first, 'penalty.serve-notice', { servedOn: '2026-03-02', method: 'direct', consentOnFile: false });
    await ok(zhifa1, first, 'penalty.waive-rights', { on: '2026-03-02', statement: '放弃' });
    const decided = await ok(fuzeren, first, 'penalty.decide', { on: '2026-03-02', reasoning: '事实清楚', paymentInstructions: null });

    // The same party, act (2026-02-20) and violation in a second case.
    const second = await investigating('朱某某');
    const again = await act(zhifa1, second, 'penalty.conclude-investigation', conclude());
    expect(again.statusCode).toBe(409);
    expect(again.json().error.citation).toBe('《中华人民共和国行政处罚法》第二十九条');
    expect(again.json().error.message).toContain(decided.case.decision.number);
    // A warning alone is no second fine.
    await ok(zhifa1, second, 'penalty.conclude-investigation', conclude({ kinds: ['warning'], fineFen: 0 }));
    // A fine on a recorded basis is allowed, and the basis kept.
    const view = await ok(
      zhifa1,
      second,
      'penalty.conclude-investigation',
      conclude({ secondFineBasis: '《中华人民共和国环境保护法》第五十九条（按日连续处罚）' }),
    );
    expect(view.case.proposal.secondFineBasis).toContain('第五十九条');
    // Another party's act is not the same act.
    const other = await investigating('朱某');
    await ok(zhifa1, other, 'penalty.conclude-investigation', conclude());
  });
});
