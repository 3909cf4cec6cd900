import type { Kysely } from 'kysely';
import type { Engine } from '../../../platform/db/database.js';
import { backfillWaiting } from '../../../procedure/waiting.js';
import { PENALTY_PROCEDURE } from '../workflow.js';

/**
 * An open case's officers' steps now wait on its own officers (`@` and their person id in
 * waiting_roles), not on every officer in scope: each open case's columns written again
 * from its state, by the function the store writes them with.
 */
export async function up(db: Kysely<any>, _engine: Engine): Promise<void> {
  const open = await db.selectFrom('penalty_cases').select(['id', 'state']).where('closed_on', 'is', null).execute();
  await backfillWaiting(db, PENALTY_PROCEDURE, open);
}
