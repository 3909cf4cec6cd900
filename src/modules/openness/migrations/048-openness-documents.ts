import { sql, type Kysely } from 'kysely';

/**
 * 政务公开's numbered documents and the catalog's withdrawn entries: a list version and a
 * 以案释法 keep the 文号 the kit issued them when they were published (`number`, with its
 * 查验码 in `document_codes`); a catalog entry whose record is no longer in force (a list
 * version superseded) keeps its 索引号 but says since when and why, and the portal no longer
 * serves its file. Entries of versions superseded before this migration are marked from the
 * versions' own day. Versions and explanations published before it have no 文号.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('openness_lists').addColumn('number', 'text').execute();
  await db.schema.alterTable('case_explanations').addColumn('number', 'text').execute();
  await db.schema.alterTable('catalog_entries').addColumn('withdrawn_on', 'text').execute();
  await db.schema.alterTable('catalog_entries').addColumn('withdrawn_reason', 'text').execute();
  await sql`update catalog_entries
    set withdrawn_on = (select l.superseded_on from openness_lists l where l.id = catalog_entries.source_id),
        withdrawn_reason = '已被新版本替代'
    where source_type = 'openness-list'
      and exists (select 1 from openness_lists l where l.id = catalog_entries.source_id and l.status = 'superseded')`.execute(db);
}
