import { sql, type Kysely } from 'kysely';
import type { Engine } from '../../../platform/db/database.js';

/**
 * What the supervisor's list needs at county scale (a million cases):
 * - full-text search of case summaries by character bigrams (see platform/search/grams.ts):
 *   SQLite keeps them in an FTS5 table kept in step by triggers, PostgreSQL in a GIN index
 *   on the array of grams;
 * - the officers of each case as rows, with the case's registration date, so "cases of this
 *   officer, newest first" is read in index order;
 * - an index on the registration date alone, for the whole-county list in date order.
 */
export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  await db.schema
    .alterTable('penalty_cases')
    .addColumn('search_grams', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.createIndex('penalty_cases_registered').on('penalty_cases').columns(['registered_on', 'id']).execute();

  await db.schema
    .createTable('penalty_case_officers')
    .addColumn('person_id', 'text', (c) => c.notNull())
    .addColumn('case_id', 'text', (c) => c.notNull().references('penalty_cases.id'))
    .addColumn('case_registered_on', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('penalty_case_officers_pk', ['person_id', 'case_id'])
    .execute();
  await db.schema
    .createIndex('penalty_case_officers_date')
    .on('penalty_case_officers')
    .columns(['person_id', 'case_registered_on', 'case_id'])
    .execute();
  await db.schema.createIndex('penalty_case_officers_case').on('penalty_case_officers').column('case_id').execute();

  if (engine === 'postgres') {
    await sql`create index penalty_cases_grams on penalty_cases using gin (string_to_array(search_grams, ' '))`.execute(db);
    return;
  }
  // SQLite: an FTS5 index without its own copy of the text (contentless, deletable rows),
  // addressed through a key table whose INTEGER PRIMARY KEY survives VACUUM.
  await sql`create table penalty_case_search_keys (n integer primary key, case_id text not null unique)`.execute(db);
  await sql`create virtual table penalty_case_search using fts5(grams, content='', contentless_delete=1, detail=none, tokenize='unicode61')`.execute(
    db,
  );
  await sql`create trigger penalty_cases_search_insert after insert on penalty_cases begin
    insert into penalty_case_search_keys (case_id) values (new.id);
    insert into penalty_case_search (rowid, grams) values ((select n from penalty_case_search_keys where case_id = new.id), new.search_grams);
  end`.execute(db);
  await sql`create trigger penalty_cases_search_update after update of search_grams on penalty_cases begin
    delete from penalty_case_search where rowid = (select n from penalty_case_search_keys where case_id = new.id);
    insert into penalty_case_search (rowid, grams) values ((select n from penalty_case_search_keys where case_id = new.id), new.search_grams);
  end`.execute(db);
  await sql`create trigger penalty_cases_search_delete after delete on penalty_cases begin
    delete from penalty_case_search where rowid = (select n from penalty_case_search_keys where case_id = old.id);
    delete from penalty_case_search_keys where case_id = old.id;
  end`.execute(db);
}
