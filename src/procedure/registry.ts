/**
 * The procedures of this installation as the rest of yifa reaches their records. Each module
 * lists its procedures in its manifest (`procedures`); the composition root gathers them
 * into `yifa.procedures`. The 工作台 reads their table and path (ListedProcedure); what
 * serves every procedure's records alike — the evidence module: files, custody, redaction,
 * shares, retention — reaches a record only through its entry: under the procedure's path,
 * with its read permission and its scope, its state proven.
 */
import type { Yifa } from '../platform/yifa.js';
import type { Request } from '../platform/security/request.js';
import type { Permission } from '../platform/security/access.js';
import type { EvidenceList } from './evidence.js';
import type { ListedProcedure } from './workbench.js';
import type { ChallengeFacet } from './challenge.js';
import type { LinkReceiver } from './links.js';
import type { IncidentalReviewFacet } from './incidental-review.js';

export interface ProcedureEntry<S = unknown> extends ListedProcedure {
  /** The journal action that records an export of a record's case file (custody lists it) */
  exportAction: string;
  /** The journal action that records a document of a record opened (its journal names it 查阅文书) */
  documentOpenAction: string;
  /** The record's state, proven, when the reader may see it; otherwise NOT_FOUND, the denial journaled */
  visible(yifa: Yifa, req: Request, id: string): Promise<{ state: S; regionPath: string }>;
  /** The record's state, proven, as the system reads it (INTEGRITY_ERROR when it is not what its journal proves) */
  proven(yifa: Yifa, id: string): Promise<S>;
  /** For a procedure that publishes (`proc.publications`): the names its publications refer to, from the agency's settings */
  publicationNames?(yifa: Yifa, agencyId: string): Promise<Record<string, string>>;
  /** How its records hold evidence files, when `proc.evidence` says they do */
  evidence?: {
    /** The permission to redact and share a record's files (who may see them is the read permission) */
    handle: Permission;
    /** The last day the record holds its files (null: it holds them, e.g. while it is open) */
    keptUntil(yifa: Yifa, s: S): Promise<string | null>;
  };
  /** For a procedure that receives records routed from another (a petition into a 依申请公开 request): how it opens one (links.ts) */
  receives?: LinkReceiver;
  /** For a procedure whose acts may be challenged (复议, 诉讼): what a reviewing procedure reads and how it records its outcome (challenge.ts) */
  challenge?: ChallengeFacet<S>;
  /** For the procedure that keeps the 规范性文件: how a 复议机构 refers one for 附带审查 and records its ruling (incidental-review.ts) */
  incidentalReview?: IncidentalReviewFacet;
}

/** An entry whose records hold evidence. */
export type EvidenceEntry<S = unknown> = ProcedureEntry<S> & {
  proc: { evidence: EvidenceList<S> };
  evidence: NonNullable<ProcedureEntry<S>['evidence']>;
};

export const holdsEvidence = <S>(e: ProcedureEntry<S>): e is EvidenceEntry<S> => !!e.proc.evidence && !!e.evidence;
