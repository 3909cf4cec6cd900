/**
 * Whose lists and explanations a user reaches: an agency in his data scope (its region's
 * path), and, for a user who belongs to an agency, only his own agency's to change. A record
 * out of reach answers NOT_FOUND and the denial is journaled, as everywhere else.
 */
import type { Yifa } from '../../platform/yifa.js';
import type { Request } from '../../platform/security/request.js';
import { inScope } from '../../platform/security/scope.js';
import { notFound } from '../../platform/http/errors.js';

export interface AgencyInScope {
  id: string;
  name: string;
  regionPath: string;
}

/** The agency, when the reader may reach it (to change: `act`, his own agency only). */
export async function agencyFor(yifa: Yifa, req: Request, agencyId: string, act: boolean): Promise<AgencyInScope> {
  const row = await yifa.db.kysely
    .selectFrom('agencies')
    .innerJoin('regions', 'regions.id', 'agencies.region_id')
    .select(['agencies.id', 'agencies.name', 'regions.path'])
    .where('agencies.id', '=', agencyId)
    .executeTakeFirst();
  if (!row) throw notFound('机关');
  const own = req.auth.user.agencyId;
  const reachable = inScope(req.auth.scope, { regionPath: row.path }) && (!act || own === null || own === row.id);
  if (!reachable) {
    await req.denied(
      { reason: act ? '不是本机关或不在数据范围内' : '不在数据范围内', agencyId },
      { type: 'agency', id: agencyId, regionPath: row.path },
    );
    throw notFound('机关');
  }
  return { id: row.id, name: row.name, regionPath: row.path };
}

/** A row of the module in the reader's reach (`act`: to change it), else NOT_FOUND with the denial journaled. */
export async function reach(
  req: Request,
  row: { id: string; agency_id: string; region_path: string } | undefined,
  subjectType: string,
  what: string,
  act: boolean,
): Promise<void> {
  if (!row) throw notFound(what);
  const own = req.auth.user.agencyId;
  if (inScope(req.auth.scope, { regionPath: row.region_path }) && (!act || own === null || own === row.agency_id)) return;
  await req.denied(
    { reason: act ? '不是本机关或不在数据范围内' : '不在数据范围内' },
    { type: subjectType, id: row.id, regionPath: row.region_path },
  );
  throw notFound(what);
}
