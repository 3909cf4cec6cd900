import type { Kysely } from 'kysely';
import type { Engine } from '../../../platform/db/database.js';

/**
 * 行政应诉 cases: their own columns beside the common row (procedure_cases, migration 015) —
 * the defending agency and the year filed, whether the outcome is effective and went against
 * the agency, whether the answer came late, and the hearings held with the 负责人's appearances.
 * The indicators (被诉数, 败诉数, 败诉率, 负责人出庭应诉率 per agency and year) and their
 * drill-down read one covering index; the defendant's queue reads the common row.
 */
export async function up(db: Kysely<any>, _engine: Engine): Promise<void> {
  await db.schema
    .createTable('lawsuits')
    .addColumn('id', 'text', (c) => c.primaryKey().references('procedure_cases.id'))
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('challenged_case_id', 'text')
    .addColumn('filed_on', 'text', (c) => c.notNull())
    .addColumn('filed_year', 'integer', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addColumn('concluded', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('lost', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('answer_late', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('hearings_held', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('head_appearances', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  // Covers the indicators: per agency and year, every count without reading the rows.
  await db.schema
    .createIndex('lawsuits_indicators')
    .on('lawsuits')
    .columns(['agency_id', 'filed_year', 'concluded', 'lost', 'answer_late', 'hearings_held', 'head_appearances', 'id'])
    .execute();
  await db.schema.createIndex('lawsuits_year').on('lawsuits').columns(['filed_year', 'agency_id']).execute();
  await db.schema.createIndex('lawsuits_case').on('lawsuits').column('challenged_case_id').execute();
}
