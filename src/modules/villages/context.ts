/**
 * What the gates of both procedures read in the action's transaction: the village (a
 * region of level 村 under the town), the actor's own data scope (a 村委会文书 acts only in
 * his village: the scope fails closed), the village's existing 村规民约 record, and a
 * meeting's record an adoption names.
 */
import type { Kysely } from 'kysely';
import type { Trx } from '../../journal/journal.js';
import type { BaseContext } from '../../procedure/served.js';
import { inScope, type Scope } from '../../platform/security/scope.js';
import type { VillageMeeting } from './meeting-state.js';

export interface VillageFacts {
  id: string;
  name: string;
  path: string;
}

export interface VillageContext extends BaseContext {
  /** The record's village, or for an opening the one the payload names (null: none such) */
  village: VillageFacts | null;
  /** The actor's data scope as his account holds it now (null: no account: nothing in scope) */
  actorScope: Scope | null;
}

type Db = Trx | Kysely<never>;
// biome-ignore lint/suspicious/noExplicitAny: the module's reads span the platform's tables and its own
const q = (db: Db) => db as unknown as Kysely<any>;

/** A village under the agency's town (a region of level village whose path lies under the agency's). */
export async function villageFacts(db: Db, villageId: string | null | undefined, agencyPath: string): Promise<VillageFacts | null> {
  if (!villageId) return null;
  const r = await q(db).selectFrom('regions').select(['id', 'name', 'path', 'level']).where('id', '=', villageId).executeTakeFirst();
  if (r?.level !== 'village' || !String(r.path).startsWith(agencyPath)) return null;
  return { id: r.id, name: r.name, path: r.path };
}

/** The actor's data scope, read from his account (an actor without one has none). */
export async function actorScope(db: Db, userId: string | null, personId: string | null): Promise<Scope | null> {
  if (!userId) return null;
  const u = await q(db).selectFrom('users').select(['region_path', 'data_scope']).where('id', '=', userId).executeTakeFirst();
  return u ? { kind: u.data_scope, regionPath: u.region_path, userId, personId } : null;
}

/** Is the village in the actor's scope? Fails closed: no scope, no village. */
export const villageInScope = (scope: Scope | null, village: VillageFacts | null) =>
  scope !== null && village !== null && inScope(scope, { regionPath: village.path });

/** Why the actor may not act on this village's records (403, journaled), or null. */
export function outsideVillage(ctx: VillageContext): { message: string; citation: null } | null {
  if (!ctx.village) return null; // the gates refuse a village that does not exist, with the field
  return villageInScope(ctx.actorScope, ctx.village) ? null : { message: `${ctx.village.name}不在您的数据权限范围内`, citation: null };
}

/** The village's 村规民约 record, if it has one. */
export async function rulesRecordOf(db: Db, villageId: string): Promise<string | null> {
  const r = await q(db).selectFrom('village_rules').select('id').where('village_id', '=', villageId).executeTakeFirst();
  return r?.id ?? null;
}

/** A meeting's record as its row holds it (the procedure's common table). */
export async function meetingFacts(db: Db, meetingId: string | null | undefined): Promise<VillageMeeting | null> {
  if (!meetingId) return null;
  const r = await q(db)
    .selectFrom('procedure_cases')
    .select('state')
    .where('id', '=', meetingId)
    .where('procedure', '=', 'village-meeting')
    .executeTakeFirst();
  return r?.state ? (JSON.parse(r.state) as VillageMeeting) : null;
}

export async function baseVillageContext(trx: Trx, base: BaseContext, villageId: string | null | undefined): Promise<VillageContext> {
  // One after the other: a transaction's statements share one connection.
  const village = await villageFacts(trx, villageId, base.agency.region_path);
  const scope = await actorScope(trx, base.actor.userId, base.actor.personId);
  return { ...base, village, actorScope: scope };
}
