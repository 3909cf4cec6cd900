/**
 * 执行: the decision served, payments, a deferral the head approves, the reminder, and the
 * application to the court; when payment is due and whether it is all paid.
 */
import { z } from 'zod';
import { addDays, daysBetween } from '../../../calendar/legal-date.js';
import { yuanText } from '../../../journal/readable.js';
import {
  COMPULSION_LAW,
  DECISION_OUTCOMES,
  GATE_CITATIONS,
  LATE_PENALTY,
  SERVICE_METHOD_IDS,
  SERVICE_METHODS,
  latePenaltyFen,
  type ServiceMethod,
} from '../../../law/penalty.js';
import { dueDate, type GateContext } from '../gates.js';
import { RECORD_CHECK, atField, type Refusal } from '../../../procedure/spec.js';
import { amountDueFen, paidFen, type CourtApplication, type LatePayment, type PenaltyCase, type ServiceAttempt } from '../penalty-case.js';
import {
  action,
  consentOnFile,
  dated,
  eventDate,
  fen,
  HEAD,
  namesOf,
  noPending,
  OFFICER,
  publicNoticeRefusal,
  serviceMethod,
  text,
  type ActionSpec,
} from './shared.js';

const ATTEMPTED_DOCUMENTS = { notice: '行政处罚告知书', decision: '行政处罚决定书' } as const;

/** The document waiting to be served: a decision not yet served, or a proposal to penalise not yet told. */
function awaitingService(c: PenaltyCase): ServiceAttempt['document'] | null {
  if (c.decision) return c.service ? null : 'decision';
  const told = c.proposal && c.notice?.version === c.proposal.version;
  return c.proposal && DECISION_OUTCOMES[c.proposal.outcome].penalises && !told ? 'notice' : null;
}

/** 催告 only once the time to pay has run out. */
const reminderTooEarly = (due: string | null, on: string): Refusal | null =>
  !due || on <= due ? { message: `缴款期限${due ? `（${due}）` : ''}届满前不能催告`, citation: GATE_CITATIONS.reminder } : null;

