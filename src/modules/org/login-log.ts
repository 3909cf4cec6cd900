/**
 * The login log: every login attempt, logout and change of one's own password, with the
 * client's address. Insert-only in the database; throttling is computed from it.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, LoginOutcome } from '../../platform/db/schema.js';
import { addressKey } from '../../platform/security/client-address.js';

export interface Client {
  ip: string;
  userAgent: string;
}

export async function recordLogin(
  db: Kysely<Database>,
  entry: { username: string; userId: string | null; outcome: LoginOutcome },
  client: Client,
  at: Date,
): Promise<void> {
  await db
    .insertInto('login_log')
    .values({
      id: randomUUID(),
      username: entry.username.slice(0, 64),
      user_id: entry.userId,
      outcome: entry.outcome,
      ip: client.ip,
      address_key: addressKey(client.ip),
      user_agent: client.userAgent.slice(0, 256),
      at: at.toISOString(),
    })
    .execute();
}
