/** The clause-by-clause diff of normative documents (src/modules/normative-docs/clauses.ts): split on 第X条, matched by number. */
import { describe, expect, it } from 'vitest';
import { diffClauses, diffSummary, splitClauses } from '../../src/modules/normative-docs/clauses.js';

const v1 =
  '妙泉镇集镇摊点管理暂行办法\n\n第一条 为加强管理，制定本办法。\n第二条 本办法适用于集镇。\n第三条 违规摆摊的，处以200元罚款。\n第四条 本办法自发布之日起30日后施行。\n';
const v2 =
  '妙泉镇集镇摊点管理暂行办法\n\n第一条 为加强管理，制定本办法。\n第二条 本办法适用于集镇及周边。\n第四条 本办法自发布之日起30日后施行。\n第五条 由镇人民政府负责解释。\n';

describe('splitClauses', () => {
  it('splits on 第X条 at the start of a line, keeping the preamble and every character', () => {
    const cs = splitClauses(v1);
    expect(cs.map((c) => c.label)).toEqual(['', '第一条', '第二条', '第三条', '第四条']);
    expect(cs.map((c) => c.text).join('')).toBe(v1);
  });

  it('does not split on 第X条 inside a sentence, and reads Arabic and full-width numerals', () => {
    const cs = splitClauses('第1条 依照本办法第三条规定办理。\n第２条 另行规定。');
    expect(cs.map((c) => c.label)).toEqual(['第1条', '第２条']);
  });

  it('gives back any script and any length exactly', () => {
    const text = `第一条 ${'𠀀中文ꆈꌠ ئۇيغۇرچە 🙂'.repeat(5000)}\r\n第二条 末。`;
    expect(
      splitClauses(text)
        .map((c) => c.text)
        .join(''),
    ).toBe(text);
  });
});

describe('diffClauses', () => {
  it('shows each clause as same, changed, added or removed', () => {
    const d = diffClauses(v1, v2);
    expect(d.map((c) => [c.kind, c.label])).toEqual([
      ['same', ''],
      ['same', '第一条'],
      ['changed', '第二条'],
      ['removed', '第三条'],
      ['same', '第四条'],
      ['added', '第五条'],
    ]);
    expect(d[2]).toMatchObject({ before: '第二条 本办法适用于集镇。\n', after: '第二条 本办法适用于集镇及周边。\n' });
    expect(diffSummary(d)).toEqual({ same: 3, changed: 1, added: 1, removed: 1 });
  });

  it('finds nothing changed between a text and itself, and only a trailing line break is no change', () => {
    expect(diffClauses(v1, v1).every((c) => c.kind === 'same')).toBe(true);
    expect(diffClauses('第一条 甲。', '第一条 甲。\n').every((c) => c.kind === 'same')).toBe(true);
  });

  it('diffs 200 clauses quickly and exactly', () => {
    const n = ['', ...Array.from({ length: 200 }, (_, i) => `第${i + 1}条 内容${i}。\n`)];
    const before = n.join('');
    const after = n.map((c, i) => (i % 10 === 0 && c ? c.replace('。', '，有修改。') : c)).join('');
    const t = performance.now();
    const d = diffClauses(before, after);
    expect(performance.now() - t).toBeLessThan(200);
    expect(diffSummary(d)).toEqual({ same: 180, changed: 20, added: 0, removed: 0 });
  });
});
