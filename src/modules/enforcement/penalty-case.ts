/**
 * A penalty case (行政处罚案件) as the fold of its actions: every fact the gates, the
 * deadlines and the documents need, and nothing a user can edit in place. The status is
 * derived from the facts (statusOf), never stored by hand.
 */
import { SERVICE_METHODS } from '../../law/penalty.js';
import { addDays } from '../../calendar/legal-date.js';
import type {
  CaseSource,
  CashCollectionGround,
  ChangeOutcome,
  ChangeSource,
  DecisionOutcome,
  Lightening,
  MitigatingGround,
  EvidenceType,
  PartyKind,
  PenaltyKind,
  RecordingScene,
  ReviewConclusion,
  ReviewGround,
  ReviewPoint,
  ServiceMethod,
} from '../../law/penalty.js';
import type { ActorRef, PendingApproval as KitPendingApproval } from '../../procedure/spec.js';
import type { EvidenceFile, EvidenceItem, EvidenceList } from '../../procedure/evidence.js';
import type { LinkedFrom } from '../../procedure/links.js';

export type Procedure = 'general' | 'simple';
export const PROCEDURES = { general: '普通程序', simple: '简易程序' } as const satisfies Record<Procedure, string>;

export interface Party {
  kind: PartyKind;
  name: string;
  /** 身份证号 or 统一社会信用代码: personal data, masked outside the case unit */
  idNumber: string | null;
  address: string;
  phone: string | null;
  /** 法定代表人 / 负责人, for organisations */
  representative: string | null;
  /** A citizen's date of birth where no 身份证号 states it (a foreigner, a child without one): the age at the act (Art 30) */
  birthDate?: string | null;
}

/** A ground that lightens the penalty (Arts 30–32), with the evidence that shows it. */
export interface MitigatingFact {
  ground: MitigatingGround;
  evidence: string;
}

/** What the penalty was weighed with: the party's age at the act, the grounds, and whether it is 从轻 or 减轻. */
export interface Mitigation {
  ageAtAct: number | null;
  grounds: MitigatingFact[];
  lightening: Lightening | null;
}

/** Cash an officer took on the spot (Arts 68–71): why, the receipt, and the money's way to the bank. */
export interface CashCollection {
  ground: CashCollectionGround;
  groundNote: string | null;
  /** 专用票据 number (Art 70) */
  receiptNumber: string;
  collectedOn: string;
  /** On the water, the 2 days run from landing (Art 71) */
  landedOn: string | null;
  handedInOn: string | null;
  bankedOn: string | null;
  bankReceipt: string | null;
}

export interface ProposedDecision {
  /** Increases each time the investigation report is revised. */
  version: number;
  on: string;
  outcome: DecisionOutcome;
  kinds: PenaltyKind[];
  fineFen: number;
  confiscationFen: number;
  facts: string;
  basis: string;
  circumstanceId: string | null;
  /** Problems against the 裁量基准; non-empty means a written reason was given. */
  outsideBenchmark: string[];
  discretionReason: string | null;
  /** Art 58 grounds the case unit marked, beyond the catalog */
  reviewGrounds: ReviewGround[];
  /** The catalog row that makes it major, or null */
  catalogRow: string | null;
  major: boolean;
  hearingEligible: boolean;
  collectiveRequired: boolean;
  /** Who concluded the investigation with this proposal: he may not decide on it himself */
  proposedBy: ActorRef;
  /** Absent on proposals made before it was kept */
  mitigation?: Mitigation;
  /** The education given (Art 33 第三款) and, under Arts 30–31, the order to the guardian: every exemption records it */
  education?: string | null;
  /** 违法所得 and what of it was returned to those harmed (Art 28 第二款); absent when there was none */
  illegalGains?: { amountFen: number; returnedFen: number };
  /** The law that allows fining an act already fined (Art 29), when it does; absent otherwise */
  secondFineBasis?: string;
}

export interface CaseRecord {
  seq: number;
  kind: 'inquiry' | 'inspection';
  on: string;
  place: string;
  officers: string[];
  subject: string;
  summary: string;
  number: string | null;
}

/** An item of the case's evidence: the kit's item with the statutory type, when and whence it was taken, the recording and the step. */
export interface Evidence extends EvidenceItem {
  type: EvidenceType;
  collectedOn: string;
  source: string;
  /** For audio-visual records: the recorder, when and where, and the scene */
  recording?: Recording;
  /** The case action (its position in the case) this evidence belongs to, e.g. the inspection record */
  step?: number | null;
}

export type { EvidenceFile };

