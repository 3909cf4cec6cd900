/**
 * Full-text search for Chinese without a word segmenter: text is indexed as overlapping
 * character pairs (bigrams) of each run of letters and digits, the way CJK search engines
 * commonly index. A query matches when the row holds every bigram of the query; the caller
 * then confirms the exact substring (bigrams alone do not prove adjacency). One scheme for
 * both engines: SQLite keeps the grams in an FTS5 table, PostgreSQL in a GIN index.
 */

/** Runs of letters and digits, lower-cased and NFKC-normalised (全角 ５ → 5, Ａ → a). */
function runs(text: string): string[] {
  return (
    text
      .normalize('NFKC')
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  );
}

/** The distinct bigrams of a text; a one-character run is kept as itself. */
export function bigrams(text: string): string[] {
  const out = new Set<string>();
  for (const run of runs(text)) {
    const chars = [...run];
    if (chars.length === 1) out.add(chars[0]!);
    for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
  }
  return [...out];
}

/** The grams stored for a row: space-separated, as the FTS5 tokenizer and string_to_array read them. */
export function searchGrams(text: string): string {
  return bigrams(text).join(' ');
}

/**
 * The grams a query must match, or null when the query has no run of two characters
 * (then only the substring check can answer, by scanning).
 */
export function queryGrams(query: string): string[] | null {
  const all = runs(query);
  if (!all.some((r) => [...r].length >= 2)) return null;
  return bigrams(all.filter((r) => [...r].length >= 2).join(' '));
}

/** The text the substring check compares with: the same normalisation as the grams. */
export function searchableText(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/**
 * Grams for short texts searched by one character too (the public decisions): every single
 * character besides the bigrams, so a one-character query is looked up in the index rather
 * than by scanning. Costs one gram per character more than `searchGrams`.
 */
export function charGrams(text: string): string {
  const out = new Set(bigrams(text));
  for (const run of runs(text)) for (const ch of run) out.add(ch);
  return [...out].join(' ');
}

/** The grams a query must match in `charGrams`' index: its bigrams, or its single characters when it has no two in a row; null when it has no letter or digit. */
export function charQueryGrams(query: string): string[] | null {
  const pairs = queryGrams(query);
  if (pairs) return pairs;
  const singles = [...new Set(runs(query).flatMap((r) => [...r]))];
  return singles.length ? singles : null;
}
