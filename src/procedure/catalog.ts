/**
 * 政府信息公开目录 (the catalog of disclosed government information, 政府信息公开条例 第二十条、
 * 第二十六条): the kit's hook through which any module publishes an entry — a normative
 * document's published version, an agency's 执法事项清单, a 以案释法 — in the transaction of
 * the action that publishes it, so nothing is catalogued that was not published and nothing
 * published is left out.
 *
 * Every entry gets a 索引号 `<机关代字>-<类别代码>-<年度>-<五位序号>`, e.g. `妙泉-03-2026-00007`:
 * the agency's document prefix (`agencies.doc_prefix`), the category's two-digit code, the
 * year of the entry's date and a serial that is gapless per agency, category and year. The
 * serial is the kit's document counter (`document_counters`, series `catalog:<category>`),
 * moved in the same transaction as the entry, so a rolled-back publication returns its number
 * and two publications at once never share one (the counter's row lock on PostgreSQL, the
 * write transaction on SQLite). The table is the openness module's (migration 041).
 */
import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../platform/db/schema.js';
import type { Trx } from '../journal/journal.js';
import { DomainError } from '../platform/errors.js';

/** The catalog's categories, by id: the Chinese name and the code in the 索引号. */
export const CATALOG_CATEGORIES = {
  functions: { name: '机构职能', code: '01' },
  regulations: { name: '法规文件', code: '02' },
  enforcement: { name: '行政执法公示', code: '03' },
  'annual-report': { name: '法治政府建设年度报告', code: '04' },
  'case-explanation': { name: '以案释法', code: '05' },
  planning: { name: '规划计划', code: '06' },
  finance: { name: '财政资金', code: '07' },
  other: { name: '其他', code: '99' },
} as const;
export type CatalogCategory = keyof typeof CATALOG_CATEGORIES;
export const CATALOG_CATEGORY_IDS = Object.keys(CATALOG_CATEGORIES) as [CatalogCategory, ...CatalogCategory[]];

export interface CatalogEntryTable {
  id: string;
  agency_id: string;
  region_path: string;
  category: string;
  year: number;
  serial: number;
  index_number: string;
  /** 成文或者发布日期 */
  published_on: string;
  title: string;
  /** The record this entry publishes (a module's subject type and id), or null for an entry registered by hand */
  source_type: string | null;
  source_id: string | null;
  /** Where the public reads it: a portal path (`/portal/...`) */
  link: string | null;
  /** A document uploaded through the evidence module's verified upload path */
  file_sha256: string | null;
  file_name: string | null;
  created_at: string;
  /** The day what it catalogues stopped being in force (a list version superseded): listed still, its file no longer served */
  withdrawn_on: string | null;
  /** Why (已被新版本替代 …) */
  withdrawn_reason: string | null;
}

export type CatalogTables = {
  catalog_entries: CatalogEntryTable;
};

/** The catalog's table as a transaction or the database sees it. */
export function catalogDb(db: Trx): Transaction<Database & CatalogTables>;
export function catalogDb(db: Kysely<Database>): Kysely<Database & CatalogTables>;
export function catalogDb(db: Kysely<Database>) {
  return db.withTables<CatalogTables>();
}

export function formatIndexNumber(prefix: string, category: CatalogCategory, year: number, serial: number): string {
  return `${prefix}-${CATALOG_CATEGORIES[category].code}-${year}-${String(serial).padStart(5, '0')}`;
}

/** What a procedure's record puts in the catalog (`Procedure.catalog`): the agency is the record's. */
export interface CatalogFacts {
  /** Stable across the record's life: one entry per key */
  key: string;
  category: CatalogCategory;
  title: string;
  publishedOn: string;
  /** The portal page that shows it */
  link: string;
}

