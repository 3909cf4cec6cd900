/**
 * What a penalty case publishes under 行政执法公示 (行政处罚法 Art 48; 国办发〔2018〕118号: within
 * 7 working days of the decision): the decision's number, the party, the violation, the
 * penalty, its basis, the agency and the date — from the case's state, which its journal
 * proves. Only decisions that impose a penalty are published. The disclosure module masks and
 * shows these fields; this file says only what they are.
 */
import { DECISION_OUTCOMES } from '../../law/penalty.js';
import { birthDateOf } from '../../platform/identity/numbers.js';
import { addYears } from '../../calendar/legal-date.js';
import type { PublicationContext, PublicationFacts } from '../../procedure/spec.js';
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

export function penaltyPublication(c: PenaltyCase, ctx: PublicationContext): PublicationFacts | null {
  const d = c.decision;
  if (!d || !DECISION_OUTCOMES[d.outcome].penalises) return null;
  const vt = c.violationTypeId;
  const natural = c.party.kind === 'citizen';
  return {
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
    // The decision's later outcome (复议/诉讼 results, 自行纠错) is not yet recorded on the case; see docs/disclosure.md.
    withdrawnBecause: null,
  };
}