/** 送达决定书 and 执行. */
export const EXECUTION_ACTIONS = {
  'penalty.serve-decision': action({
    title: '送达决定书',
    roles: OFFICER,
    from: ['decided'],
    payload: z.strictObject({
      servedOn: dated('送达日期'),
      method: serviceMethod,
      recipient: text(100).meta({ title: '受送达人' }),
      refusedToSign: z.boolean().meta({ title: '当事人拒绝签收（留置送达）' }),
      consentOnFile,
    }),
    guard: (c, p, ctx) => [
      atField('servedOn', eventDate(p.servedOn, c, ctx, '送达日期')),
      c.decision && p.servedOn < c.decision.on ? { message: '送达不能早于决定', citation: GATE_CITATIONS.service } : null,
      p.method === 'electronic' && !p.consentOnFile
        ? { message: '电子送达须经当事人同意并签订确认书', citation: GATE_CITATIONS.electronicService }
        : null,
      c.decision ? publicNoticeRefusal(c, 'decision', p.method, c.decision.on) : null,
      p.refusedToSign && p.method !== 'left'
        ? { message: '当事人拒绝签收的，应当采用留置送达并记明情况', citation: GATE_CITATIONS.service }
        : null,
    ],
    apply: (c, p) => ({
      ...c,
      service: {
        on: p.servedOn,
        method: p.method,
        completeOn: addDays(p.servedOn, SERVICE_METHODS[p.method].completesAfterDays),
        recipient: p.recipient,
        refusedToSign: p.refusedToSign,
      },
    }),
  }),

  'penalty.record-service-attempt': action({
    title: '登记送达未成功',
    roles: OFFICER,
    from: ['investigated', 'notified', 'decided'],
    payload: z.strictObject({
      on: dated('送达日期'),
      document: z.enum(['notice', 'decision']).meta({ title: '送达的文书', labels: ATTEMPTED_DOCUMENTS }),
      method: z
        .enum(
          SERVICE_METHOD_IDS.filter((m): m is Exclude<ServiceMethod, 'public-notice'> => m !== 'public-notice') as [
            Exclude<ServiceMethod, 'public-notice'>,
            ...Exclude<ServiceMethod, 'public-notice'>[],
          ],
        )
        .meta({ title: '送达方式', labels: namesOf(SERVICE_METHODS) }),
      why: text(1000).meta({ title: '未能送达的情况（如查无此人、邮件退回，附凭证）' }),
    }),
    requires: (c) => (awaitingService(c) ? null : { message: '没有待送达的告知书或决定书', citation: RECORD_CHECK }),
    guard: (c, p, ctx) => [
      atField('on', eventDate(p.on, c, ctx, '送达日期')),
      awaitingService(c) === p.document
        ? null
        : { message: `没有待送达的${ATTEMPTED_DOCUMENTS[p.document]}`, citation: RECORD_CHECK, field: 'document' },
    ],
    apply: (c, p) => ({ ...c, serviceAttempts: [...c.serviceAttempts, { on: p.on, document: p.document, method: p.method, why: p.why }] }),
  }),

  'penalty.record-payment': action({
    title: '登记缴款',
    roles: OFFICER,
    from: ['executing'],
    payload: z.strictObject({
      on: dated('缴款日期'),
      amountFen: fen.min(1, '缴款金额须大于零').meta({ title: '缴款金额（元）' }),
      receipt: text(100).meta({ title: '票据号' }),
    }),
    requires: (c) => (c.decision && amountDueFen(c.decision) > 0 ? null : { message: '本决定没有需要缴纳的款项', citation: RECORD_CHECK }),
    guard: (c, p, ctx) => {
      const owed = (c.decision ? amountDueFen(c.decision) : 0) + (latePayment(c, ctx, p.on)?.fen ?? 0);
      const outstanding = owed - paidFen(c);
      return [
        atField('on', eventDate(p.on, c, ctx, '缴款日期')),
        p.amountFen > outstanding
          ? {
              message: `缴款金额（${yuanText(p.amountFen)}）超过尚欠的罚没款与加处罚款（截至 ${p.on} 共 ${yuanText(Math.max(0, outstanding))}）`,
              citation: LATE_PENALTY_CITATION,
              field: 'amountFen',
            }
          : null,
      ];
    },
    apply: (c, p) => ({ ...c, payments: [...c.payments, { on: p.on, amountFen: p.amountFen }] }),
  }),

  'penalty.request-deferral': action({
    title: '当事人申请延期或分期缴纳罚款',
    roles: OFFICER,
    from: ['executing'],
    payload: z.strictObject({
      until: dated('延期（分期）缴纳至'),
      instalments: z.number().int().min(1).max(12).meta({ title: '分期数' }),
      reason: text(1000).meta({ title: '申请理由' }),
    }),
    requires: (c) => (fullyPaid(c) ? { message: '罚没款已缴清', citation: RECORD_CHECK } : noPending(c, 'deferral')),
    guard: (_c, p, ctx) => [
      p.until <= ctx.today ? { message: '延期截止日期须晚于今天', citation: '《中华人民共和国行政处罚法》第六十六条' } : null,
    ],
    approval: {
      kind: 'deferral',
      onApproved: (c, p) => ({ ...c, deferral: { until: p.until, instalments: p.instalments } }),
    },
    apply: (c) => c,
  }),

  'penalty.serve-reminder': action({
    title: '送达催告书',
    roles: OFFICER,
    from: ['executing'],
    payload: z.strictObject({ servedOn: dated('催告书送达日期') }),
    requires: (c) => (fullyPaid(c) ? { message: '罚没款已缴清', citation: RECORD_CHECK } : null),
    when: (c, ctx) => reminderTooEarly(paymentDue(c, ctx), ctx.today),
    guard: (c, p, ctx) => {
      const due = paymentDue(c, ctx);
      return [atField('servedOn', eventDate(p.servedOn, c, ctx, '催告送达日期')), reminderTooEarly(due, p.servedOn)];
    },
    issues: () => 'reminder',
    // What had accrued on the day, for the 催告书 to state (kept in the journal: a replay needs no calendar).
    derive: (c, p, ctx) => ({ lateFen: latePayment(c, ctx, p.servedOn)?.fen ?? 0 }),
    apply: (c, p, m) => ({
      ...c,
      reminders: [...c.reminders, { servedOn: p.servedOn, number: m.number, ...(m.derived as { lateFen?: number } | undefined) }],
    }),
  }),

  'penalty.apply-court': action({
    title: '申请人民法院强制执行',
    roles: HEAD,
    from: ['executing'],
    payload: z.strictObject({ on: dated('申请日期'), court: text(100).meta({ title: '人民法院' }) }),
    requires: (c) =>
      c.reminders.length === 0
        ? { message: '申请强制执行前应当催告当事人履行义务', citation: GATE_CITATIONS.reminder }
        : fullyPaid(c)
          ? { message: '罚没款已缴清', citation: RECORD_CHECK }
          : null,
    when: (c, ctx) => courtApplicationRefusal(c, ctx, ctx.today),
    guard: (c, p, ctx) => [atField('on', eventDate(p.on, c, ctx, '申请日期')), atField('on', courtApplicationRefusal(c, ctx, p.on))],
    issues: () => 'court-application',
    // What the application asks the court to enforce, on its day (kept in the journal: a replay needs no calendar).
    derive: (c, p, ctx) => ({
      windowsEnd: remedyWindowsEnd(c, ctx)!,
      unpaidFen: Math.max(0, amountDueFen(c.decision!) - paidFen(c)),
      lateFen: latePayment(c, ctx, p.on)?.fen ?? 0,
    }),
    apply: (c, p, m) => ({
      ...c,
      courtApplication: { on: p.on, court: p.court, number: m.number, ...(m.derived as Omit<CourtApplication, 'on' | 'court' | 'number'>) },
    }),
  }),
  // biome-ignore lint/suspicious/noExplicitAny: each row keeps its own payload type
} as const satisfies Record<string, ActionSpec<any>>;

