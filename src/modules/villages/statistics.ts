/**
 * What the annual report (法治政府建设年度报告) says of the villages: which revised their
 * 村规民约 this year, and how many meetings each held (the 村民代表会议 meets every quarter,
 * 村民委员会组织法 Art 26 ¶1). Counted by SQL over the module's own columns, in the reader's
 * scope: a village clerk sees his village, the town all of its villages.
 */
import type { Yifa } from '../../platform/yifa.js';
import type { Request } from '../../platform/security/request.js';
import { scopeFilter } from '../../platform/security/scope.js';
import { CITE } from './law.js';

export interface VillageRow {
  villageId: string;
  village: string;
  /** The version in force (0: none yet) and when it was published */
  version: number;
  publishedOn: string | null;
  revisedThisYear: boolean;
  meetings: number;
  representativeMeetings: number;
  /** Quarters of the year with a 村民代表会议 */
  quarters: number;
  decisions: number;
  publicized: number;
}

const quarterOf = (date: string) => Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1;

export async function villageStatistics(yifa: Yifa, req: Request, year: number) {
  const db = yifa.db.kysely;
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const villages = await db
    .selectFrom('regions')
    .select(['id', 'name', 'path'])
    .where('level', '=', 'village')
    .where(scopeFilter(req.auth.scope, { path: 'path' }))
    .orderBy('name')
    .execute();
  const rules = await db
    .selectFrom('village_rules')
    .select(['village_id', 'version', 'published_on'])
    .where(scopeFilter(req.auth.scope, { path: 'region_path' }))
    .execute();
  const meetings = await db
    .selectFrom('village_meetings')
    .select(['village_id', 'kind', 'held_on', 'decisions', 'publicized'])
    .where('held_on', '>=', from)
    .where('held_on', '<=', to)
    .where(scopeFilter(req.auth.scope, { path: 'region_path' }))
    .execute();
  const rulesOf = new Map(rules.map((r) => [r.village_id, r]));
  const rows: VillageRow[] = villages.map((v) => {
    const r = rulesOf.get(v.id);
    const mine = meetings.filter((m) => m.village_id === v.id);
    const reps = mine.filter((m) => m.kind === 'representatives');
    return {
      villageId: v.id,
      village: v.name,
      version: Number(r?.version ?? 0),
      publishedOn: r?.published_on ?? null,
      revisedThisYear: !!r?.published_on && r.published_on >= from && r.published_on <= to,
      meetings: mine.length,
      representativeMeetings: reps.length,
      quarters: new Set(reps.map((m) => quarterOf(m.held_on))).size,
      decisions: mine.reduce((n, m) => n + Number(m.decisions), 0),
      publicized: mine.reduce((n, m) => n + Number(m.publicized), 0),
    };
  });
  return {
    year,
    citation: CITE.quarterly,
    totals: {
      villages: rows.length,
      withRules: rows.filter((r) => r.version > 0).length,
      revisedThisYear: rows.filter((r) => r.revisedThisYear).length,
      meetings: rows.reduce((n, r) => n + r.meetings, 0),
      everyQuarter: rows.filter((r) => r.quarters === 4).length,
    },
    villages: rows,
  };
}
