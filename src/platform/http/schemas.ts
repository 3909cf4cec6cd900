/** Zod schemas shared by several modules' routes. */
import { z } from 'zod';
import { parseLegalDate } from '../../calendar/legal-date.js';

/** A real calendar date written YYYY-MM-DD (2026-02-30 is refused). */
export const legalDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式须为 YYYY-MM-DD')
  .refine((s) => Boolean(parseLegalDate(s)), { message: '日期不存在（如 2 月 30 日）' });
