import type { Kysely } from 'kysely';
import type { Engine } from '../../../platform/db/database.js';
import { petitionerKeys, requestHead } from '../duplicates.js';

/**
 * What duplicate suggestion and the hot-spot counts read, as indexed columns beside the
 * petition's own (migration 023): the day it was received, the first petitioner's keys (the
 * SHA-256 of his ID number, and of his name with his phone — never the numbers themselves),
 * the head of the request the text similarity compares, and the petition a duplicate was
 * merged into. Existing petitions are filled from their stored state.
 */
export async function up(db: Kysely<any>, _engine: Engine): Promise<void> {
  for (const col of ['received_on', 'person_key', 'contact_key', 'request_head', 'merged_into'])
    await db.schema.alterTable('petitions').addColumn(col, 'text').execute();
  const rows = await db
    .selectFrom('petitions')
    .innerJoin('procedure_cases', 'procedure_cases.id', 'petitions.id')
    .select(['petitions.id', 'procedure_cases.state', 'procedure_cases.opened_on'])
    .execute();
  for (const r of rows) {
    const s = r.state ? JSON.parse(r.state) : null;
    const keys = s ? petitionerKeys(s.petitioners?.[0]) : { person: null, contact: null };
    await db
      .updateTable('petitions')
      .set({
        received_on: s?.receivedOn ?? r.opened_on,
        person_key: keys.person,
        contact_key: keys.contact,
        request_head: s ? requestHead(s.request ?? '') : null,
        merged_into: s?.mergedInto?.id ?? null,
      })
      .where('id', '=', r.id)
      .execute();
  }
  const index = (name: string, columns: string[]) => db.schema.createIndex(name).on('petitions').columns(columns).execute();
  await index('petitions_person_key', ['person_key']);
  await index('petitions_contact_key', ['contact_key']);
  await index('petitions_place_received', ['place', 'received_on']);
  // Covers what the hot spots read of a petition, so a period's rows are counted from the index alone.
  await index('petitions_received_category', ['received_on', 'category', 'place', 'merged_into']);
}
