import type { Kysely } from 'kysely';
import type { Engine } from '../../../platform/db/database.js';
import { backfillWaiting } from '../../../procedure/waiting.js';
import { INFORMATION_REQUEST_PROCEDURE } from '../actions.js';

/** Whom each open information request waits on (procedure_cases.waiting_roles, platform migration 019), from its stored state. */
export async function up(db: Kysely<any>, _engine: Engine): Promise<void> {
  const open = await db
    .selectFrom('procedure_cases')
    .select(['id', 'state'])
    .where('procedure', '=', INFORMATION_REQUEST_PROCEDURE.subjectType)
    .where('closed_on', 'is', null)
    .where('state', 'is not', null)
    .execute();
  await backfillWaiting(db, INFORMATION_REQUEST_PROCEDURE, open);
}
