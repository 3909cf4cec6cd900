import type { Kysely } from 'kysely';
import type { Engine } from '../../../platform/db/database.js';

/**
 * 人民调解: the committees (人民调解法 Arts 8–9), their members and groups, and each
 * dispute's own columns beside its common row (procedure_cases) — what the statistics
 * count by (committee, period, category, source, outcome, amount), indexed so a county's
 * years of disputes are counted by SQL aggregates, never by reading states.
 */
export async function up(db: Kysely<any>, _engine: Engine): Promise<void> {
  await db.schema
    .createTable('mediation_committees')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('region_id', 'text', (c) => c.notNull().references('regions.id'))
    .addColumn('region_path', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('term_start', 'text', (c) => c.notNull())
    .addColumn('term_end', 'text', (c) => c.notNull())
    .addColumn('multi_ethnic', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('mediation_committees_region').on('mediation_committees').column('region_path').execute();
  await db.schema
    .createTable('mediation_members')
    .addColumn('committee_id', 'text', (c) => c.notNull().references('mediation_committees.id'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('position', 'text', (c) => c.notNull())
    .addColumn('gender', 'text', (c) => c.notNull())
    .addColumn('minority', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('mediation_members_pk', ['committee_id', 'person_id'])
    .execute();
  await db.schema.createIndex('mediation_members_person').on('mediation_members').column('person_id').execute();
  await db.schema
    .createTable('mediation_groups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('committee_id', 'text', (c) => c.notNull().references('mediation_committees.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('leader_person_id', 'text', (c) => c.references('people.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('mediation_groups_name', ['committee_id', 'name'])
    .execute();
  await db.schema
    .createTable('mediation_disputes')
    .addColumn('id', 'text', (c) => c.primaryKey().references('procedure_cases.id'))
    .addColumn('committee_id', 'text', (c) => c.notNull().references('mediation_committees.id'))
    .addColumn('region_path', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('registered_on', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text')
    .addColumn('outcome_on', 'text')
    .addColumn('amount_fen', 'bigint', (c) => c.notNull().defaultTo(0))
    .execute();
  // The statistics' two reads: a period (with the reader's region), and one committee's period.
  await db.schema.createIndex('mediation_disputes_period').on('mediation_disputes').columns(['registered_on', 'region_path']).execute();
  await db.schema.createIndex('mediation_disputes_committee').on('mediation_disputes').columns(['committee_id', 'registered_on']).execute();
}
