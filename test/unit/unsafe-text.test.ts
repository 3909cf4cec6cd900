import { describe, expect, it } from 'vitest';
import { Readable } from 'node:stream';
import querystring from 'fast-querystring';
import { findUnsafeText } from '../../src/platform/http/unsafe-text.js';

describe('text no field accepts', () => {
  it('finds control characters, bidi overrides and lone surrogates at any depth, naming the field', () => {
    expect(findUnsafeText({ a: { b: ['ok', 'x\u0000y'] } })).toMatchObject({ path: 'a.b.1', reason: expect.stringContaining('U+0000') });
    expect(findUnsafeText({ name: '张\u202E三' })?.reason).toContain('U+202E');
    expect(findUnsafeText({ name: 'a\uD800' })?.reason).toContain('代理字符');
    expect(findUnsafeText({ name: '\uDC00b' })?.reason).toContain('代理字符');
    expect(findUnsafeText({ ['k\u0007']: 1 })?.path).toBe('k\u0007');
    expect(findUnsafeText('\u009B')?.reason).toContain('U+009B');
  });

  it('accepts ordinary Chinese text, line breaks, tabs and surrogate pairs', () => {
    expect(findUnsafeText({ facts: '当事人于2026年5月1日\n在某村\t建房。𠮷野家 👍', n: 3, ok: true, none: null })).toBeNull();
  });

  it('walks query strings as the server parses them', () => {
    expect(findUnsafeText(querystring.parse('q=%01abc&x=1'))?.path).toBe('q');
  });

  it('leaves a streamed body alone: it is bytes, not fields', () => {
    expect(findUnsafeText(Readable.from([Buffer.from([0, 1, 2])]))).toBeNull();
    expect(findUnsafeText(Buffer.from([0, 1, 2]))).toBeNull();
  });
});
