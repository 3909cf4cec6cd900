/**
 * The reconsideration half of the indicators a county is judged by (per respondent agency and
 * year): 被复议数, 纠错数 and 纠错率 (变更, 撤销, 确认违法, 责令履行, 确认无效 over the cases
 * decided or settled), and late answers; each figure drills down to the list it counts. One
 * GROUP BY over the own table's covering index, joined to the common row for the reader's scope.
 */
import { sql, type SqlBool } from 'kysely';
import type { Yifa } from '../../platform/yifa.js';
import type { Scope } from '../../platform/security/scope.js';
import { scopeFilter } from '../../platform/security/scope.js';
import type { NarrowReader } from '../../procedure/read-scope.js';
import { casesOfReader } from './procedure.js';

export interface AgencyIndicators {
  agencyId: string;
  agencyName: string;
  year: number;
  /** 被复议数: applications received in the year */
  received: number;
  /** Ended by a decision or a 调解书 */
  concluded: number;
  /** 纠错数 */
  corrected: number;
  /** 纠错率 = 纠错数 / 已审结数 (null when none concluded) */
  correctionRate: number | null;
  /** Answers filed after their due date */
  lateAnswers: number;
}

export async function reconsiderationIndicators(
  yifa: Yifa,
  scope: Scope,
  reader: NarrowReader,
  f: { year: number; agencyId?: string | undefined },
): Promise<AgencyIndicators[]> {
  let q = yifa.db.kysely
    .selectFrom('reconsiderations as r')
    .innerJoin('procedure_cases as c', 'c.id', 'r.id')
    .innerJoin('agencies as a', 'a.id', 'r.respondent_agency_id')
    .where('r.received_year', '=', f.year)
    .where(scopeFilter(scope, { path: 'c.region_path', createdBy: 'c.created_by' }))
    .where(casesOfReader(reader, { body: 'c.agency_id', respondent: 'r.respondent_agency_id' }))
    .select([
      'r.respondent_agency_id as agencyId',
      'a.name as agencyName',
      sql<number>`count(*)`.as('received'),
      sql<number>`sum(case when r.outcome is not null then 1 else 0 end)`.as('concluded'),
      sql<number>`sum(r.corrected)`.as('corrected'),
      sql<number>`sum(r.answer_late)`.as('lateAnswers'),
    ])
    .groupBy(['r.respondent_agency_id', 'a.name'])
    .orderBy('a.name');
  if (f.agencyId) q = q.where('r.respondent_agency_id', '=', f.agencyId);
  const rows = await q.execute();
  return rows.map((x) => {
    const concluded = Number(x.concluded);
    const corrected = Number(x.corrected);
    return {
      agencyId: x.agencyId,
      agencyName: x.agencyName,
      year: f.year,
      received: Number(x.received),
      concluded,
      corrected,
      correctionRate: concluded ? Math.round((corrected / concluded) * 10000) / 10000 : null,
      lateAnswers: Number(x.lateAnswers),
    };
  });
}

export type DrillDown = 'received' | 'concluded' | 'corrected' | 'late';

/** The cases one figure counts (newest first, at most `limit`). */
export async function indicatorCases(
  yifa: Yifa,
  scope: Scope,
  reader: NarrowReader,
  f: { year: number; agencyId: string; figure: DrillDown; limit: number },
) {
  const only: Record<DrillDown, SqlBool | ReturnType<typeof sql<SqlBool>>> = {
    received: sql<SqlBool>`1 = 1`,
    concluded: sql<SqlBool>`r.outcome is not null`,
    corrected: sql<SqlBool>`r.corrected = 1`,
    late: sql<SqlBool>`r.answer_late = 1`,
  };
  const rows = await yifa.db.kysely
    .selectFrom('reconsiderations as r')
    .innerJoin('procedure_cases as c', 'c.id', 'r.id')
    .where('r.received_year', '=', f.year)
    .where('r.respondent_agency_id', '=', f.agencyId)
    .where(scopeFilter(scope, { path: 'c.region_path', createdBy: 'c.created_by' }))
    .where(casesOfReader(reader, { body: 'c.agency_id', respondent: 'r.respondent_agency_id' }))
    .where(only[f.figure] as ReturnType<typeof sql<SqlBool>>)
    .select(['c.id', 'c.title', 'c.status', 'r.received_on', 'r.outcome', 'r.answer_late'])
    .orderBy('r.received_on', 'desc')
    .limit(f.limit)
    .execute();
  return rows.map((x) => ({
    id: x.id,
    title: x.title,
    status: x.status,
    receivedOn: x.received_on,
    outcome: x.outcome,
    answerLate: Number(x.answer_late) === 1,
  }));
}
