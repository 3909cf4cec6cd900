import type { Kysely } from 'kysely';

/**
 * 政府信息公开目录: one row per catalogued piece of information, with its 索引号 — unique, and
 * gapless per agency, category and year (`src/procedure/catalog.ts` allocates it from the
 * kit's document counters in the publishing transaction). A record catalogued by the hook is
 * catalogued once (its source is unique).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('catalog_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull())
    .addColumn('region_path', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('serial', 'integer', (c) => c.notNull())
    .addColumn('index_number', 'text', (c) => c.notNull().unique())
    .addColumn('published_on', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('source_type', 'text')
    .addColumn('source_id', 'text')
    .addColumn('link', 'text')
    .addColumn('file_sha256', 'text')
    .addColumn('file_name', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('catalog_entries_serial', ['agency_id', 'category', 'year', 'serial'])
    .addUniqueConstraint('catalog_entries_source', ['source_type', 'source_id'])
    .execute();
  // The portal: newest first, by category.
  await db.schema.createIndex('catalog_entries_public').on('catalog_entries').columns(['category', 'published_on', 'id']).execute();
  await db.schema.createIndex('catalog_entries_date').on('catalog_entries').columns(['published_on', 'id']).execute();
  // How far the projection of the procedures' catalog facets (`Procedure.catalog`) has read the journal.
  await db.schema
    .createTable('catalog_sync')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .execute();
  await db.insertInto('catalog_sync').values({ name: 'journal', seq: -1 }).execute();
}
