/**
 * A normative document's text as clauses (第X条), and the clause-by-clause difference between
 * two versions: what the drafter, the reviewer and the public compare. Pure.
 *
 * A clause starts where a line begins with 第…条 (Chinese or Arabic numerals); whatever comes
 * before the first is the preamble (标题、章名). Clauses are matched by their number, so a
 * renumbered clause shows as removed and added — what a reader of the two texts sees too.
 */

export interface Clause {
  /** 第三条, or '' for the text before the first clause */
  label: string;
  text: string;
}

export type ClauseChange =
  | { kind: 'same'; label: string; text: string }
  | { kind: 'changed'; label: string; before: string; after: string }
  | { kind: 'added'; label: string; after: string }
  | { kind: 'removed'; label: string; before: string };

const CLAUSE_START = /^[ \t\u3000]*(第[零〇一二三四五六七八九十百千0-9０-９]+条)/u;

/** The text split into its clauses, in order; the text is the clause's lines as written (so joining them gives it back). */
export function splitClauses(text: string): Clause[] {
  const out: Clause[] = [];
  let current: Clause = { label: '', text: '' };
  const lines = text.split(/(?<=\n)/u);
  for (const line of lines) {
    const m = CLAUSE_START.exec(line);
    if (m) {
      if (current.label || current.text) out.push(current);
      current = { label: m[1]!, text: line };
    } else current = { ...current, text: current.text + line };
  }
  if (current.label || current.text) out.push(current);
  return out;
}

/** Trailing line breaks do not make a clause different. */
const norm = (s: string) => s.replace(/\s+$/u, '');

/**
 * The clauses of `after` against those of `before`, in `after`'s order, with each clause
 * `before` had and `after` no longer has placed after the clause that preceded it there.
 * A label that occurs twice is matched in order of occurrence.
 */
export function diffClauses(before: string, after: string): ClauseChange[] {
  const a = splitClauses(before);
  const b = splitClauses(after);
  const key = (cs: Clause[]) => {
    const seen = new Map<string, number>();
    return cs.map((c) => {
      const n = seen.get(c.label) ?? 0;
      seen.set(c.label, n + 1);
      return `${c.label}#${n}`;
    });
  };
  const ka = key(a);
  const kb = key(b);
  const inB = new Set(kb);
  const byKeyA = new Map(ka.map((k, i) => [k, a[i]!]));
  const out: ClauseChange[] = [];
  // Removed clauses that precede every kept one come first.
  let ai = 0;
  const flushRemovedUntil = (stopKey: string | null) => {
    while (ai < a.length && ka[ai] !== stopKey) {
      if (!inB.has(ka[ai]!)) out.push({ kind: 'removed', label: a[ai]!.label, before: a[ai]!.text });
      ai++;
    }
    if (ai < a.length) ai++;
  };
  b.forEach((c, i) => {
    const old = byKeyA.get(kb[i]!);
    if (!old) {
      out.push({ kind: 'added', label: c.label, after: c.text });
      return;
    }
    flushRemovedUntil(kb[i]!);
    out.push(
      norm(old.text) === norm(c.text)
        ? { kind: 'same', label: c.label, text: c.text }
        : { kind: 'changed', label: c.label, before: old.text, after: c.text },
    );
  });
  flushRemovedUntil(null);
  return out;
}

/** How many clauses changed, were added and removed. */
export function diffSummary(changes: readonly ClauseChange[]) {
  const n = (k: ClauseChange['kind']) => changes.filter((c) => c.kind === k).length;
  return { same: n('same'), changed: n('changed'), added: n('added'), removed: n('removed') };
}
