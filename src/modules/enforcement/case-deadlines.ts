/**
 * The deadlines of one case, computed from its facts and the statutory catalog — never
 * stored, never edited. Duties (decide, serve, pay, review, hold no longer than 30 days)
 * can be overdue; waiting windows (the party's hearing request, the hearing notice) only
 * open and pass. A duty due within 3 working days is a warning (yellow), past due is red.
 */
import { deadlineDue } from '../../calendar/deadlines.js';
import type { HolidayTable } from '../../calendar/holiday-table.js';
import type { DeadlineRuleId } from '../../law/deadline-rules.js';
import { CHANGE_OUTCOMES } from '../../law/penalty.js';
import { closedSuspensions, decisionLimit } from './gates.js';
import { deadlineList, nthWorkingDayAfter, type CaseDeadline } from '../../procedure/deadlines.js';
import { amountDueFen, noticeReceivedOn, redoPending, type PenaltyCase } from './penalty-case.js';
import { fullyPaid, paymentDue, remedyWindowsEnd } from './workflow/execution.js';
import type { LoadedSettings } from './settings.js';

interface Ctx {
  table: HolidayTable;
  settings: LoadedSettings;
  today: string;
}

export function caseDeadlines(c: PenaltyCase, ctx: Ctx): CaseDeadline[] {
  const { out, duty, window } = deadlineList(ctx.table, ctx.today);
  const plain = (rule: DeadlineRuleId, from: string) =>
    deadlineDue(ctx.table, { rule, from, suspensions: closedSuspensions(c, ctx.today) });

  const limit = decisionLimit(c, ctx);
  const redo = redoPending(c);
  if (redo) duty('penalty.decision', redo.on, limit!, false, `重新作出（原${redo.decisionNumber ?? '决定'}已撤销）`);
  else if (c.filedOn && limit) duty('penalty.decision', c.filedOn, limit, !!c.decision || !!c.closedOn);
  for (const p of c.preservations)
    duty('penalty.preservation-decision', p.on, plain('penalty.preservation-decision', p.on), !!p.decidedOn, p.items);
  for (const s of c.seizures) {
    const due = deadlineDue(ctx.table, {
      rule: 'compulsory.seizure',
      from: s.on,
      extensions: s.extended ? [{ days: 30, reason: '经批准延长查封、扣押期限' }] : [],
    });
    duty('compulsory.seizure', s.on, due, !!s.releasedOn, s.items);
  }
  const review = c.reviews.at(-1);
  if (review) duty('review.opinion', review.submittedOn, plain('review.opinion', review.submittedOn), !!review.opinion);
  if (c.notice)
    window(
      'penalty.hearing-request',
      noticeReceivedOn(c.notice),
      nthWorkingDayAfter(ctx.table, noticeReceivedOn(c.notice), 5),
      !!c.hearing || !!c.waivedOn || !!c.decision,
    );
  if (c.hearing?.noticeServedOn) {
    window(
      'penalty.hearing-earliest',
      c.hearing.noticeServedOn,
      deadlineDue(ctx.table, { rule: 'penalty.hearing-earliest', from: c.hearing.noticeServedOn }),
      !!c.hearing.heldOn,
    );
  }
  if (c.decision && c.procedure === 'general') duty('penalty.service', c.decision.on, plain('penalty.service', c.decision.on), !!c.service);
  const cash = c.onTheSpot?.cash;
  if (cash) {
    const from = cash.landedOn ?? cash.collectedOn;
    const due = (rule: DeadlineRuleId, start: string) => deadlineDue(ctx.table, { rule, from: start });
    duty('penalty.on-the-spot-payin', from, due('penalty.on-the-spot-payin', from), !!cash.handedInOn, `票据 ${cash.receiptNumber}`);
    if (cash.handedInOn)
      duty('penalty.on-the-spot-banking', cash.handedInOn, due('penalty.on-the-spot-banking', cash.handedInOn), !!cash.bankedOn);
  }
  // The published decision is to be withdrawn: the 公示 module holds that duty (it sees the change through
  // the decision's publication); the case shows the period it runs in.
  for (const ch of c.changes)
    if (CHANGE_OUTCOMES[ch.outcome].effect !== 'stands')
      window('penalty.disclosure-withdrawal', ch.on, plain('penalty.disclosure-withdrawal', ch.on), false);
  for (const o of c.correctionOrders)
    duty(
      'penalty.correction-recheck',
      o.by,
      plain('penalty.correction-recheck', o.by),
      !!o.recheck,
      `${o.number ?? '责令改正'}：${o.order}`,
    );
  // Unpaid after a 催告书: the party's last 10 working days, then the agency's 3 months to ask the court.
  const stopped = fullyPaid(c) || !!c.courtApplication || !!c.closedOn;
  for (const r of c.reminders)
    window('penalty.enforcement-reminder', r.servedOn, plain('penalty.enforcement-reminder', r.servedOn), stopped);
  const windowsEnd = c.reminders.length > 0 ? remedyWindowsEnd(c, ctx) : null;
  if (windowsEnd) duty('penalty.court-enforcement', windowsEnd, plain('penalty.court-enforcement', windowsEnd), stopped);
  const payBy = paymentDue(c, ctx);
  if (c.service && c.decision && amountDueFen(c.decision) > 0 && payBy)
    duty('penalty.payment', c.service.completeOn, payBy, fullyPaid(c) || !!c.courtApplication || !!c.closedOn);
  return out;
}