/** Where the case keeps its evidence, and how its refusals name an item and the case. */
export const CASE_EVIDENCE: EvidenceList<PenaltyCase, Evidence> = {
  items: (c) => c.evidence,
  withItems: (c, evidence) => ({ ...c, evidence }),
  words: { item: '证据', record: '本案' },
};

export interface Recording {
  /** 执法记录仪编号 */
  recorder: string;
  startedAt: string;
  endedAt: string;
  scene: RecordingScene;
  place: string;
  gps: { lat: number; lng: number } | null;
  officers: string[];
}

export interface Preservation {
  seq: number;
  on: string;
  items: string;
  officers: string[];
  number: string | null;
  decidedOn: string | null;
  decision: string | null;
}

export interface Seizure {
  seq: number;
  on: string;
  items: string;
  officers: string[];
  number: string | null;
  extended: boolean;
  releasedOn: string | null;
  /** The 依据 the 查封（扣押）决定书 states (行政强制法 Art 24 第二款第三项); absent on seizures from before it was kept */
  basis?: string;
}

export type ApprovalKind =
  | 'filing'
  | 'preservation'
  | 'seizure'
  | 'seizure-extension'
  | 'extension'
  | 'deferral'
  | 'self-correction'
  | 'recusal';

export const APPROVAL_KINDS = {
  filing: '立案',
  preservation: '先行登记保存',
  seizure: '查封、扣押',
  'seizure-extension': '延长查封、扣押期限',
  extension: '延长办案期限',
  deferral: '延期（分期）缴纳罚款',
  'self-correction': '自行纠错（撤销或者变更处罚决定）',
  recusal: '回避',
} as const satisfies Record<ApprovalKind, string>;

/** A request of the case waiting for the head (the kit's PendingApproval). */
export type PendingApproval = KitPendingApproval<ApprovalKind>;

export interface ReviewRound {
  version: number;
  submittedOn: string;
  materials: string;
  opinion: null | {
    on: string;
    reviewerPersonId: string;
    conclusion: ReviewConclusion;
    points: Record<ReviewPoint, { ok: boolean; note: string }>;
    text: string;
    number: string | null;
  };
}

export interface Hearing {
  requestedOn: string;
  noticeServedOn: string | null;
  date: string | null;
  place: string | null;
  chairPersonId: string | null;
  number: string | null;
  heldOn: string | null;
  partyAbsent: boolean;
  agents: string[];
  record: string | null;
  reportedOn: string | null;
  report: string | null;
}

export interface Decision {
  on: string;
  version: number;
  outcome: DecisionOutcome;
  kinds: PenaltyKind[];
  fineFen: number;
  confiscationFen: number;
  number: string | null;
  /** Revoked or found void (a DecisionChange): nothing is owed under it any more */
  revokedOn?: string | null;
}

/** What became of a decision after it was made: a 复议决定, a judgment, or the agency's own correction. */
export interface DecisionChange {
  seq: number;
  on: string;
  source: ChangeSource;
  outcome: ChangeOutcome;
  /** 复议机关 / 人民法院 / the agency itself */
  body: string;
  /** 复议决定书、判决书 or the agency's own 撤销（变更）决定书 number */
  documentNumber: string | null;
  reason: string;
  /** The decision's number it changed */
  decisionNumber: string | null;
  /** A changed penalty (变更) */
  varied: { kinds: PenaltyKind[]; fineFen: number; confiscationFen: number } | null;
  /** Revoked with an order to decide again: by when, and whether only for the procedure (then the same decision may be made again) */
  redo: { by: string; procedureOnly: boolean } | null;
}

/** A clerical error in an issued decision, corrected by a numbered notice. */
export interface Correction {
  seq: number;
  on: string;
  wrong: string;
  corrected: string;
  number: string | null;
}

/**
 * Who the party is, for finding its other cases (一事不再罚, Art 29): its ID number or credit
 * code when known, else its kind, name and address.
 */
export const partyKey = (p: Pick<PenaltyCase['party'], 'kind' | 'name' | 'idNumber' | 'address'>) =>
  p.idNumber ? `id:${p.idNumber.toUpperCase()}` : `name:${p.kind}:${p.name}:${p.address}`;

/** The day the 告知书 counts as served: a 公告 30 days after it was published (民事诉讼法 Art 95). */
export const noticeReceivedOn = (n: { servedOn: string; method: ServiceMethod }) =>
  addDays(n.servedOn, SERVICE_METHODS[n.method].completesAfterDays);

