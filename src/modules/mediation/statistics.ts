/**
 * 人民调解 statistics by LAW.md §5's categories: disputes received, mediated successfully
 * (an agreement, written or oral), ended, refused, the success rate, the amounts agreed, and
 * where they came from — for a period, one committee or all in the reader's scope; per
 * committee; and the incidents prevented (防止民转刑, 防止群体性上访): disputes flagged at risk
 * (reported to the police under Art 25, or so flagged by the screening they came from) that
 * were mediated successfully, and screening items so flagged that were settled on the spot
 * (an item taken into mediation counts through its dispute, once; one routed elsewhere is
 * the receiving side's to count). SQL aggregates over the module's own indexed columns
 * (mediation_disputes, mediation_screening_items), never a state read.
 */
import { sql } from 'kysely';
import { z } from 'zod';
import type { Yifa } from '../../platform/yifa.js';
import type { Request } from '../../platform/security/request.js';
import { scopeFilter } from '../../platform/security/scope.js';
import { invalid } from '../../platform/http/errors.js';
import { legalDate } from '../../platform/http/schemas.js';
import { CATEGORIES, CATEGORY_IDS, SOURCES, SOURCE_IDS, type Category, type Source } from './law.js';
import { screeningTables } from './screening-tables.js';
import { tablesOf } from './committees.js';

