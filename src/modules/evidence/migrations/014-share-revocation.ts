import type { Kysely } from 'kysely';
import type { Engine } from '../../../platform/db/database.js';

/** A share link can be revoked before it expires (who and when; the revocation is also a journal action on the item). */
export async function up(db: Kysely<any>, _engine: Engine): Promise<void> {
  await db.schema.alterTable('evidence_shares').addColumn('revoked_at', 'text').execute();
  await db.schema.alterTable('evidence_shares').addColumn('revoked_by', 'text').execute();
}
