/**
 * After the decision: a clerical error corrected by a numbered notice; the agency revoking
 * or changing its own decision (自行纠错, proposed by the legal reviewer, approved by the
 * head); the result of 行政复议 or 行政诉讼 recorded with its effect — the penalty changed,
 * nothing owed any more, or the case back before its decision with an order to decide again —
 * and what was overpaid paid back. Every change but 维持 makes the published decision due for
 * withdrawal within 3 working days (Art 48): the decision's publication (publication.ts) carries
 * the change, and the 公示 module's queue holds the duty.
 */
import { z } from 'zod';
import { CHANGE_OUTCOME_IDS, CHANGE_OUTCOMES, CHANGE_SOURCES, SELF_CORRECTION_CITATION, type ChangeOutcome } from '../../../law/penalty.js';
import { yuanText } from '../../../journal/readable.js';
import { RECORD_CHECK, atField, type Refusal } from '../../../procedure/spec.js';
import { optionalText } from '../../../platform/http/schemas.js';
import { overpaidFen, type DecisionChange, type PenaltyCase, type PenaltyStatus } from '../penalty-case.js';
import { action, dated, eventDate, fen, HEAD, namesOf, noPending, OFFICER, penalty, text, type ActionSpec } from './shared.js';

/** Statuses a made decision may be in: challenged or corrected while executed, and after the case is closed. */
const DECIDED: PenaltyStatus[] = ['decided', 'executing', 'closed', 'archived'];
const REVIEWER = ['legal_reviewer'];
/** The 国家赔偿法 returns money taken under a penalty revoked or reduced. */
export const REFUND_CITATION = '《中华人民共和国国家赔偿法》第四条第一项、第三十六条第一项';

export const noDecision = (c: PenaltyCase): Refusal | null =>
  c.decision && !c.decision.revokedOn ? null : { message: '没有现行有效的处罚决定', citation: RECORD_CHECK };

/** A changed penalty is a penalty; anything else names none. */
function variedPenaltyRefusals(
  outcome: ChangeOutcome,
  p: { kinds: string[]; fineFen: number; confiscationFen: number },
): (Refusal | null)[] {
  const varied = CHANGE_OUTCOMES[outcome].effect === 'varied';
  const named = p.kinds.length > 0 || p.fineFen > 0 || p.confiscationFen > 0;
  return [
    varied && p.kinds.length === 0 ? { message: '变更的，须写明变更后的处罚种类和金额', citation: RECORD_CHECK, field: 'kinds' } : null,
    !varied && named ? { message: `“${CHANGE_OUTCOMES[outcome].name}”不写处罚种类和金额`, citation: RECORD_CHECK, field: 'kinds' } : null,
    varied && p.kinds.includes('fine') !== p.fineFen > 0
      ? { message: '罚款金额与处罚种类不一致', citation: RECORD_CHECK, field: 'fineFen' }
      : null,
  ];
}

/** The change made to the case: the decision as it now stands, and what a redo reopens. */
export function applyChange(c: PenaltyCase, change: Omit<DecisionChange, 'seq' | 'decisionNumber'>): PenaltyCase {
  const d = c.decision;
  if (!d) return c; // nothing to change: the approving action refuses this (see workflow.ts)
  const entry: DecisionChange = { ...change, seq: c.changes.length, decisionNumber: d.number };
  const changes = [...c.changes, entry];
  switch (CHANGE_OUTCOMES[change.outcome].effect) {
    case 'stands':
    case 'unlawful':
      return { ...c, changes };
    case 'varied':
      return { ...c, changes, decision: { ...d, ...change.varied! } };
    case 'gone':
      return { ...c, changes, decision: { ...d, revokedOn: change.on } };
    case 'redo':
      // Back before the decision: decided, served and executed again under a new number.
      return {
        ...c,
        changes,
        priorDecisions: [...c.priorDecisions, { ...d, revokedOn: change.on }],
        decision: null,
        service: null,
        reminders: [],
        deferral: null,
        courtApplication: null,
        closedOn: null,
        closingReport: null,
        archivedOn: null,
      };
  }
}

/**
 * A decision made again after a revocation may not be the same on the same facts and reasons
 * (行政复议法 Art 64, 行政诉讼法 Art 71) unless it was revoked for its procedure alone: the
 * investigation report must be made anew (a new version) first.
 */
export function sameDecisionAgain(c: PenaltyCase): Refusal | null {
  const redo = c.changes.at(-1);
  const prior = c.priorDecisions.at(-1);
  if (c.decision || !redo?.redo || redo.redo.procedureOnly || !prior || c.proposal?.version !== prior.version) return null;
  return {
    message: `原决定（${prior.number ?? ''}）已被撤销并责令重新作出：不得以同一事实和理由作出相同或者基本相同的决定，请重新调查并提交新的调查终结报告`,
    citation: CHANGE_OUTCOMES['revoked-redo'][redo.source === 'litigation' ? 'litigation' : 'reconsideration'],
  };
}

