import type { Kysely } from 'kysely';
import type { Engine } from '../../../platform/db/database.js';
import { createGramIndex } from '../../../platform/search/gram-index.js';
import { PUBLICATION_GRAMS } from '../search.js';

/**
 * 行政执法公示 (事后公开): one publication per decision a procedure publishes, projected from
 * the procedure's journal (disclosure/sync.ts) — its facts, its deadline, whether it was
 * released or withdrawn, its manual redactions. The public text (already masked) is indexed by
 * single characters and bigrams (platform/search/grams.ts `charGrams`): SQLite in an FTS5
 * table kept in step by triggers, PostgreSQL in a GIN index. Display periods per party kind
 * (retention) and the journal position the projection has read up to live beside it.
 */
export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  await db.schema
    .createTable('publications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('agency_id', 'text', (c) => c.notNull())
    .addColumn('region_path', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('rule', 'text', (c) => c.notNull())
    .addColumn('decided_on', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('facts', 'text', (c) => c.notNull())
    .addColumn('party_kind', 'text', (c) => c.notNull())
    .addColumn('violation_type', 'text', (c) => c.notNull())
    .addColumn('redactions', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('released_on', 'text')
    .addColumn('withdrawal_due', 'text')
    .addColumn('withdrawn_on', 'text')
    .addColumn('withdrawal_kind', 'text')
    .addColumn('withdrawal_reason', 'text')
    .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('search_grams', 'text', (c) => c.notNull().defaultTo(''))
    .addUniqueConstraint('publications_subject', ['subject_type', 'subject_id'])
    .execute();
  // The portal's list, newest decision first (pending rows are few beside the published).
  await db.schema.createIndex('publications_public').on('publications').columns(['decided_on', 'id']).execute();
  // The staff queue: what falls due first.
  await db.schema.createIndex('publications_due').on('publications').columns(['due_on', 'id']).execute();

  await db.schema
    .createTable('disclosure_retention')
    .addColumn('party_kind', 'text', (c) => c.primaryKey())
    .addColumn('months', 'integer', (c) => c.notNull())
    .execute();
  // A local example (河北裕华区): 2 years online for natural persons, 5 for organisations.
  await db
    .insertInto('disclosure_retention')
    .values([
      { party_kind: 'natural', months: 24 },
      { party_kind: 'organisation', months: 60 },
    ])
    .execute();

  await db.schema
    .createTable('publication_sync')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .execute();
  await db.insertInto('publication_sync').values({ name: 'journal', seq: -1 }).execute();

  await createGramIndex(db, engine, PUBLICATION_GRAMS);
}
