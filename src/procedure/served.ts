/**
 * What a procedure adds to its table to be served by the kit on the common table
 * (procedure_cases): how its record is listed and found, its deadlines, its documents and
 * its case file. With these, service.ts and routes.ts give it the whole DESIGN.md
 * procedure shape — open, act, get, list, journal, replay, documents, export — with no
 * code of its own.
 */
import type { HolidayTable } from '../calendar/holiday-table.js';
import type { CaseDeadline } from './deadlines.js';
import type { DocumentContent } from './documents/content.js';
import type { CaseFileSource } from './case-file/export.js';
import type { AgencyRef, Runner } from './runner.js';
import type { ProcedureTypes } from './spec.js';
import type { Trx } from '../journal/journal.js';
import type { LinkSource } from './links.js';
import type { EvidenceContext } from './evidence.js';
import type { Yifa } from '../platform/yifa.js';
import type { Request } from '../platform/security/request.js';
import type { ReadNarrowing } from './read-scope.js';

/** What the gates of a procedure on the common table read besides state and payload (an attached file's upload included). */
export interface BaseContext extends EvidenceContext {
  /** The legal date the server received the action */
  today: string;
  table: HolidayTable;
  actor: { personId: string | null; userId: string | null };
  agency: AgencyRef;
  /** For a record opened from another (`linkedFrom` in its payload): whether that record exists and names it (links.ts) */
  linkSource?: LinkSource | null;
}

/** Who issues a record's documents: the agency, and the county (复议机关 and courts are named after it). */
export interface DocumentPlace {
  agencyName: string;
  countyName: string;
}

/** The tables procedures keep for their own columns. */
export type OwnTable =
  | 'information_requests'
  | 'petitions'
  | 'mediation_disputes'
  | 'administrative_mediations'
  | 'village_rules'
  | 'village_meetings'
  | 'normative_documents'
  | 'reconsiderations'
  | 'lawsuits';

/** What a procedure's `followUp` is given: the action taken, and its transaction to act and read in. */
export interface FollowUp<T extends ProcedureTypes> {
  yifa: Yifa;
  /** The acting user's request (its idempotency key is the action's) */
  req: Request;
  /** The calendar the action was taken with (inside its transaction nothing else may be read on SQLite) */
  table: HolidayTable;
  type: string;
  id: string;
  state: T['state'];
  trx: Trx;
  /** Another action of the procedure on the record `id`, in the same transaction (null: its key was used already) */
  act: (id: string, type: string, payload: unknown, idempotencyKey: string | null) => Promise<T['state'] | null>;
  /** A record of the procedure as it stands in the transaction, proven; null when there is none */
  read: (id: string) => Promise<T['state'] | null>;
}

/** A procedure whose gates read only the BaseContext. */
export interface CommonTypes extends ProcedureTypes {
  context: BaseContext;
}

export interface ServedProcedure<T extends CommonTypes> extends Runner<T> {
  /** Under /api/v1: `/information-requests` */
  path: string;
  /** The OpenAPI tag and the Chinese name of the list */
  tag: string;
  /** The journal prefix of its reads and exports: `information-request` → `information-request.document.open` */
  journalPrefix: string;
  /** The common row's columns, from the state */
  row: {
    title: (s: T['state']) => string;
    openedOn: (s: T['state']) => string;
    closedOn: (s: T['state']) => string | null;
    searchText: (s: T['state']) => string;
  };
  /**
   * What the server adds to an opening payload the console sends (a tracking code's hash,
   * say), and what it shows once in the answer (the code); absent: the payload as sent.
   */
  onOpen?: (payload: unknown) => { payload: unknown; reveal: Record<string, unknown> };
  /** Its own table, for its own columns (one row per record, same id), rewritten with each action */
  own?: { table: OwnTable; columns: (s: T['state']) => Record<string, string | number | null> };
  deadlines: (s: T['state'], at: { table: HolidayTable; today: string }) => CaseDeadline[];
  /** Its documents, in filing order */
  documents: (s: T['state'], dc: DocumentPlace) => DocumentContent[];
  /** Its case file's cover, notes and manifest (the kit adds documents, evidence files, journal and proofs) */
  caseFile: (s: T['state'], dc: DocumentPlace & { documents: DocumentContent[] }) => Pick<CaseFileSource, 'cover' | 'notes' | 'manifest'>;
  /**
   * The permission that shows the personal data in a record (ID numbers, phones, addresses:
   * platform/security/personal-data.ts). Others see them masked on the page, in documents and
   * in the journal, and may not export the whole file.
   */
  personalData: string;
  /**
   * What its gates read beyond the BaseContext (a mediation committee and its members, say),
   * read in the action's transaction; absent: the BaseContext.
   */
  context?: (trx: Trx, base: BaseContext, s: T['state'], payload: unknown) => Promise<T['context']>;
  /**
   * A scope narrower than the region's for acting (a mediator acts only on his committee's
   * disputes): why this actor may not act on the record at all, or null. A refusal answers
   * 403 and is journaled as a denial, like a record outside the region's scope.
   */
  actsOutside?: (ctx: T['context'], s: T['state']) => { message: string; citation: string | null } | null;
  /**
   * A read scope narrower than the region's (read-scope.ts): the 行政复议 case is read by its
   * 复议机构 and the respondent it names only. Absent: the region's scope.
   */
  readsOnly?: ReadNarrowing;
  /**
   * What follows an action on other records of the same procedure, as the same user, in the
   * action's own transaction, appended after it (a merged duplicate noted on the petition
   * kept): `act` takes a follow-up action, `read` reads a record (proven, under its lock) —
   * both in that transaction, which holds the database on SQLite, so nothing else may be read
   * or journaled meanwhile. If it throws, the action and its follow-ups are all rolled back.
   * Not run when the action's idempotency key was used already (it ran then, with it).
   */
  followUp?: (x: FollowUp<T>) => Promise<void>;
  /**
   * What follows an action on a record of another procedure (through its facet), as the same
   * user, in its own transaction after the action's (a reconsideration's decision recorded on the
   * challenged penalty case, whose runner is another module's): called after every
   * action, a replayed one included, so a retry completes what a failure left; it must
   * itself check whether there is anything left to do. Absent: nothing follows.
   */
  afterAction?: (yifa: Yifa, req: Request, done: { type: string; id: string; state: T['state'] }) => Promise<void>;
  /**
   * What the server adds to an action's payload on an existing record before it runs (the
   * reconsideration's answer bundle, assembled from the challenged case): what it returns is
   * the payload the runner checks and the journal keeps. Absent: the payload as sent.
   */
  prepare?: (yifa: Yifa, req: Request, x: { id: string; type: string; payload: unknown }) => Promise<unknown>;
}
