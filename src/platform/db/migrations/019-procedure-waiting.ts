import { sql, type Kysely } from 'kysely';
import type { Engine } from '../database.js';

/**
 * Whom each record waits on, and for what (procedure_cases.waiting_roles, waiting_step): the roles that may take one of
 * its expected next steps, so the 工作台's 待办 reads one indexed column across every
 * procedure instead of folding each record. It follows from the record's state alone; each
 * procedure's module fills it for its existing records (its own migration), and the store
 * writes it with every action from then on.
 */
export async function up(db: Kysely<any>, _engine: Engine): Promise<void> {
  await db.schema.alterTable('procedure_cases').addColumn('waiting_roles', 'text').execute();
  // The step it waits for, in words (审批：立案; 出具法制审核意见): what the 待办 list says.
  await db.schema.alterTable('procedure_cases').addColumn('waiting_step', 'text').execute();
  await sql`create index procedure_cases_waiting on procedure_cases (updated_at, id) where waiting_roles is not null`.execute(db);
}
