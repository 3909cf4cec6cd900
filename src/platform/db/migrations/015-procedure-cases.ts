import { sql, type Kysely } from 'kysely';
import type { Engine } from '../database.js';

/**
 * One row per record of every procedure (procedure_cases): what all procedures have in
 * common — procedure, status, agency, region, the next deadline, timestamps and search text
 * — so the 工作台, the overdue queue, supervision and the annual report read all procedures
 * at once. A procedure without a table of its own keeps its state here too (state,
 * state_hash, action_count; see journal/projection.ts); the penalty case keeps its state in
 * penalty_cases, which its single-statement context read joins.
 *
 * Issued document numbers now name the procedure of their record (subject_type).
 */
export async function up(db: Kysely<any>, _engine: Engine): Promise<void> {
  await db.schema
    .createTable('procedure_cases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('procedure', 'text', (c) => c.notNull())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('region_path', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('opened_on', 'text', (c) => c.notNull())
    .addColumn('closed_on', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('next_due', 'text')
    .addColumn('next_rule', 'text')
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('state', 'text')
    .addColumn('state_hash', 'text')
    .addColumn('action_count', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('procedure_cases_list').on('procedure_cases').columns(['procedure', 'opened_on', 'id']).execute();
  await db.schema.createIndex('procedure_cases_region').on('procedure_cases').columns(['region_path', 'opened_on']).execute();
  await sql`create index procedure_cases_due on procedure_cases (next_due, id) where next_due is not null`.execute(db);

  // Penalty cases so far, with their common columns (penalty_cases keeps their state).
  await sql`insert into procedure_cases (id, procedure, agency_id, region_path, created_by, status, title, opened_on, closed_on, updated_at, next_due, next_rule, search_text, state, state_hash, action_count)
    select id, 'penalty-case', agency_id, region_path, created_by, status, party_name, registered_on, closed_on, updated_at, next_due, next_rule, search_text, null, null, action_count from penalty_cases`.execute(
    db,
  );

  await db.schema
    .alterTable('issued_documents')
    .addColumn('subject_type', 'text', (c) => c.notNull().defaultTo('penalty-case'))
    .execute();
  await db.schema.createIndex('issued_documents_subject').on('issued_documents').columns(['subject_type', 'case_id']).execute();
}
