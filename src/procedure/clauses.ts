/**
 * Texts made of clauses (条款) and how two versions of one differ, clause by clause: a
 * village's 村规民约, a 规范性文件. Pure and shared by every procedure whose records keep
 * versions of a text.
 *
 * A clause begins on a line that starts (after any spaces, full-width ones included) with
 * 第X条 (X in Chinese numerals or digits) or with a number and a stop (`3.`, `3、`, `3．`);
 * whatever comes before the first clause is the preamble. The split loses nothing:
 * joining the clauses' texts gives back the text exactly, whatever its length or script.
 */

export interface Clause {
  /** 第三条, 3., or 序言 for the text before the first clause */
  label: string;
  /** The clause as written, its heading and line endings included */
  text: string;
}

export type ClauseChange = 'same' | 'changed' | 'added' | 'removed';

export interface ClauseDiff {
  change: ClauseChange;
  before: Clause | null;
  after: Clause | null;
  /** The same words under another number (a clause inserted or removed before it) */
  renumbered: boolean;
}

export const PREAMBLE = '序言';

const HEAD = /^[ \t\u3000]*(第[零〇一二两三四五六七八九十百千0-9０-９]+条|[0-9０-９]{1,4}[.、．](?![0-9０-９]))/u;

/** The text's clauses, in order; `clauses(t).map((c) => c.text).join('') === t`. */
export function clauses(text: string): Clause[] {
  const out: Clause[] = [];
  // Lines with their endings kept, so the pieces join back to the text.
  const lines = text.match(/[^\n]*\n|[^\n]+$/g) ?? [];
  for (const line of lines) {
    const head = HEAD.exec(line);
    if (head || out.length === 0) out.push({ label: head ? head[1]! : PREAMBLE, text: line });
    else out[out.length - 1]!.text += line;
  }
  return out;
}

/** A clause's words without its number, so a renumbered clause is seen as the same. */
function body(c: Clause): string {
  const t = c.label === PREAMBLE ? c.text : c.text.replace(HEAD, '');
  return t.trim();
}

/**
 * The clause-by-clause difference between two versions: unchanged clauses are matched by
 * their words (the longest common subsequence, so an inserted clause does not make every
 * later one "changed"); between two matches, removed and added clauses are paired in order
 * as changed, the rest stay removed or added.
 */
export function diffClauses(before: string, after: string): ClauseDiff[] {
  const a = clauses(before);
  const b = clauses(after);
  const ka = a.map(body);
  const kb = b.map(body);
  // lcs[i][j]: the longest common run of a[i..] and b[j..].
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--)
      lcs[i]![j] = ka[i] === kb[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const out: ClauseDiff[] = [];
  let removed: Clause[] = [];
  let added: Clause[] = [];
  const flush = () => {
    const paired = Math.min(removed.length, added.length);
    for (let k = 0; k < paired; k++) out.push({ change: 'changed', before: removed[k]!, after: added[k]!, renumbered: false });
    for (const c of removed.slice(paired)) out.push({ change: 'removed', before: c, after: null, renumbered: false });
    for (const c of added.slice(paired)) out.push({ change: 'added', before: null, after: c, renumbered: false });
    removed = [];
    added = [];
  };
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && ka[i] === kb[j]) {
      flush();
      out.push({ change: 'same', before: a[i]!, after: b[j]!, renumbered: a[i]!.label !== b[j]!.label });
      i++;
      j++;
    } else if (j >= b.length || (i < a.length && lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) removed.push(a[i++]!);
    else added.push(b[j++]!);
  }
  flush();
  return out;
}

/** How many clauses of each kind of change: the page's one-line summary. */
export function diffSummary(d: readonly ClauseDiff[]): Record<ClauseChange, number> {
  const n: Record<ClauseChange, number> = { same: 0, changed: 0, added: 0, removed: 0 };
  for (const x of d) n[x.change]++;
  return n;
}
