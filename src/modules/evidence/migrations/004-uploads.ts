import type { Kysely } from 'kysely';
import type { Engine } from '../../../platform/db/database.js';

/**
 * Resumable evidence uploads. The bytes received so far live in the blob store's staging
 * file (its size is the offset); this row holds what the client declared, who uploads,
 * and, once the bytes were verified against the declared SHA-256 and type, the blob.
 */
export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  const bigint = engine === 'postgres' ? 'bigint' : 'integer';
  await db.schema
    .createTable('uploads')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('declared_mime', 'text', (c) => c.notNull())
    .addColumn('size', bigint, (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    /** Set when the bytes were verified and moved into the store */
    .addColumn('completed_at', 'text')
    .addColumn('mime', 'text')
    .execute();
  await db.schema.createIndex('uploads_user').on('uploads').columns(['user_id', 'created_at']).execute();
  await db.schema.createIndex('uploads_sha256').on('uploads').column('sha256').execute();
}
