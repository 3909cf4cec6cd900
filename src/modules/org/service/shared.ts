/**
 * What the org use cases share: the instant records are stamped with, the lookups of a
 * region and an agency, and the scope check every write passes (a refusal is journaled).
 */
import type { Yifa } from '../../../platform/yifa.js';
import { notFound } from '../../../platform/http/errors.js';
import type { Request } from '../../../platform/security/request.js';
import { inScope, type ScopedRecord } from '../../../platform/security/scope.js';

/** The instant records are stamped with, on the installation's clock. */
export const now = (yifa: Yifa) => yifa.clock.now().toISOString();

export async function regionById(yifa: Yifa | { db: Yifa['db'] }, id: string) {
  return yifa.db.kysely.selectFrom('regions').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Refuses (and journals) a write outside the actor's scope. 404 so existence does not leak. */
export async function assertWritable(req: Request, rec: ScopedRecord, subject: { type: string; id: string }, what: string) {
  if (inScope(req.auth.scope, rec)) return;
  await req.denied({ reason: '超出数据权限范围', scope: req.auth.scope.kind }, { ...subject, regionPath: rec.regionPath });
  throw notFound(what);
}

export async function agencyWithRegion(yifa: Yifa, agencyId: string) {
  return yifa.db.kysely
    .selectFrom('agencies')
    .innerJoin('regions', 'regions.id', 'agencies.region_id')
    .select(['agencies.id', 'agencies.name', 'regions.id as region_id', 'regions.path as region_path'])
    .where('agencies.id', '=', agencyId)
    .executeTakeFirst();
}
