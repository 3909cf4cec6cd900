/**
 * What the portal's search over 行政规范性文件 compares a fragment with: each document's title
 * and current number, normalised (NFKC, lower case) as the query is, kept in an index beside
 * the publication date so a search reads that index alone (migration 045).
 */
import { searchableText } from '../../platform/search/grams.js';

/** The search column of a document: its title and current number. */
export const searchColumns = (title: string, number: string | null): { search_text: string } => ({
  search_text: searchableText(`${title}\n${number ?? ''}`),
});
