/**
 * The deadlines of one case, computed from its facts and the statutory catalog — never
 * stored, never edited. Duties (decide, serve, pay, review, hold no longer than 30 days)
 * can be overdue; waiting windows (the party's hearing request, the hearing notice) only
 * open and pass. A duty due within 3 working days is a warning (yellow), past due is red.
 */
import { deadlineDue } from '../../calendar/deadlines.js';
import type { HolidayTable } from '../../calendar/holiday-table.js';
import { DEADLINE_RULES, type DeadlineRuleId } from '../../law/deadline-rules.js';
import { closedSuspensions, decisionLimit, nthWorkingDayAfter } from './gates.js';
import { amountDueFen, type PenaltyCase } from './penalty-case.js';
import { fullyPaid, paymentDue } from './workflow.js';
import type { LoadedSettings } from './settings.js';

export type DeadlineState = 'ok' | 'warning' | 'overdue' | 'met';

export interface CaseDeadline {
  rule: DeadlineRuleId;
  title: string;
  citation: string;
  from: string;
  due: string;
  state: DeadlineState;
  kind: 'duty' | 'window';
  /** What it is about, when a case has several of the same rule (e.g. each seizure) */
  about?: string;
}

export const WARNING_WORKING_DAYS = 3;

interface Ctx {
  table: HolidayTable;
  settings: LoadedSettings;
  today: string;
}

export function caseDeadlines(c: PenaltyCase, ctx: Ctx): CaseDeadline[] {
  const out: CaseDeadline[] = [];
  const warnFrom = nthWorkingDayAfter(ctx.table, ctx.today, WARNING_WORKING_DAYS);
  const duty = (rule: DeadlineRuleId, from: string, due: string, met: boolean, about?: string) => {
    const state: DeadlineState = met ? 'met' : ctx.today > due ? 'overdue' : due <= warnFrom ? 'warning' : 'ok';
    out.push({ rule, title: DEADLINE_RULES[rule].title, citation: DEADLINE_RULES[rule].citation, from, due, state, kind: 'duty', ...(about ? { about } : {}) });
  };
  const window = (rule: DeadlineRuleId, from: string, due: string, closed: boolean) => {
    out.push({ rule, title: DEADLINE_RULES[rule].title, citation: DEADLINE_RULES[rule].citation, from, due, state: closed || ctx.today > due ? 'met' : 'ok', kind: 'window' });
  };
  const plain = (rule: DeadlineRuleId, from: string) => deadlineDue(ctx.table, { rule, from, suspensions: closedSuspensions(c, ctx.today) });

  const limit = decisionLimit(c, ctx);
  if (c.filedOn && limit) duty('penalty.decision', c.filedOn, limit, !!c.decision || !!c.closedOn);
  for (const p of c.preservations) duty('penalty.preservation-decision', p.on, plain('penalty.preservation-decision', p.on), !!p.decidedOn, p.items);
  for (const s of c.seizures) {
    const due = deadlineDue(ctx.table, { rule: 'compulsory.seizure', from: s.on, extensions: s.extended ? [{ days: 30, reason: '经批准延长查封、扣押期限' }] : [] });
    duty('compulsory.seizure', s.on, due, !!s.releasedOn, s.items);
  }
  const review = c.reviews.at(-1);
  if (review) duty('review.opinion', review.submittedOn, plain('review.opinion', review.submittedOn), !!review.opinion);
  if (c.notice) window('penalty.hearing-request', c.notice.servedOn, nthWorkingDayAfter(ctx.table, c.notice.servedOn, 5), !!c.hearing || !!c.waivedOn || !!c.decision);
  if (c.hearing?.noticeServedOn) {
    window('penalty.hearing-earliest', c.hearing.noticeServedOn, deadlineDue(ctx.table, { rule: 'penalty.hearing-earliest', from: c.hearing.noticeServedOn }), !!c.hearing.heldOn);
  }
  if (c.decision && c.procedure === 'general') duty('penalty.service', c.decision.on, plain('penalty.service', c.decision.on), !!c.service);
  const payBy = paymentDue(c, ctx);
  if (c.service && c.decision && amountDueFen(c.decision) > 0 && payBy) duty('penalty.payment', c.service.completeOn, payBy, fullyPaid(c) || !!c.courtAppliedOn || !!c.closedOn);
  return out;
}

/** The earliest open duty: what the overdue queue sorts and filters on. */
export function nextDue(deadlines: readonly CaseDeadline[]): CaseDeadline | undefined {
  return deadlines.filter((d) => d.kind === 'duty' && d.state !== 'met').sort((a, b) => (a.due < b.due ? -1 : a.due > b.due ? 1 : 0))[0];
}
