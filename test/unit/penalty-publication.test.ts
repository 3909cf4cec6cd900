/**
 * What a penalty case publishes (enforcement/publication.ts), as a pure function of its state:
 * its decision under 行政处罚 (7 working days) — a penalty, or a 不予行政处罚 of an unlawful act —
 * and each 查封、扣押 under 行政强制措施 (20), each under its own key; a 解除 shown, not
 * withdrawn; a change of the decision withdrawing the decision only.
 */
import { describe, expect, it } from 'vitest';
import { penaltyPublications } from '../../src/modules/enforcement/publication.js';
import { emptyCase } from '../../src/modules/enforcement/workflow.js';
import type { Decision, DecisionChange, PenaltyCase, Seizure } from '../../src/modules/enforcement/penalty-case.js';
import type { DecisionOutcome } from '../../src/law/penalty.js';
import { withIdCheckChar } from '../../src/platform/identity/numbers.js';

const ctx = {
  agencyName: '妙泉镇人民政府',
  names: { 'violation:wild-fire': '林区野外用火', 'basis:wild-fire': '《森林防火条例》第五十条' },
};

const seizure = (o: Partial<Seizure> = {}): Seizure => ({
  seq: 5,
  on: '2026-09-28',
  items: '打火机 2 个、纸钱 3 捆',
  officers: ['p1', 'p2'],
  number: '妙泉强制字〔2026〕第1号',
  extended: false,
  releasedOn: null,
  basis: '《中华人民共和国行政强制法》第九条；《森林防火条例》第五十条',
  ...o,
});

const decision = (outcome: DecisionOutcome, o: Partial<Decision> = {}): Decision => ({
  on: '2026-10-09',
  version: 1,
  outcome,
  kinds: outcome === 'penalty' ? ['fine'] : [],
  fineFen: outcome === 'penalty' ? 50_000 : 0,
  confiscationFen: 0,
  number: outcome === 'penalty' ? '妙泉罚决字〔2026〕第3号' : '妙泉不罚字〔2026〕第1号',
  ...o,
});

const revoked = (decisionNumber: string | null): DecisionChange => ({
  seq: 0,
  on: '2026-11-20',
  source: 'reconsideration',
  outcome: 'revoked',
  body: '秀山县人民政府',
  documentNumber: '秀府复决〔2026〕9号',
  reason: '事实不清',
  decisionNumber,
  varied: null,
  redo: null,
});

/** A case of 林区用火 against 王小明 (born 1985), with `o` on top. */
function aCase(o: Partial<PenaltyCase> = {}): PenaltyCase {
  const c = emptyCase('c1', 'a1', '/r1/', '2026-09-28');
  return {
    ...c,
    violationTypeId: 'wild-fire',
    party: {
      kind: 'citizen',
      name: '王小明',
      idNumber: withIdCheckChar('50024119850315123'),
      address: '某村5组',
      phone: '13912345678',
      representative: null,
    },
    ...o,
  };
}

const proposal = (basis: string) => ({ basis }) as PenaltyCase['proposal'];

