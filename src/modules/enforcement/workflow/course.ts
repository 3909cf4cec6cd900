/**
 * What interrupts or lengthens a general-procedure case at any stage of it: 中止, 恢复办理,
 * and the extension of the time limit the head approves.
 */
import { z } from 'zod';
import { addDays } from '../../../calendar/legal-date.js';
import { RECORD_CHECK, atField } from '../../../procedure/spec.js';
import { isSuspended } from '../penalty-case.js';
import { action, dated, eventDate, HEAD, noPending, OFFICER, OPEN_GENERAL, text, type ActionSpec } from './shared.js';

/** 中止, 恢复, 延长办案期限. */
export const COURSE_ACTIONS = {
  'penalty.suspend': action({
    title: '案件中止',
    roles: HEAD,
    from: OPEN_GENERAL,
    payload: z.strictObject({ from: dated('中止日期'), reason: text(1000).meta({ title: '中止理由' }) }),
    guard: (c, p, ctx) => [
      atField('from', eventDate(p.from, c, ctx, '中止日期')),
      c.suspensions.some((s) => s.to === null) ? { message: '案件已经中止', citation: RECORD_CHECK } : null,
    ],
    apply: (c, p) => ({ ...c, suspensions: [...c.suspensions, { from: p.from, to: null, reason: p.reason }] }),
  }),

  'penalty.resume': action({
    title: '恢复案件办理',
    roles: HEAD,
    from: OPEN_GENERAL,
    whileSuspended: true,
    payload: z.strictObject({ on: dated('恢复日期'), reason: text(1000).meta({ title: '恢复理由' }) }),
    requires: (c) => (isSuspended(c) ? null : { message: '案件没有中止', citation: RECORD_CHECK }),
    guard: (c, p, ctx) => {
      const open = c.suspensions.find((s) => s.to === null);
      return [
        atField('on', eventDate(p.on, c, ctx, '恢复日期')),
        open && p.on < open.from ? { message: '恢复日期不能早于中止日期', citation: RECORD_CHECK } : null,
      ];
    },
    // The suspension covers the days up to the one before the case resumes.
    apply: (c, p) => ({
      ...c,
      suspensions: c.suspensions.map((s) => (s.to === null ? { ...s, to: p.on > s.from ? addDays(p.on, -1) : s.from } : s)),
    }),
  }),

  'penalty.request-extension': action({
    title: '申请延长办案期限',
    roles: OFFICER,
    from: OPEN_GENERAL,
    payload: z.strictObject({
      days: z.number().int().min(1).max(90).meta({ title: '延长天数' }),
      reason: text(1000).meta({ title: '延长理由' }),
    }),
    requires: (c) => noPending(c, 'extension'),
    approval: {
      kind: 'extension',
      onApproved: (c, p, m) => ({ ...c, extensions: [...c.extensions, { days: p.days, reason: p.reason, approvedOn: m.today }] }),
    },
    apply: (c) => c,
  }),
  // biome-ignore lint/suspicious/noExplicitAny: each row keeps its own payload type
} as const satisfies Record<string, ActionSpec<any>>;
