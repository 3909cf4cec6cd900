/**
 * What interrupts or lengthens a general-procedure case at any stage of it: 中止, 恢复办理,
 * and the extension of the time limit the head approves.
 */
import { z } from 'zod';
import { addDays } from '../../../calendar/legal-date.js';
import { RECORD_CHECK, atField, type Refusal } from '../../../procedure/spec.js';
import { optionalText } from '../../../platform/http/schemas.js';
import { GATE_CITATIONS } from '../../../law/penalty.js';
import type { LoadedSettings } from '../settings.js';
import { isSuspended } from '../penalty-case.js';
import { action, dated, eventDate, HEAD, noPending, OFFICER, OPEN_GENERAL, text, type ActionSpec } from './shared.js';

type ExtensionRule = LoadedSettings['decisionExtension'];

/**
 * Art 60 allows the 90 days to change only where a law, regulation or 规章 says so: the
 * extension cites the provision in the agency's settings, is limited by the step it is, and
 * a step the provision does not have is refused.
 */
export function extensionRefusals(
  granted: number,
  p: { days: number; discussion: string | null },
  rule: ExtensionRule,
): (Refusal | null)[] {
  if (!rule)
    return [
      { message: '本机关适用的法律、法规、规章未规定延长办案期限（未配置延期依据），不能延期', citation: GATE_CITATIONS.decisionLimit },
    ];
  const step = rule.steps[granted];
  if (!step)
    return [
      {
        message: `${rule.basis}只规定了${rule.steps.length}次延期，已延期${granted}次，不能再延期`,
        citation: `${GATE_CITATIONS.decisionLimit}；${rule.basis}`,
      },
    ];
  return [
    p.days > step.maxDays
      ? { message: `依据${rule.basis}，第${granted + 1}次延期不超过${step.maxDays}日`, citation: rule.basis, field: 'days' }
      : null,
    step.by === 'collective' && !p.discussion
      ? {
          message: `依据${rule.basis}，第${granted + 1}次延期须经负责人集体讨论决定，请填写集体讨论情况`,
          citation: rule.basis,
          field: 'discussion',
        }
      : null,
  ];
}

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
      days: z.number().int().min(1).max(365).meta({ title: '延长天数' }),
      reason: text(1000).meta({ title: '延长理由' }),
      discussion: optionalText(2000).default(null).meta({ title: '集体讨论情况（依据规定须经集体讨论的延期）' }),
    }),
    requires: (c) => noPending(c, 'extension'),
    guard: (c, p, ctx) => extensionRefusals(c.extensions.length, p, ctx.settings.decisionExtension),
    // The provision of the day: the settings may change before the head approves.
    derive: (c, _p, ctx) => ({ basis: ctx.settings.decisionExtension?.basis ?? null, step: c.extensions.length + 1 }),
    approval: {
      kind: 'extension',
      onApproved: (c, p, m, request) => ({
        ...c,
        extensions: [
          ...c.extensions,
          {
            days: p.days,
            reason: p.reason,
            approvedOn: m.today,
            basis: (request.derived as { basis: string | null } | undefined)?.basis ?? undefined,
            discussion: p.discussion ?? null,
          },
        ],
      }),
    },
    apply: (c) => c,
  }),
  // biome-ignore lint/suspicious/noExplicitAny: each row keeps its own payload type
} as const satisfies Record<string, ActionSpec<any>>;
