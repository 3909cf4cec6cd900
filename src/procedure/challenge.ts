/**
 * A record whose act can be challenged (行政复议, 行政诉讼): what a reviewing procedure reads
 * of the challenged act, and how it hands its outcome back. A procedure that decides acts (the
 * penalty case) implements the facet on its registry entry (`ProcedureEntry.challenge`); the
 * reviewing procedures (reconsideration, later litigation) reach it through `yifa.procedures`
 * and never import the module that owns the act.
 */
import type { ChangeOutcome } from '../law/penalty.js';
import type { Yifa } from '../platform/yifa.js';
import type { Request } from '../platform/security/request.js';
import { DomainError } from '../platform/errors.js';

/** One item of the act's evidence as the answer bundle lists it. */
export interface ChallengedEvidence {
  seq: number;
  type: string;
  title: string;
  /** When it was collected (or attached) */
  collectedOn: string | null;
  sha256: string | null;
  fileName: string | null;
  /** Collected after the act was decided: the respondent may not rely on it (行政复议法 Art 46; 行政诉讼法 Art 35) */
  afterDecision: boolean;
  withdrawn: boolean;
}

/** What became of the act after it was made (复议/诉讼 outcomes, the agency's own corrections). */
export interface ChallengedChange {
  on: string;
  source: 'reconsideration' | 'litigation' | 'self';
  outcome: ChangeOutcome;
  body: string;
  documentNumber: string | null;
  /** The published act must be withdrawn by then (行政处罚法 Art 48: 3 working days), unless it stands */
  withdrawalDue: string | null;
}

/** The challenged act as the reviewing procedure sees it. */
export interface ChallengedAct {
  /** The record (the penalty case) */
  id: string;
  /** The procedure's subject type: `penalty-case` */
  subjectType: string;
  agencyId: string;
  regionPath: string;
  /** 决定书文号 */
  number: string | null;
  decidedOn: string | null;
  /** When the party was served (the application window runs from it, at the latest) */
  servedOn: string | null;
  party: string;
  /** The act in words: the facts found and what was decided */
  facts: string | null;
  decided: string | null;
  /** 法律依据 */
  basis: string | null;
  /** A decision stands (not revoked, not yet decided again) */
  stands: boolean;
  evidence: ChallengedEvidence[];
  changes: ChallengedChange[];
}

/** A reviewing body's outcome, as it is recorded on the challenged act. */
export interface ChallengeOutcome {
  source: 'reconsideration' | 'litigation';
  on: string;
  /** 复议机关 / 人民法院 */
  body: string;
  documentNumber: string;
  outcome: ChangeOutcome;
  reason: string;
  /** For 变更: the penalty as changed */
  varied: { kinds: string[]; fineFen: number; confiscationFen: number } | null;
  /** For 撤销并责令重新作出: the term */
  redoBy: string | null;
  /** Who asked, for the journal's note: the reviewing record */
  reviewingRecord: { subjectType: string; id: string };
}

export interface ChallengeFacet<S = unknown> {
  /** The act as it stands (the state proven by the entry) */
  describe(yifa: Yifa, s: S): Promise<ChallengedAct>;
  /**
   * Records the outcome on the act through its own procedure's runner, in its own journaled
   * action, as `req`'s user: idempotent (an outcome already recorded with this document
   * number is not recorded twice). Returns the act as it then stands.
   */
  recordOutcome(yifa: Yifa, req: Request, id: string, outcome: ChallengeOutcome): Promise<ChallengedAct>;
}

/**
 * The registry entry that owns challengeable acts of `subjectType` (the penalty case's), with its
 * facet: how a reviewing procedure reaches the act without importing its module.
 */
export function challengeEntry(yifa: Yifa, subjectType = 'penalty-case'): { entry: Yifa['procedures'][number]; facet: ChallengeFacet } {
  const entry = yifa.procedures.find((p) => p.proc.subjectType === subjectType && p.challenge);
  if (!entry?.challenge) throw new DomainError('INTERNAL', '本系统未提供可被复议或者起诉的案件');
  return { entry, facet: entry.challenge as ChallengeFacet };
}