describe('what a penalty case publishes', () => {
  it('publishes nothing before a decision or a seizure', () => {
    expect(penaltyPublications(aCase(), ctx)).toEqual([]);
  });

  it('publishes a 查封、扣押 under 行政强制措施, 20 working days, keyed by its position, the party as in any publication', () => {
    const [only, ...rest] = penaltyPublications(aCase({ seizures: [seizure()] }), ctx);
    expect(rest).toEqual([]);
    expect(only).toEqual({
      key: 'coercive-measure:5',
      category: 'coercive-measure',
      rule: 'enforcement.disclosure',
      number: '妙泉强制字〔2026〕第1号',
      party: {
        kind: 'natural',
        name: '王小明',
        idNumber: withIdCheckChar('50024119850315123'),
        phone: '13912345678',
        address: '某村5组',
        representative: null,
        minor: false,
      },
      violationType: '林区野外用火',
      penalty: '查封、扣押：打火机 2 个、纸钱 3 捆',
      basis: '《中华人民共和国行政强制法》第九条；《森林防火条例》第五十条',
      agencyId: 'a1',
      agencyName: '妙泉镇人民政府',
      decidedOn: '2026-09-28',
      withdrawnBecause: null,
    });
  });

  it('publishes the decision and each seizure, each under its own key and rule', () => {
    const facts = penaltyPublications(
      aCase({
        seizures: [seizure(), seizure({ seq: 9, on: '2026-10-08', number: '妙泉强制字〔2026〕第2号' })],
        decision: decision('penalty'),
        proposal: proposal('《森林防火条例》第五十条'),
      }),
      ctx,
    );
    expect(facts.map((f) => [f.key, f.category, f.rule, f.decidedOn])).toEqual([
      ['decision', 'penalty', 'penalty.disclosure', '2026-10-09'],
      ['coercive-measure:5', 'coercive-measure', 'enforcement.disclosure', '2026-09-28'],
      ['coercive-measure:9', 'coercive-measure', 'enforcement.disclosure', '2026-10-08'],
    ]);
    expect(facts[0]).toMatchObject({ penalty: expect.stringContaining('罚款'), basis: '《森林防火条例》第五十条' });
  });

  it('shows a lifted measure with its day, never as withdrawn; a seizure from before its basis was kept has none', () => {
    const [lifted] = penaltyPublications(aCase({ seizures: [seizure({ releasedOn: '2026-10-09', basis: undefined })] }), ctx);
    expect(lifted).toMatchObject({
      penalty: '查封、扣押：打火机 2 个、纸钱 3 捆（已于 2026-10-09 解除）',
      basis: '',
      withdrawnBecause: null,
    });
  });

  it('withdraws the decision changed on reconsideration, not the seizures of the case', () => {
    const d = decision('penalty');
    const facts = penaltyPublications(aCase({ seizures: [seizure()], decision: d, changes: [revoked(d.number)] }), ctx);
    expect(facts.find((f) => f.key === 'decision')!.withdrawnBecause).toMatchObject({ kind: 'revoked', on: '2026-11-20' });
    expect(facts.find((f) => f.key === 'coercive-measure:5')!.withdrawnBecause).toBeNull();
  });

  it('keeps a decision revoked with an order to decide again withdrawn under its key; the new one publishes under its own', () => {
    const first = decision('penalty');
    const redo = { ...revoked(first.number), outcome: 'revoked-redo' as const };
    const waiting = penaltyPublications(
      aCase({ decision: null, priorDecisions: [{ ...first, revokedOn: '2026-11-20' }], changes: [redo] }),
      ctx,
    );
    expect(waiting.map((f) => [f.key, f.number, f.withdrawnBecause?.kind])).toEqual([['decision', '妙泉罚决字〔2026〕第3号', 'revoked']]);
    const second = decision('penalty', { on: '2026-12-15', number: '妙泉罚决字〔2026〕第9号', fineFen: 30_000 });
    const decided = penaltyPublications(
      aCase({ decision: second, priorDecisions: [{ ...first, revokedOn: '2026-11-20' }], changes: [redo] }),
      ctx,
    );
    expect(decided.map((f) => [f.key, f.number, f.decidedOn, f.withdrawnBecause?.kind ?? null])).toEqual([
      ['decision', '妙泉罚决字〔2026〕第3号', '2026-10-09', 'revoked'],
      ['decision:2', '妙泉罚决字〔2026〕第9号', '2026-12-15', null],
    ]);
  });

  it('publishes a 不予行政处罚 of an unlawful act as a 行政处罚 decision, its article joined to the basis', () => {
    const [first] = penaltyPublications(
      aCase({ decision: decision('no-penalty-first'), proposal: proposal('《森林防火条例》第五十条') }),
      ctx,
    );
    expect(first).toMatchObject({
      key: 'decision',
      category: 'penalty',
      rule: 'penalty.disclosure',
      number: '妙泉不罚字〔2026〕第1号',
      penalty: '初次违法且危害后果轻微并及时改正，不予行政处罚（首违不罚）',
      basis: '《森林防火条例》第五十条；《中华人民共和国行政处罚法》第三十三条第一款',
    });
    // An article already in the basis is not said twice.
    const [again] = penaltyPublications(
      aCase({ decision: decision('no-penalty-minor'), proposal: proposal('《中华人民共和国行政处罚法》第三十三条第一款') }),
      ctx,
    );
    expect(again!.basis).toBe('《中华人民共和国行政处罚法》第三十三条第一款');
  });

  it('withholds a party under 14 as a minor whatever his ID number says', () => {
    const [under14] = penaltyPublications(aCase({ decision: decision('no-penalty-under-14') }), ctx);
    expect(under14!.party.minor).toBe(true);
  });

  it('does not publish 违法事实不能成立, Art 31 (health) or 移送, while the seizures of the case still publish', () => {
    for (const outcome of ['not-established', 'no-penalty-incapacity', 'transfer'] as const) {
      const facts = penaltyPublications(aCase({ seizures: [seizure()], decision: decision(outcome) }), ctx);
      expect(
        facts.map((f) => f.key),
        outcome,
      ).toEqual(['coercive-measure:5']);
    }
  });

  it('reads a minor on the day of each decision: a seizure before his 18th birthday, the decision after it', () => {
    const party = { ...aCase().party, idNumber: withIdCheckChar('50024120081005123') };
    const facts = penaltyPublications(aCase({ party, seizures: [seizure()], decision: decision('penalty') }), ctx);
    expect(facts.find((f) => f.key === 'coercive-measure:5')!.party.minor).toBe(true);
    expect(facts.find((f) => f.key === 'decision')!.party.minor).toBe(false);
  });
});