/**
 * The day the party's time to challenge the decision runs out (行政强制法 Art 53): 60 days for
 * 复议 where it must come first (an on-the-spot decision), otherwise 6 months to sue; 15 days
 * more to sue after an upheld 复议 decision; and an approved deferral moves it to its end
 * (行政处罚法 Art 72 第二款). A court's judgment is recorded once it is final, so adds nothing.
 */
export function remedyWindowsEnd(c: PenaltyCase, ctx: Pick<GateContext, 'table'>): string | null {
  if (!c.service || !c.decision) return null;
  const served = c.service.completeOn;
  const ends = [dueDate(ctx, c.procedure === 'simple' ? 'reconsideration.application' : 'litigation.filing', served)];
  const upheld = c.changes.filter((ch) => ch.source === 'reconsideration' && ch.outcome === 'upheld').at(-1);
  if (upheld) ends.push(dueDate(ctx, 'litigation.filing-after-reconsideration', upheld.on));
  if (c.deferral) ends.push(c.deferral.until);
  return ends.sort().at(-1)!;
}

/**
 * Whether the court may be asked on `on`: 10 working days after the 催告书 (Art 54), after the
 * windows to challenge have run out, and within 3 months of that (Art 53).
 */
function courtApplicationRefusal(c: PenaltyCase, ctx: Pick<GateContext, 'table'>, on: string): Refusal | null {
  const r = c.reminders.at(-1);
  const afterReminder = r ? dueDate(ctx, 'penalty.enforcement-reminder', r.servedOn) : null;
  if (afterReminder && on <= afterReminder)
    return { message: `催告书送达满十个工作日（${afterReminder}）后当事人仍未履行的，方可申请强制执行`, citation: GATE_CITATIONS.reminder };
  const windowsEnd = remedyWindowsEnd(c, ctx);
  if (!windowsEnd) return null;
  if (on <= windowsEnd)
    return {
      message: `当事人申请行政复议、提起行政诉讼的期限（至 ${windowsEnd}）届满后，方可申请人民法院强制执行`,
      citation: GATE_CITATIONS.courtEnforcement,
    };
  const last = dueDate(ctx, 'penalty.court-enforcement', windowsEnd);
  return on > last
    ? { message: `申请强制执行的期限已于 ${last} 届满（复议、诉讼期限届满之日起三个月）`, citation: GATE_CITATIONS.courtEnforcement }
    : null;
}

/** The last day to pay: 15 days after service is complete, or the approved deferral. */
export function paymentDue(c: PenaltyCase, ctx: Pick<GateContext, 'table' | 'settings'>): string | null {
  if (!c.service || !c.decision || amountDueFen(c.decision) === 0) return null;
  if (c.deferral) return c.deferral.until;
  return dueDate(ctx, 'penalty.payment', c.service.completeOn);
}

/**
 * 加处罚款 on `today` (Art 72; 行政强制法 Art 45): nothing while the time to pay runs or when
 * there is no fine; it stops on the day the fine is paid in full.
 */
export function latePayment(c: PenaltyCase, ctx: Pick<GateContext, 'table' | 'settings'>, today: string): LatePayment | null {
  const fine = c.decision?.fineFen ?? 0;
  const dueOn = paymentDue(c, ctx);
  if (!dueOn || fine === 0) return null;
  const until = paidInFullOn(c) ?? today;
  const days = Math.max(0, daysBetween(dueOn, until));
  if (days === 0) return null;
  const fen = latePenaltyFen(fine, days);
  const growing = Math.min(days, Math.ceil(1 / LATE_PENALTY.ratePerDay) + 1);
  const byDay = Array.from({ length: growing }, (_, i) => ({ on: addDays(dueOn, i + 1), fen: latePenaltyFen(fine, i + 1) })).filter(
    (_, i, all) => i === 0 || all[i - 1]!.fen < fine,
  );
  return { dueOn, until, days, perDayFen: latePenaltyFen(fine, 1), fen, capped: fen >= fine, byDay, citation: LATE_PENALTY_CITATION };
}

/** The day the payments first covered what the decision orders paid. */
function paidInFullOn(c: PenaltyCase): string | null {
  const due = c.decision ? amountDueFen(c.decision) : 0;
  let paid = 0;
  for (const p of [...c.payments].sort((a, b) => a.on.localeCompare(b.on))) {
    paid += p.amountFen;
    if (paid >= due) return p.on;
  }
  return null;
}

const LATE_PENALTY_CITATION = `${GATE_CITATIONS.latePenalty}；${COMPULSION_LAW}第四十五条`;

export const fullyPaid = (c: PenaltyCase) => !!c.decision && paidFen(c) >= amountDueFen(c.decision);
