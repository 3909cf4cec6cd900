/**
 * 人民调解 statistics by LAW.md §5's categories: disputes received, mediated successfully
 * (an agreement, written or oral), ended, refused, the success rate, the amounts agreed, and
 * where they came from — for a period, one committee or all in the reader's scope. One SQL
 * aggregate over the module's own indexed columns (mediation_disputes), never a state read.
 */
import { sql } from 'kysely';
import { z } from 'zod';
import type { Yifa } from '../../platform/yifa.js';
import type { Request } from '../../platform/security/request.js';
import { scopeFilter } from '../../platform/security/scope.js';
import { invalid } from '../../platform/http/errors.js';
import { legalDate } from '../../platform/http/schemas.js';
import { CATEGORIES, CATEGORY_IDS, SOURCES, SOURCE_IDS, type Category, type Source } from './law.js';

export const statisticsQuery = z.strictObject({
  from: legalDate.optional(),
  to: legalDate.optional(),
  committee: z.string().min(1).max(64).optional(),
  format: z.enum(['json', 'csv']).optional(),
});

export interface Counts {
  received: number;
  succeeded: number;
  ended: number;
  declined: number;
  /** Share of the disputes received that were mediated successfully, in per cent to one decimal (null: none received) */
  successRate: number | null;
  amountFen: number;
}

const rate = (succeeded: number, received: number) => (received ? Math.round((succeeded * 1000) / received) / 10 : null);

function total(rows: readonly Omit<Counts, 'successRate'>[]): Counts {
  const sum = (k: keyof Omit<Counts, 'successRate'>) => rows.reduce((a, r) => a + r[k], 0);
  const c = {
    received: sum('received'),
    succeeded: sum('succeeded'),
    ended: sum('ended'),
    declined: sum('declined'),
    amountFen: sum('amountFen'),
  };
  return { ...c, successRate: rate(c.succeeded, c.received) };
}

/** The counts for [from, to] (registration dates), by category and by source, in the reader's scope. */
export async function disputeStatistics(yifa: Yifa, req: Request, q: z.infer<typeof statisticsQuery>) {
  const to = q.to ?? yifa.clock.today();
  const from = q.from ?? `${to.slice(0, 4)}-01-01`;
  if (from > to) throw invalid('统计起始日期不能晚于截止日期');
  const success = sql<number>`case when outcome in ('written', 'oral') then 1 else 0 end`;
  let query = yifa.db.kysely
    .selectFrom('mediation_disputes')
    .select((e) => [
      'category',
      'source',
      e.fn.countAll<number>().as('received'),
      e.fn.sum<number>(success).as('succeeded'),
      e.fn.sum<number>(sql`case when outcome = 'ended' then 1 else 0 end`).as('ended'),
      e.fn.sum<number>(sql`case when outcome = 'declined' then 1 else 0 end`).as('declined'),
      e.fn.sum<number>(sql`case when outcome in ('written', 'oral') then amount_fen else 0 end`).as('amount'),
    ])
    .where('registered_on', '>=', from)
    .where('registered_on', '<=', to)
    .where(scopeFilter(req.auth.scope, { path: 'region_path', createdBy: 'created_by' }));
  if (q.committee) query = query.where('committee_id', '=', q.committee);
  const rows = (await query.groupBy(['category', 'source']).execute()).map((r) => ({
    category: r.category as Category,
    source: r.source as Source,
    received: Number(r.received),
    succeeded: Number(r.succeeded ?? 0),
    ended: Number(r.ended ?? 0),
    declined: Number(r.declined ?? 0),
    amountFen: Number(r.amount ?? 0),
  }));
  const byCategory = CATEGORY_IDS.map((category) => ({
    category,
    name: CATEGORIES[category],
    ...total(rows.filter((r) => r.category === category)),
  }));
  const bySource = SOURCE_IDS.map((source) => ({ source, name: SOURCES[source], ...total(rows.filter((r) => r.source === source)) }));
  return { from, to, committee: q.committee ?? null, byCategory, bySource, total: total(rows) };
}

const csvCell = (v: string | number | null) => {
  const s = v === null ? '' : String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};

/** The same as CSV for Excel (UTF-8 with BOM): the categories, the total, then the sources. */
export function statisticsCsv(s: Awaited<ReturnType<typeof disputeStatistics>>): string {
  const head = ['类别', '受理数', '调解成功数', '终止调解数', '拒绝调解数', '调解成功率（%）', '协议金额（元）'];
  const line = (name: string, c: Counts) =>
    [name, c.received, c.succeeded, c.ended, c.declined, c.successRate, (c.amountFen / 100).toFixed(2)].map(csvCell).join(',');
  return `\uFEFF${[
    `统计期间,${s.from} 至 ${s.to}`,
    head.join(','),
    ...s.byCategory.map((c) => line(c.name, c)),
    line('合计', s.total),
    '',
    ['来源', ...head.slice(1)].join(','),
    ...s.bySource.map((c) => line(c.name, c)),
  ].join('\r\n')}\r\n`;
}
