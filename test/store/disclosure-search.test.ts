/**
 * The portal's search (`publicDecisions`) reads in three ways, by how common the word is and
 * where its matches lie (service.ts): the newest 10,000 entries in date order; the index's few
 * candidates, sorted; or a wider date-ordered window when the index holds many. Over 12,600
 * publications — the newest 10,500 of 秀山县 shops, 2,100 older ones of 石材 yards — each way
 * must answer what reading every entry would: the matches newest first, a page at a time.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINES } from '../helpers/engines.js';
import { startTestApp, type TestApp } from '../helpers/app.js';
import { agenciesOf, type Decision, writePublications } from '../helpers/publication-rows.js';
import { addDays } from '../../src/calendar/legal-date.js';
import { publicDecisions } from '../../src/modules/disclosure/service.js';
import { searchableText } from '../../src/platform/search/grams.js';

const SURNAMES = '王李张刘陈杨黄赵吴周';

describe.each(ENGINES)('searching the published decisions on %s', (engine) => {
  let t: TestApp;
  let all: { id: string; decided_on: string; search_text: string }[];
  beforeAll(async () => {
    t = await startTestApp(engine, { demo: true });
    const agencies = await agenciesOf(t.yifa);
    const today = t.yifa.clock.today();
    const decision = (i: number, name: string, daysAgo: number): Decision => {
      const decidedOn = addDays(today, -daysAgo);
      return {
        agency: agencies[i % agencies.length]!,
        decidedOn,
        number: `秀综罚决字〔${decidedOn.slice(0, 4)}〕第${7000 + i}号`,
        party: { natural: false, name, representative: `${SURNAMES[i % 10]}某` },
        violationType: i % 2 ? '占道经营' : '无证经营',
        penalty: '警告',
      };
    };
    function* town() {
      // Many a day: the newest 10,500 within the last 300 days, the 石材 yards before them.
      for (let i = 0; i < 10_500; i++) yield decision(i, `秀山县${SURNAMES[i % 10]}某超市`, 3 + Math.floor(i / 35));
      for (let i = 10_500; i < 12_600; i++) yield decision(i, `秀山县${SURNAMES[i % 10]}某石材厂`, 310 + Math.floor((i - 10_500) / 7));
    }
    await writePublications(t.yifa, town());
    all = await t.yifa.db.kysely
      .selectFrom('publications')
      .select(['id', 'decided_on', 'search_text'])
      .where('status', 'in', ['released', 'withdrawn'])
      .execute();
  });
  afterAll(async () => t?.close());

  /** What reading every public entry finds (the demo's included, all within their display periods), newest first. */
  const everyMatch = (q: string) =>
    all
      .filter((r) => r.search_text.includes(searchableText(q)))
      .sort((a, b) => b.decided_on.localeCompare(a.decided_on) || b.id.localeCompare(a.id))
      .map((r) => r.id);

  /** The search's answer, page by page (at most `pages`). */
  async function searched(q: string, pages: number) {
    const ids: string[] = [];
    let cursor: string | undefined;
    for (let p = 0; p < pages; p++) {
      const page = await publicDecisions(t.yifa, { q, limit: 20, cursor });
      ids.push(...page.items.map((d) => d.id));
      if (!page.next) break;
      cursor = page.next;
    }
    return ids;
  }

  it('answers a word common among the newest entries from them', async () => {
    const expected = everyMatch('李某超市');
    expect(expected.length).toBeGreaterThan(100);
    expect(await searched('李某超市', 3)).toEqual(expected.slice(0, 60));
  });

  it('answers a word held by many older entries from a wider window in date order', async () => {
    // 石材 is in none of the newest 10,000 and in more than 2,000 entries in all.
    const expected = everyMatch('石材');
    expect(expected.length).toBeGreaterThan(2_000);
    expect(await searched('石材', 3)).toEqual(expected.slice(0, 60));
    expect(await searched('王某石材', 2)).toEqual(everyMatch('王某石材').slice(0, 40));
  });

  it('answers a rare word from the index, sorted by date', async () => {
    for (const q of ['第7042号', '第17', '李某石材厂', '第1050']) expect(await searched(q, 20), q).toEqual(everyMatch(q).slice(0, 400));
  });

  it('answers a word found nowhere with an empty list', async () => {
    expect(await searched('不存在的词语', 1)).toEqual([]);
  });
});
