import { sql, type Kysely } from 'kysely';
import type { Engine } from '../../../platform/db/database.js';
import { refuseUpdateAndDelete } from '../../../platform/db/migrations/001-foundation.js';

/**
 * Penalty cases. `penalty_cases` is a projection of the journal (the fold of each case's
 * actions, kept in the same transaction as the action) with the columns lists filter on.
 * `issued_documents` is insert-only: one row per numbered document, unique per agency,
 * series, year and number; `document_counters` hands out the next number inside the
 * issuing action's transaction, so numbers are gapless.
 */
export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  const bigint = engine === 'postgres' ? 'bigint' : 'integer';
  await db.schema
    .createTable('penalty_cases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('region_path', 'text', (c) => c.notNull())
    .addColumn('procedure', 'text', (c) => c.notNull().check(sql`procedure in ('general','simple')`))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('suspended', 'integer', (c) => c.notNull())
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('party_name', 'text', (c) => c.notNull())
    .addColumn('party_kind', 'text', (c) => c.notNull())
    .addColumn('violation_type_id', 'text')
    .addColumn('officer_ids', 'text', (c) => c.notNull())
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('registered_on', 'text', (c) => c.notNull())
    .addColumn('filed_on', 'text')
    .addColumn('decided_on', 'text')
    .addColumn('decision_number', 'text')
    .addColumn('fine_fen', bigint, (c) => c.notNull())
    .addColumn('major', 'integer', (c) => c.notNull())
    .addColumn('heard', 'integer', (c) => c.notNull())
    /** The earliest open duty deadline (not a waiting window), for the overdue queue */
    .addColumn('next_due', 'text')
    .addColumn('next_rule', 'text')
    .addColumn('closed_on', 'text')
    .addColumn('archived_on', 'text')
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('action_count', 'integer', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('penalty_cases_scope').on('penalty_cases').columns(['region_path', 'registered_on', 'id']).execute();
  await db.schema.createIndex('penalty_cases_agency').on('penalty_cases').columns(['agency_id', 'status', 'registered_on', 'id']).execute();
  await db.schema.createIndex('penalty_cases_due').on('penalty_cases').columns(['next_due']).execute();
  await db.schema.createIndex('penalty_cases_status').on('penalty_cases').columns(['status', 'registered_on', 'id']).execute();

  await db.schema
    .createTable('document_counters')
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('series', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('document_counters_pk', ['agency_id', 'series', 'year'])
    .execute();

  await db.schema
    .createTable('issued_documents')
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('series', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('case_id', 'text', (c) => c.notNull())
    .addColumn('action_type', 'text', (c) => c.notNull())
    .addColumn('issued_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('issued_documents_pk', ['agency_id', 'series', 'year', 'n'])
    .execute();
  await db.schema.createIndex('issued_documents_case').on('issued_documents').column('case_id').execute();
  await refuseUpdateAndDelete(db, engine, 'issued_documents');

  await db.schema
    .createTable('enforcement_settings')
    .addColumn('agency_id', 'text', (c) => c.primaryKey().references('agencies.id'))
    .addColumn('settings', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}
