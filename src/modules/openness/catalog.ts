/**
 * 政府信息公开目录 as staff and the public read it. Entries come from the kit's hook
 * (`publishInCatalog`, src/procedure/catalog.ts) — the lists and 以案释法 of this module as they
 * are published — or are registered by hand with a link to a portal page or a document
 * uploaded through the evidence module's verified upload path (the registering user's own
 * completed upload). The portal lists them by category, newest
 * first, with search and keyset pagination, and serves each entry's file while it is in force
 * (catalog-files.ts). Public reads only read: the catalog is brought up to date with the
 * procedures' journals (catalog-sync.ts) by the timer and by staff reads.
 */
import { randomUUID } from 'node:crypto';
import { sql, type SqlBool } from 'kysely';
import { z } from 'zod';
import type { Yifa } from '../../platform/yifa.js';
import type { Request } from '../../platform/security/request.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { legalDate, requiredText } from '../../platform/http/schemas.js';
import { scopeFilter } from '../../platform/security/scope.js';
import { decodeCursor, keysetAfter, pageOf } from '../../platform/http/pagination.js';
import { uploadedFileIn } from '../../procedure/evidence-store.js';
import {
  CATALOG_CATEGORIES,
  CATALOG_CATEGORY_IDS,
  catalogDb,
  publishInCatalog,
  type CatalogCategory,
  type CatalogEntryTable,
} from '../../procedure/catalog.js';
import { agencyFor } from './scope.js';
import { syncCatalog } from './catalog-sync.js';
import { LIST_SUBJECT } from './lists.js';
import { EXPLANATION_SUBJECT } from './explanations.js';

export const CATALOG_SUBJECT = 'catalog-entry';

export const catalogCategory = z.enum(CATALOG_CATEGORY_IDS);

export const manualEntryBody = z
  .strictObject({
    agencyId: z.string().min(1).max(64),
    category: catalogCategory.meta({ title: '类别' }),
    title: requiredText(200).meta({ title: '标题' }),
    publishedOn: legalDate.meta({ title: '发布日期' }),
    link: z
      .string()
      .max(300)
      .regex(/^\/portal\/[A-Za-z0-9/_-]*$/, '链接须为本门户已公开的页面（以 /portal/ 开头）')
      .nullable()
      .meta({ title: '已公开页面的链接' }),
    file: z.strictObject({ sha256: z.string().regex(/^[0-9a-f]{64}$/) }).nullable(),
  })
  .refine((b) => b.link !== null || b.file !== null, { message: '须提供已公开页面的链接或上传的文件', path: ['link'] });

/** The records whose entries have a numbered document the portal serves (documents.ts); an entry by hand may have an uploaded file. */
const DOCUMENT_SOURCES: ReadonlySet<string> = new Set([LIST_SUBJECT, EXPLANATION_SUBJECT]);

type EntryRow = Pick<
  CatalogEntryTable,
  | 'id'
  | 'agency_id'
  | 'category'
  | 'index_number'
  | 'published_on'
  | 'title'
  | 'link'
  | 'file_sha256'
  | 'file_name'
  | 'source_type'
  | 'withdrawn_on'
  | 'withdrawn_reason'
> & { agency_name?: string };

/** Whether the portal serves the entry's file: one it has, while what it catalogues is in force. */
export const servesFile = (r: EntryRow) => !r.withdrawn_on && (r.file_sha256 !== null || DOCUMENT_SOURCES.has(r.source_type ?? ''));

export const entryFilePath = (id: string) => `/api/v1/public/openness/catalog/${id}/file`;

export function entryView(r: EntryRow) {
  const category = r.category as CatalogCategory;
  return {
    id: r.id,
    indexNumber: r.index_number,
    category,
    categoryName: CATALOG_CATEGORIES[category]?.name ?? '其他',
    title: r.title,
    publishedOn: r.published_on,
    agency: { id: r.agency_id, name: r.agency_name ?? '' },
    link: r.link,
    file: r.file_sha256 ? { sha256: r.file_sha256, fileName: r.file_name } : null,
    /** Where the portal serves its file (DOCX, PDF …); null when it has none or it is withdrawn */
    download: servesFile(r) ? entryFilePath(r.id) : null,
    /** Since when and why what it catalogues is no longer in force (a list version superseded) */
    withdrawn: r.withdrawn_on ? { on: r.withdrawn_on, reason: r.withdrawn_reason ?? '' } : null,
  };
}

