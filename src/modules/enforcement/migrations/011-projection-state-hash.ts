import type { Kysely } from 'kysely';
import type { Engine } from '../../../platform/db/database.js';

/**
 * Each penalty case row carries the hash of its state (SHA-256 of the canonical JSON),
 * the same hash the journal's last action on the case recorded, so the row can be proven
 * against the journal before it is shown, rendered or changed (src/journal/projection.ts).
 *
 * Rows of databases created before this migration keep NULL: the hash is not backfilled
 * from the row itself, which would bless a row changed before the upgrade. Such a row is
 * proven by replaying its case from the journal instead, and gets its hash with its next
 * action.
 */
export async function up(db: Kysely<any>, _engine: Engine): Promise<void> {
  await db.schema.alterTable('penalty_cases').addColumn('state_hash', 'text').execute();
}
