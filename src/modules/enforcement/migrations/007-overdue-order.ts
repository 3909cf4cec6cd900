import type { Kysely } from 'kysely';
import type { Engine } from '../../../platform/db/database.js';

/** The overdue queue, most overdue first, county-wide and per agency, read in index order. */
export async function up(db: Kysely<any>, _engine: Engine): Promise<void> {
  await db.schema.createIndex('penalty_cases_due_order').on('penalty_cases').columns(['next_due', 'id']).execute();
  await db.schema.createIndex('penalty_cases_agency_due').on('penalty_cases').columns(['agency_id', 'next_due', 'id']).execute();
  await db.schema.dropIndex('penalty_cases_due').execute();
}