/** Registers one entry by hand (journaled on the entry, with its 索引号). */
export async function addEntry(yifa: Yifa, req: Request, input: z.infer<typeof manualEntryBody>) {
  const agency = await agencyFor(yifa, req, input.agencyId, true);
  const file = input.file ? await uploadedFileIn(yifa.db.kysely, { file: input.file }, req.auth.user.id) : null;
  if (input.file && !file) {
    throw new AppError('CONFLICT', '未找到您已上传并通过校验的该文件，请先通过证据材料上传功能上传');
  }
  const subjectId = randomUUID();
  await yifa.journal.perform(
    {
      type: 'openness.catalog.add',
      actor: req.auth.actor,
      subject: { type: CATALOG_SUBJECT, id: subjectId, regionPath: agency.regionPath },
      idempotencyKey: req.idempotencyKey,
      payload: {
        category: input.category,
        title: input.title,
        publishedOn: input.publishedOn,
        link: input.link,
        file: file ? { sha256: file.sha256, fileName: file.fileName } : null,
      },
    },
    async (trx) => {
      return publishInCatalog(trx, {
        agencyId: agency.id,
        category: input.category,
        title: input.title,
        publishedOn: input.publishedOn,
        source: { type: CATALOG_SUBJECT, id: subjectId },
        link: input.link,
        file: file ? { sha256: file.sha256, fileName: file.fileName } : null,
        at: yifa.clock.now().toISOString(),
      });
    },
  );
  const row = await catalogDb(yifa.db.kysely)
    .selectFrom('catalog_entries')
    .selectAll()
    .where('source_id', '=', subjectId)
    .executeTakeFirstOrThrow();
  return entryView({ ...row, agency_name: agency.name });
}

export interface CatalogFilters {
  category?: CatalogCategory;
  agencyId?: string;
  q?: string;
  limit: number;
  cursor?: string;
}

/** The title holds the words (a LIKE with its wildcards escaped: the words are never syntax). */
const titleHolds = (q: string) => {
  const escaped = q.replace(/[\\%_]/g, (c) => `\\${c}`);
  return sql<SqlBool>`catalog_entries.title like ${`%${escaped}%`} escape '\\'`;
};

async function page(yifa: Yifa, f: CatalogFilters, scoped: Request | null) {
  let q = catalogDb(yifa.db.kysely)
    .selectFrom('catalog_entries')
    .innerJoin('agencies', 'agencies.id', 'catalog_entries.agency_id')
    .select([
      'catalog_entries.id',
      'catalog_entries.agency_id',
      'catalog_entries.category',
      'catalog_entries.index_number',
      'catalog_entries.published_on',
      'catalog_entries.title',
      'catalog_entries.link',
      'catalog_entries.file_sha256',
      'catalog_entries.file_name',
      'catalog_entries.source_type',
      'catalog_entries.withdrawn_on',
      'catalog_entries.withdrawn_reason',
      'agencies.name as agency_name',
    ]);
  if (scoped) q = q.where(scopeFilter(scoped.auth.scope, { path: 'catalog_entries.region_path' }));
  if (f.category) q = q.where('catalog_entries.category', '=', f.category);
  if (f.agencyId) q = q.where('catalog_entries.agency_id', '=', f.agencyId);
  const words = f.q?.trim();
  if (words) q = q.where(titleHolds(words));
  const after = decodeCursor(f.cursor, 2);
  if (after) q = q.where(keysetAfter(['catalog_entries.published_on', 'catalog_entries.id'], after, 'desc'));
  const rows = await q
    .orderBy('catalog_entries.published_on', 'desc')
    .orderBy('catalog_entries.id', 'desc')
    .limit(f.limit + 1)
    .execute();
  return pageOf(rows, f.limit, (r) => [r.published_on, r.id], entryView);
}

/** Staff read the catalog up to date: what the procedures published since the last pass is catalogued first. */
export async function staffCatalog(yifa: Yifa, req: Request, f: CatalogFilters) {
  await syncCatalog(yifa);
  return page(yifa, f, req);
}
/** The public reads only: an anonymous request never writes (the timer and staff reads keep the catalog current). */
export function publicCatalog(yifa: Yifa, f: CatalogFilters) {
  return page(yifa, f, null);
}

/** The categories with how many entries each holds. */
export async function publicCategories(yifa: Yifa) {
  const rows = await catalogDb(yifa.db.kysely)
    .selectFrom('catalog_entries')
    .select(['category', sql<number>`count(*)`.as('n')])
    .groupBy('category')
    .execute();
  const counts = new Map(rows.map((r) => [r.category, Number(r.n)]));
  return CATALOG_CATEGORY_IDS.map((id) => ({
    id,
    name: CATALOG_CATEGORIES[id].name,
    code: CATALOG_CATEGORIES[id].code,
    count: counts.get(id) ?? 0,
  }));
}

export async function publicEntry(yifa: Yifa, id: string) {
  const row = await catalogDb(yifa.db.kysely)
    .selectFrom('catalog_entries')
    .innerJoin('agencies', 'agencies.id', 'catalog_entries.agency_id')
    .selectAll('catalog_entries')
    .select('agencies.name as agency_name')
    .where('catalog_entries.id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('目录条目');
  return entryView(row);
}
