/**
 * Search over the published decisions: the public (masked) text, indexed by single characters
 * and bigrams (platform/search/grams.ts `charGrams`), so one- and two-character queries are
 * answered from the index; the exact substring is then confirmed. Any input — SQL or FTS
 * syntax included — is reduced to letters and digits before it reaches the index, and bound.
 */
import type { Engine } from '../../platform/db/database.js';
import { charGrams, searchableText } from '../../platform/search/grams.js';
import { holdsGrams as holdsGramsIn, holdsText, type GramIndex } from '../../platform/search/gram-index.js';
import { publicDecision, publicSearchText, type PublicationRow } from './masks.js';

/** The search columns of a publication, from what the public sees of it. */
export function searchRow(row: PublicationRow): { search_text: string; search_grams: string } {
  const text = publicSearchText(publicDecision(row));
  return { search_text: searchableText(text), search_grams: charGrams(text) };
}

/** Where the publications' grams are indexed (migration 027). */
export const PUBLICATION_GRAMS: GramIndex = {
  table: 'publications',
  fts: 'publication_search',
  keys: 'publication_search_keys',
  keyColumn: 'publication_id',
};

/** Step 1: rows holding every gram of the query, from the index (null: the query has no letter or digit). */
export const holdsGrams = (engine: Engine, query: string) => holdsGramsIn(engine, PUBLICATION_GRAMS, query);

/** Step 2: the exact substring (grams alone do not prove adjacency). */
export { holdsText };
