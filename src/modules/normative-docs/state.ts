/**
 * A 行政规范性文件 as its fold sees it (LAW.md §6): the draft with its 起草说明 and legal basis,
 * the scope check, every version of its text, public comment with comments and responses,
 * 公平竞争审查, each 合法性审核, 集体讨论, signature, 统一登记/编号/发布, effect, 备案, its
 * validity with evaluation and renewal or lapse, and each periodic 清理. Pure data; its status
 * is a function of it.
 */
import type { ReviewingRef } from '../../procedure/incidental-review.js';
import type { CheckItem, CleanupResult, OpinionKind } from './law.js';

export interface Version {
  seq: number;
  on: string;
  /** The whole text, exactly as entered */
  text: string;
  /** What changed and why (the first version: 初稿) */
  note: string;
}

export interface Comment {
  seq: number;
  on: string;
  from: string;
  text: string;
  /** 采纳情况及理由 */
  response: string;
  adopted: boolean;
}

export interface Review {
  submittedOn: string;
  /** The version submitted */
  version: number;
  opinion: {
    on: string;
    reviewerPersonId: string;
    reviewerName: string;
    /** 法律职业资格证书编号, or the training the reviewer completed, as registered */
    qualification: string;
    opinion: OpinionKind;
    checklist: Record<CheckItem, { yes: boolean; note: string }>;
    reasons: string;
    /** The clauses the opinion is about (第三条、第五条) */
    clauses: string;
    number: string | null;
  } | null;
}

export interface Registration {
  /** 统一编号 */
  number: string;
  on: string;
  effectiveOn: string;
  expiresOn: string;
  /** Renewed after an evaluation (the first registration: false) */
  renewal: boolean;
  evaluation: string | null;
}

/** One 附带审查: referred by a 复议机构, answered by the drafting body, ruled on by the 复议机构. */
export interface Challenge {
  /** The action that recorded it (how the answer and the ruling name it) */
  seq: number;
  receivedOn: string;
  /** 复议机关 */
  by: string;
  /** The reviewing case's 案号, when it has one */
  caseNumber: string | null;
  /** The reviewing record in yifa, when referred from one (null: from a 复议机关 outside yifa, recorded by hand) */
  reviewing: ReviewingRef | null;
  clauses: string;
  points: string;
  /** 书面答复 (Art 58) */
  answer: { on: string; text: string; late: boolean } | null;
  /** Art 59: lawful, or the clauses' execution stopped and their correction ordered */
  ruling: { on: string; lawful: boolean; reason: string } | null;
}

export interface NormativeDoc {
  id: string;
  agencyId: string;
  regionPath: string;
  title: string;
  /** 暂行/试行: a shorter validity */
  provisional: boolean;
  drafter: string;
  draftedOn: string;
  /** 起草说明 */
  explanation: string;
  legalBasis: string;
  /** Does it touch market activity (then 公平竞争审查)? */
  marketActivity: boolean;
  validityYears: number;
  versions: Version[];
  scope: { on: string; inScope: boolean; reason: string } | null;
  comment: { openedOn: string; until: string; channel: string; closed: { on: string; summary: string } | null } | null;
  comments: Comment[];
  fairCompetition: { on: string; passed: boolean; note: string } | null;
  reviews: Review[];
  deliberation: { on: string; meeting: string; present: string; minutes: string; adopted: boolean; version: number } | null;
  signed: { on: string; by: string } | null;
  registrations: Registration[];
  filing: { on: string; to: string; note: string } | null;
  lapsed: { on: string; reason: string } | null;
  cleanups: { on: string; result: CleanupResult; reason: string; number: string | null }[];
  /** Challenged in a 行政复议 (附带审查, 行政复议法 Arts 13, 56–59): the referral, the answer, the ruling */
  challenges: Challenge[];
}

export const STATUS_NAMES = {
  drafting: '起草中',
  internal: '不属于规范性文件（内部文件）',
  consulting: '征求意见中',
  'to-review': '待提请合法性审核',
  reviewing: '合法性审核中',
  returned: '审核未通过（待修改）',
  reviewed: '审核通过（待集体讨论）',
  rejected: '集体讨论未通过',
  adopted: '集体讨论通过（待签发）',
  signed: '已签发（待登记发布）',
  published: '已发布',
  lapsed: '已失效（有效期届满）',
  repealed: '已废止',
  invalid: '已宣布失效',
} as const;
export type DocStatus = keyof typeof STATUS_NAMES;

/** The last review, and whether its opinion lets the document go on (同意 or 修改后同意). */
export const lastReview = (d: NormativeDoc) => d.reviews.at(-1) ?? null;
export const reviewPassed = (d: NormativeDoc) => {
  const o = lastReview(d)?.opinion;
  return !!o && o.opinion !== 'disagree';
};

export const currentVersion = (d: NormativeDoc) => d.versions.at(-1)!;
export const currentRegistration = (d: NormativeDoc) => d.registrations.at(-1) ?? null;

export function statusOf(d: NormativeDoc): DocStatus {
  if (d.scope && !d.scope.inScope) return 'internal';
  const last = d.cleanups.at(-1);
  if (last?.result === 'repeal') return 'repealed';
  if (last?.result === 'invalid') return 'invalid';
  if (d.lapsed) return 'lapsed';
  if (d.registrations.length) return 'published';
  if (d.signed) return 'signed';
  if (d.deliberation) return d.deliberation.adopted ? 'adopted' : 'rejected';
  const r = lastReview(d);
  if (r) {
    if (!r.opinion) return 'reviewing';
    if (r.opinion.opinion === 'disagree') return 'returned';
    // 修改后同意: the drafter amends as told and goes on; after 同意, a new text needs a new review.
    return r.opinion.opinion === 'agree' && r.version !== currentVersion(d).seq ? 'to-review' : 'reviewed';
  }
  if (d.comment && !d.comment.closed) return 'consulting';
  if (d.comment?.closed) return 'to-review';
  return 'drafting';
}

/** The day it stopped needing anyone: out of scope, rejected, lapsed, repealed or declared invalid. */
export function closedOn(d: NormativeDoc): string | null {
  const s = statusOf(d);
  if (s === 'internal') return d.scope!.on;
  if (s === 'rejected') return d.deliberation!.on;
  if (s === 'lapsed') return d.lapsed!.on;
  if (s === 'repealed' || s === 'invalid') return d.cleanups.at(-1)!.on;
  return null;
}

export function emptyDoc(id: string, agencyId: string, regionPath: string, today: string): NormativeDoc {
  return {
    id,
    agencyId,
    regionPath,
    title: '',
    provisional: false,
    drafter: '',
    draftedOn: today,
    explanation: '',
    legalBasis: '',
    marketActivity: false,
    validityYears: 5,
    versions: [],
    scope: null,
    comment: null,
    comments: [],
    fairCompetition: null,
    reviews: [],
    deliberation: null,
    signed: null,
    registrations: [],
    filing: null,
    lapsed: null,
    cleanups: [],
    challenges: [],
  };
}
