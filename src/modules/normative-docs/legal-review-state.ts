/**
 * A legal review's state (重大行政决策 or contract) and its status, pure: the console reads the
 * type, the table (legal-review.ts) folds it.
 */
import type { OpinionKind } from './law.js';

export const REVIEW_KINDS = { 'major-decision': '重大行政决策', contract: '合同' } as const;
export type ReviewKind = keyof typeof REVIEW_KINDS;

export const REVIEW_POINTS = {
  authority: '决策（签约）主体是否合法、是否超越法定权限',
  procedure: '是否履行法定程序',
  content: '内容是否符合法律、法规、规章和国家政策',
  risk: '是否存在法律风险及防范措施',
} as const;
export type Point = keyof typeof REVIEW_POINTS;

export interface LegalReview {
  id: string;
  agencyId: string;
  regionPath: string;
  kind: ReviewKind;
  title: string;
  department: string;
  openedOn: string;
  summary: string;
  participation: { from: string; until: string; summary: string } | null;
  experts: { on: string; experts: string; summary: string } | null;
  risk: { on: string; level: 'low' | 'medium' | 'high'; summary: string } | null;
  submission: { on: string; materials: string; dueOn: string } | null;
  opinion: {
    on: string;
    reviewerPersonId: string;
    reviewerName: string;
    qualification: string;
    opinion: OpinionKind;
    points: Record<Point, { ok: boolean; note: string }>;
    reasons: string;
    clauses: string;
    number: string | null;
  } | null;
  decision: { on: string; meeting: string; adopted: boolean; minutes: string } | null;
}

export const REVIEW_STATUS_NAMES = {
  preparing: '准备中（公众参与、专家论证、风险评估）',
  reviewing: '合法性审查中',
  'to-decide': '审查完毕（待集体讨论决定）',
  decided: '已集体讨论决定',
  'not-adopted': '集体讨论未通过',
  reviewed: '已出具审查意见',
} as const;
export type ReviewStatus = keyof typeof REVIEW_STATUS_NAMES;

export function reviewStatus(r: LegalReview): ReviewStatus {
  if (!r.submission) return 'preparing';
  if (!r.opinion) return 'reviewing';
  if (r.kind === 'contract') return 'reviewed';
  if (!r.decision) return 'to-decide';
  return r.decision.adopted ? 'decided' : 'not-adopted';
}

export const reviewClosedOn = (r: LegalReview) => (r.kind === 'contract' ? (r.opinion?.on ?? null) : (r.decision?.on ?? null));
