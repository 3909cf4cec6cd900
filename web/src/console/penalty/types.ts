/** Shapes of the penalty-case API as the console reads them. */
import type { ActionEntry, JsonSchema } from '../procedure/types';
import type { DeadlineRow } from '../../deadlines';
import type { Offer, Upcoming } from '../../../../src/procedure/decide';
import type { LinkedFrom } from '../../../../src/procedure/links';

export type { JsonSchema };

export interface Dictionaries {
  today: string;
  statuses: Record<string, string>;
  procedures: Record<string, string>;
  partyKinds: Record<string, string>;
  sources: Record<string, string>;
  penaltyKinds: Record<string, { name: string }>;
  evidenceTypes: Record<string, string>;
  serviceMethods: Record<string, { name: string }>;
  outcomes: Record<string, { name: string; citation: string }>;
  reviewPoints: Record<string, string>;
  reviewConclusions: Record<string, string>;
  reviewGrounds: Record<string, string>;
  approvalKinds: Record<string, string>;
  changeOutcomes: Record<string, { name: string }>;
  changeSources: Record<string, string>;
  mitigatingGrounds: Record<string, { name: string; citation: string }>;
  lightenings: Record<string, string>;
  cashGrounds: Record<string, { name: string; citation: string }>;
  /** 音像记录事项 (RECORDING_SCENES); the server does not send it yet, so evidence/names.ts keeps a copy */
  recordingScenes: Record<string, string>;
  actions: ActionEntry[];
}

export interface ViolationType {
  id: string;
  name: string;
  field: string;
  circumstances: { id: string; name: string; description: string }[];
}

export type DueState = 'ok' | 'warning' | 'overdue' | 'met';

export interface CaseListItem {
  id: string;
  status: string;
  statusName: string;
  procedure: string;
  partyName: string;
  field: string;
  violationTypeId: string | null;
  registeredOn: string;
  decisionNumber: string | null;
  fineFen: number;
  major: boolean;
  nextDue: string | null;
  nextRule: string | null;
  dueState: Exclude<DueState, 'met'> | null;
  suspended: boolean;
}

export type CaseDeadline = DeadlineRow;

export interface CaseView {
  id: string;
  status: string;
  statusName: string;
  suspended: boolean;
  procedure: 'general' | 'simple';
  agency: { id: string; name: string };
  deadlines: CaseDeadline[];
  /** What the user may do now, the expected next steps first (src/procedure/decide.ts `offers`) */
  allowedActions: Offer[];
  /** Expected steps the day still holds back (作出决定 while the party's time to answer runs) */
  upcoming: Upcoming[];
  decisionBlockers: { message: string; citation: string }[];
  /** 加处罚款 as it stands today */
  latePayment: LatePayment | null;
  documents: { series: string; title: string; number: string; actionType: string; issuedAt: string }[];
  /** 案卷评查 pre-check against the agency's score sheet (gates 归档) */
  fileCheck: FileCheck;
  /** The steps the agency requires to be recorded on audio-visual media, and whether each is */
  recordings: RequiredRecording[];
  case: {
    field: string;
    registeredOn: string;
    party: { kind: string; name: string; address: string; idNumber: string | null; representative: string | null };
    source: { kind: string; summary: string; receivedOn: string };
    /** The record this 案源 was routed from (a petition) */
    linkedFrom?: LinkedFrom;
    violationTypeId: string | null;
    filingNumber: string | null;
    officers: string[];
    /** 笔录 (inspections, inquiries): the steps evidence can belong to */
    records: CaseRecord[];
    evidence: Evidence[];
    proposal: null | {
      version: number;
      confiscationFen: number;
      facts: string;
      basis: string;
      outcome: string;
      kinds: string[];
      fineFen: number;
      major: boolean;
      hearingEligible: boolean;
      collectiveRequired: boolean;
      catalogRow: string | null;
      outsideBenchmark: string[];
      discretionReason: string | null;
      mitigation?: Mitigation;
      education?: string | null;
    };
    onTheSpot: null | OnTheSpot;
    changes?: DecisionChange[];
    corrections?: Correction[];
    refunds?: { on: string; amountFen: number; voucher: string }[];
    decision: null | { number: string | null; on: string; outcome: string; fineFen: number };
    pending: { kind: string; requestedOn: string }[];
    extensions: { days: number; reason: string; approvedOn: string }[];
    closedOn: string | null;
    archivedOn: string | null;
    /** The 评查 deductions acknowledged when the case was archived */
    archiveWarnings?: string[];
  };
}

// The case's records and evidence files are the server's own types (type-only: nothing of the server is bundled).
import type {
  CaseRecord,
  LatePayment,
  Mitigation,
  OnTheSpot,
  DecisionChange,
  Correction,
  Evidence as ServerEvidence,
  EvidenceFile,
  Recording as ServerRecording,
} from '../../../../src/modules/enforcement/penalty-case';
export type { CaseRecord, EvidenceFile };
/** A recording as the console reads it (the scene as a plain id) */
export type Recording = Omit<ServerRecording, 'scene'> & { scene: string };

/** An evidence item as the console reads it (ids as plain strings) */
export type Evidence = Omit<ServerEvidence, 'type' | 'recording'> & { type: string; recording?: Recording };

export interface RequiredRecording {
  scene: string;
  step: number | null;
  title: string;
  covered: boolean;
}

// The 案卷评查 pre-check is the server's own result (type-only).
import type { SheetResult, SheetSection } from '../../../../src/modules/enforcement/case-file/review-sheet';
export type { SheetSection };
/** 案卷评查 pre-check: the items due scored (`score` of `outOf`), what is missing, what comes later, what was acknowledged at archiving */
export type FileCheck = SheetResult;

export interface DocumentSummary {
  id: string;
  title: string;
  number: string | null;
  date: string | null;
}

export type { Block, DocumentContent } from '../../../../src/procedure/documents/content';

/** An amount kept in fen, as the penalty pages show money: ¥ with thousands separators (¥200,000.00). */
export const yuan = (fen: number) => `¥${(fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
