/**
 * 音像记录 coverage for the supervisor: per agency and month (of registration), the cases
 * with steps that must be recorded, how many of them have every required recording in the
 * file, and the share. Read from the list columns each action keeps (recordings_required,
 * recordings_missing), within the user's data scope. Each cell's cases are the case list's
 * `recording` and `registeredFrom`/`registeredTo` filters (service/list.ts), on the same columns.
 */
import { sql } from 'kysely';
import { z } from 'zod';
import type { Yifa } from '../../platform/yifa.js';
import type { Request } from '../../platform/security/request.js';
import { scopeFilter } from '../../platform/security/scope.js';
import { addMonths } from '../../calendar/legal-date.js';

export const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式须为 YYYY-MM');
export const coverageQuery = z
  .strictObject({ from: month, to: month })
  .refine((q) => q.from <= q.to, '起始月份不能晚于结束月份')
  .refine(
    (q) => Number(q.to.slice(0, 4)) * 12 + Number(q.to.slice(5)) - (Number(q.from.slice(0, 4)) * 12 + Number(q.from.slice(5))) < 36,
    '一次最多查询 36 个月',
  );

export interface CoverageRow {
  agencyId: string;
  agencyName: string;
  month: string;
  /** Cases with at least one step that must be recorded */
  cases: number;
  /** …of which every required recording is in the file */
  complete: number;
  share: number;
  stepsRequired: number;
  stepsMissing: number;
}

export async function recordingCoverage(
  yifa: Yifa,
  req: Request,
  q: z.infer<typeof coverageQuery>,
): Promise<{ rows: CoverageRow[]; total: Omit<CoverageRow, 'agencyId' | 'agencyName' | 'month'> }> {
  const rows = await yifa.db.kysely
    .selectFrom('penalty_cases')
    .innerJoin('agencies', 'agencies.id', 'penalty_cases.agency_id')
    .where(scopeFilter(req.auth.scope, { path: 'penalty_cases.region_path', createdBy: 'penalty_cases.created_by' }))
    .where('recordings_required', '>', 0)
    .where('registered_on', '>=', `${q.from}-01`)
    .where('registered_on', '<', addMonths(`${q.to}-01`, 1))
    .select((eb) => [
      'penalty_cases.agency_id as agencyId',
      'agencies.name as agencyName',
      sql<string>`substr(registered_on, 1, 7)`.as('month'),
      eb.fn.countAll<number>().as('cases'),
      sql<number>`sum(case when recordings_missing = 0 then 1 else 0 end)`.as('complete'),
      eb.fn.sum<number>('recordings_required').as('stepsRequired'),
      eb.fn.sum<number>('recordings_missing').as('stepsMissing'),
    ])
    .groupBy(['penalty_cases.agency_id', 'agencies.name', sql`substr(registered_on, 1, 7)`])
    .orderBy('agencies.name')
    .orderBy(sql`substr(registered_on, 1, 7)`)
    .execute();
  const out = rows.map((r) => {
    const cases = Number(r.cases);
    const complete = Number(r.complete);
    return {
      agencyId: r.agencyId,
      agencyName: r.agencyName,
      month: r.month,
      cases,
      complete,
      share: cases ? complete / cases : 0,
      stepsRequired: Number(r.stepsRequired),
      stepsMissing: Number(r.stepsMissing),
    };
  });
  const sum = (k: 'cases' | 'complete' | 'stepsRequired' | 'stepsMissing') => out.reduce((n, r) => n + r[k], 0);
  const cases = sum('cases');
  return {
    rows: out,
    total: {
      cases,
      complete: sum('complete'),
      share: cases ? sum('complete') / cases : 0,
      stepsRequired: sum('stepsRequired'),
      stepsMissing: sum('stepsMissing'),
    },
  };
}
