import type { Kysely } from 'kysely';
import type { Engine } from '../../../platform/db/database.js';

/**
 * The wrong second factors given for a petition on the public portal (复查/复核 online), per
 * petition and legal day: in the database, so the count survives a restart and holds across
 * every server process sharing it. One row per petition and day; a day's row is dropped once
 * the day is over (the next failure deletes rows of earlier days) or when the right factor is
 * given.
 */
export async function up(db: Kysely<any>, _engine: Engine): Promise<void> {
  await db.schema
    .createTable('petition_verification_failures')
    .addColumn('petition_id', 'text', (c) => c.notNull())
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('last_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('petition_verification_failures_pkey', ['petition_id', 'day'])
    .execute();
  await db.schema.createIndex('petition_verification_failures_day').on('petition_verification_failures').column('day').execute();
}
