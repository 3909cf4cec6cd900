import type { Kysely } from 'kysely';
import type { Engine } from '../../../platform/db/database.js';

/**
 * Issue 14's leftovers:
 * - a 平安志愿者 who leaves keeps his row: `left_on` (since 028) and now why (`left_reason`),
 *   so the roster's history stays and the active roster and new activities leave him out;
 * - 行政调解 (the town government or an agency mediating a dispute tied to its administrative
 *   work) is a procedure of its own on the kit; its own columns beside the common row are what
 *   the statistics count by — the agency instead of a committee, and the penalty case it
 *   arises from — indexed like the disputes' for a period (with the reader's region) and for
 *   one agency's period.
 */
export async function up(db: Kysely<any>, _engine: Engine): Promise<void> {
  await db.schema.alterTable('mediation_volunteers').addColumn('left_reason', 'text').execute();
  await db.schema
    .createTable('administrative_mediations')
    .addColumn('id', 'text', (c) => c.primaryKey().references('procedure_cases.id'))
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('region_path', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('registered_on', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addColumn('outcome_on', 'text')
    .addColumn('amount_fen', 'bigint', (c) => c.notNull().defaultTo(0))
    .addColumn('penalty_case_id', 'text')
    .execute();
  await db.schema
    .createIndex('administrative_mediations_period')
    .on('administrative_mediations')
    .columns(['registered_on', 'region_path'])
    .execute();
  await db.schema
    .createIndex('administrative_mediations_agency')
    .on('administrative_mediations')
    .columns(['agency_id', 'registered_on'])
    .execute();
}
