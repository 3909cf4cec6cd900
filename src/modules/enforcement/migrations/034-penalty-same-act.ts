import type { Kysely } from 'kysely';
import type { Engine } from '../../../platform/db/database.js';
import type { PenaltyCase } from '../penalty-case.js';
import { partyKey } from '../penalty-case.js';

/**
 * 一事不再罚 (Art 29): a fine is refused when the same party was already fined for the same act.
 * The check finds the party's other cases by who the party is and when the act was, through
 * an index, not by reading every case: two columns written from each case's state, and filled
 * here for the cases there are.
 */
export async function up(db: Kysely<any>, _engine: Engine): Promise<void> {
  await db.schema
    .alterTable('penalty_cases')
    .addColumn('party_key', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.alterTable('penalty_cases').addColumn('act_on', 'text').execute();
  let after = '';
  for (;;) {
    const rows = await db.selectFrom('penalty_cases').select(['id', 'state']).where('id', '>', after).orderBy('id').limit(500).execute();
    if (rows.length === 0) break;
    for (const r of rows as { id: string; state: string }[]) {
      // A state without a party (a test's stand-in row) keeps '' rather than fail the migration.
      const c = JSON.parse(r.state) as Partial<PenaltyCase>;
      await db
        .updateTable('penalty_cases')
        .set({ party_key: c.party ? partyKey(c.party) : '', act_on: c.actOn ?? null })
        .where('id', '=', r.id)
        .execute();
    }
    after = (rows.at(-1) as { id: string }).id;
  }
  await db.schema.createIndex('penalty_cases_same_act').on('penalty_cases').columns(['party_key', 'act_on', 'violation_type_id']).execute();
}
