import type { Kysely } from 'kysely';
import type { Engine } from '../../../platform/db/database.js';

/**
 * Requests for government information: their own columns beside the common row
 * (procedure_cases, migration 015) — the tracking code's hash the portal looks requests up
 * by, the channel and the reply type the annual disclosure report counts by.
 */
export async function up(db: Kysely<any>, _engine: Engine): Promise<void> {
  await db.schema
    .createTable('information_requests')
    .addColumn('id', 'text', (c) => c.primaryKey().references('procedure_cases.id'))
    .addColumn('tracking_hash', 'text', (c) => c.notNull().unique())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('applicant_kind', 'text', (c) => c.notNull())
    .addColumn('reply_type', 'text')
    .execute();
}
