/**
 * Search over the published decisions: the public (masked) text, indexed by single characters
 * and bigrams (platform/search/grams.ts `charGrams`), so one- and two-character queries are
 * answered from the index; the exact substring is then confirmed. Any input — SQL or FTS
 * syntax included — is reduced to letters and digits before it reaches the index, and bound.
 */
import { sql, type Kysely, type SelectQueryBuilder } from 'kysely';
import type { Engine } from '../../platform/db/database.js';
import type { Database } from '../../platform/db/schema.js';
import { charGrams, charQueryGrams, searchableText } from '../../platform/search/grams.js';
import { holdsEveryGram, holdsText, type GramIndex } from '../../platform/search/gram-index.js';
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

/** The grams of a query (null: it has no letter or digit). */
export const gramsOf = charQueryGrams;

/** Step 1: rows holding each of `grams`, from the index. */
export const holdsGrams = (engine: Engine, grams: readonly string[]) => holdsEveryGram(engine, PUBLICATION_GRAMS, grams);

/** How many of the query's grams the index is asked for. */
const ASKED = 2;

/**
 * The query's grams the index is asked for: the ASKED rarest in `sample` (the newest entries'
 * search_text). A gram in nearly every entry — the agency's name: 秀山, 山县 — costs the index
 * its whole posting list and narrows nothing; the substring check confirms every gram anyway.
 */
export async function rarestGrams(
  db: Kysely<Database>,
  sample: SelectQueryBuilder<Database, 'publications', { search_text: string }>,
  grams: readonly string[],
): Promise<readonly string[]> {
  if (grams.length <= ASKED) return grams;
  const counts = await db
    .selectFrom(sample.as('sample'))
    .select(grams.map((g, i) => sql<number>`sum(case when search_text like ${`%${g}%`} then 1 else 0 end)`.as(`g${i}`)))
    .executeTakeFirstOrThrow();
  const seen = (i: number) => Number((counts as Record<string, unknown>)[`g${i}`] ?? 0);
  return grams
    .map((g, i) => ({ g, n: seen(i) }))
    .sort((a, b) => a.n - b.n)
    .slice(0, ASKED)
    .map((x) => x.g);
}

/** Step 2: the exact substring (grams alone do not prove adjacency). */
export { holdsText };
