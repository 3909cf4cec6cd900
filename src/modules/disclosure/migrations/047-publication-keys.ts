import { sql, type Kysely } from 'kysely';
import type { Engine } from '../../../platform/db/database.js';
import { createGramTriggers } from '../../../platform/search/gram-index.js';
import { canonicalJson } from '../../../journal/canonical.js';
import { PUBLICATION_GRAMS } from '../search.js';

/**
 * A record publishes each of its enforcement decisions (a penalty case: its decision and each
 * 查封、扣押): a publication is keyed by (subject type, subject id, key), no longer one per
 * record. Every row before this migration is a penalty case's decision: its key is `decision`
 * and its facts gain the key and the category (行政处罚), as the case now publishes them, so
 * the next pass over the case finds nothing changed. SQLite drops a unique constraint only by
 * rebuilding the table (its grams' keys stay, by id; the triggers are made again).
 */
export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  if (engine === 'postgres') {
    await sql`alter table publications drop constraint publications_subject`.execute(db);
    await sql`alter table publications add column key text not null default 'decision'`.execute(db);
    await sql`alter table publications alter column key drop default`.execute(db);
  } else {
    await db.transaction().execute(async (trx) => rebuild(trx));
  }
  await db.schema
    .createIndex('publications_subject_key')
    .on('publications')
    .columns(['subject_type', 'subject_id', 'key'])
    .unique()
    .execute();
  await keyFacts(db);
}

const COLUMNS = [
  'id',
  'subject_type',
  'subject_id',
  'agency_id',
  'region_path',
  'status',
  'rule',
  'decided_on',
  'due_on',
  'facts',
  'party_kind',
  'violation_type',
  'redactions',
  'released_on',
  'withdrawal_due',
  'withdrawn_on',
  'withdrawal_kind',
  'withdrawal_reason',
  'search_text',
  'search_grams',
].join(', ');

/** SQLite: the table as migration 027 made it, without the unique (subject_type, subject_id), with the key. */
async function rebuild(trx: Kysely<any>): Promise<void> {
  await sql`create table publications_keyed (
    id text primary key,
    subject_type text not null,
    subject_id text not null,
    key text not null,
    agency_id text not null,
    region_path text not null,
    status text not null,
    rule text not null,
    decided_on text not null,
    due_on text not null,
    facts text not null,
    party_kind text not null,
    violation_type text not null,
    redactions text not null default '[]',
    released_on text,
    withdrawal_due text,
    withdrawn_on text,
    withdrawal_kind text,
    withdrawal_reason text,
    search_text text not null default '',
    search_grams text not null default ''
  )`.execute(trx);
  await sql`insert into publications_keyed (key, ${sql.raw(COLUMNS)}) select 'decision', ${sql.raw(COLUMNS)} from publications`.execute(
    trx,
  );
  // Dropping the table drops its indexes and its grams' triggers, not the grams nor their keys (by id).
  await sql`drop table publications`.execute(trx);
  await sql`alter table publications_keyed rename to publications`.execute(trx);
  await trx.schema.createIndex('publications_public').on('publications').columns(['decided_on', 'id']).execute();
  await trx.schema.createIndex('publications_due').on('publications').columns(['due_on', 'id']).execute();
  await createGramTriggers(trx, PUBLICATION_GRAMS);
}

/** The facts of the rows there are, with their key and category (search columns unchanged: the public text is the same). */
async function keyFacts(db: Kysely<any>): Promise<void> {
  let after = '';
  for (;;) {
    const rows = (await db
      .selectFrom('publications')
      .select(['id', 'facts'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(500)
      .execute()) as { id: string; facts: string }[];
    if (rows.length === 0) return;
    for (const r of rows) {
      const facts = { key: 'decision', category: 'penalty', ...(JSON.parse(r.facts) as object) };
      await db
        .updateTable('publications')
        .set({ facts: canonicalJson(facts) })
        .where('id', '=', r.id)
        .execute();
    }
    after = rows.at(-1)!.id;
  }
}
