import type { Kysely } from 'kysely';
import type { Engine } from '../database.js';

/**
 * The wrong second factors given on the public portal for a record (a petition's 复查/复核
 * online, a reconsideration's progress), per record and legal day: in the database, so the
 * count survives a restart and holds across every server process sharing it. One row per
 * record and day; a day's row goes once the day is over (the next failure deletes rows of
 * earlier days) or when the right factor is given. The kit's second-factor.ts keeps it.
 */
export async function up(db: Kysely<any>, _engine: Engine): Promise<void> {
  await db.schema
    .createTable('portal_factor_failures')
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('last_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('portal_factor_failures_pkey', ['record_id', 'day'])
    .execute();
  await db.schema.createIndex('portal_factor_failures_day').on('portal_factor_failures').column('day').execute();
}
