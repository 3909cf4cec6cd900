import type { Kysely } from 'kysely';
import type { Engine } from '../../../platform/db/database.js';

/**
 * Petitions (信访事项): their own columns beside the common row (procedure_cases, migration
 * 015) — the tracking code's hash the portal finds a petition by, the registration number a
 * repeat names, and the channel, category, place and outcome the hot-spot counts read.
 */
export async function up(db: Kysely<any>, _engine: Engine): Promise<void> {
  await db.schema
    .createTable('petitions')
    .addColumn('id', 'text', (c) => c.primaryKey().references('procedure_cases.id'))
    .addColumn('tracking_hash', 'text', (c) => c.notNull().unique())
    .addColumn('number', 'text', (c) => c.unique())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .execute();
  await db.schema.createIndex('petitions_category_place').on('petitions').columns(['category', 'place']).execute();
}
