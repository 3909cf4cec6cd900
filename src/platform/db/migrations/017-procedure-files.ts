import type { Kysely } from 'kysely';
import type { Engine } from '../database.js';

/**
 * Which record of which procedure holds which evidence file (procedure_files): written by
 * the procedure kit's runner in the transaction of the action that attached the file, and
 * by a redaction for the copy it made; read by retention, purge, redaction and shares. A
 * record of any procedure has its common row (procedure_cases, migration 015).
 */
export async function up(db: Kysely<any>, _engine: Engine): Promise<void> {
  await db.schema
    .createTable('procedure_files')
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull().references('procedure_cases.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('procedure_files_pk', ['subject_type', 'subject_id', 'seq', 'sha256'])
    .execute();
  await db.schema.createIndex('procedure_files_sha256').on('procedure_files').column('sha256').execute();
}
