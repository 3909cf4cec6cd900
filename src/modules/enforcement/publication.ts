/**
 * What a penalty case publishes under 行政执法公示 (行政处罚法 Art 48; 国办发〔2018〕118号: within
 * 7 working days of the decision): the decision's number, the party, the violation, the
 * penalty, its basis, the agency and the date — from the case's state, which its journal
 * proves. Only decisions that impose a penalty are published. The disclosure module masks and
 * shows these fields; this file says only what they are.
 */
import { CHANGE_OUTCOMES, DECISION_OUTCOMES, type ChangeOutcome } from '../../law/penalty.js';
import { birthDateOf } from '../../platform/identity/numbers.js';
import { addYears } from '../../calendar/legal-date.js';
import { DECISION_KEY, type PublicationContext, type PublicationFacts, type WithdrawalKind } from '../../procedure/spec.js';
import { penaltyText } from './documents/content.js';
import type { PenaltyCase } from './penalty-case.js';
import type { LoadedSettings } from './settings.js';
import type { ViolationType } from './discretion.js';

/** The names a case's publication refers to, from its agency's 裁量基准: `violation:<id>`, `basis:<id>`. */
export function publicationNames(settings: Pick<LoadedSettings, 'benchmarks'>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const t of settings.benchmarks as ViolationType[]) {
    out[`violation:${t.id}`] = t.name;
    out[`basis:${t.id}`] = t.penalisedBy;
  }
  return out;
}

/** Was the party under 18 on the day of the decision (read from an 18-digit 身份证号)? */
function minorOn(idNumber: string | null, on: string): boolean {
  if (!idNumber || !/^\d{17}[\dX]$/.test(idNumber)) return false;
  return addYears(birthDateOf(idNumber), 18) > on;
}

/** How each later outcome withdraws the published decision (Art 48); 维持 leaves it up. */
const WITHDRAWN_AS: Record<ChangeOutcome, WithdrawalKind | null> = {
  upheld: null,
  varied: 'changed',
  revoked: 'revoked',
  'revoked-redo': 'revoked',
  unlawful: 'unlawful',
  void: 'void',
};

/** The latest change that withdraws this decision, if any (复议/诉讼 results, 自行纠错). */
function withdrawal(c: PenaltyCase, number: string | null): PublicationFacts['withdrawnBecause'] {
  const ch = [...c.changes].reverse().find((x) => x.decisionNumber === number && WITHDRAWN_AS[x.outcome]);
  return ch ? { kind: WITHDRAWN_AS[ch.outcome]!, on: ch.on, note: `${ch.body}${CHANGE_OUTCOMES[ch.outcome].name}：${ch.reason}` } : null;
}

function penaltyPublication(c: PenaltyCase, ctx: PublicationContext): PublicationFacts | null {
  // Revoked with an order to decide again: the revoked decision stays published as withdrawn until the new one is made.
  const d = c.decision ?? c.priorDecisions.at(-1);
  if (!d || !DECISION_OUTCOMES[d.outcome].penalises) return null;
  const vt = c.violationTypeId;
  const natural = c.party.kind === 'citizen';
  return {
    key: DECISION_KEY,
    category: 'penalty',
    rule: 'penalty.disclosure',
    number: d.number,
    party: {
      kind: natural ? 'natural' : 'organisation',
      name: c.party.name,
      idNumber: c.party.idNumber,
      phone: c.party.phone,
      address: c.party.address || null,
      representative: c.party.representative,
      minor: natural && minorOn(c.party.idNumber, d.on),
    },
    violationType: (vt && ctx.names[`violation:${vt}`]) || c.source.summary,
    penalty: penaltyText(d.kinds, d.fineFen, d.confiscationFen),
    basis: c.proposal?.basis ?? (vt && ctx.names[`basis:${vt}`]) ?? '',
    agencyId: c.agencyId,
    agencyName: ctx.agencyName,
    decidedOn: d.on,
    withdrawnBecause: withdrawal(c, d.number),
  };
}

/** What the case publishes: its decision, under the key `decision`. */
export function penaltyPublications(c: PenaltyCase, ctx: PublicationContext): PublicationFacts[] {
  const decision = penaltyPublication(c, ctx);
  return decision ? [decision] : [];
}
