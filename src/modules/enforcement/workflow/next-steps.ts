/**
 * The steps a penalty case expects next, by its status and its facts: the console offers
 * them first (and the rest under 更多), and the 工作台 lists the case for whoever may take
 * one. A table over every status, so a new status cannot be left out.
 */
import { DECISION_OUTCOMES } from '../../../law/penalty.js';
import { amountDueFen, overpaidFen, isSuspended, reviewPassed, statusOf, type PenaltyCase, type PenaltyStatus } from '../penalty-case.js';
import type { PenaltyActionType } from '../workflow.js';
import { fullyPaid } from './execution.js';

type Steps = (c: PenaltyCase) => PenaltyActionType[];

/** Must the party be told (again) before a decision: a penalty is proposed and this version of it has not been told. */
const toBeTold = (c: PenaltyCase) =>
  !!c.proposal && DECISION_OUTCOMES[c.proposal.outcome].penalises && c.notice?.version !== c.proposal.version;

/**
 * Once the party has been told: the legal review of a major decision (after any hearing: its
 * report goes to the reviewer), the collective discussion where the proposal requires one,
 * then the decision.
 */
const beforeDecision: Steps = (c) =>
  c.proposal?.major && !reviewPassed(c)
    ? ['penalty.submit-review']
    : c.proposal?.collectiveRequired && c.collective?.version !== c.proposal.version
      ? ['penalty.collective-discussion']
      : ['penalty.decide'];

const BY_STATUS: Record<PenaltyStatus, Steps> = {
  registered: () => ['penalty.request-filing'],
  filing: () => ['penalty.approve', 'penalty.reject'],
  investigating: (c) =>
    c.records.length === 0
      ? ['penalty.record-inquiry', 'penalty.record-inspection']
      : ['penalty.conclude-investigation', 'penalty.add-evidence'],
  investigated: (c) => (toBeTold(c) ? ['penalty.serve-notice'] : beforeDecision(c)),
  'in-review': () => ['penalty.review-opinion'],
  notified: (c) =>
    toBeTold(c) ? ['penalty.serve-notice'] : c.statements.length > 0 && !c.recheck ? ['penalty.recheck-statement'] : beforeDecision(c),
  hearing: (c) =>
    !c.hearing?.date
      ? ['penalty.notify-hearing']
      : !c.hearing.heldOn && !c.hearing.partyAbsent
        ? ['penalty.hold-hearing']
        : ['penalty.report-hearing'],
  decided: () => ['penalty.serve-decision'],
  executing: (c) => {
    const cash = c.onTheSpot?.cash;
    if (cash && !cash.handedInOn) return ['penalty.hand-in-cash'];
    if (cash && !cash.bankedOn) return ['penalty.bank-cash'];
    if (c.onTheSpot?.filedOn === null) return ['penalty.file-on-the-spot'];
    if (overpaidFen(c) > 0) return ['penalty.record-refund'];
    return c.decision && amountDueFen(c.decision) > 0 && !fullyPaid(c) ? ['penalty.record-payment'] : ['penalty.close'];
  },
  closed: () => ['penalty.archive'],
  archived: () => [],
  'not-filed': () => [],
};

/** A request waiting for the head comes first, then resuming a suspended case, then the status's steps. */
export function nextSteps(c: PenaltyCase): PenaltyActionType[] {
  if (c.pending.length > 0) return ['penalty.approve', 'penalty.reject'];
  if (isSuspended(c)) return ['penalty.resume'];
  return BY_STATUS[statusOf(c)](c);
}
