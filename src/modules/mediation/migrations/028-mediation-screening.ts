import type { Kysely } from 'kysely';
import type { Engine } from '../../../platform/db/database.js';

/**
 * 矛盾纠纷排查 and the people around mediation (issue 14 §§1–3, 6):
 *
 * - the screening ledger (排查台账): rounds per committee (and group) on a date, and the
 *   disputes and risks each found, with their disposal and the police report a possibly
 *   violent one needs (人民调解法 Art 25);
 * - 平安志愿者 and their activities; mediators' qualifications and training (Arts 13–14);
 * - on each dispute: its kind (人民调解 / 行政调解), the screening item it came from
 *   (unique: an item goes into mediation once), and the two risks the statistics count as
 *   prevented (民转刑, 群体性上访) — columns the kit rewrites with every action.
 */
export async function up(db: Kysely<any>, _engine: Engine): Promise<void> {
  await db.schema
    .createTable('mediation_screenings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('committee_id', 'text', (c) => c.notNull().references('mediation_committees.id'))
    .addColumn('group_id', 'text', (c) => c.references('mediation_groups.id'))
    .addColumn('region_path', 'text', (c) => c.notNull())
    .addColumn('screened_on', 'text', (c) => c.notNull())
    .addColumn('screeners', 'text', (c) => c.notNull())
    .addColumn('scope_note', 'text', (c) => c.notNull())
    .addColumn('closed_on', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('mediation_screenings_period').on('mediation_screenings').columns(['screened_on', 'region_path']).execute();
  await db.schema
    .createIndex('mediation_screenings_committee')
    .on('mediation_screenings')
    .columns(['committee_id', 'screened_on'])
    .execute();
  await db.schema
    .createTable('mediation_screening_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('screening_id', 'text', (c) => c.notNull().references('mediation_screenings.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('grade', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('people', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('criminal_risk', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('mass_risk', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('violent', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('police_reported_at', 'text')
    .addColumn('police_reported_by', 'text')
    .addColumn('police_reported_to', 'text')
    .addColumn('police_note', 'text')
    .addColumn('disposition', 'text')
    .addColumn('disposed_on', 'text')
    .addColumn('route_to', 'text')
    .addColumn('receiver', 'text')
    .addColumn('disposition_note', 'text')
    .addUniqueConstraint('mediation_screening_items_seq', ['screening_id', 'seq'])
    .execute();
  await db.schema
    .createTable('mediation_volunteers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('region_id', 'text', (c) => c.notNull().references('regions.id'))
    .addColumn('region_path', 'text', (c) => c.notNull())
    .addColumn('group_id', 'text', (c) => c.references('mediation_groups.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('phone', 'text')
    .addColumn('joined_on', 'text', (c) => c.notNull())
    .addColumn('left_on', 'text')
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('mediation_volunteers_region').on('mediation_volunteers').column('region_path').execute();
  await db.schema
    .createTable('mediation_volunteer_activities')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('region_path', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('volunteer_ids', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('mediation_volunteer_activities_period')
    .on('mediation_volunteer_activities')
    .columns(['held_on', 'region_path'])
    .execute();
  await db.schema
    .createTable('mediation_qualifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('issuer', 'text', (c) => c.notNull())
    .addColumn('issued_on', 'text', (c) => c.notNull())
    .addColumn('number', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('mediation_qualifications_person').on('mediation_qualifications').column('person_id').execute();
  await db.schema
    .createTable('mediation_trainings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('organiser', 'text', (c) => c.notNull())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('hours', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('mediation_trainings_person').on('mediation_trainings').columns(['person_id', 'held_on']).execute();

  // The dispute's new columns: both engines add a NOT NULL column with a default to existing rows.
  await db.schema
    .alterTable('mediation_disputes')
    .addColumn('kind', 'text', (c) => c.notNull().defaultTo('people'))
    .execute();
  await db.schema.alterTable('mediation_disputes').addColumn('screening_item_id', 'text').execute();
  await db.schema
    .alterTable('mediation_disputes')
    .addColumn('criminal_risk', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('mediation_disputes')
    .addColumn('mass_risk', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  // The statistics read every column it counts from this index alone (no row lookups): a
  // county's five years are one index range scan on either engine.
  await db.schema
    .createIndex('mediation_disputes_statistics')
    .on('mediation_disputes')
    .columns(['registered_on', 'region_path', 'committee_id', 'category', 'source', 'outcome', 'amount_fen', 'criminal_risk', 'mass_risk'])
    .execute();
  // Many NULLs, one dispute per item: both engines treat NULLs as distinct in a unique index.
  await db.schema.createIndex('mediation_disputes_screening_item').on('mediation_disputes').column('screening_item_id').unique().execute();
}
