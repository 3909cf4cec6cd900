import type { Kysely } from 'kysely';
import type { Engine } from '../../../platform/db/database.js';

/**
 * Uploads held for a record until registered there (待登记): the list lived in one browser,
 * so a file uploaded on a phone never reached the desk. One row per upload (an upload is held
 * for one record); registering the file into the record, or discarding it, deletes the row —
 * the upload itself and its bytes stay, as any upload's do.
 */
export async function up(db: Kysely<any>, _engine: Engine): Promise<void> {
  await db.schema
    .createTable('held_uploads')
    .addColumn('upload_id', 'text', (c) => c.primaryKey().references('uploads.id'))
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull().references('procedure_cases.id'))
    .addColumn('intent', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  // The held list: one user's uploads for one record.
  await db.schema.createIndex('held_uploads_record').on('held_uploads').columns(['subject_id', 'user_id', 'created_at']).execute();
}
