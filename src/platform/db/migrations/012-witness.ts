import type { Kysely } from 'kysely';
import type { Engine } from '../database.js';
import { refuseUpdateAndDelete } from './001-foundation.js';

/**
 * Checkpoints anchored outside the database (witnessing, ANCHORS.md §5).
 *
 * As a witness, this installation keeps for every other yifa it watches:
 *  - witness_pins: the log's public key, pinned at first contact (and re-pinned only by
 *    an administrator's explicit acceptance), by URL and origin;
 *  - witness_cosignatures: every checkpoint of that log it found consistent with what it
 *    had seen before and cosigned, with whether the log's server accepted the cosignature;
 *  - witness_alerts: every inconsistency it found (size went down, another root at a size
 *    it had seen, a changed key, a bad signature), with the evidence.
 * As a witnessed log, it keeps journal_cosignatures: the cosignatures of its own
 * checkpoints pushed by witnesses it trusts.
 *
 * All four are insert-only like the journal: the state of a witness is its history.
 */
export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  const bigint = engine === 'postgres' ? 'bigint' : 'integer';

  await db.schema
    .createTable('witness_pins')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('public_key_pem', 'text', (c) => c.notNull())
    .addColumn('key_id', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('pinned_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('witness_pins_url').on('witness_pins').columns(['url', 'pinned_at']).execute();
  await db.schema.createIndex('witness_pins_origin').on('witness_pins').columns(['origin', 'pinned_at']).execute();

  await db.schema
    .createTable('witness_cosignatures')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('size', bigint, (c) => c.notNull())
    .addColumn('root_hash', 'text', (c) => c.notNull())
    .addColumn('timestamp', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('signature', 'text', (c) => c.notNull())
    .addColumn('key_id', 'text', (c) => c.notNull())
    .addColumn('cosign_time', bigint, (c) => c.notNull())
    .addColumn('cosignature', 'text', (c) => c.notNull())
    .addColumn('cosigned_at', 'text', (c) => c.notNull())
    .addColumn('pushed', 'text', (c) => c.notNull())
    .addColumn('push_message', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('witness_cosignatures_origin')
    .on('witness_cosignatures')
    .columns(['origin', 'size', 'cosign_time'])
    .execute();

  await db.schema
    .createTable('witness_alerts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('evidence', 'text', (c) => c.notNull())
    .addColumn('detected_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('witness_alerts_detected').on('witness_alerts').column('detected_at').execute();
  await db.schema.createIndex('witness_alerts_origin').on('witness_alerts').columns(['origin', 'detected_at']).execute();

  await db.schema
    .createTable('journal_cosignatures')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('size', bigint, (c) => c.notNull())
    .addColumn('root_hash', 'text', (c) => c.notNull())
    .addColumn('witness_name', 'text', (c) => c.notNull())
    .addColumn('witness_key_id', 'text', (c) => c.notNull())
    .addColumn('witness_public_key_pem', 'text', (c) => c.notNull())
    .addColumn('cosign_time', bigint, (c) => c.notNull())
    .addColumn('signature', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('journal_cosignatures_witness')
    .on('journal_cosignatures')
    .columns(['witness_key_id', 'size', 'cosign_time'])
    .execute();

  for (const table of ['witness_pins', 'witness_cosignatures', 'witness_alerts', 'journal_cosignatures']) {
    await refuseUpdateAndDelete(db, engine, table);
  }
}
