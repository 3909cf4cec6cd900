import type { Kysely } from 'kysely';
import type { Engine } from '../../../platform/db/database.js';

/**
 * 行政复议 applications made on the portal: the SHA-256 of the tracking code the applicant was
 * shown once (null for one received by letter, at the counter or forwarded), unique, so the
 * public tracking page finds the application by its code alone.
 */
export async function up(db: Kysely<any>, _engine: Engine): Promise<void> {
  await db.schema.alterTable('reconsiderations').addColumn('tracking_hash', 'text').execute();
  await db.schema.createIndex('reconsiderations_tracking').unique().on('reconsiderations').column('tracking_hash').execute();
}
