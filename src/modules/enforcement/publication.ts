/**
 * What a penalty case publishes under 行政执法公示 (行政处罚法 Art 48; 国办发〔2018〕118号: a
 * 行政处罚 decision within 7 working days, any other enforcement decision within 20): its
 * decision — a penalty, or a 不予行政处罚 of an unlawful act — and each 查封、扣押 it decided
 * (a 行政强制措施), each with its number, the party, the violation, what was decided, its
 * basis, the agency and the date — from the case's state, which its journal proves. The
 * disclosure module masks and shows these fields; this file says only what they are.
 */
import { CHANGE_OUTCOMES, DECISION_OUTCOMES, type ChangeOutcome, type DecisionOutcome } from '../../law/penalty.js';
import { birthDateOf } from '../../platform/identity/numbers.js';
import { addYears } from '../../calendar/legal-date.js';
import { DECISION_KEY, type PublicationContext, type PublicationFacts, type WithdrawalKind } from '../../procedure/spec.js';
import { penaltyText } from './documents/content.js';
import type { Decision, PenaltyCase, Seizure } from './penalty-case.js';
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

/**
 * Which decisions publish, by outcome (the reasons: docs/disclosure.md). Each published one is
 * a 行政处罚 执法决定 (Art 57), due in 7 working days: a penalty shows what it imposes; a
 * 不予行政处罚 of an act that was unlawful (Arts 30, 33) shows the outcome, its article joined
 * to the basis, and a party under 14 (Art 30) as a minor whatever his ID number says. Not
 * published: 违法事实不能成立 (nothing unlawful to publish, and naming the party under a
 * violation he was cleared of harms him: 政府信息公开条例 Art 15), Art 31's 精神病人、智力残疾人
 * (the outcome itself is his health: 个人信息保护法 Art 28) and 移送司法机关 (no decision on the
 * party; a criminal matter under investigation).
 */
const PUBLISHED_OUTCOMES: Record<DecisionOutcome, { penalises: boolean; minor: boolean } | null> = {
  penalty: { penalises: true, minor: false },
  'no-penalty-minor': { penalises: false, minor: false },
  'no-penalty-first': { penalises: false, minor: false },
  'no-penalty-no-fault': { penalises: false, minor: false },
  'no-penalty-under-14': { penalises: false, minor: true },
  'no-penalty-incapacity': null,
  'not-established': null,
  transfer: null,
};

/** What every publication of the case shares: the party (a minor on the day `on`), the violation, the agency. */
function caseFacts(c: PenaltyCase, ctx: PublicationContext, on: string, minor = false) {
  const vt = c.violationTypeId;
  const natural = c.party.kind === 'citizen';
  return {
    party: {
      kind: natural ? ('natural' as const) : ('organisation' as const),
      name: c.party.name,
      idNumber: c.party.idNumber,
      phone: c.party.phone,
      address: c.party.address || null,
      representative: c.party.representative,
      minor: natural && (minor || minorOn(c.party.idNumber, on)),
    },
    violationType: (vt && ctx.names[`violation:${vt}`]) || c.source.summary,
    agencyId: c.agencyId,
    agencyName: ctx.agencyName,
  };
}

/** The penalty's basis: the proposal's (general procedure) or the violation type's 处罚依据 (当场处罚). */
const penaltyBasis = (c: PenaltyCase, ctx: PublicationContext) =>
  c.proposal?.basis ?? (c.violationTypeId && ctx.names[`basis:${c.violationTypeId}`]) ?? '';

/** The decision of the case (Art 57), when its outcome publishes. */
function decisionPublication(c: PenaltyCase, d: Decision, key: string, ctx: PublicationContext): PublicationFacts | null {
  const published = PUBLISHED_OUTCOMES[d.outcome];
  if (!published) return null;
  const outcome = DECISION_OUTCOMES[d.outcome];
  const basis = penaltyBasis(c, ctx);
  return {
    key,
    category: 'penalty',
    rule: 'penalty.disclosure',
    number: d.number,
    ...caseFacts(c, ctx, d.on, published.minor),
    penalty: published.penalises ? penaltyText(d.kinds, d.fineFen, d.confiscationFen) : outcome.name,
    basis: published.penalises || basis.includes(outcome.citation) ? basis : [basis, outcome.citation].filter(Boolean).join('；'),
    decidedOn: d.on,
    withdrawnBecause: withdrawal(c, d.number),
  };
}

/**
 * A 查封、扣押 (行政强制法 Art 24, its 决定书 made on the day it is carried out): a 行政强制措施,
 * due in 20 working days. Lifting it (解除, Art 28) ends the measure but neither changes nor
 * revokes the decision, so it stays published with the day it was lifted; a change recorded
 * against its number would withdraw it as any decision's.
 */
function seizurePublication(c: PenaltyCase, s: Seizure, ctx: PublicationContext): PublicationFacts {
  return {
    key: `coercive-measure:${s.seq}`,
    category: 'coercive-measure',
    rule: 'enforcement.disclosure',
    number: s.number,
    ...caseFacts(c, ctx, s.on),
    penalty: `查封、扣押：${s.items}${s.releasedOn ? `（已于 ${s.releasedOn} 解除）` : ''}`,
    basis: s.basis ?? '',
    decidedOn: s.on,
    withdrawnBecause: s.number ? withdrawal(c, s.number) : null,
  };
}

/**
 * The key of the case's n-th decision (0 the first): `decision`, then `decision:2`, … A decision
 * revoked with an order to decide again keeps its own row, withdrawn, and the new decision
 * publishes under a key of its own, due from its own date.
 */
export const decisionKey = (n: number) => (n === 0 ? DECISION_KEY : `${DECISION_KEY}:${n + 1}`);

/** Every decision of the case that publishes: its decisions in order (revoked ones withdrawn), then its 查封、扣押. */
export function penaltyPublications(c: PenaltyCase, ctx: PublicationContext): PublicationFacts[] {
  const decisions = [...c.priorDecisions, ...(c.decision ? [c.decision] : [])];
  const published = decisions.map((d, n) => decisionPublication(c, d, decisionKey(n), ctx));
  return [...published.filter((p) => p !== null), ...c.seizures.map((s) => seizurePublication(c, s, ctx))];
}
