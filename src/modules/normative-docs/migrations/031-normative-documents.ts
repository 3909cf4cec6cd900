import type { Kysely } from 'kysely';
import type { Engine } from '../../../platform/db/database.js';

/**
 * 行政规范性文件 and the legal adviser's desk:
 * - each normative document's own columns beside its common row (procedure_cases): its
 *   统一编号, dates and state as the portal's public list and search and the evaluation queue
 *   read them, indexed so a county's documents are searched without reading states;
 * - the legal-review trainings the organisation registers for a reviewer without 法律职业资格
 *   (what the review gate accepts as the reviewer's qualification besides the certificate).
 */
export async function up(db: Kysely<any>, _engine: Engine): Promise<void> {
  await db.schema
    .createTable('normative_documents')
    .addColumn('id', 'text', (c) => c.primaryKey().references('procedure_cases.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('region_path', 'text', (c) => c.notNull())
    .addColumn('number', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('published_on', 'text')
    .addColumn('effective_on', 'text')
    .addColumn('expires_on', 'text')
    .addColumn('evaluation_from', 'text')
    .addColumn('filed_on', 'text')
    .addColumn('ended_on', 'text')
    .addColumn('provisional', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  // The portal lists published documents newest first; the evaluation queue reads those whose time has come.
  await db.schema.createIndex('normative_documents_published').on('normative_documents').columns(['published_on', 'id']).execute();
  await db.schema.createIndex('normative_documents_evaluation').on('normative_documents').columns(['evaluation_from']).execute();
  await db.schema.createIndex('normative_documents_number').on('normative_documents').columns(['number']).execute();
  await db.schema
    .createTable('legal_review_trainings')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('organiser', 'text', (c) => c.notNull())
    .addColumn('completed_on', 'text', (c) => c.notNull())
    .addColumn('hours', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('legal_review_trainings_person')
    .on('legal_review_trainings')
    .columns(['person_id', 'completed_on'])
    .execute();
}
