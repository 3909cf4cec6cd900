import type { Kysely } from 'kysely';

/**
 * Files a member of the public sent through the portal for one record (a petitioner's
 * materials, bound to his petition by its tracking code): checked — kind sniffed from the
 * bytes, size capped, hash computed by the server — and stored before the row is written, so
 * a row is a verified file. The record's attaching action (its own journal entry) names the
 * hash; the kit's evidence-store reads this table for an actor without an account.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('portal_uploads')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('portal_uploads_subject').on('portal_uploads').columns(['subject_id', 'sha256']).execute();
}
