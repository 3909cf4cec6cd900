import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { PREAMBLE, clauses, diffClauses, diffSummary } from '../../src/procedure/clauses.js';

const V1 = [
  '为推进移风易俗，经村民代表会议讨论通过，制定本村规民约。',
  '第一条 村民应当遵守法律法规。',
  '第二条 婚事新办，彩礼不超过三万元。',
  '第三条 红白事从简，宴席不超过二十桌。',
  '',
].join('\n');

/** The clauses' texts joined again: the split must give back the text exactly. */
const rejoined = (t: string) =>
  clauses(t)
    .map((c) => c.text)
    .join('');

describe('clauses', () => {
  it('splits on 第X条 and keeps the preamble', () => {
    const c = clauses(V1);
    expect(c.map((x) => x.label)).toEqual([PREAMBLE, '第一条', '第二条', '第三条']);
    expect(c[2]!.text).toBe('第二条 婚事新办，彩礼不超过三万元。\n');
  });

  it('splits numbered clauses (1. 2、 ３．) and keeps continuation lines in their clause', () => {
    const c = clauses('1. 甲\n  续行\n2、乙\n３．丙');
    expect(c.map((x) => x.label)).toEqual(['1.', '2、', '３．']);
    expect(c[0]!.text).toBe('1. 甲\n  续行\n');
  });

  it('does not take a decimal number for a clause heading', () => {
    expect(clauses('彩礼\n3.5万元以内').map((x) => x.label)).toEqual([PREAMBLE]);
  });

  it('loses nothing: the clauses join back to the text, whatever it is', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (t) => {
        expect(rejoined(t)).toBe(t);
      }),
    );
    const mixed = '第一条 ཀ་ཁ་ག 𠮷野家 ئۇيغۇر \r\n第二条 Ünïcödé\t👍\n\n';
    expect(rejoined(mixed)).toBe(mixed);
  });
});

describe('diffClauses', () => {
  it('finds a clause changed in place', () => {
    const v2 = V1.replace('三万元', '二万元');
    const d = diffClauses(V1, v2);
    expect(d.map((x) => x.change)).toEqual(['same', 'same', 'changed', 'same']);
    expect(d[2]!.before!.text).toContain('三万元');
    expect(d[2]!.after!.text).toContain('二万元');
  });

  it('sees an inserted clause as added and the later ones as renumbered, not changed', () => {
    const v2 = V1.replace('第二条', '第二条 外嫁女及其子女与其他村民平等享有集体收益分配。\n第三条').replace(
      '第三条 红白事',
      '第四条 红白事',
    );
    const d = diffClauses(V1, v2);
    expect(diffSummary(d)).toEqual({ same: 4, changed: 0, added: 1, removed: 0 });
    expect(d.filter((x) => x.renumbered).map((x) => x.after!.label)).toEqual(['第三条', '第四条']);
  });

  it('reports a removed clause', () => {
    const v2 = V1.replace('第三条 红白事从简，宴席不超过二十桌。\n', '');
    expect(diffSummary(diffClauses(V1, v2))).toEqual({ same: 3, changed: 0, added: 0, removed: 1 });
  });

  it('accounts for every clause of both versions, in order', () => {
    const clause = fc.constantFrom('村民应当遵守法律。', '彩礼不超过三万元。', '红白事从简。', '爱护公共设施。', '保护森林防火。');
    const text = fc.array(clause, { maxLength: 12 }).map((cs) => cs.map((c, i) => `第${i + 1}条 ${c}\n`).join(''));
    fc.assert(
      fc.property(text, text, (a, b) => {
        const d = diffClauses(a, b);
        expect(d.flatMap((x) => (x.before ? [x.before.text] : [])).join('')).toBe(a);
        expect(d.flatMap((x) => (x.after ? [x.after.text] : [])).join('')).toBe(b);
        if (a === b) expect(d.every((x) => x.change === 'same')).toBe(true);
      }),
    );
  });

  it('diffs two 200-clause versions quickly', () => {
    const long = (k: number) => Array.from({ length: 200 }, (_, i) => `第${i + 1}条 条款内容${(i * k) % 97}。\n`).join('');
    const t0 = performance.now();
    const d = diffClauses(long(1), long(3));
    expect(d.length).toBeGreaterThanOrEqual(200);
    expect(performance.now() - t0).toBeLessThan(1000);
  });
});

/** What the normative documents' diff (规范性文件, formerly its own module file) checked, on the kit's diff. */
describe('a normative document’s versions', () => {
  const v1 =
    '妙泉镇集镇摊点管理暂行办法\n\n第一条 为加强管理，制定本办法。\n第二条 本办法适用于集镇。\n第三条 违规摆摊的，处以200元罚款。\n第四条 本办法自发布之日起30日后施行。\n';
  const v2 =
    '妙泉镇集镇摊点管理暂行办法\n\n第一条 为加强管理，制定本办法。\n第二条 本办法适用于集镇及周边。\n第四条 本办法自发布之日起30日后施行。\n第五条 由镇人民政府负责解释。\n';
  const label = (c: { before: { label: string } | null; after: { label: string } | null }) => (c.after ?? c.before)!.label;

  it('splits on 第X条 at the start of a line, keeping the title as the preamble and every character', () => {
    const cs = clauses(v1);
    expect(cs.map((c) => c.label)).toEqual([PREAMBLE, '第一条', '第二条', '第三条', '第四条']);
    expect(rejoined(v1)).toBe(v1);
  });

  it('does not split on 第X条 inside a sentence, and reads Arabic and full-width numerals', () => {
    expect(clauses('第1条 依照本办法第三条规定办理。\n第２条 另行规定。').map((c) => c.label)).toEqual(['第1条', '第２条']);
  });

  it('gives back any script at any length exactly', () => {
    const text = `第一条 ${'𠀀中文ꆈꌠ ئۇيغۇرچە 🙂'.repeat(5000)}\r\n第二条 末。`;
    expect(rejoined(text)).toBe(text);
  });

  it('shows each clause as same, changed, added or removed', () => {
    const d = diffClauses(v1, v2);
    expect(d.map((c) => [c.change, label(c)])).toEqual([
      ['same', PREAMBLE],
      ['same', '第一条'],
      ['changed', '第二条'],
      ['removed', '第三条'],
      ['same', '第四条'],
      ['added', '第五条'],
    ]);
    expect(d[2]!.before!.text).toBe('第二条 本办法适用于集镇。\n');
    expect(d[2]!.after!.text).toBe('第二条 本办法适用于集镇及周边。\n');
    expect(diffSummary(d)).toEqual({ same: 3, changed: 1, added: 1, removed: 1 });
  });

  it('finds nothing changed between a text and itself, and a trailing line break is no change', () => {
    expect(diffClauses(v1, v1).every((c) => c.change === 'same')).toBe(true);
    expect(diffClauses('第一条 甲。', '第一条 甲。\n').map((c) => c.change)).toEqual(['same']);
  });

  it('diffs 200 clauses with every tenth amended, exactly', () => {
    const n = Array.from({ length: 200 }, (_, i) => `第${i + 1}条 内容${i}。\n`);
    const after = n.map((c, i) => (i % 10 === 0 ? c.replace('。', '，有修改。') : c)).join('');
    const t = performance.now();
    const d = diffClauses(n.join(''), after);
    expect(performance.now() - t).toBeLessThan(200);
    expect(diffSummary(d)).toEqual({ same: 180, changed: 20, added: 0, removed: 0 });
  });
});
