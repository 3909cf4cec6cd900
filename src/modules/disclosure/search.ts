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
import { joinEveryGram, holdsText, type GramIndex } from '../../platform/search/gram-index.js';
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

/** Step 1: `qb` narrowed to the publications holding each of `grams`, from the index. */
export const withGrams = <O>(qb: SelectQueryBuilder<Database, 'publications', O>, engine: Engine, grams: readonly string[]) =>
  joinEveryGram(qb, engine, PUBLICATION_GRAMS, grams);

/** A gram in more than this share of the sampled entries narrows too little to be worth its posting list. */
const COMMON_SHARE = 0.25;

/**
 * The query's grams the index is asked for: those in at most a quarter of `sample` (the newest
 * entries' search_text), or the rarest one if none is. A gram in nearly every entry — the
 * agency's name: 秀山, 山县 — costs the index its whole posting list and narrows nothing,
 * while grams common one by one (the digits of a 文号) narrow together; the substring check
 * confirms every gram anyway.
 */
export async function narrowingGrams(
  db: Kysely<Database>,
  sample: SelectQueryBuilder<Database, 'publications', { search_text: string }>,
  grams: readonly string[],
): Promise<readonly string[]> {
  if (grams.length === 1) return grams;
  const counts = await db
    .selectFrom(sample.as('sample'))
    .select((e) => e.fn.countAll<number>().as('rows'))
    .select(grams.map((g, i) => sql<number>`sum(case when search_text like ${`%${g}%`} then 1 else 0 end)`.as(`g${i}`)))
    .executeTakeFirstOrThrow();
  const seen = (i: number) => Number((counts as Record<string, unknown>)[`g${i}`] ?? 0);
  const byRarity = grams.map((g, i) => ({ g, n: seen(i) })).sort((a, b) => a.n - b.n);
  const narrowing = byRarity.filter((x) => x.n <= COMMON_SHARE * Number(counts.rows));
  return (narrowing.length ? narrowing : byRarity.slice(0, 1)).map((x) => x.g);
}

/** Step 2: the exact substring (grams alone do not prove adjacency). */
export { holdsText };