/** What a module publishes into the catalog. */
export interface CatalogInput {
  agencyId: string;
  category: CatalogCategory;
  title: string;
  /** The entry's date (YYYY-MM-DD): its year is the 索引号's */
  publishedOn: string;
  source: { type: string; id: string } | null;
  link: string | null;
  file?: { sha256: string; fileName: string } | null;
  at: string;
}

/**
 * Publishes one entry in the caller's transaction and answers it with its 索引号. A record
 * already catalogued (same source) keeps its entry: publishing is idempotent per source.
 */
export async function publishInCatalog(trx: Trx, x: CatalogInput): Promise<{ id: string; indexNumber: string }> {
  const db = catalogDb(trx);
  if (x.source) {
    const existing = await db
      .selectFrom('catalog_entries')
      .select(['id', 'index_number'])
      .where('source_type', '=', x.source.type)
      .where('source_id', '=', x.source.id)
      .executeTakeFirst();
    if (existing) return { id: existing.id, indexNumber: existing.index_number };
  }
  const agency = await trx
    .selectFrom('agencies')
    .innerJoin('regions', 'regions.id', 'agencies.region_id')
    .select(['agencies.doc_prefix', 'regions.path'])
    .where('agencies.id', '=', x.agencyId)
    .executeTakeFirst();
  if (!agency) throw new DomainError('NOT_FOUND', '未找到发布机关');
  const year = Number(x.publishedOn.slice(0, 4));
  const counter = await trx
    .insertInto('document_counters')
    .values({ agency_id: x.agencyId, series: `catalog:${x.category}`, year, last: 1 })
    .onConflict((oc) => oc.columns(['agency_id', 'series', 'year']).doUpdateSet({ last: sql`document_counters.last + 1` }))
    .returning('last')
    .executeTakeFirstOrThrow();
  const serial = Number(counter.last);
  const id = randomUUID();
  const indexNumber = formatIndexNumber(agency.doc_prefix, x.category, year, serial);
  await db
    .insertInto('catalog_entries')
    .values({
      id,
      agency_id: x.agencyId,
      region_path: agency.path,
      category: x.category,
      year,
      serial,
      index_number: indexNumber,
      published_on: x.publishedOn,
      title: x.title,
      source_type: x.source?.type ?? null,
      source_id: x.source?.id ?? null,
      link: x.link,
      file_sha256: x.file?.sha256 ?? null,
      file_name: x.file?.fileName ?? null,
      created_at: x.at,
      withdrawn_on: null,
      withdrawn_reason: null,
    })
    .execute();
  return { id, indexNumber };
}

/**
 * Marks the entries of these records no longer in force (a list version superseded by the
 * next), in the caller's transaction: they stay in the catalog with their 索引号 — the catalog
 * keeps what was published — but the portal no longer serves their file. An entry withdrawn
 * once keeps its first day and reason.
 */
export async function withdrawFromCatalog(trx: Trx, sources: { type: string; ids: readonly string[] }, x: { on: string; reason: string }) {
  if (sources.ids.length === 0) return;
  await catalogDb(trx)
    .updateTable('catalog_entries')
    .set({ withdrawn_on: x.on, withdrawn_reason: x.reason })
    .where('source_type', '=', sources.type)
    .where('source_id', 'in', sources.ids)
    .where('withdrawn_on', 'is', null)
    .execute();
}

/** Since when and why a record's catalog entry is no longer in force (null: in force, or not catalogued) — the verify page's answer for its document. */
export async function catalogWithdrawal(db: Kysely<Database>, source: { type: string; id: string }) {
  const row = await catalogDb(db)
    .selectFrom('catalog_entries')
    .select(['withdrawn_on', 'withdrawn_reason'])
    .where('source_type', '=', source.type)
    .where('source_id', '=', source.id)
    .where('withdrawn_on', 'is not', null)
    .executeTakeFirst();
  return row?.withdrawn_on ? { on: row.withdrawn_on, reason: row.withdrawn_reason ?? '已停止公开' } : null;
}
