/**
 * 信访热点: where petitions concentrate, by place (the village), category (征地拆迁, 土地复垦,
 * …) or month, each with a breakdown (a place's categories; a category's or a month's
 * villages), for a period, in the reader's scope (fail-closed: a scope the filter does not
 * know counts nothing). One SQL aggregate over the module's indexed columns (received_on,
 * category, place, merged_into), never a state read; a merged duplicate is counted once, in
 * the petition it was merged into.
 */
import { sql } from 'kysely';
import { z } from 'zod';
import type { Yifa } from '../../platform/yifa.js';
import type { Request } from '../../platform/security/request.js';
import { scopeFilter } from '../../platform/security/scope.js';
import { invalid } from '../../platform/http/errors.js';
import { legalDate } from '../../platform/http/schemas.js';
import { CATEGORIES, type Category } from './state.js';

export const GROUP_BY = { place: '问题发生地（村、社区）', category: '问题类别', month: '月份' } as const;
export type GroupBy = keyof typeof GROUP_BY;

export const hotSpotQuery = z.strictObject({
  from: legalDate.optional(),
  to: legalDate.optional(),
  groupBy: z.enum(Object.keys(GROUP_BY) as [GroupBy, ...GroupBy[]]).optional(),
  format: z.enum(['json', 'csv']).optional(),
});

/** What each grouping is broken down by: a place by its categories, anything else by its villages. */
const BREAKDOWN: Record<GroupBy, 'place' | 'category'> = { place: 'category', category: 'place', month: 'place' };

const label = (dim: 'place' | 'category' | 'month', key: string) => (dim === 'category' ? (CATEGORIES[key as Category] ?? key) : key);

export interface HotSpot {
  key: string;
  label: string;
  count: number;
  /** Still open with a limit passed (the common row's next_due before today) */
  overdue: number;
  breakdown: { key: string; label: string; count: number }[];
}

const column = (dim: GroupBy | 'place' | 'category') =>
  dim === 'month' ? sql<string>`substr(petitions.received_on, 1, 7)` : sql<string>`${sql.ref(`petitions.${dim}`)}`;

/** The hot spots of [from, to] (the days received), most petitions first (months in order). */
export async function hotSpots(yifa: Yifa, req: Request, q: z.infer<typeof hotSpotQuery>) {
  const today = yifa.clock.today();
  const to = q.to ?? today;
  const from = q.from ?? `${to.slice(0, 4)}-01-01`;
  if (from > to) throw invalid('统计起始日期不能晚于截止日期');
  const groupBy = q.groupBy ?? 'place';
  const by = BREAKDOWN[groupBy];
  const rows = await yifa.db.kysely
    .selectFrom('petitions')
    .innerJoin('procedure_cases', 'procedure_cases.id', 'petitions.id')
    .select((e) => [
      column(groupBy).as('k'),
      column(by).as('b'),
      e.fn.countAll<number>().as('n'),
      e.fn.sum<number>(sql`case when procedure_cases.next_due < ${today} then 1 else 0 end`).as('overdue'),
    ])
    .where('petitions.received_on', '>=', from)
    .where('petitions.received_on', '<=', to)
    .where('petitions.merged_into', 'is', null)
    .where(scopeFilter(req.auth.scope, { path: 'procedure_cases.region_path', createdBy: 'procedure_cases.created_by' }))
    .groupBy([column(groupBy), column(by)])
    .execute();
  const groups = new Map<string, HotSpot>();
  for (const r of rows) {
    const g = groups.get(r.k) ?? { key: r.k, label: label(groupBy, r.k), count: 0, overdue: 0, breakdown: [] };
    g.count += Number(r.n);
    g.overdue += Number(r.overdue ?? 0);
    g.breakdown.push({ key: r.b, label: label(by, r.b), count: Number(r.n) });
    groups.set(r.k, g);
  }
  const items = [...groups.values()]
    .map((g) => ({ ...g, breakdown: g.breakdown.sort((a, b) => b.count - a.count || a.key.localeCompare(b.key)) }))
    .sort((a, b) => (groupBy === 'month' ? a.key.localeCompare(b.key) : b.count - a.count || a.key.localeCompare(b.key)));
  return {
    from,
    to,
    groupBy,
    groupName: GROUP_BY[groupBy],
    breakdownName: GROUP_BY[by],
    total: items.reduce((a, g) => a + g.count, 0),
    items,
  };
}

const csvCell = (v: string | number) => {
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** The same as CSV for Excel (UTF-8 with BOM): one line per group and breakdown, then the group's total. */
export function hotSpotsCsv(s: Awaited<ReturnType<typeof hotSpots>>): string {
  const lines = [
    `统计期间,${s.from} 至 ${s.to}`,
    [s.groupName, s.breakdownName, '信访事项数', '其中超期'].map(csvCell).join(','),
    ...s.items.flatMap((g) => [
      ...g.breakdown.map((b) => [g.label, b.label, b.count, ''].map(csvCell).join(',')),
      [g.label, '小计', g.count, g.overdue].map(csvCell).join(','),
    ]),
    ['合计', '', s.total, ''].map(csvCell).join(','),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
