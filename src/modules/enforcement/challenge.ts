/**
 * The penalty case as a challenged act (the kit's challenge facet, src/procedure/challenge.ts):
 * what a 复议机构 or a court reads of the decision — its number, facts, basis and evidence with
 * the files' hashes, evidence collected after the decision flagged — and the outcome recorded
 * back on the case through the case's own action `penalty.record-change`, run by the kit's
 * runner in its own journaled action, so the case shows the change and the withdrawal of its
 * published decision (行政处罚法 Art 48).
 */
import { deadlineDue } from '../../calendar/deadlines.js';
import { CHANGE_OUTCOMES } from '../../law/penalty.js';
import type { ChallengeFacet, ChallengedAct } from '../../procedure/challenge.js';
import type { Request } from '../../platform/security/request.js';
import type { HolidayTable } from '../../calendar/holiday-table.js';
import type { PenaltyCase } from './penalty-case.js';
import { performAction, provenCaseState } from './service/cases.js';

function actOf(c: PenaltyCase, table: HolidayTable): ChallengedAct {
  const d = c.decision ?? c.priorDecisions.at(-1) ?? null;
  const decided = d ? [d.kinds.join('、'), d.fineFen ? `罚款 ${(d.fineFen / 100).toFixed(2)} 元` : ''].filter(Boolean).join('，') : null;
  return {
    id: c.id,
    subjectType: 'penalty-case',
    agencyId: c.agencyId,
    regionPath: c.regionPath,
    number: d?.number ?? null,
    decidedOn: d?.on ?? null,
    servedOn: c.service?.completeOn ?? null,
    party: c.party.name,
    facts: c.proposal?.facts ?? null,
    decided,
    basis: c.proposal?.basis ?? null,
    stands: !!c.decision && !c.decision.revokedOn,
    evidence: c.evidence.map((e) => ({
      seq: e.seq,
      type: e.type,
      title: e.title,
      collectedOn: e.collectedOn,
      sha256: e.file?.sha256 ?? null,
      fileName: e.file?.fileName ?? null,
      // Art 46 (行政复议法): evidence gathered after the act does not support it.
      afterDecision: !!d && e.collectedOn > d.on,
      withdrawn: !!e.withdrawn,
    })),
    changes: c.changes.map((ch) => ({
      on: ch.on,
      source: ch.source,
      outcome: ch.outcome,
      body: ch.body,
      documentNumber: ch.documentNumber,
      withdrawalDue:
        CHANGE_OUTCOMES[ch.outcome].effect === 'stands' ? null : deadlineDue(table, { rule: 'penalty.disclosure-withdrawal', from: ch.on }),
    })),
  };
}

/**
 * Who records the outcome: the reviewing body's user, acting on the case in the legal
 * reviewer's part of `penalty.record-change` (its table lets the reviewer record 复议/诉讼
 * results), over every region (the outcome binds the agency wherever the case lies).
 */
function recorder(req: Request): Request {
  return {
    auth: { ...req.auth, roles: ['legal_reviewer'], scope: { ...req.auth.scope, kind: 'all' } },
    idempotencyKey: null,
    denied: req.denied,
  };
}

export const PENALTY_CHALLENGE: ChallengeFacet<PenaltyCase> = {
  describe: async (yifa, c) => actOf(c, await yifa.calendar.table()),
  async recordOutcome(yifa, req, id, o) {
    const before = await provenCaseState(yifa, id, 'request');
    // Recorded once: a retry after a failure finds the change already there. A decision no longer
    // standing (revoked since, or being decided again) has nothing left to change: the case keeps
    // what it records, and the reviewing record its own decision.
    const recorded = before.changes.some((ch) => ch.source === o.source && ch.documentNumber === o.documentNumber);
    const stands = !!before.decision && !before.decision.revokedOn;
    if (!recorded && stands) {
      const varied = CHANGE_OUTCOMES[o.outcome].effect === 'varied' ? o.varied : null;
      await performAction(
        yifa,
        { ...recorder(req), idempotencyKey: `challenge:${o.reviewingRecord.id}:${o.documentNumber}` },
        id,
        'penalty.record-change',
        {
          on: o.on,
          source: o.source,
          body: o.body,
          documentNumber: o.documentNumber,
          outcome: o.outcome,
          reason: o.reason,
          kinds: varied?.kinds ?? [],
          fineFen: varied?.fineFen ?? 0,
          confiscationFen: varied?.confiscationFen ?? 0,
          redoBy: CHANGE_OUTCOMES[o.outcome].effect === 'redo' ? o.redoBy : null,
          procedureOnly: false,
          note: `由${o.source === 'reconsideration' ? '行政复议' : '行政诉讼'}案件自动登记（${o.reviewingRecord.id}）`,
        },
      );
    }
    return actOf(await provenCaseState(yifa, id, 'request'), await yifa.calendar.table());
  },
};
