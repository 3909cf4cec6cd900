/**
 * The party's age at the act and the grounds recorded, made into the facts a penalty is
 * weighed with (Arts 30–32): what `weighPenalty` (discretion.ts) checks, and what the case
 * keeps so the decision, the review and the documents say the same. Pure.
 */
import { birthDateOf, idNumberProblem, ageOn } from '../../platform/identity/numbers.js';
import type { PenaltyKind } from '../../law/penalty.js';
import { weighPenalty, type Circumstance, type ViolationType, type Weighing } from './discretion.js';
import type { MitigatingFact, Mitigation, Party } from './penalty-case.js';

/** A citizen's date of birth: the one his 身份证号 states, else the one recorded. */
export function birthDateOfParty(p: Party): string | null {
  if (p.kind !== 'citizen') return null;
  if (p.idNumber && !idNumberProblem(p.idNumber)) return birthDateOf(p.idNumber.toUpperCase());
  return p.birthDate ?? null;
}

/** 周岁 at the act, or null where the party is an organisation or the birth date is unknown. */
export function ageAtAct(p: Party, actOn: string | null): number | null {
  const born = birthDateOfParty(p);
  return born && actOn ? ageOn(born, actOn) : null;
}

export interface PenaltyWeighed {
  weighing: Weighing;
  mitigation: Mitigation;
}

/** The penalty weighed for this party and act, and the facts the case keeps of it. */
export function weighCase(
  vt: ViolationType | undefined,
  circumstance: Circumstance | undefined,
  party: Party,
  actOn: string | null,
  penalty: { kinds: readonly PenaltyKind[]; fineFen: number },
  facts: readonly MitigatingFact[],
): PenaltyWeighed {
  const age = ageAtAct(party, actOn);
  const weighing = weighPenalty(vt, circumstance, {
    partyKind: party.kind,
    kinds: penalty.kinds,
    fineFen: penalty.fineFen,
    ageAtAct: age,
    grounds: facts.map((f) => f.ground),
  });
  const born = birthDateOfParty(party);
  const grounds: MitigatingFact[] = weighing.grounds.includes('minor')
    ? [{ ground: 'minor', evidence: `出生日期 ${born}，违法行为发生时 ${age} 周岁` }, ...facts]
    : [...facts];
  return { weighing, mitigation: { ageAtAct: age, grounds, lightening: weighing.lightening } };
}
