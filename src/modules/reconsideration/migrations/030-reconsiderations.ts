import type { Kysely } from 'kysely';
import type { Engine } from '../../../platform/db/database.js';

/**
 * 行政复议 cases: their own columns beside the common row (procedure_cases, migration 015) —
 * the respondent and the year received, the outcome and whether it corrects the act, and
 * whether the answer came late. The indicators (被复议数, 纠错数, 纠错率 per agency and year)
 * and the drill-down to their list read one index; the respondent's queue reads the common
 * row's region and due date.
 */
export async function up(db: Kysely<any>, _engine: Engine): Promise<void> {
  await db.schema
    .createTable('reconsiderations')
    .addColumn('id', 'text', (c) => c.primaryKey().references('procedure_cases.id'))
    .addColumn('respondent_agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('challenged_case_id', 'text')
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('received_year', 'integer', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addColumn('corrected', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('answer_late', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  // Covers the indicators: per agency and year, the counts of cases, corrections and late answers.
  await db.schema
    .createIndex('reconsiderations_indicators')
    .on('reconsiderations')
    .columns(['respondent_agency_id', 'received_year', 'corrected', 'answer_late', 'id'])
    .execute();
  await db.schema.createIndex('reconsiderations_year').on('reconsiderations').columns(['received_year', 'respondent_agency_id']).execute();
  await db.schema.createIndex('reconsiderations_case').on('reconsiderations').column('challenged_case_id').execute();
}
