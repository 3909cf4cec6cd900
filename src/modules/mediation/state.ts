/**
 * A dispute under 人民调解 (人民调解法 Arts 17–33) as its fold sees it: the registration,
 * the parties' consent or refusal, the mediators, each session's record, the outcome (a
 * written or oral agreement, or the mediation ended), the follow-up visits and the 司法确认.
 * Pure data; its status is a function of it.
 */
import type { Category, Referrer, Source } from './law.js';
import type { LinkedFrom } from '../../procedure/links.js';

export const PARTY_KINDS = { citizen: '自然人', organisation: '法人或者其他组织' } as const;
export type PartyKind = keyof typeof PARTY_KINDS;

export interface Party {
  kind: PartyKind;
  name: string;
  /** 居民身份证号码 or 统一社会信用代码, checked */
  idNumber: string;
  phone: string | null;
  address: string | null;
}

export interface Session {
  seq: number;
  on: string;
  place: string;
  present: string;
  /** 调解笔录: what was said and what came of it */
  record: string;
}

export const OUTCOMES = {
  written: '达成书面调解协议',
  oral: '达成口头调解协议',
  ended: '调解不成，终止调解',
} as const;
export type OutcomeKind = keyof typeof OUTCOMES;

export interface Outcome {
  kind: OutcomeKind;
  on: string;
  /** 调解协议书 or 终止调解通知书 number */
  number: string | null;
  /** Each side's responsibility (written agreement) */
  responsibility: string | null;
  terms: string | null;
  /** How and when the terms are performed */
  performance: string | null;
  /** The amount the agreement settles, in fen (0 when none) */
  amountFen: number;
  /** Why it ended, and the other routes the parties were told of (Art 26) */
  reason: string | null;
  routes: string | null;
}

export const PERFORMANCE = { full: '已全部履行', partial: '部分履行', none: '尚未履行' } as const;
export type Performance = keyof typeof PERFORMANCE;

export interface Visit {
  seq: number;
  on: string;
  performance: Performance;
  note: string;
}

export const COURT_RESULTS = { confirmed: '裁定确认调解协议有效', rejected: '裁定驳回申请' } as const;
export type CourtResult = keyof typeof COURT_RESULTS;

export interface Dispute {
  id: string;
  agencyId: string;
  /** The committee's region (a village's disputes lie in the village) */
  regionPath: string;
  committeeId: string;
  committeeName: string;
  /** The committee's mediators when it was registered (whom the form offers; the gate checks the roll as it is then) */
  committeeMembers: { personId: string; name: string }[];
  /** Who registered it (the statistics' scope reads it) */
  registeredBy: string | null;
  registeredOn: string;
  source: Source;
  referredBy: Referrer | null;
  category: Category;
  parties: Party[];
  facts: string;
  points: string;
  consent: { on: string; agreed: boolean; refusedBy: string | null; note: string } | null;
  mediators: { on: string; chosen: boolean; personIds: string[]; names: string[] } | null;
  sessions: Session[];
  /** Reported to the police as a dispute that may turn violent (Art 25) */
  riskReports: { on: string; to: string; note: string }[];
  outcome: Outcome | null;
  visits: Visit[];
  confirmation: { appliedOn: string; court: string; result: CourtResult | null; resultOn: string | null; note: string | null } | null;
  /**
   * The screening ledger's item it was taken from, with the risks flagged there (absent when
   * registered directly: a field added later, left out rather than null so the states of
   * disputes registered before it stay as their hashes prove them)
   */
  screening?: ScreeningLink;
  /** The record it was routed from (a petition, 信访工作条例 Art 31), which names it in turn (links.ts); absent when registered directly */
  linkedFrom?: LinkedFrom;
}

export interface ScreeningLink {
  screeningId: string;
  itemId: string;
  criminalRisk: boolean;
  massRisk: boolean;
}

export const STATUS_NAMES = {
  registered: '已登记（待征询意愿）',
  mediating: '调解中',
  agreed: '已达成协议（履行中）',
  performed: '协议已履行',
  ended: '调解终止',
  declined: '当事人拒绝调解',
} as const;
export type DisputeStatus = keyof typeof STATUS_NAMES;

export function statusOf(d: Dispute): DisputeStatus {
  if (d.consent && !d.consent.agreed) return 'declined';
  if (d.outcome?.kind === 'ended') return 'ended';
  if (d.outcome) return d.visits.some((v) => v.performance === 'full') ? 'performed' : 'agreed';
  return d.consent ? 'mediating' : 'registered';
}

/** The day it stopped needing the committee: refused, ended, or its agreement performed. */
export function closedOn(d: Dispute): string | null {
  if (d.consent && !d.consent.agreed) return d.consent.on;
  if (d.outcome?.kind === 'ended') return d.outcome.on;
  return d.visits.find((v) => v.performance === 'full')?.on ?? null;
}

/** Was it mediated successfully (an agreement, written or oral)? */
export const succeeded = (d: Dispute) => d.outcome !== null && d.outcome.kind !== 'ended';

export function emptyDispute(id: string, agencyId: string, regionPath: string, today: string): Dispute {
  return {
    id,
    agencyId,
    regionPath,
    committeeId: '',
    committeeName: '',
    committeeMembers: [],
    registeredBy: null,
    registeredOn: today,
    source: 'application',
    referredBy: null,
    category: 'other',
    parties: [],
    facts: '',
    points: '',
    consent: null,
    mediators: null,
    sessions: [],
    riskReports: [],
    outcome: null,
    visits: [],
    confirmation: null,
  };
}
