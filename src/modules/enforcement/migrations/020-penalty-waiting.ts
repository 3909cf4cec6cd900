import type { Kysely } from 'kysely';
import type { Engine } from '../../../platform/db/database.js';
import { backfillWaiting } from '../../../procedure/waiting.js';
import { PENALTY_PROCEDURE } from '../workflow.js';

/**
 * Whom each open penalty case waits on (procedure_cases.waiting_roles, platform migration
 * 019), from the state its row holds — the same function the store writes it with, and
 * `journal verify` proves it against.
 */
export async function up(db: Kysely<any>, _engine: Engine): Promise<void> {
  const open = await db.selectFrom('penalty_cases').select(['id', 'state']).where('closed_on', 'is', null).execute();
  await backfillWaiting(db, PENALTY_PROCEDURE, open);
}
