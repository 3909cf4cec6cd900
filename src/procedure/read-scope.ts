/**
 * A read scope narrower than the region's, for a procedure whose records concern only some of
 * the agencies in a region: a 行政复议 case is read by its 复议机构 and by the respondent it
 * names, not by every department of the county. A procedure gives it as one SQL condition over
 * its common row (`procedure_cases`, its own table reachable by id); every read of its
 * records — the list, one record (and so its documents, journal, case file and files), the
 * 工作台's counts, queues and indicators — adds it to the region's scope. It fails closed: a
 * reader without an agency reads nothing of such a procedure.
 */
import { sql, type Expression, type SqlBool } from 'kysely';
import type { AuthContext, Request } from '../platform/security/request.js';
import type { Yifa } from '../platform/yifa.js';

/** The reader as a narrowing sees him. */
export type NarrowReader = Pick<AuthContext['user'], 'id' | 'agencyId'>;

/** The condition (over `procedure_cases`, its columns qualified) that keeps the records this reader may read. */
export type ReadNarrowing = (reader: NarrowReader) => Expression<SqlBool>;

/** A condition that keeps nothing. */
export const readsNothing: Expression<SqlBool> = sql<SqlBool>`1 = 0`;

/** Records read only by users of the record's own agency (行政调解: an agency sees its own work). */
export const ownAgencyReads: ReadNarrowing = (reader) =>
  reader.agencyId ? sql<SqlBool>`procedure_cases.agency_id = ${reader.agencyId}` : readsNothing;

/**
 * For a query over the common rows of several procedures: each procedure's rows narrowed by its
 * own condition, the others' untouched (`procedure <> p or <condition>` for each that narrows).
 */
export function narrowedReads(
  auth: Pick<AuthContext, 'user'>,
  procedures: readonly { proc: { subjectType: string }; readsOnly?: ReadNarrowing }[],
): Expression<SqlBool> {
  const parts = procedures
    .filter((p) => p.readsOnly)
    .map((p) => sql<SqlBool>`(procedure_cases.procedure <> ${p.proc.subjectType} or ${p.readsOnly!(auth.user)})`);
  return parts.length ? sql<SqlBool>`(${sql.join(parts, sql` and `)})` : sql<SqlBool>`1 = 1`;
}

/**
 * For a query over the journal (`actions`): the actions about a narrowing procedure's records
 * kept only where the reader may read the record; actions about anything else untouched. The
 * journal is a read path like any other, so the 操作日志 shows one respondent nothing of another's case.
 */
export function narrowedActions(
  auth: Pick<AuthContext, 'user'>,
  procedures: readonly { proc: { subjectType: string }; readsOnly?: ReadNarrowing }[],
): Expression<SqlBool> {
  const parts = procedures
    .filter((p) => p.readsOnly)
    .map(
      (p) =>
        sql<SqlBool>`(actions.subject_type is null or actions.subject_type <> ${p.proc.subjectType} or actions.subject_id in (select procedure_cases.id from procedure_cases where procedure_cases.procedure = ${p.proc.subjectType} and ${p.readsOnly!(auth.user)}))`,
    );
  return parts.length ? sql<SqlBool>`(${sql.join(parts, sql` and `)})` : sql<SqlBool>`1 = 1`;
}

/**
 * May this reader read this one record of a narrowing procedure? A refusal is journaled as a
 * denial, like a record outside the region's scope; the caller answers NOT_FOUND.
 */
export async function readsRecord(
  db: Yifa['db']['kysely'],
  req: Request,
  p: { proc: { subjectType: string }; readsOnly?: ReadNarrowing },
  row: { id: string; region_path: string },
): Promise<boolean> {
  if (!p.readsOnly) return true;
  const hit = await db
    .selectFrom('procedure_cases')
    .select('procedure_cases.id')
    .where('procedure_cases.id', '=', row.id)
    .where(p.readsOnly(req.auth.user))
    .executeTakeFirst();
  if (hit) return true;
  await req.denied({ reason: '不是本记录涉及的单位' }, { type: p.proc.subjectType, id: row.id, regionPath: row.region_path });
  return false;
}