export const AFTER_DECISION_ACTIONS = {
  'penalty.correct-decision': action({
    title: '更正（补正）决定书笔误',
    roles: HEAD,
    from: DECIDED,
    payload: z.strictObject({
      on: dated('更正日期'),
      wrong: text(500).meta({ title: '原文书中的错误' }),
      corrected: text(500).meta({ title: '更正为' }),
    }),
    requires: noDecision,
    guard: (c, p, ctx) => [atField('on', eventDate(p.on, c, ctx, '更正日期'))],
    issues: () => 'correction',
    apply: (c, p, m) => ({
      ...c,
      corrections: [...c.corrections, { seq: c.corrections.length, on: p.on, wrong: p.wrong, corrected: p.corrected, number: m.number }],
    }),
  }),

  'penalty.request-self-correction': action({
    title: '提出自行纠错意见（撤销或者变更处罚决定）',
    roles: REVIEWER,
    from: ['decided', 'executing', 'closed'],
    payload: z.strictObject({
      kind: z.enum(['revoke', 'vary']).meta({ title: '纠错方式', labels: { revoke: '撤销原决定', vary: '变更原决定' } }),
      reason: text(2000).meta({ title: '原决定的错误' }),
      legalReview: text(2000).meta({ title: '法制审核意见' }),
      ...penalty,
    }),
    requires: (c) => (noDecision(c) ? { ...noDecision(c)!, citation: SELF_CORRECTION_CITATION } : noPending(c, 'self-correction')),
    guard: (_c, p) => variedPenaltyRefusals(p.kind === 'revoke' ? 'revoked' : 'varied', p),
    approval: {
      kind: 'self-correction',
      onApproved: (c, p, m) =>
        applyChange(c, {
          on: m.today,
          source: 'self',
          outcome: p.kind === 'revoke' ? 'revoked' : 'varied',
          body: '本机关',
          documentNumber: m.number,
          reason: p.reason,
          varied: p.kind === 'vary' ? { kinds: p.kinds, fineFen: p.fineFen, confiscationFen: p.confiscationFen } : null,
          redo: null,
        }),
    },
    apply: (c) => c,
  }),

  'penalty.record-change': action({
    title: '登记行政复议、行政诉讼结果',
    roles: [...OFFICER, ...REVIEWER],
    from: DECIDED,
    payload: z.strictObject({
      on: dated('决定（判决）日期'),
      source: z.enum(['reconsideration', 'litigation']).meta({ title: '途径', labels: CHANGE_SOURCES }),
      body: text(100).meta({ title: '复议机关（人民法院）' }),
      documentNumber: text(100).meta({ title: '复议决定书（判决书）文号' }),
      outcome: z.enum(CHANGE_OUTCOME_IDS).meta({ title: '结果', labels: namesOf(CHANGE_OUTCOMES) }),
      reason: text(2000).meta({ title: '理由摘要' }),
      ...penalty,
      redoBy: dated('重新作出决定的期限').nullable(),
      procedureOnly: z.boolean().meta({ title: '仅以违反法定程序为由撤销' }),
      note: optionalText(500).meta({ title: '备注' }),
    }),
    requires: noDecision,
    guard: (c, p, ctx) => [
      atField('on', eventDate(p.on, c, ctx, '决定（判决）日期')),
      c.decision && p.on < c.decision.on ? { message: '复议决定（判决）不能早于处罚决定', citation: RECORD_CHECK, field: 'on' } : null,
      ...variedPenaltyRefusals(p.outcome, p),
      CHANGE_OUTCOMES[p.outcome].effect === 'redo' && !p.redoBy
        ? { message: '责令重新作出的，须写明复议决定（判决）确定的期限', citation: CHANGE_OUTCOMES[p.outcome][p.source], field: 'redoBy' }
        : null,
      p.redoBy && p.redoBy < p.on
        ? { message: '重新作出决定的期限不能早于复议决定（判决）', citation: RECORD_CHECK, field: 'redoBy' }
        : null,
    ],
    apply: (c, p) =>
      applyChange(c, {
        on: p.on,
        source: p.source,
        outcome: p.outcome,
        body: p.body,
        documentNumber: p.documentNumber,
        reason: p.reason,
        varied:
          CHANGE_OUTCOMES[p.outcome].effect === 'varied'
            ? { kinds: p.kinds, fineFen: p.fineFen, confiscationFen: p.confiscationFen }
            : null,
        redo: CHANGE_OUTCOMES[p.outcome].effect === 'redo' ? { by: p.redoBy!, procedureOnly: p.procedureOnly } : null,
      }),
  }),

  'penalty.record-refund': action({
    title: '退还多缴的罚没款',
    roles: OFFICER,
    from: ['executing', 'closed', 'archived', 'notified', 'investigated'],
    payload: z.strictObject({
      on: dated('退还日期'),
      amountFen: fen.min(1, '退还金额须大于零').meta({ title: '退还金额（元）' }),
      voucher: text(100).meta({ title: '退付凭证号' }),
    }),
    requires: (c) => (overpaidFen(c) > 0 ? null : { message: '没有需要退还的款项', citation: RECORD_CHECK }),
    guard: (c, p, ctx) => [
      atField('on', eventDate(p.on, c, ctx, '退还日期')),
      p.amountFen > overpaidFen(c)
        ? { message: `退还金额超过多缴的 ${yuanText(overpaidFen(c))}`, citation: REFUND_CITATION, field: 'amountFen' }
        : null,
    ],
    apply: (c, p) => ({ ...c, refunds: [...c.refunds, { on: p.on, amountFen: p.amountFen, voucher: p.voucher }] }),
  }),
  // biome-ignore lint/suspicious/noExplicitAny: each row keeps its own payload type
} as const satisfies Record<string, ActionSpec<any>>;
