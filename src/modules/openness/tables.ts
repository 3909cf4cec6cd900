/** The openness module's tables (migrations 040, 041 and 047) and the database as the module reads it. */
import type { Kysely } from 'kysely';
import type { Yifa } from '../../platform/yifa.js';
import type { Database } from '../../platform/db/schema.js';
import type { Trx } from '../../journal/journal.js';
import type { CatalogTables } from '../../procedure/catalog.js';

export interface OpennessListTable {
  id: string;
  agency_id: string;
  region_path: string;
  kind: string;
  topic: string;
  version: number;
  status: string;
  title: string;
  content: string;
  reason: string;
  drafted_by: string;
  drafted_by_name: string;
  drafted_on: string;
  reviewed_by_name: string | null;
  review_note: string | null;
  published_on: string | null;
  superseded_on: string | null;
  index_number: string | null;
  /** The 文号 issued when it was published (047) */
  number: string | null;
}

export interface CaseExplanationTable {
  id: string;
  agency_id: string;
  region_path: string;
  case_type: string;
  case_id: string;
  status: string;
  title: string;
  facts: string;
  body: string;
  citations: string;
  drafted_by: string;
  drafted_by_name: string;
  drafted_on: string;
  approved_by_name: string | null;
  approved_on: string | null;
  approval_note: string | null;
  published_on: string | null;
  index_number: string | null;
  /** The 文号 issued when it was published (047) */
  number: string | null;
}

export type OpennessTables = CatalogTables & {
  openness_lists: OpennessListTable;
  case_explanations: CaseExplanationTable;
};

export type OpennessDb = Kysely<Database & OpennessTables>;

export const dbOf = (yifa: Yifa): OpennessDb => yifa.db.kysely.withTables<OpennessTables>();
export const trxOf = (trx: Trx) => trx.withTables<OpennessTables>();
