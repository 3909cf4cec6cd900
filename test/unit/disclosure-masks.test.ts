import { describe, expect, it } from 'vitest';
import { maskPersonName, publicDecision, publicParty } from '../../src/modules/disclosure/masks.js';
import { charGrams, charQueryGrams } from '../../src/platform/search/grams.js';
import type { PublicationFacts } from '../../src/procedure/spec.js';

const facts = (party: Partial<PublicationFacts['party']>): PublicationFacts => ({
  key: 'decision',
  category: 'penalty',
  rule: 'penalty.disclosure',
  number: '妙泉当罚字〔2026〕第1号',
  party: {
    kind: 'natural',
    name: '张三丰',
    idNumber: '500241198503151234',
    phone: '13912345678',
    address: '某村5组',
    representative: null,
    minor: false,
    ...party,
  },
  violationType: '野外用火',
  penalty: '警告；罚款人民币壹佰元整（¥100.00）',
  basis: '《森林防火条例》第五十条',
  agencyId: 'a',
  agencyName: '妙泉镇人民政府',
  decidedOn: '2026-04-01',
  withdrawnBecause: null,
});
const row = (f: PublicationFacts, extra: Record<string, unknown> = {}) => ({
  id: 'x',
  status: 'released',
  facts: JSON.stringify(f),
  redactions: '[]',
  released_on: '2026-04-02',
  withdrawn_on: null,
  withdrawal_kind: null,
  withdrawal_reason: null,
  ...extra,
});

describe('the public masks', () => {
  it('masks a natural person’s name keeping the surname', () => {
    expect(maskPersonName('张三丰')).toBe('张某某');
    expect(maskPersonName('王五')).toBe('王某');
    expect(maskPersonName('欧阳小龙')).toBe('欧阳某某');
    expect(maskPersonName('欧阳修')).toBe('欧阳某');
    expect(maskPersonName('张某某')).toBe('张某某');
  });

  it('never shows ID numbers, phones or addresses, and withholds a minor altogether', () => {
    const shown = JSON.stringify(publicDecision(row(facts({}))));
    for (const secret of ['张三丰', '500241198503151234', '13912345678', '某村5组']) expect(shown).not.toContain(secret);
    expect(publicParty(facts({ minor: true }).party, []).name).toBe('未成年人（依法不予公开）');
    const org = publicParty(facts({ kind: 'organisation', name: '某某建材有限公司', representative: '李大山' }).party, []);
    expect(org).toMatchObject({ name: '某某建材有限公司', representative: '李某某' });
  });

  it('applies manual redactions and hides what a withdrawn decision imposed', () => {
    const r = [{ field: 'basis' as const, text: '第五十条', reason: '待核', editor: { userId: 'u', name: '甲' }, on: '2026-04-02' }];
    expect(publicDecision(row(facts({}), { redactions: JSON.stringify(r) })).basis).toBe('《森林防火条例》［已遮盖］');
    const w = publicDecision(
      row(facts({}), { status: 'withdrawn', withdrawn_on: '2026-05-01', withdrawal_kind: 'revoked', withdrawal_reason: '复议撤销' }),
    );
    expect(w).toMatchObject({ status: 'withdrawn', penalty: '—', withdrawal: { kindName: '撤销', reason: '复议撤销' } });
  });
});

describe('char grams', () => {
  it('index single characters besides bigrams, so one-character queries use the index', () => {
    expect(charGrams('野外用火').split(' ').sort()).toEqual(['外', '外用', '火', '用', '用火', '野', '野外'].sort());
    expect(charQueryGrams('火')).toEqual(['火']);
    expect(charQueryGrams('用火')).toEqual(['用火']);
    expect(charQueryGrams('" OR *')).toEqual(['or']);
    expect(charQueryGrams('%_*')).toBeNull();
  });
});
