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
import { countFtsRows, joinEveryGram, holdsText, type GramIndex } from '../../platform/search/gram-index.js';
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

/** The public entries a search reads, its filters applied (service.ts `publicRows`). */
type Shown = SelectQueryBuilder<Database, 'publications', object>;

interface EngineSearch {
  /** The newest entries read in date order before the index is asked */
  firstWindow: number;
  /** The ids of the entries holding `query` when the index holds at most `few` candidates; null when it holds more */
  fewMatches(db: Kysely<Database>, shown: Shown, query: string, grams: readonly string[], few: number): Promise<string[] | null>;
}

/**
 * Per engine, the cheaper way, measured at a million decisions (docs/benchmarks.md §11): how
 * many newest entries a search reads in date order first, and how it learns that a word is
 * rare and finds its matches.
 */
export const ENGINE_SEARCH: Record<Engine, EngineSearch> = {
  // FTS5 counts without reading the table, so the candidates are read only when they are few;
  // a date-ordered window of 10,000 costs 15–20 ms here, so the first one is 2,000.
  sqlite: {
    firstWindow: 2_000,
    async fewMatches(db, shown, query, grams, few) {
      if ((await countFtsRows(db as Kysely<unknown>, PUBLICATION_GRAMS, grams, few + 1)) > few) return null;
      const rows = await withGrams(shown.select('publications.id as id'), 'sqlite', grams).where(holdsText(query)).execute();
      return rows.map((r) => r.id);
    },
  },
  // GIN builds a bitmap of every match before a LIMIT applies (31 ms for 33,333), so it is
  // asked once, for the candidates each with whether it holds the words; a window of 10,000
  // costs about 8 ms here and answers more words before the index is asked.
  postgres: {
    firstWindow: 10_000,
    async fewMatches(_db, shown, query, grams, few) {
      const rows = await withGrams(shown.select(['publications.id as id', holdsText(query).as('holds')]), 'postgres', grams)
        .limit(few + 1)
        .execute();
      return rows.length > few ? null : rows.filter((r) => r.holds).map((r) => r.id);
    },
  },
};

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
