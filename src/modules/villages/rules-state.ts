/**
 * One village's 村规民约 as its fold sees it: every version, each with its drafting, the
 * villagers' consultation, the meeting's adoption, the town's reviews, the filing and the
 * publication, and the records of how the rules in force are carried out. One record per
 * village; a revision is a new version on the same record, so the village's rules and all
 * their earlier versions stay together. Pure data; the status is a function of it.
 */
import type { ImplementationTopic, MeetingKind, QuorumBasis, ReviewPoint, Votes } from './law.js';

export interface Consultation {
  seq: number;
  on: string;
  /** 入户走访, 村民小组会议, 公示栏征求意见 … */
  method: string;
  /** How many villagers gave their views */
  participants: number;
  opinions: string;
  /** What the committee took up, and why not the rest */
  response: string;
}

export interface Adoption {
  seq: number;
  on: string;
  kind: MeetingKind;
  basis: QuorumBasis | null;
  /** The 村民会议's authorisation, when a 村民代表会议 adopts (Arts 24, 25) */
  authorisation: string | null;
  /** The meeting's record in yifa (村民代表会议记录), if it was recorded there */
  meetingId: string | null;
  entitled: number;
  present: number;
  votes: Votes;
}

export interface ReviewItem {
  ok: boolean;
  note: string;
}

export interface Review {
  seq: number;
  on: string;
  /** 审查意见书 number */
  number: string | null;
  items: Record<ReviewPoint, ReviewItem>;
  opinion: string;
  passed: boolean;
  reviewer: string | null;
}

export interface RulesVersion {
  no: number;
  title: string;
  /** Kept exactly as entered: any length, any script */
  text: string;
  draftedOn: string;
  /** 起草说明: why and what changed */
  draftNote: string;
  /** Earlier drafts of this version, before a revision sent back from review (kept, never overwritten) */
  earlierDrafts: { text: string; replacedOn: string; note: string }[];
  consultations: Consultation[];
  adoption: Adoption | null;
  reviews: Review[];
  filing: { on: string; number: string | null; note: string } | null;
  publishedOn: string | null;
  /** The day a later version took its place */
  supersededOn: string | null;
}

export interface Implementation {
  seq: number;
  on: string;
  version: number;
  topic: ImplementationTopic;
  content: string;
  outcome: string;
}

export interface VillageRules {
  id: string;
  agencyId: string;
  /** The village's region: the record's scope */
  regionPath: string;
  villageId: string;
  villageName: string;
  openedOn: string;
  versions: RulesVersion[];
  implementations: Implementation[];
}

export const STATUS_NAMES = {
  drafting: '起草中（征求意见）',
  adopted: '已表决通过（待乡镇审查）',
  returned: '审查退回修改',
  reviewed: '审查通过（待备案）',
  filed: '已备案（待公布）',
  'in-force': '施行中',
} as const;
export type RulesStatus = keyof typeof STATUS_NAMES;

export const latest = (r: VillageRules): RulesVersion => r.versions[r.versions.length - 1]!;
export const lastReview = (v: RulesVersion): Review | null => v.reviews[v.reviews.length - 1] ?? null;

/** The version in force: the last one published. */
export const inForce = (r: VillageRules): RulesVersion | null =>
  [...r.versions].reverse().find((v) => v.publishedOn !== null && v.supersededOn === null) ?? null;

export function statusOf(r: VillageRules): RulesStatus {
  if (r.versions.length === 0) return 'drafting';
  const v = latest(r);
  if (v.publishedOn) return 'in-force';
  if (v.filing) return 'filed';
  // A revision after review clears the adoption: the new text needs a new vote.
  if (!v.adoption) return 'drafting';
  const review = lastReview(v);
  if (!review || review.seq < v.adoption.seq) return 'adopted';
  return review.passed ? 'reviewed' : 'returned';
}

export function emptyRules(id: string, agencyId: string, regionPath: string, today: string): VillageRules {
  return { id, agencyId, regionPath, villageId: '', villageName: '', openedOn: today, versions: [], implementations: [] };
}
