import { sql, type Kysely } from 'kysely';
import type { Engine } from '../../../platform/db/database.js';
import { refuseUpdateAndDelete } from '../../../platform/db/migrations/001-foundation.js';

/**
 * The login log becomes what throttling is computed from (modules/org/throttle.ts):
 *  - new outcomes: 'throttled' (a login refused during its wait, password not checked),
 *    'bad-old-password', 'password-change-throttled' and 'password-changed';
 *    'locked' stays allowed for the rows the old hard lockout wrote;
 *  - address_key: the client address as throttling counts it (an IPv6 client by its /64).
 *    Older rows keep it null (the table is insert-only), so failures logged before this
 *    migration do not count towards a wait;
 *  - indexes for the three counts a login reads: per account and address, per address,
 *    per account. The outcome sits before the time so that the rows of refused attempts
 *    are never scanned.
 * The outcome list is written out here, not imported: a migration must not change later.
 */
const OUTCOMES = sql`outcome in ('success','bad-password','unknown-user','locked','inactive','logout','throttled','bad-old-password','password-change-throttled','password-changed')`;

export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  if (engine === 'postgres') {
    await sql`ALTER TABLE login_log ADD COLUMN address_key text`.execute(db);
    await sql`ALTER TABLE login_log DROP CONSTRAINT login_log_outcome_check`.execute(db);
    await sql`ALTER TABLE login_log ADD CONSTRAINT login_log_outcome_check CHECK (${OUTCOMES})`.execute(db);
    await createIndexes(db);
    return;
  }
  // SQLite cannot change a CHECK constraint: the table is rebuilt in one transaction.
  // DROP TABLE fires no triggers, so the insert-only triggers do not stop it; they are
  // recreated on the new table.
  await db.transaction().execute(async (trx) => {
    await sql`CREATE TABLE login_log_new (
      id text PRIMARY KEY,
      username text NOT NULL,
      user_id text,
      outcome text NOT NULL CHECK (${OUTCOMES}),
      ip text NOT NULL,
      user_agent text NOT NULL,
      at text NOT NULL,
      address_key text
    )`.execute(trx);
    await sql`INSERT INTO login_log_new (id, username, user_id, outcome, ip, user_agent, at)
      SELECT id, username, user_id, outcome, ip, user_agent, at FROM login_log`.execute(trx);
    await sql`DROP TABLE login_log`.execute(trx);
    await sql`ALTER TABLE login_log_new RENAME TO login_log`.execute(trx);
    await trx.schema.createIndex('login_log_username_at').on('login_log').columns(['username', 'at']).execute();
    await trx.schema.createIndex('login_log_at').on('login_log').column('at').execute();
    await createIndexes(trx);
    await refuseUpdateAndDelete(trx, 'sqlite', 'login_log');
  });
}

async function createIndexes(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('login_log_pair').on('login_log').columns(['username', 'address_key', 'outcome', 'at']).execute();
  await db.schema.createIndex('login_log_address').on('login_log').columns(['address_key', 'outcome', 'at']).execute();
  await db.schema.createIndex('login_log_account').on('login_log').columns(['username', 'outcome', 'at']).execute();
}
