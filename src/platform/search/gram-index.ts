/**
 * A table searched by its grams (grams.ts): the migration that indexes its `search_grams`
 * column — SQLite an FTS5 table kept in step by triggers (with a table of integer keys, since
 * FTS5 rows are numbered), PostgreSQL a GIN index over the grams as an array — and the two
 * conditions a search combines: the row holds every gram of the query (from the index), and
 * its `search_text` holds the query itself (grams alone do not prove adjacency). Any input,
 * SQL or FTS syntax included, is reduced to letters and digits before it reaches the index,
 * and bound.
 */
import { sql, type Kysely, type SelectQueryBuilder, type SqlBool } from 'kysely';
import type { Engine } from '../db/database.js';
import { charQueryGrams, searchableText } from './grams.js';

/** Where a table's grams are indexed (names are code, never input). */
export interface GramIndex {
  table: string;
  /** SQLite: the FTS5 table, and the table numbering its rows by the searched table's id */
  fts: string;
  keys: string;
  /** The keys table's column holding the searched table's id */
  keyColumn: string;
}

/** Creates the index of `search_grams` (the column must exist) for rows written from now on. */
export async function createGramIndex(db: Kysely<unknown>, engine: Engine, ix: GramIndex): Promise<void> {
  const [table, fts, keys, key] = [ix.table, ix.fts, ix.keys, ix.keyColumn].map((n) => sql.raw(n));
  if (engine === 'postgres') {
    await sql`create index ${sql.raw(`${ix.table}_grams`)} on ${table} using gin (string_to_array(search_grams, ' '))`.execute(db);
    return;
  }
  await sql`create table ${keys} (n integer primary key, ${key} text not null unique)`.execute(db);
  await sql`create virtual table ${fts} using fts5(grams, content='', contentless_delete=1, detail=none, tokenize='unicode61')`.execute(db);
  await createGramTriggers(db, ix);
}

/**
 * SQLite: the triggers that keep the FTS5 table in step with the searched table. Created with
 * the index, and again on a table rebuilt under the same name (dropping a table drops its
 * triggers; its keys and grams stay, by id).
 */
export async function createGramTriggers(db: Kysely<unknown>, ix: GramIndex): Promise<void> {
  const [table, fts, keys, key] = [ix.table, ix.fts, ix.keys, ix.keyColumn].map((n) => sql.raw(n));
  await sql`create trigger ${sql.raw(`${ix.table}_search_insert`)} after insert on ${table} begin
    insert into ${keys} (${key}) values (new.id);
    insert into ${fts} (rowid, grams) values ((select n from ${keys} where ${key} = new.id), new.search_grams);
  end`.execute(db);
  await sql`create trigger ${sql.raw(`${ix.table}_search_update`)} after update of search_grams on ${table} begin
    delete from ${fts} where rowid = (select n from ${keys} where ${key} = new.id);
    insert into ${fts} (rowid, grams) values ((select n from ${keys} where ${key} = new.id), new.search_grams);
  end`.execute(db);
}

/**
 * Rows holding every gram of the query, from the index (null: the query has no letter or
 * digit); `as` is the searched table's name in the query (its alias, if it has one).
 */
export function holdsGrams(engine: Engine, ix: GramIndex, query: string, as = ix.table) {
  const grams = charQueryGrams(query);
  return grams ? holdsEveryGram(engine, ix, grams, as) : null;
}

/**
 * Rows holding each of `grams` (a query's, or some of them: the substring check confirms the
 * rest), from the index.
 */
export function holdsEveryGram(engine: Engine, ix: GramIndex, grams: readonly string[], as = ix.table) {
  return engine === 'postgres'
    ? sql<SqlBool>`string_to_array(${sql.ref(`${as}.search_grams`)}, ' ') @> ${grams}::text[]`
    : sql<SqlBool>`${sql.ref(`${as}.id`)} in (${ftsMatches(ix, grams)})`;
}

/** SQLite: the searched table's ids whose grams match all of `grams` (each quoted: no FTS syntax gets through). */
const ftsMatches = (ix: GramIndex, grams: readonly string[]) =>
  sql`select k.${sql.raw(ix.keyColumn)} as gram_row_id from ${sql.raw(ix.fts)} join ${sql.raw(ix.keys)} k on k.n = ${sql.raw(ix.fts)}.rowid where ${sql.raw(ix.fts)} match ${ftsQuery(grams)}`;

/** An FTS5 query for rows holding each of `grams`, each quoted. */
const ftsQuery = (grams: readonly string[]) => grams.map((g) => `"${g.replaceAll('"', '')}"`).join(' ');

/**
 * `qb` (over the searched table, named `as`) narrowed to rows holding each of `grams`. On
 * SQLite the FTS5 match is joined in, so the match drives the query and a LIMIT stops it
 * early — `id in (…)` builds the whole list of matches before the first row; on PostgreSQL
 * it is the GIN-indexed containment.
 */
export function joinEveryGram<DB, TB extends keyof DB, O>(
  qb: SelectQueryBuilder<DB, TB, O>,
  engine: Engine,
  ix: GramIndex,
  grams: readonly string[],
  as = ix.table,
): SelectQueryBuilder<DB, TB, O> {
  if (engine === 'postgres') return qb.where(holdsEveryGram(engine, ix, grams, as));
  const matched = sql<{ gram_row_id: string }>`(${ftsMatches(ix, grams)})`.as('gram_match');
  // biome-ignore lint/suspicious/noExplicitAny: a join on a derived table the caller's types do not name
  return (qb as any).innerJoin(matched, (j: any) => j.onRef('gram_match.gram_row_id', '=', `${as}.id`));
}

/**
 * SQLite: how many rows hold every one of `grams`, counting no further than `cap`, from the
 * FTS5 table alone — not one row of the searched table is read (0.5–1.7 ms for 2,001 of a
 * million). PostgreSQL's GIN index has no such count: it builds a bitmap of every match
 * before a LIMIT applies.
 */
export async function countFtsRows(db: Kysely<unknown>, ix: GramIndex, grams: readonly string[], cap: number): Promise<number> {
  const fts = sql.raw(ix.fts);
  const { rows } = await sql<{
    n: number;
  }>`select count(*) as n from (select rowid from ${fts} where ${fts} match ${ftsQuery(grams)} limit ${cap})`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

/** The exact substring, in the normalised text (`column`: the searched table's `search_text`). */
export function holdsText(query: string, column = 'search_text') {
  const needle = searchableText(query.trim()).replace(/[!%_]/g, (ch) => `!${ch}`);
  return sql<SqlBool>`${sql.ref(column)} like ${`%${needle}%`} escape '!'`;
}
