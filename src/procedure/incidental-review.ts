/**
 * 附带审查: a 规范性文件 challenged alongside the act it founded (行政复议法 Art 13). The
 * 复议机构 refers the document to its drafting body, which answers in writing within 10
 * working days (Art 58), and then rules on the challenged clauses (Art 59: lawful — said in
 * the decision; unlawful — their execution stopped and the drafting body ordered to correct
 * them). The procedure that keeps the documents (the normative-document register) implements
 * the facet on its registry entry (`ProcedureEntry.incidentalReview`); the reviewing procedure
 * reaches it through `yifa.procedures` and never imports the module that owns the document.
 */
import { z } from 'zod';
import type { Yifa } from '../platform/yifa.js';
import type { Request } from '../platform/security/request.js';
import { DomainError } from '../platform/errors.js';
import { linkedRefSchema, type LinkedRef } from './links.js';

/** The reviewing record and its referral, as the document's challenge names them. */
export interface ReviewingRef extends LinkedRef {
  /** The referral's number within the reviewing record (one record may refer several documents) */
  referral: number;
  /** The reviewing record's number (案号), when it has one */
  number: string | null;
}

export const reviewingRefSchema = linkedRefSchema
  .extend({
    referral: z.number().int().min(1).meta({ title: '转送序号' }),
    number: z.string().max(60).nullable().meta({ title: '行政复议案号' }),
  })
  .meta({ title: '转送的行政复议案件', widget: 'hidden' });

/** Is `ref` the referral `other` names (the same record and referral)? */
export const sameReferral = (ref: ReviewingRef | null | undefined, other: ReviewingRef | null | undefined) =>
  !!ref && !!other && ref.id === other.id && ref.referral === other.referral;

export interface IncidentalReferral {
  reviewing: ReviewingRef;
  on: string;
  /** 复议机关 */
  body: string;
  /** The clauses challenged, as the applicant names them */
  clauses: string;
  points: string;
}

export interface IncidentalRuling {
  reviewing: ReviewingRef;
  on: string;
  body: string;
  lawful: boolean;
  reason: string;
}

export interface IncidentalReviewFacet {
  /** The record's procedure statuses in which a document can be challenged (it was published) */
  challengeable: readonly string[];
  /**
   * Records the referral on the document through its own procedure's runner, in its own
   * journaled action, as `req`'s user: idempotent (a referral already recorded is not recorded twice).
   */
  refer(yifa: Yifa, req: Request, documentId: string, referral: IncidentalReferral): Promise<void>;
  /** Records the ruling on the challenge the referral opened; idempotent likewise. */
  rule(yifa: Yifa, req: Request, documentId: string, ruling: IncidentalRuling): Promise<void>;
}

/**
 * What a reviewing record keeps at the top of its state for each referral, so the document's
 * procedure can check a challenge it is asked to record was referred (no one records a
 * referral by hand in another's name).
 */
export interface ReferralMark {
  referral: number;
  documentId: string;
}
export const REFERRALS_KEY = 'incidentalReviews';

/** Does the reviewing record's state (as stored) name this referral of this document? */
export function namesReferral(state: string | null | undefined, referral: number, documentId: string): boolean {
  if (!state) return false;
  const marks = (JSON.parse(state) as Record<string, unknown>)[REFERRALS_KEY];
  return Array.isArray(marks) && marks.some((m: ReferralMark) => m.referral === referral && m.documentId === documentId);
}

/** The entry that keeps the 规范性文件 (its subject type and its facet). */
export function incidentalReviewEntry(yifa: Yifa): { subjectType: string; path: string; recordName: string; facet: IncidentalReviewFacet } {
  const entry = yifa.procedures.find((p) => p.incidentalReview);
  if (!entry?.incidentalReview) throw new DomainError('GATE_REFUSED', '本平台没有登记规范性文件的程序，附带审查请按规定转送制定机关');
  return { subjectType: entry.proc.subjectType, path: entry.path, recordName: entry.proc.recordName, facet: entry.incidentalReview };
}
