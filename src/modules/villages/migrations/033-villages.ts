import type { Kysely } from 'kysely';
import type { Engine } from '../../../platform/db/database.js';

/**
 * 村规民约 and village meetings: each record's own columns beside its common row
 * (procedure_cases) — the village (one 村规民约 record per village, unique), the version in
 * force and its publication date, a meeting's kind, date and decisions — indexed so the
 * portal, the statistics and a county's twenty years of meetings are read by SQL, never by
 * reading states.
 */
export async function up(db: Kysely<any>, _engine: Engine): Promise<void> {
  await db.schema
    .createTable('village_rules')
    .addColumn('id', 'text', (c) => c.primaryKey().references('procedure_cases.id'))
    .addColumn('village_id', 'text', (c) => c.notNull().unique().references('regions.id'))
    .addColumn('region_path', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('published_on', 'text')
    .addColumn('draft_version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('village_rules_region').on('village_rules').column('region_path').execute();
  await db.schema
    .createTable('village_meetings')
    .addColumn('id', 'text', (c) => c.primaryKey().references('procedure_cases.id'))
    .addColumn('village_id', 'text', (c) => c.notNull().references('regions.id'))
    .addColumn('region_path', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('decisions', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('publicized', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  // The two reads: one village's meetings by date, and a period's meetings in a reader's region.
  await db.schema.createIndex('village_meetings_village').on('village_meetings').columns(['village_id', 'held_on']).execute();
  await db.schema.createIndex('village_meetings_period').on('village_meetings').columns(['held_on', 'region_path']).execute();
}
