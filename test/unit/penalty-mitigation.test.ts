/**
 * The party's age and the grounds that change a penalty (行政处罚法 Arts 30–32), the statute's
 * own range beside the local benchmark (Art 34), and what the documents say of them and of
 * the remedies: pure checks, worked out by hand from the demo benchmarks.
 */
import { describe, expect, it } from 'vitest';
import { ageOn, withIdCheckChar } from '../../src/platform/identity/numbers.js';
import { loadSettings, DEFAULT_SETTINGS } from '../../src/modules/enforcement/settings.js';
import { validateBenchmarks, weighPenalty, type ViolationType } from '../../src/modules/enforcement/discretion.js';
import { ageAtAct, weighCase } from '../../src/modules/enforcement/mitigation.js';
import { emptyCase } from '../../src/modules/enforcement/workflow.js';
import { caseDocuments } from '../../src/modules/enforcement/documents/content.js';
import type { PenaltyCase } from '../../src/modules/enforcement/penalty-case.js';
import { partySchema } from '../../src/modules/enforcement/workflow/shared.js';

const settings = loadSettings(DEFAULT_SETTINGS);
const fire = settings.violationType('wild-fire')!; // statute ¥200–3,000 (citizen); 一般 ¥200–1,000, 严重 ¥1,000–3,000
const ordinary = fire.circumstances.find((c) => c.id === 'ordinary')!;
const serious = fire.circumstances.find((c) => c.id === 'serious')!;
const weigh = (fineFen: number, o: { age?: number | null; grounds?: ('confessed' | 'limited-capacity')[]; c?: typeof ordinary } = {}) =>
  weighPenalty(fire, o.c ?? ordinary, {
    partyKind: 'citizen',
    kinds: ['fine'],
    fineFen,
    ageAtAct: o.age ?? 40,
    grounds: o.grounds ?? [],
  });

describe('周岁 (the age at the act)', () => {
  it('is reached the day after the birthday, a 29 February birthday on 1 March', () => {
    expect(ageOn('2011-05-10', '2025-05-10')).toBe(13);
    expect(ageOn('2011-05-10', '2025-05-11')).toBe(14);
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(17);
    expect(ageOn('2008-02-29', '2026-03-01')).toBe(18);
  });
  it('comes from the 身份证号, else from the recorded birth date; an organisation has none', () => {
    const party = { kind: 'citizen' as const, name: '某某', address: '某村', phone: null, representative: null };
    const id = withIdCheckChar('50024120100615003');
    expect(ageAtAct({ ...party, idNumber: id }, '2026-03-01')).toBe(15);
    expect(ageAtAct({ ...party, idNumber: null, birthDate: '2013-01-01' }, '2026-03-01')).toBe(13);
    expect(ageAtAct({ ...party, idNumber: null }, '2026-03-01')).toBeNull();
    expect(ageAtAct({ ...party, kind: 'organisation', idNumber: null, birthDate: '2013-01-01' }, '2026-03-01')).toBeNull();
  });
  it('refuses a birth date that contradicts the 身份证号, naming both', () => {
    const party = {
      kind: 'citizen',
      name: '某某',
      idNumber: withIdCheckChar('50024120100615003'),
      address: '某村',
      phone: null,
      representative: null,
    };
    expect(partySchema.safeParse({ ...party, birthDate: '2010-06-15' }).success).toBe(true);
    const wrong = partySchema.safeParse({ ...party, birthDate: '2009-06-15' });
    expect(wrong.success).toBe(false);
    expect(wrong.error!.issues[0]).toMatchObject({ path: ['birthDate'] });
    expect(wrong.error!.issues[0]!.message).toContain('2010-06-15');
    expect(wrong.error!.issues[0]!.message).toContain('第三十条');
  });
});

