/** Zod schemas shared by several modules' routes. */
import { z } from 'zod';
import { parseLegalDate } from '../../calendar/legal-date.js';
import { idNumberProblem, identityProblem } from '../identity/numbers.js';

/** A real calendar date written YYYY-MM-DD (2026-02-30 is refused). */
export const legalDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式须为 YYYY-MM-DD')
  .refine((s) => Boolean(parseLegalDate(s)), { message: '日期不存在（如 2 月 30 日）' });

/**
 * A party's `idNumber` checked against its `kind` (a citizen's 身份证号, an organisation's
 * 统一社会信用代码), at the field, saying which character is wrong.
 */
export function identityChecked(o: { kind: 'citizen' | 'organisation'; idNumber: string | null }, ctx: z.RefinementCtx): void {
  const problem = o.idNumber ? identityProblem(o.kind, o.idNumber) : null;
  if (problem) ctx.addIssue({ code: 'custom', path: ['idNumber'], message: problem });
}

/** A person's 居民身份证号码, check character and date of birth checked. */
export const personalIdNumber = z.string().superRefine((s, ctx) => {
  const problem = idNumberProblem(s);
  if (problem) ctx.addIssue({ code: 'custom', message: problem });
});

/** A required text, trimmed, of at most `max` characters: the procedures' fields say so in Chinese. */
/** A telephone number as people write it: digits and hyphens, 7 to 20 (a landline with its area code, a mobile). */
export const phoneNumber = z
  .string()
  .trim()
  .regex(/^[\d-]{7,20}$/, '电话号码格式不正确');

export const requiredText = (max: number) => z.string().trim().min(1, '不能为空').max(max, `不能超过 ${max} 个字`);

/** An optional text, trimmed, of at most `max` characters; null when there is none. */
export const optionalText = (max: number) => z.string().trim().max(max, `不能超过 ${max} 个字`).nullable();

/** A file name as the user's device gives it: no folders, no control characters. */
export const fileName = z
  .string()
  .trim()
  .min(1, '文件名不能为空')
  .max(200, '文件名不能超过 200 个字符')
  // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters in file names is the point
  .refine((s) => !/[\\/\u0000-\u001f]/.test(s) && s !== '.' && s !== '..', '文件名不能包含路径或控制字符');
