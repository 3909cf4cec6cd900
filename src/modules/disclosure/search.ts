/**
 * Search over the published decisions: the public (masked) text, indexed by single characters
 * and bigrams (platform/search/grams.ts `charGrams`), so one- and two-character queries are
 * answered from the index; the exact substring is then confirmed. Any input — SQL or FTS
 * syntax included — is reduced to letters and digits before it reaches the index, and bound.
 */
import { sql, type SqlBool } from 'kysely';
import type { Engine } from '../../platform/db/database.js';
import { charGrams, charQueryGrams, searchableText } from '../../platform/search/grams.js';
import { publicDecision, publicSearchText, type PublicationRow } from './masks.js';

/** The search columns of a publication, from what the public sees of it. */
export function searchRow(row: PublicationRow): { search_text: string; search_grams: string } {
  const text = publicSearchText(publicDecision(row));
  return { search_text: searchableText(text), search_grams: charGrams(text) };
}

/** Step 1: rows holding every gram of the query, from the index (null: the query has no letter or digit). */
export function holdsGrams(engine: Engine, query: string) {
  const grams = charQueryGrams(query);
  if (!grams) return null;
  return engine === 'postgres'
    ? sql<SqlBool>`string_to_array(search_grams, ' ') @> ${grams}::text[]`
    : sql<SqlBool>`publications.id in (select k.publication_id from publication_search join publication_search_keys k on k.n = publication_search.rowid where publication_search match ${grams.map((g) => `"${g.replaceAll('"', '')}"`).join(' ')})`;
}

/** Step 2: the exact substring (grams alone do not prove adjacency). */
export function holdsText(query: string) {
  const needle = searchableText(query.trim()).replace(/[!%_]/g, (ch) => `!${ch}`);
  return sql<SqlBool>`search_text like ${`%${needle}%`} escape '!'`;
}