export const statisticsQuery = z.strictObject({
  from: legalDate.optional(),
  to: legalDate.optional(),
  committee: z.string().min(1).max(64).optional(),
  format: z.enum(['json', 'csv', 'xlsx']).optional(),
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
      'committee_id',
      'category',
      'source',
      e.fn.countAll<number>().as('received'),
      e.fn.sum<number>(success).as('succeeded'),
      e.fn.sum<number>(sql`case when outcome = 'ended' then 1 else 0 end`).as('ended'),
      e.fn.sum<number>(sql`case when outcome = 'declined' then 1 else 0 end`).as('declined'),
      e.fn.sum<number>(sql`case when outcome in ('written', 'oral') then amount_fen else 0 end`).as('amount'),
      e.fn.sum<number>(sql`case when criminal_risk = 1 and outcome in ('written', 'oral') then 1 else 0 end`).as('criminal'),
      e.fn.sum<number>(sql`case when mass_risk = 1 and outcome in ('written', 'oral') then 1 else 0 end`).as('mass'),
    ])
    .where('registered_on', '>=', from)
    .where('registered_on', '<=', to)
    .where(scopeFilter(req.auth.scope, { path: 'region_path', createdBy: 'created_by' }));
  if (q.committee) query = query.where('committee_id', '=', q.committee);
  // One scan, by committee, category and source: the three breakdowns are sums of its groups.
  const rows = (await query.groupBy(['committee_id', 'category', 'source']).execute()).map((r) => ({
    committeeId: r.committee_id,
    criminal: Number(r.criminal ?? 0),
    mass: Number(r.mass ?? 0),
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
  const committees = byCommittee(rows);
  const screened = await preventedByScreening(yifa, req, from, to, q.committee);
  const fromDisputes = {
    criminal: committees.reduce((a, c) => a + c.prevented.criminalFromDisputes, 0),
    mass: committees.reduce((a, c) => a + c.prevented.massFromDisputes, 0),
  };
  const fromScreenings = {
    criminal: screened.reduce((a, c) => a + c.criminal, 0),
    mass: screened.reduce((a, c) => a + c.mass, 0),
  };
  const prevented = {
    criminal: fromDisputes.criminal + fromScreenings.criminal,
    mass: fromDisputes.mass + fromScreenings.mass,
    fromDisputes,
    fromScreenings,
  };
  // A committee that only screened in the period still shows its prevented incidents.
  const perCommittee = await withScreeningOnly(yifa, committees, screened);
  const administrative = await administrativeStatistics(yifa, req, from, to);
  return {
    from,
    to,
    committee: q.committee ?? null,
    byCategory,
    bySource,
    total: total(rows),
    prevented,
    byCommittee: perCommittee,
    administrative,
  };
}

/**
 * 行政调解, counted apart from 人民调解 (never in its totals): disputes the town government or
 * an agency registered in the period, in the reader's region scope, by category and per
 * agency (one GROUP BY over the procedure's own table; the committee filter does not apply).
 */
async function administrativeStatistics(yifa: Yifa, req: Request, from: string, to: string) {
  const rows = (
    await yifa.db.kysely
      .selectFrom('administrative_mediations')
      .select((e) => [
        'agency_id',
        'category',
        e.fn.countAll<number>().as('received'),
        e.fn.sum<number>(sql`case when outcome in ('written', 'oral') then 1 else 0 end`).as('succeeded'),
        e.fn.sum<number>(sql`case when outcome = 'ended' then 1 else 0 end`).as('ended'),
        e.fn.sum<number>(sql`case when outcome = 'declined' then 1 else 0 end`).as('declined'),
        e.fn.sum<number>(sql`case when outcome in ('written', 'oral') then amount_fen else 0 end`).as('amount'),
      ])
      .where('registered_on', '>=', from)
      .where('registered_on', '<=', to)
      .where(scopeFilter(req.auth.scope, { path: 'region_path', createdBy: 'created_by' }))
      .groupBy(['agency_id', 'category'])
      .execute()
  ).map((r) => ({
    agencyId: r.agency_id,
    category: r.category as Category,
    received: Number(r.received),
    succeeded: Number(r.succeeded ?? 0),
    ended: Number(r.ended ?? 0),
    declined: Number(r.declined ?? 0),
    amountFen: Number(r.amount ?? 0),
  }));
  const agencyIds = [...new Set(rows.map((r) => r.agencyId))];
  const names = new Map(
    agencyIds.length
      ? (await yifa.db.kysely.selectFrom('agencies').select(['id', 'name']).where('id', 'in', agencyIds).execute()).map((a) => [
          a.id,
          a.name,
        ])
      : [],
  );
  return {
    total: total(rows),
    byCategory: CATEGORY_IDS.map((category) => ({
      category,
      name: CATEGORIES[category],
      ...total(rows.filter((r) => r.category === category)),
    })),
    byAgency: agencyIds
      .map((agencyId) => ({ agencyId, name: names.get(agencyId) ?? agencyId, ...total(rows.filter((r) => r.agencyId === agencyId)) }))
      .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN')),
  };
}

/** Per committee: received, succeeded, and the disputes at risk mediated successfully. */
function byCommittee(rows: readonly { committeeId: string; received: number; succeeded: number; criminal: number; mass: number }[]) {
  const per = new Map<string, { received: number; succeeded: number; criminal: number; mass: number }>();
  for (const r of rows) {
    const c = per.get(r.committeeId) ?? { received: 0, succeeded: 0, criminal: 0, mass: 0 };
    per.set(r.committeeId, {
      received: c.received + r.received,
      succeeded: c.succeeded + r.succeeded,
      criminal: c.criminal + r.criminal,
      mass: c.mass + r.mass,
    });
  }
  return [...per].map(([committeeId, c]) => ({
    committeeId,
    received: c.received,
    succeeded: c.succeeded,
    successRate: rate(c.succeeded, c.received),
    prevented: { criminalFromDisputes: c.criminal, massFromDisputes: c.mass, criminalFromScreenings: 0, massFromScreenings: 0 },
  }));
}

/** Screening items at risk settled on the spot, per committee, for rounds screened in the period. */
async function preventedByScreening(yifa: Yifa, req: Request, from: string, to: string, committee: string | undefined) {
  let q = screeningTables(yifa.db.kysely)
    .selectFrom('mediation_screening_items as i')
    .innerJoin('mediation_screenings as s', 's.id', 'i.screening_id')
    .select((e) => [
      's.committee_id',
      e.fn.sum<number>(sql`case when i.criminal_risk = 1 then 1 else 0 end`).as('criminal'),
      e.fn.sum<number>(sql`case when i.mass_risk = 1 then 1 else 0 end`).as('mass'),
    ])
    .where('i.disposition', '=', 'resolved')
    .where('s.screened_on', '>=', from)
    .where('s.screened_on', '<=', to)
    .where(scopeFilter(req.auth.scope, { path: 's.region_path', createdBy: 's.created_by' }));
  if (committee) q = q.where('s.committee_id', '=', committee);
  return (await q.groupBy('s.committee_id').execute()).map((r) => ({
    committeeId: r.committee_id,
    criminal: Number(r.criminal ?? 0),
    mass: Number(r.mass ?? 0),
  }));
}

/** The committees' rows, named, with the screenings' prevented incidents merged in, by name. */
async function withScreeningOnly(
  yifa: Yifa,
  disputes: ReturnType<typeof byCommittee>,
  screened: Awaited<ReturnType<typeof preventedByScreening>>,
) {
  const rows = new Map(disputes.map((d) => [d.committeeId, d]));
  for (const s of screened) {
    const row = rows.get(s.committeeId) ?? {
      committeeId: s.committeeId,
      received: 0,
      succeeded: 0,
      successRate: null,
      prevented: { criminalFromDisputes: 0, massFromDisputes: 0, criminalFromScreenings: 0, massFromScreenings: 0 },
    };
    row.prevented.criminalFromScreenings = s.criminal;
    row.prevented.massFromScreenings = s.mass;
    rows.set(s.committeeId, row);
  }
  const ids = [...rows.keys()];
  const names = new Map(
    ids.length
      ? (await tablesOf(yifa.db.kysely).selectFrom('mediation_committees').select(['id', 'name']).where('id', 'in', ids).execute()).map(
          (c) => [c.id, c.name],
        )
      : [],
  );
  return [...rows.values()]
    .map((r) => ({
      ...r,
      name: names.get(r.committeeId) ?? r.committeeId,
      preventedCriminal: r.prevented.criminalFromDisputes + r.prevented.criminalFromScreenings,
      preventedMass: r.prevented.massFromDisputes + r.prevented.massFromScreenings,
    }))
    .sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
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
    '',
    ['调解委员会', '受理数', '调解成功数', '调解成功率（%）', '防止民转刑', '防止群体性上访'].join(','),
    ...s.byCommittee.map((c) =>
      [c.name, c.received, c.succeeded, c.successRate, c.preventedCriminal, c.preventedMass].map(csvCell).join(','),
    ),
    '',
    ['防止民转刑', s.prevented.criminal].join(','),
    ['防止群体性上访', s.prevented.mass].join(','),
    '',
    '行政调解（单独统计，不计入人民调解）',
    ['调解机关', ...head.slice(1)].join(','),
    ...s.administrative.byAgency.map((c) => line(c.name, c)),
    line('合计', s.administrative.total),
  ].join('\r\n')}\r\n`;
}

type Statistics = Awaited<ReturnType<typeof disputeStatistics>>;

const COUNT_FORMAT = '#,##0';
const RATE_FORMAT = '0.0';
const YUAN_FORMAT = '#,##0.00';

/**
 * The same figures as the page and the CSV as an Excel workbook (.xlsx): one sheet per table
 * (按类别 with the total, 按来源, 按调解委员会, 防止事件, and 行政调解 per agency, counted apart), Chinese headers, counts as integers,
 * the success rate in per cent to one decimal, the amounts in yuan to the fen — numbers, not
 * text, so the county's clerk sums them in Excel.
 */
export async function statisticsXlsx(s: Statistics): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  book.creator = 'yifa';
  const period = `统计期间：${s.from} 至 ${s.to}`;
  const countsHead = ['受理数', '调解成功数', '终止调解数', '拒绝调解数', '调解成功率（%）', '协议金额（元）'];
  const countsFormats = [COUNT_FORMAT, COUNT_FORMAT, COUNT_FORMAT, COUNT_FORMAT, RATE_FORMAT, YUAN_FORMAT];
  const countsRow = (c: Counts) => [c.received, c.succeeded, c.ended, c.declined, c.successRate, c.amountFen / 100];
  const sheet = (name: string, head: string[], formats: string[], rows: (string | number | null)[][]) => {
    const ws = book.addWorksheet(name);
    ws.addRow([period]);
    const h = ws.addRow(head);
    h.font = { bold: true };
    for (const r of rows) ws.addRow(r);
    head.forEach((_, i) => {
      const col = ws.getColumn(i + 1);
      col.width = i === 0 ? 30 : 16;
      if (i > 0 && formats[i - 1]) col.numFmt = formats[i - 1]!;
    });
    ws.views = [{ state: 'frozen', ySplit: 2 }];
    return ws;
  };
  const total = sheet('按类别', ['类别', ...countsHead], countsFormats, [
    ...s.byCategory.map((c) => [c.name, ...countsRow(c)]),
    ['合计', ...countsRow(s.total)],
  ]);
  total.lastRow!.font = { bold: true };
  sheet(
    '按来源',
    ['来源', ...countsHead],
    countsFormats,
    s.bySource.map((c) => [c.name, ...countsRow(c)]),
  );
  sheet(
    '按调解委员会',
    ['调解委员会', '受理数', '调解成功数', '调解成功率（%）', '防止民转刑', '防止群体性上访'],
    [COUNT_FORMAT, COUNT_FORMAT, RATE_FORMAT, COUNT_FORMAT, COUNT_FORMAT],
    s.byCommittee.map((c) => [c.name, c.received, c.succeeded, c.successRate, c.preventedCriminal, c.preventedMass]),
  );
  sheet(
    '防止事件',
    ['事项', '合计', '经调解成功的纠纷', '排查中当场化解'],
    [COUNT_FORMAT, COUNT_FORMAT, COUNT_FORMAT],
    [
      ['防止民转刑', s.prevented.criminal, s.prevented.fromDisputes.criminal, s.prevented.fromScreenings.criminal],
      ['防止群体性上访', s.prevented.mass, s.prevented.fromDisputes.mass, s.prevented.fromScreenings.mass],
    ],
  );
  const admin = sheet('行政调解', ['调解机关', ...countsHead], countsFormats, [
    ...s.administrative.byAgency.map((c) => [c.name, ...countsRow(c)]),
    ['合计', ...countsRow(s.administrative.total)],
  ]);
  admin.lastRow!.font = { bold: true };
  return Buffer.from(await book.xlsx.writeBuffer());
}
