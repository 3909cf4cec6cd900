import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bigrams, queryGrams, searchableText } from '../../src/platform/search/grams.js';

describe('search bigrams', () => {
  it('indexes each run of letters and digits as overlapping pairs, normalised', () => {
    expect(bigrams('妙泉镇')).toEqual(['妙泉', '泉镇']);
    expect(bigrams('ＱＳ水泥，A')).toEqual(['qs', 's水', '水泥', 'a']);
    expect(bigrams('妙泉罚决字〔2026〕第12号')).toEqual(['妙泉', '泉罚', '罚决', '决字', '20', '02', '26', '第1', '12', '2号']);
  });

  it('has no grams for a query without two characters in a row', () => {
    expect(queryGrams('泥')).toBeNull();
    expect(queryGrams('〔 〕')).toBeNull();
    expect(queryGrams('泥 水泥')).toEqual(['水泥']);
  });

  it('never loses a match: every substring of a text has its grams in the text', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...'妙泉镇水泥建材有限公司ab12 ，'), minLength: 1, maxLength: 40 }),
        fc.nat(),
        fc.nat(),
        (text, a, b) => {
          const [from, to] = [a % (text.length + 1), b % (text.length + 1)].sort((x, y) => x - y) as [number, number];
          const query = text.slice(from, to);
          const grams = queryGrams(query);
          if (!grams || !searchableText(text).includes(searchableText(query))) return;
          const indexed = new Set(bigrams(text));
          expect(grams.every((g) => indexed.has(g))).toBe(true);
        },
      ),
    );
  });
});