export interface Recusal {
  appliedOn: string;
  personId: string;
  role: 'officer' | 'reviewer';
  applicant: 'party' | 'self';
  reason: string;
  replacementId: string | null;
  decidedOn: string;
  decision: 'withdrawn' | 'refused';
  /** The head's reason for refusing */
  headReason: string | null;
  /** 回避决定书 number (a withdrawal) */
  number: string | null;
}

export interface CorrectionOrder {
  seq: number;
  on: string;
  order: string;
  /** The date to correct by */
  by: string;
  number: string | null;
  recheck: { on: string; corrected: boolean; findings: string } | null;
}

/** A failed attempt to serve a document by a method other than 公告 (民事诉讼法 Art 95). */
export interface ServiceAttempt {
  on: string;
  document: 'notice' | 'decision';
  method: Exclude<ServiceMethod, 'public-notice'>;
  why: string;
}

export interface CourtApplication {
  on: string;
  court: string;
  number: string | null;
  /** The day the 复议/诉讼 windows (or the deferral) ran out: the application is made after it (行政强制法 Art 53) */
  windowsEnd: string;
  /** The fine and confiscation unpaid, and the 加处罚款 accrued, on the day of the application */
  unpaidFen: number;
  lateFen: number;
}

export interface Service {
  on: string;
  method: ServiceMethod;
  /** When service counts as done (public notice: 30 days later) */
  completeOn: string;
  recipient: string;
  refusedToSign: boolean;
}

export interface PenaltyCase {
  id: string;
  agencyId: string;
  regionPath: string;
  procedure: Procedure;
  field: string;
  registeredOn: string;
  source: { kind: CaseSource; summary: string; receivedOn: string };
  /**
   * The record this 案源 was routed from (a petition, 信访工作条例 Art 31), which names it in turn
   * (the kit's links.ts); absent when registered directly, left out rather than null so the
   * states of earlier cases stay as their hashes prove them
   */
  linkedFrom?: LinkedFrom;
  party: Party;
  violationTypeId: string | null;
  /** The act, or the end of a continuing act (Art 36) */
  actOn: string | null;
  seriousHarm: boolean;
  officers: string[];
  filedOn: string | null;
  filingNumber: string | null;
  declined: { on: string; reason: string } | null;
  records: CaseRecord[];
  evidence: Evidence[];
  preservations: Preservation[];
  seizures: Seizure[];
  proposal: ProposedDecision | null;
  reviews: ReviewRound[];
  notice: {
    servedOn: string;
    version: number;
    method: ServiceMethod;
    hearingOffered: boolean;
    number: string | null;
    /** What the party was told of: a later, heavier proposal needs a new notice */
    told: { kinds: PenaltyKind[]; fineFen: number; confiscationFen: number };
  } | null;
  statements: { on: string; summary: string }[];
  recheck: { on: string; adopted: boolean; reasoning: string } | null;
  waivedOn: string | null;
  hearing: Hearing | null;
  collective: { on: string; version: number; participants: string[]; conclusion: string } | null;
  decision: Decision | null;
  service: Service | null;
  payments: { on: string; amountFen: number }[];
  deferral: { until: string; instalments: number } | null;
  /** `lateFen`: the 加处罚款 accrued on the day it was served (absent on reminders from before it was kept) */
  reminders: { servedOn: string; number: string | null; lateFen?: number }[];
  /** 申请人民法院强制执行: the 强制执行申请书 and what it asked for on its day */
  courtApplication: CourtApplication | null;
  closedOn: string | null;
  closingReport: string | null;
  archivedOn: string | null;
  archiveWarnings: string[];
  suspensions: { from: string; to: string | null; reason: string }[];
  /** `basis`: the provision the extension rests on (absent on extensions from before it was kept); `discussion`: the 集体讨论 it needed */
  extensions: { days: number; reason: string; approvedOn: string; basis?: string; discussion?: string | null }[];
  pending: PendingApproval[];
  /** After the decision: 复议/诉讼 outcomes and the agency's own corrections, in order */
  changes: DecisionChange[];
  /** Decisions revoked with an order to decide again; `decision` is the one made since */
  priorDecisions: Decision[];
  corrections: Correction[];
  /** Money paid back where a decision was revoked or reduced */
  refunds: { on: string; amountFen: number; voucher: string }[];
  /** On-the-spot decisions (Arts 51–52, 68–71); the fields after `refusalNote` are absent on cases made before they were kept */
  onTheSpot: null | OnTheSpot;
  /** Attempts to serve the 告知书 or the 决定书 that failed: 公告送达 only after them */
  serviceAttempts: ServiceAttempt[];
  /** 责令（限期）改正 (Art 28 第一款) and what the 复查 found */
  correctionOrders: CorrectionOrder[];
  /** 回避 applications and the head's decisions (Art 43) */
  recusals: Recusal[];
}

