import type { Kysely } from 'kysely';
import { searchColumns } from '../search.js';

/**
 * The portal's search over published documents: a `like` over the title and number, read
 * through the publication-date index, looked up each row in the table to compare its text —
 * 120 ms on SQLite for a fragment of documents years old among 100,000 (bench/normative-docs.ts).
 * The normalised text now sits in an index beside the columns the search filters and sorts
 * by, so the same scan reads the index alone (4 ms). Existing rows get their text here; the kit
 * writes it with each action from now on.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('normative_documents')
    .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  const rows = await db.selectFrom('normative_documents').select(['id', 'title', 'number']).execute();
  for (const r of rows as { id: string; title: string; number: string | null }[])
    await db.updateTable('normative_documents').set(searchColumns(r.title, r.number)).where('id', '=', r.id).execute();
  await db.schema
    .createIndex('normative_documents_search')
    .on('normative_documents')
    .columns(['published_on', 'id', 'status', 'effective_on', 'search_text'])
    .execute();
}
