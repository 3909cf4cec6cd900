/**
 * 居民身份证号码 (GB 11643—1999) and 统一社会信用代码 (GB 32100—2015): what is wrong with one,
 * in words a clerk can act on (which character, and what it should be). Pure functions; the
 * zod schemas that use them are in platform/http/schemas.ts.
 */
import { parseLegalDate } from '../../calendar/legal-date.js';

const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** The check character of the first 17 digits of a 居民身份证号码. */
export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i]!;
  return ID_CHECK[sum % 11]!;
}

/** The 17 digits completed with their check character (invented numbers for the demo town). */
export const withIdCheckChar = (first17: string): string => first17 + idCheckChar(first17);

/** What is wrong with a 居民身份证号码 (an x is read as X); null when nothing is. */
export function idNumberProblem(raw: string): string | null {
  const id = raw.toUpperCase();
  if (id.length !== 18) return `身份证号须为 18 位，现为 ${id.length} 位`;
  const bad = [...id].findIndex((ch, i) => !(/\d/.test(ch) || (i === 17 && ch === 'X')));
  if (bad >= 0) return `身份证号第 ${bad + 1} 位“${id[bad]}”不正确：前 17 位须为数字，第 18 位为数字或 X`;
  const born = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (!parseLegalDate(born) || born < '1900-01-01') return `身份证号第 7–14 位的出生日期 ${id.slice(6, 14)} 不存在`;
  const check = idCheckChar(id.slice(0, 17));
  if (id[17] !== check) return `身份证号第 18 位（校验码）应为“${check}”，现为“${id[17]}”：请核对号码是否有误`;
  return null;
}

/** The date of birth a 居民身份证号码 states (YYYY-MM-DD), for a number without problems. */
export const birthDateOf = (id: string): string => `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;

/**
 * 周岁 on `on` of a person born on `born` (both YYYY-MM-DD). An age is reached the day after
 * the birthday, as the courts count it (最高人民法院《关于审理未成年人刑事案件具体应用法律若干问题的解释》
 * 第二条), which administrative penalties follow; a 29 February birthday passes on 1 March.
 */
export function ageOn(born: string, on: string): number {
  const years = Number(on.slice(0, 4)) - Number(born.slice(0, 4));
  return on.slice(5) > born.slice(5) ? years : years - 1;
}

/** The 31 characters of a 统一社会信用代码 (no I, O, S, V, Z), each standing for its position's value. */
const CREDIT_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character of the first 17 characters of a 统一社会信用代码. */
export function creditCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CHARS.indexOf(first17[i]!) * CREDIT_WEIGHTS[i]!;
  return CREDIT_CHARS[(31 - (sum % 31)) % 31]!;
}

/** What is wrong with a 统一社会信用代码 (lower case read as upper); null when nothing is. */
export function creditCodeProblem(raw: string): string | null {
  const code = raw.toUpperCase();
  if (code.length !== 18) return `统一社会信用代码须为 18 位，现为 ${code.length} 位`;
  const bad = [...code].findIndex((ch) => !CREDIT_CHARS.includes(ch));
  if (bad >= 0) return `统一社会信用代码第 ${bad + 1} 位“${code[bad]}”不正确：只用数字和除 I、O、S、V、Z 外的大写字母`;
  const region = code.slice(2, 8);
  if (!/^\d{6}$/.test(region)) return `统一社会信用代码第 3–8 位须为登记管理机关的行政区划码（6 位数字），现为“${region}”`;
  const check = creditCheckChar(code.slice(0, 17));
  if (code[17] !== check) return `统一社会信用代码第 18 位（校验码）应为“${check}”，现为“${code[17]}”：请核对代码是否有误`;
  return null;
}

/** A person's number or an organisation's code, as the party's kind says. */
export const identityProblem = (kind: 'citizen' | 'organisation', value: string): string | null =>
  kind === 'citizen' ? idNumberProblem(value) : creditCodeProblem(value);
