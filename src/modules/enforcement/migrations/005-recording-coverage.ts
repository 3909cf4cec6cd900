import type { Kysely } from 'kysely';
import type { Engine } from '../../../platform/db/database.js';

/**
 * 音像记录 coverage per case, kept with the case's list columns: how many of its steps the
 * agency requires to be recorded, and how many of those lack a recording. The supervisor's
 * coverage per agency and month is a GROUP BY over these.
 */
export async function up(db: Kysely<any>, _engine: Engine): Promise<void> {
  await db.schema
    .alterTable('penalty_cases')
    .addColumn('recordings_required', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('penalty_cases')
    .addColumn('recordings_missing', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('penalty_cases_agency_month').on('penalty_cases').columns(['agency_id', 'registered_on']).execute();
}
