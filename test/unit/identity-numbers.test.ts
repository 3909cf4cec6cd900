/**
 * 居民身份证号码 and 统一社会信用代码 checks: a real-shaped number passes, each kind of mistake
 * is named with the character at fault, and a party's number is checked by its kind.
 */
import { describe, expect, it } from 'vitest';
import {
  creditCheckChar,
  creditCodeProblem,
  idCheckChar,
  idNumberProblem,
  identityProblem,
  withIdCheckChar,
} from '../../src/platform/identity/numbers.js';
import { partySchema } from '../../src/modules/enforcement/workflow/shared.js';

describe('居民身份证号码 (GB 11643—1999)', () => {
  it('computes the check character of the standard’s worked example', () => {
    // GB 11643—1999 Annex: 11010519491231002 → X.
    expect(idCheckChar('11010519491231002')).toBe('X');
    expect(idNumberProblem('11010519491231002X')).toBeNull();
    expect(idNumberProblem('11010519491231002x')).toBeNull();
  });

  it('names what is wrong: the length, a character, the date of birth, the check character', () => {
    expect(idNumberProblem('5002411990010112')).toBe('身份证号须为 18 位，现为 16 位');
    expect(idNumberProblem('50024119900101A236')).toContain('第 15 位“A”不正确');
    expect(idNumberProblem('500241199002301236')).toContain('出生日期 19900230 不存在');
    expect(idNumberProblem('500241199001011234')).toBe('身份证号第 18 位（校验码）应为“6”，现为“4”：请核对号码是否有误');
    expect(idNumberProblem(withIdCheckChar('50024119900101123'))).toBeNull();
  });
});

describe('统一社会信用代码 (GB 32100—2015)', () => {
  it('passes a code with its check character and names a wrong one', () => {
    const first17 = '91500241MA5U00000';
    expect(creditCheckChar(first17)).toBe('K');
    expect(creditCodeProblem(`${first17}K`)).toBeNull();
    expect(creditCodeProblem(`${first17}X`)).toBe('统一社会信用代码第 18 位（校验码）应为“K”，现为“X”：请核对代码是否有误');
    expect(creditCodeProblem('91500241MA5I00000K')).toContain('第 12 位“I”不正确');
    expect(creditCodeProblem('91ABCDEFMA5U00000K')).toContain('第 3–8 位');
    expect(creditCodeProblem('915002')).toBe('统一社会信用代码须为 18 位，现为 6 位');
  });

  it('checks a party’s number by its kind, at the field', () => {
    expect(identityProblem('citizen', '91500241MA5U00000K')).toContain('身份证号');
    expect(identityProblem('organisation', '500241199001011236')).toContain('统一社会信用代码');
    const party = { kind: 'citizen', name: '王某某', idNumber: '500241199001011234', address: '某村', phone: null, representative: null };
    const parsed = partySchema.safeParse(party);
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['idNumber', '身份证号第 18 位（校验码）应为“6”，现为“4”：请核对号码是否有误'],
    ]);
    expect(partySchema.safeParse({ ...party, idNumber: '500241199001011236' }).success).toBe(true);
    expect(partySchema.safeParse({ ...party, idNumber: null }).success).toBe(true);
  });
});
