/**
 * docs/procedures/<name>.md are generated from the action tables (scripts/procedure-docs.ts):
 * this regenerates them in memory and fails when a committed page is stale. It also audits
 * what running the tables showed: every refusal states its article, or RECORD_CHECK (no
 * article: a check of what was entered against the record) — never an empty or vague string.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { RECORD_CHECK } from '../../src/procedure/spec.js';
import { actionIds } from '../../src/procedure/decide.js';
import { GATE_CITATIONS, DECISION_OUTCOMES, SEPARATION_OF_DUTIES, SIMPLE_PROCEDURE } from '../../src/law/penalty.js';
import { REPLY_TYPES, WITHHOLDING_GROUNDS } from '../../src/modules/information-requests/state.js';
import { PROCEDURES } from '../../scripts/procedure-docs/procedures.js';
import { COMMAND, chineseNumber, observations, renderProcedure } from '../../scripts/procedure-docs/render.js';
import type { Observed } from '../../scripts/procedure-docs/observe.js';

/** A citation names a statute (《…》) and an article in it, or says it is a local rule. */
const specific = (c: string) => (/《[^》]+》/.test(c) ? /第[零一二三四五六七八九十百]+条/.test(c) : /（地方规定/.test(c));

describe('chineseNumber', () => {
  it('reads article numbers', () => {
    expect([
      chineseNumber('九'),
      chineseNumber('十'),
      chineseNumber('十二'),
      chineseNumber('三十六'),
      chineseNumber('一百零三'),
      chineseNumber('一百二十'),
    ]).toEqual([9, 10, 12, 36, 103, 120]);
  });
});

describe('the citation constants', () => {
  it('each name a statute and an article', () => {
    const all = [
      ...Object.values(GATE_CITATIONS),
      SEPARATION_OF_DUTIES,
      SIMPLE_PROCEDURE.citation,
      ...Object.values(DECISION_OUTCOMES).map((o) => o.citation),
      ...Object.values(REPLY_TYPES).map((r) => r.citation),
      ...Object.values(WITHHOLDING_GROUNDS).map((g) => g.citation),
    ];
    for (const c of all) expect(specific(c), c).toBe(true);
  });
});

for (const p of PROCEDURES) {
  describe(`docs/procedures/${p.file}`, () => {
    let seen: Map<string, Observed>;
    beforeAll(() => {
      seen = observations(p);
    }, 120_000);

    it(`is what the table generates (stale: run \`${COMMAND}\`)`, () => {
      const path = join('docs', 'procedures', p.file);
      let committed = '';
      try {
        committed = readFileSync(path, 'utf8');
      } catch {
        throw new Error(`${path} is missing: run \`${COMMAND}\` and commit it`);
      }
      if (committed !== renderProcedure(p, seen))
        throw new Error(`${path} is stale (the action table changed): run \`${COMMAND}\` and commit it`);
    });

    it('every refusal the table makes cites an article, or RECORD_CHECK — never an empty or vague string', () => {
      for (const [type, o] of seen) {
        for (const [citation, messages] of o.citations) {
          if (citation === RECORD_CHECK) continue;
          expect(specific(citation), `${type} refuses "${[...messages][0]}" citing "${citation}"`).toBe(true);
        }
      }
    });

    it('the sample walk reaches every action: each is taken, and each that has gates is refused at least once', () => {
      for (const type of actionIds(p.proc)) {
        const o = seen.get(type)!;
        expect(o.passed, `${type} never passed on the samples`).toBeGreaterThan(0);
        if (p.proc.actions[type]!.guard) expect(o.citations.size, `${type} never refused on the samples`).toBeGreaterThan(0);
      }
    });

    it('shows the document each numbering action issues', () => {
      for (const type of actionIds(p.proc)) {
        const spec = p.proc.actions[type]!;
        if (spec.issues) expect(seen.get(type)!.series.size, `${type} issues a document`).toBeGreaterThan(0);
      }
    });
  });
}