export interface OnTheSpot {
  place: string;
  /** The party signed, or the refusal was recorded (Art 52) */
  signed: boolean;
  refusalNote: string | null;
  circumstanceId?: string | null;
  /** The party's statement and the officer's answer to it (Arts 44–45, 52) */
  statement?: string | null;
  statementReply?: string | null;
  mitigation?: Mitigation;
  cash?: CashCollection | null;
  /** 备案 with the agency (Art 52 第三款) */
  filedOn?: string | null;
}

/** The grounds the decision was weighed with, whichever procedure made it. */
export const mitigationOf = (c: PenaltyCase): Mitigation | undefined => c.onTheSpot?.mitigation ?? c.proposal?.mitigation;

export type PenaltyStatus =
  | 'registered'
  | 'filing'
  | 'investigating'
  | 'investigated'
  | 'in-review'
  | 'notified'
  | 'hearing'
  | 'decided'
  | 'executing'
  | 'closed'
  | 'archived'
  | 'not-filed';

export const STATUS_NAMES = {
  registered: '案源登记',
  filing: '立案审批',
  investigating: '调查取证',
  investigated: '调查终结',
  'in-review': '法制审核',
  notified: '已告知',
  hearing: '听证',
  decided: '已决定待送达',
  executing: '执行',
  closed: '已结案',
  archived: '已归档',
  'not-filed': '不予立案',
} as const satisfies Record<PenaltyStatus, string>;

export const STATUS_IDS = Object.keys(STATUS_NAMES) as [PenaltyStatus, ...PenaltyStatus[]];

/** The status a case is in, from its facts alone. */
export function statusOf(c: PenaltyCase): PenaltyStatus {
  if (c.archivedOn) return 'archived';
  if (c.closedOn) return 'closed';
  if (c.declined) return 'not-filed';
  if (c.decision) return c.service ? 'executing' : 'decided';
  if (c.hearing && !c.hearing.reportedOn) return 'hearing';
  const review = c.reviews.at(-1);
  if (review && !review.opinion) return 'in-review';
  if (c.notice) return 'notified';
  if (c.proposal) return 'investigated';
  if (c.filedOn) return 'investigating';
  if (c.pending.some((p) => p.kind === 'filing')) return 'filing';
  return 'registered';
}

export const isSuspended = (c: PenaltyCase) => c.suspensions.some((s) => s.to === null);

/** Fine and confiscations due under the decision, in fen. */
export const amountDueFen = (d: Pick<Decision, 'fineFen' | 'confiscationFen' | 'revokedOn'>) =>
  d.revokedOn ? 0 : d.fineFen + d.confiscationFen;
/** Paid beyond what is owed (the decision revoked or reduced) and not yet paid back. */
export const overpaidFen = (c: PenaltyCase) =>
  Math.max(0, paidFen(c) - c.refunds.reduce((n, r) => n + r.amountFen, 0) - (c.decision ? amountDueFen(c.decision) : 0));
/** A decision revoked with an order to decide again, not yet decided again. */
export const redoPending = (c: PenaltyCase): DecisionChange | null => {
  const last = c.changes.at(-1);
  return !c.decision && last?.redo ? last : null;
};
/** 加处罚款 as it stands on a day (workflow/execution.ts `latePayment`): from the day after payment was due, 3 % of the fine a day, never more than the fine. */
export interface LatePayment {
  /** The last day to pay */
  dueOn: string;
  /** The day it stops growing: the fine paid in full, or the day asked about */
  until: string;
  days: number;
  perDayFen: number;
  fen: number;
  /** It has reached the fine and grows no more */
  capped: boolean;
  /** Day by day, what it had grown to (until it stops or reaches the fine) */
  byDay: { on: string; fen: number }[];
  citation: string;
}

export const paidFen = (c: PenaltyCase) => c.payments.reduce((s, p) => s + p.amountFen, 0);

/** Did the review of the current proposal pass? */
export function reviewPassed(c: PenaltyCase): boolean {
  const last = c.reviews.at(-1);
  return !!c.proposal && !!last?.opinion && last.opinion.conclusion === 'agree' && last.version === c.proposal.version;
}

export const severity = (kinds: readonly PenaltyKind[], table: Record<PenaltyKind, { severity: number }>) =>
  kinds.reduce((m, k) => Math.max(m, table[k].severity), 0);
