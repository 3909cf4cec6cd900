import type { Kysely } from 'kysely';
import type { Engine } from '../../../platform/db/database.js';

/**
 * Retention of evidence files: which case links which file (kept with the case's list
 * columns), and when a file's bytes were purged (its hash and custody stay in the journal).
 */
export async function up(db: Kysely<any>, _engine: Engine): Promise<void> {
  await db.schema
    .createTable('penalty_case_files')
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull().references('penalty_cases.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('penalty_case_files_pk', ['sha256', 'case_id', 'seq'])
    .execute();
  await db.schema.createIndex('penalty_case_files_case').on('penalty_case_files').column('case_id').execute();
  await db.schema.alterTable('uploads').addColumn('purged_at', 'text').execute();
}