describe('weighing a penalty', () => {
  it('passes a fine inside the benchmark with nothing to say', () => {
    expect(weigh(50_000)).toEqual({ refusals: [], outsideBenchmark: [], grounds: [], lightening: null });
  });
  it('refuses any penalty for a child under 14 (Art 30), whatever the amount', () => {
    const r = weigh(20_000, { age: 13 });
    expect(r.refusals).toHaveLength(1);
    expect(r.refusals[0]).toMatchObject({ citation: '《中华人民共和国行政处罚法》第三十条' });
    expect(r.refusals[0]!.message).toContain('不满十四周岁');
  });
  it('makes 从轻 mandatory from 14 to 18: no more than the middle of the range (Art 30)', () => {
    // 一般: ¥200–1,000, middle ¥600.
    expect(weigh(60_000, { age: 15 })).toMatchObject({ refusals: [], grounds: ['minor'], lightening: 'lighter' });
    const heavy = weigh(60_100, { age: 15 });
    expect(heavy.refusals[0]!.message).toContain('中间值 600.00 元');
    expect(heavy.refusals[0]!.citation).toBe('《中华人民共和国行政处罚法》第三十条');
    expect(weigh(60_100, { age: 18 }).refusals).toEqual([]);
  });
  it('makes an Art 32 ground mandatory too, but Art 31 diminished capacity only allows it', () => {
    expect(weigh(90_000, { grounds: ['confessed'] }).refusals[0]!.citation).toBe('《中华人民共和国行政处罚法》第三十二条第三项');
    expect(weigh(90_000, { grounds: ['limited-capacity'] })).toMatchObject({ refusals: [], lightening: 'lighter' });
  });
  it('goes below the benchmark or the statute only with a ground (减轻)', () => {
    // ¥150 is below both the benchmark's and the statute's ¥200.
    const bare = weigh(15_000);
    expect(bare.refusals[0]!.message).toContain('《森林防火条例》第五十条规定的最低额（200.00 元）');
    expect(bare.refusals[0]!.citation).toBe('《中华人民共和国行政处罚法》第三十二条；《森林防火条例》第五十条');
    expect(weigh(15_000, { grounds: ['confessed'] })).toMatchObject({ refusals: [], lightening: 'reduced' });
    // ¥800 is inside the statute but below 严重's ¥1,000.
    expect(weigh(80_000, { c: serious }).refusals[0]!.message).toContain('“严重”情节的幅度');
    expect(weigh(80_000, { c: serious, grounds: ['confessed'] })).toMatchObject({ refusals: [], lightening: 'reduced' });
  });
  it('refuses a fine above the statute whatever reason is written, and only notes one above the benchmark', () => {
    const over = weigh(300_001, { c: serious });
    expect(over.refusals[0]).toMatchObject({ citation: '《森林防火条例》第五十条', field: 'fineFen' });
    expect(weigh(150_000)).toMatchObject({ refusals: [], outsideBenchmark: [expect.stringContaining('高于“一般”情节的幅度')] });
    // With a mandatory ground the same fine is refused: it must be lighter, not heavier.
    expect(weigh(150_000, { age: 16 }).refusals).toHaveLength(1);
  });
  it("keeps the minor's ground with its evidence beside the recorded ones", () => {
    const party = {
      kind: 'citizen' as const,
      name: '某某',
      idNumber: null,
      birthDate: '2010-06-15',
      address: '某村',
      phone: null,
      representative: null,
    };
    const { mitigation } = weighCase(fire, ordinary, party, '2026-03-01', { kinds: ['fine'], fineFen: 20_000 }, [
      { ground: 'confessed', evidence: '询问笔录' },
    ]);
    expect(mitigation).toEqual({
      ageAtAct: 15,
      lightening: 'lighter',
      grounds: [
        { ground: 'minor', evidence: '出生日期 2010-06-15，违法行为发生时 15 周岁' },
        { ground: 'confessed', evidence: '询问笔录' },
      ],
    });
  });
  it('loads only benchmarks that stay inside their statute', () => {
    const bad: ViolationType = { ...fire, circumstances: [{ ...serious, fineFen: { citizen: { min: 100_000, max: 400_000 } } }] };
    expect(() => validateBenchmarks([bad])).toThrow(/超出《森林防火条例》第五十条规定的幅度/);
  });
});

describe('what the on-the-spot decision says', () => {
  const docCtx = {
    agencyName: '秀山县妙泉镇人民政府',
    countyName: '秀山县',
    nameOf: () => '某某',
    certificateOf: () => 'X',
    violationType: fire,
  };
  const spot = (cash: boolean): PenaltyCase => ({
    ...emptyCase('c', 'a', '/x/', '2026-03-02'),
    procedure: 'simple',
    party: { kind: 'citizen', name: '某某', idNumber: null, birthDate: '2010-06-15', address: '某村', phone: null, representative: null },
    decision: {
      on: '2026-03-02',
      version: 0,
      outcome: 'penalty',
      kinds: ['fine'],
      fineFen: 20_000,
      confiscationFen: 0,
      number: '妙泉当罚字〔2026〕第1号',
    },
    onTheSpot: {
      place: '林区',
      signed: true,
      refusalNote: null,
      statement: '不知道是防火期',
      statementReply: '防火期已公告，不予采纳',
      mitigation: {
        ageAtAct: 15,
        lightening: 'lighter',
        grounds: [{ ground: 'minor', evidence: '出生日期 2010-06-15，违法行为发生时 15 周岁' }],
      },
      cash: cash
        ? {
            ground: 'remote',
            groundNote: '山区林场，距银行 40 公里',
            receiptNumber: '渝财罚 000002',
            collectedOn: '2026-03-02',
            landedOn: null,
            handedInOn: null,
            bankedOn: null,
            bankReceipt: null,
          }
        : null,
      filedOn: null,
    },
  });
  const text = (c: PenaltyCase) => JSON.stringify(caseDocuments(c, docCtx).find((d) => d.title === '当场行政处罚决定书'));
  it('states reconsideration first and offers no direct lawsuit (行政复议法 Art 23)', () => {
    const t = text(spot(false));
    expect(t).toContain('应当先申请行政复议，不能直接提起行政诉讼');
    expect(t).toContain('《中华人民共和国行政复议法》第二十三条第一款第二项');
    expect(t).not.toContain('也可以在');
  });
  it('states the 告知, the statement and its answer, the 从轻 with its ground, and how the cash was taken', () => {
    const t = text(spot(true));
    expect(t).toContain('已当场告知');
    expect(t).toContain('不知道是防火期');
    expect(t).toContain('依法从轻处罚');
    expect(t).toContain('已满十四周岁不满十八周岁');
    expect(t).toContain('票据号码 渝财罚 000002');
    expect(t).toContain('第六十九条');
    expect(text(spot(false))).toContain('十五日内到指定银行缴纳罚款');
  });
});
