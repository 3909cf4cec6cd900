/**
 * The litigation half of the indicators a county is judged by, per defending agency and year of
 * 立案: 被诉数, 审结数 (an effective judgment or ruling), 败诉数 and 败诉率 (败诉 over 审结), the
 * hearings held and those at which a 负责人 appeared (负责人出庭应诉率), and late answers. Each
 * figure drills down to the list it counts. One GROUP BY over the own table's covering index,
 * joined to the common row for the reader's scope.
 */
import { sql, type SqlBool } from 'kysely';
import type { Yifa } from '../../platform/yifa.js';
import type { Scope } from '../../platform/security/scope.js';
import { scopeFilter } from '../../platform/security/scope.js';

export interface LitigationIndicators {
  agencyId: string;
  agencyName: string;
  year: number;
  /** 被诉数: lawsuits filed in the year */
  sued: number;
  /** Ended by an effective judgment or ruling */
  concluded: number;
  /** 败诉数 */
  lost: number;
  /** 败诉率 = 败诉数 / 审结数 (null when none concluded) */
  lossRate: number | null;
  /** Hearings held */
  hearings: number;
  /** Hearings at which the head, a deputy head or the leader in charge appeared */
  headAppearances: number;
  /** 负责人出庭应诉率 = headAppearances / hearings (null when none held) */
  appearanceRate: number | null;
  /** 答辩状 filed after the 15 days */
  lateAnswers: number;
}

const rate = (n: number, d: number) => (d ? Math.round((n / d) * 10000) / 10000 : null);

export async function litigationIndicators(
  yifa: Yifa,
  scope: Scope,
  f: { year: number; agencyId?: string | undefined },
): Promise<LitigationIndicators[]> {
  let q = yifa.db.kysely
    .selectFrom('lawsuits as l')
    .innerJoin('procedure_cases as c', 'c.id', 'l.id')
    .innerJoin('agencies as a', 'a.id', 'l.agency_id')
    .where('l.filed_year', '=', f.year)
    .where(scopeFilter(scope, { path: 'c.region_path', createdBy: 'c.created_by' }))
    .select([
      'l.agency_id as agencyId',
      'a.name as agencyName',
      sql<number>`count(*)`.as('sued'),
      sql<number>`sum(l.concluded)`.as('concluded'),
      sql<number>`sum(l.lost)`.as('lost'),
      sql<number>`sum(l.hearings_held)`.as('hearings'),
      sql<number>`sum(l.head_appearances)`.as('headAppearances'),
      sql<number>`sum(l.answer_late)`.as('lateAnswers'),
    ])
    .groupBy(['l.agency_id', 'a.name'])
    .orderBy('a.name');
  if (f.agencyId) q = q.where('l.agency_id', '=', f.agencyId);
  const rows = await q.execute();
  return rows.map((x) => {
    const concluded = Number(x.concluded);
    const lost = Number(x.lost);
    const hearings = Number(x.hearings);
    const headAppearances = Number(x.headAppearances);
    return {
      agencyId: x.agencyId,
      agencyName: x.agencyName,
      year: f.year,
      sued: Number(x.sued),
      concluded,
      lost,
      lossRate: rate(lost, concluded),
      hearings,
      headAppearances,
      appearanceRate: rate(headAppearances, hearings),
      lateAnswers: Number(x.lateAnswers),
    };
  });
}

export const FIGURES = ['sued', 'concluded', 'lost', 'hearings', 'head-appeared', 'late'] as const;
export type Figure = (typeof FIGURES)[number];

/** The lawsuits one figure counts (newest first, at most `limit`). */
export async function indicatorCases(yifa: Yifa, scope: Scope, f: { year: number; agencyId: string; figure: Figure; limit: number }) {
  const only: Record<Figure, ReturnType<typeof sql<SqlBool>>> = {
    sued: sql<SqlBool>`1 = 1`,
    concluded: sql<SqlBool>`l.concluded = 1`,
    lost: sql<SqlBool>`l.lost = 1`,
    hearings: sql<SqlBool>`l.hearings_held > 0`,
    'head-appeared': sql<SqlBool>`l.head_appearances > 0`,
    late: sql<SqlBool>`l.answer_late = 1`,
  };
  const rows = await yifa.db.kysely
    .selectFrom('lawsuits as l')
    .innerJoin('procedure_cases as c', 'c.id', 'l.id')
    .where('l.filed_year', '=', f.year)
    .where('l.agency_id', '=', f.agencyId)
    .where(scopeFilter(scope, { path: 'c.region_path', createdBy: 'c.created_by' }))
    .where(only[f.figure])
    .select(['c.id', 'c.title', 'c.status', 'l.filed_on', 'l.outcome', 'l.lost', 'l.answer_late', 'l.hearings_held', 'l.head_appearances'])
    .orderBy('l.filed_on', 'desc')
    .limit(f.limit)
    .execute();
  return rows.map((x) => ({
    id: x.id,
    title: x.title,
    status: x.status,
    filedOn: x.filed_on,
    outcome: x.outcome,
    lost: Number(x.lost) === 1,
    answerLate: Number(x.answer_late) === 1,
    hearings: Number(x.hearings_held),
    headAppearances: Number(x.head_appearances),
  }));
}
