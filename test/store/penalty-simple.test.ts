/**
 * The simple procedure as strict as the general one (行政处罚法 Arts 30–34, 44–45, 51–52,
 * 68–71), through the API on both engines: a minor's mandatory 从轻, cash taken only for ¥100
 * or a recorded ground with its receipt, the cash's way to the bank as two deadlines, the 备案
 * before closing — and a refused action keeps nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../helpers/engines.js';
import { startTestApp, type TestApp, type Client } from '../helpers/app.js';
import { withIdCheckChar } from '../../src/platform/identity/numbers.js';

const at = (date: string) => () => new Date(`${date}T10:00:00+08:00`);
/** A citizen born 2010-06-15: 15 at an act in 2026 before his birthday. */
const FIFTEEN = withIdCheckChar('50024120100615003');

describe.each(ENGINES)('the simple procedure on %s', (engine) => {
  let t: TestApp;
  let zhifa1: Client;
  let officers: string[];
  beforeAll(async () => {
    t = await startTestApp(engine);
    zhifa1 = await t.login('zhifa1');
    const me = (await zhifa1.get('/api/v1/session')).json();
    const other = (await (await t.login('zhifa2')).get('/api/v1/session')).json();
    officers = [me.user.personId, other.user.personId];
  });
  afterAll(async () => t.close());

  let key = 0;
  // Each decision another household: one act of one party is fined once (Art 29).
  let household = 0;
  const spot = (o: Record<string, unknown> = {}) => ({
    party: {
      kind: 'citizen',
      name: '吴某某',
      idNumber: null,
      address: `秀山县妙泉镇某某村${++household}组`,
      phone: null,
      representative: null,
    },
    field: '综合行政执法',
    on: '2026-03-02',
    place: '某某村林区',
    officers,
    violationTypeId: 'wild-fire',
    circumstanceId: 'ordinary',
    facts: '森林防火期内在林区边缘焚烧纸钱',
    basis: '《森林防火条例》第五十条',
    told: true,
    statement: null,
    statementReply: null,
    kinds: ['fine'],
    fineFen: 20_000,
    confiscationFen: 0,
    mitigation: [],
    signed: true,
    refusalNote: null,
    cashCollected: false,
    cashGround: null,
    cashGroundNote: null,
    receiptNumber: null,
    ...o,
  });
  /** 随意倾倒生活垃圾, 轻微: ¥100–200 for a citizen (the statute's ¥100–500), inside the simple procedure's ¥200. */
  const waste = {
    violationTypeId: 'waste-dumping',
    circumstanceId: 'minor',
    basis: '《中华人民共和国固体废物污染环境防治法》第一百一十一条',
  };
  const open = (payload: unknown) => zhifa1.post('/api/v1/penalty-cases', { type: 'penalty.on-the-spot', payload });
  const act = (id: string, type: string, payload: unknown) =>
    zhifa1.post(`/api/v1/penalty-cases/${id}/actions`, { type, payload }, { 'idempotency-key': `simple-${engine}-${++key}` });
  const caseCount = async () =>
    Number(
      (
        await t.yifa.db.kysely
          .selectFrom('penalty_cases')
          .select((e) => e.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('gives a 15-year-old a mandatory 从轻: above the middle of the range is refused, below it is kept with the ground', async () => {
    t.yifa.clock.source = at('2026-03-02');
    const before = await caseCount();
    const party = { kind: 'citizen', name: '吴某某', idNumber: FIFTEEN, address: '秀山县妙泉镇某某村', phone: null, representative: null };
    // The middle of ¥100–200 is ¥150.
    const heavy = await open(spot({ ...waste, party, fineFen: 20_000 }));
    expect(heavy.statusCode).toBe(409);
    expect(heavy.json().error.message).toContain('已满十四周岁不满十八周岁');
    expect(heavy.json().error.citation).toBe('《中华人民共和国行政处罚法》第三十条');
    expect(await caseCount()).toBe(before);

    const wrongBirth = await open(spot({ party: { ...party, birthDate: '2009-06-15' } }));
    expect(wrongBirth.statusCode).toBe(400);
    expect(JSON.stringify(wrongBirth.json())).toContain('与身份证号码所载的 2010-06-15 不符');

    const light = await open(spot({ ...waste, party, fineFen: 15_000 }));
    expect(light.statusCode, light.body).toBe(201);
    expect(light.json().case.onTheSpot.mitigation).toMatchObject({ ageAtAct: 15, lightening: 'lighter', grounds: [{ ground: 'minor' }] });
    const docs = light.json().documents as { id: string; title: string }[];
    expect(docs.map((d) => d.title)).toContain('当场行政处罚决定书');
  });

  it('refuses any penalty for a child under 14, and a ground without its evidence', async () => {
    t.yifa.clock.source = at('2026-03-02');
    const child = {
      kind: 'citizen',
      name: '吴某',
      idNumber: null,
      birthDate: '2013-09-01',
      address: '某村',
      phone: null,
      representative: null,
    };
    const r = await open(spot({ party: child, kinds: ['warning'], fineFen: 0 }));
    expect(r.statusCode).toBe(409);
    expect(r.json().error.message).toContain('不满十四周岁');
    const noEvidence = await open(spot({ fineFen: 10_000, mitigation: [{ ground: 'confessed', evidence: '' }] }));
    expect(noEvidence.statusCode).toBe(400);
    expect(JSON.stringify(noEvidence.json())).toContain('须写明证明该情形的证据');
    // Below the statute's ¥200 only with a ground (减轻, Art 32).
    expect((await open(spot({ fineFen: 10_000 }))).statusCode).toBe(409);
    const reduced = await open(spot({ fineFen: 10_000, mitigation: [{ ground: 'confessed', evidence: '询问笔录：主动供述另一次用火' }] }));
    expect(reduced.statusCode, reduced.body).toBe(201);
    expect(reduced.json().case.onTheSpot.mitigation.lightening).toBe('reduced');
  });

  it('takes ¥150 in cash only with a recorded ground and a receipt (Arts 68–70)', async () => {
    t.yifa.clock.source = at('2026-03-02');
    const before = await caseCount();
    const cash = { ...waste, fineFen: 15_000, cashCollected: true };
    const noGround = await open(spot({ ...cash, receiptNumber: '渝财罚 000101' }));
    expect(noGround.statusCode).toBe(409);
    expect(noGround.json().error).toMatchObject({ citation: '《中华人民共和国行政处罚法》第六十八条、第六十九条' });
    const small = await open(spot({ ...cash, cashGround: 'small', receiptNumber: '渝财罚 000101' }));
    expect(small.json().error.message).toContain('不是一百元以下的罚款');
    const noReceipt = await open(spot({ ...cash, cashGround: 'remote', cashGroundNote: '山区林场，距银行网点 40 公里' }));
    expect(noReceipt.json().error.citation).toBe('《中华人民共和国行政处罚法》第七十条');
    expect(await caseCount()).toBe(before);
    const ok = await open(
      spot({
        ...cash,
        cashGround: 'remote',
        cashGroundNote: '山区林场，距银行网点 40 公里',
        receiptNumber: '渝财罚 000101',
      }),
    );
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().case.payments).toEqual([{ on: '2026-03-02', amountFen: 15_000 }]);
  });

  it('shows the cash pay-in and banking as deadlines, and closes only once it is banked and the decision filed', async () => {
    t.yifa.clock.source = at('2026-03-02');
    const opened = await open(
      spot({
        fineFen: 10_000,
        violationTypeId: 'waste-dumping',
        circumstanceId: 'minor',
        basis: '《中华人民共和国固体废物污染环境防治法》第一百一十一条',
        cashCollected: true,
        receiptNumber: '渝财罚 000102',
      }),
    );
    expect(opened.statusCode, opened.body).toBe(201);
    const id = opened.json().id as string;
    const view = (await zhifa1.get(`/api/v1/penalty-cases/${id}`)).json();
    // 2026-03-02 is a Monday: the 2nd working day after is Wednesday the 4th.
    expect(view.deadlines.find((d: { rule: string }) => d.rule === 'penalty.on-the-spot-payin')).toMatchObject({
      due: '2026-03-04',
      state: 'warning',
    });
    expect(view.allowedActions.find((a: { type: string }) => a.type === 'penalty.hand-in-cash')).toMatchObject({ next: true });
    const early = await act(id, 'penalty.close', { on: '2026-03-02', report: '结案' });
    expect(early.statusCode).toBe(409);

    t.yifa.clock.source = at('2026-03-05');
    const late = (await zhifa1.get(`/api/v1/penalty-cases/${id}`)).json();
    expect(late.deadlines.find((d: { rule: string }) => d.rule === 'penalty.on-the-spot-payin').state).toBe('overdue');
    expect((await act(id, 'penalty.bank-cash', { on: '2026-03-05', bankReceipt: '缴款单 1' })).statusCode).toBe(409);
    expect((await act(id, 'penalty.hand-in-cash', { on: '2026-03-05', receivedBy: '镇财政所出纳' })).statusCode).toBe(200);
    const handed = (await zhifa1.get(`/api/v1/penalty-cases/${id}`)).json();
    expect(handed.deadlines.find((d: { rule: string }) => d.rule === 'penalty.on-the-spot-banking')).toMatchObject({ due: '2026-03-09' });
    expect((await act(id, 'penalty.bank-cash', { on: '2026-03-05', bankReceipt: '缴款单 1' })).statusCode).toBe(200);
    const stillUnfiled = await act(id, 'penalty.close', { on: '2026-03-05', report: '结案' });
    expect(stillUnfiled.statusCode).toBe(409);
    expect(stillUnfiled.json().error.message).toContain('备案');
    expect((await act(id, 'penalty.file-on-the-spot', { on: '2026-03-05' })).statusCode).toBe(200);
    const closed = await act(id, 'penalty.close', { on: '2026-03-05', report: '罚款已缴付银行，决定已备案' });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json().status).toBe('closed');
  });

  it('refuses a decision without the 告知, and a statement left unanswered', async () => {
    t.yifa.clock.source = at('2026-03-02');
    const untold = await open(spot({ told: false }));
    expect(untold.statusCode).toBe(409);
    expect(untold.json().error.citation).toBe('《中华人民共和国行政处罚法》第四十四条、第五十二条');
    const unanswered = await open(spot({ statement: '不知道是防火期' }));
    expect(unanswered.json().error.citation).toBe('《中华人民共和国行政处罚法》第四十五条');
  });
});
