/**
 * An agency's enforcement settings (its 裁量基准, review catalog, hearing thresholds, …):
 * read, parsed once per stored version, and replaced by a journaled action.
 */
import type { Yifa } from '../../../platform/yifa.js';
import { RECORDING_SCENES } from '../../../law/penalty.js';
import { invalid, notFound } from '../../../platform/http/errors.js';
import type { Request } from '../../../platform/security/request.js';
import { inScope, scopeFilter } from '../../../platform/security/scope.js';
import { DEFAULT_SETTINGS, enforcementSettingsSchema, loadSettings, type EnforcementSettings, type LoadedSettings } from '../settings.js';
import type { Executor } from './store.js';

const settingsCache = new Map<string, { updatedAt: string; loaded: LoadedSettings }>();
let defaultLoaded: LoadedSettings | undefined;

export async function settingsFor(db: Executor, agencyId: string): Promise<LoadedSettings> {
  const row = await db
    .selectFrom('enforcement_settings')
    .select(['settings', 'updated_at'])
    .where('agency_id', '=', agencyId)
    .executeTakeFirst();
  return settingsOfRow(agencyId, row);
}

/** An agency's settings from its stored row (none: the defaults), parsed once per version. */
export function settingsOfRow(agencyId: string, row: { settings: string; updated_at: string } | undefined): LoadedSettings {
  if (!row) {
    defaultLoaded ??= loadSettings(DEFAULT_SETTINGS);
    return defaultLoaded;
  }
  const hit = settingsCache.get(agencyId);
  if (hit && hit.updatedAt === row.updated_at) return hit.loaded;
  // Settings saved before a newer setting existed take that setting's default.
  const loaded = loadSettings(enforcementSettingsSchema.parse({ ...DEFAULT_SETTINGS, ...JSON.parse(row.settings) }));
  settingsCache.set(agencyId, { updatedAt: row.updated_at, loaded });
  return loaded;
}

/** Replaces an agency's settings; a catalog with overlapping rows is refused before anything is stored. */
export async function putSettings(yifa: Yifa, req: Request, agencyId: string, input: EnforcementSettings): Promise<EnforcementSettings> {
  const agency = await agencyOf(yifa.db.kysely, agencyId);
  if (!agency) throw notFound('执法主体');
  if (!inScope(req.auth.scope, { regionPath: agency.region_path })) {
    await req.denied({ reason: '超出数据权限范围' }, { type: 'agency', id: agencyId, regionPath: agency.region_path });
    throw notFound('执法主体');
  }
  try {
    loadSettings(input);
  } catch (e) {
    throw invalid(e instanceof Error ? e.message : String(e));
  }
  const row = {
    agency_id: agencyId,
    settings: JSON.stringify(input),
    updated_by: req.auth.user.id,
    updated_at: yifa.clock.now().toISOString(),
  };
  await yifa.journal.perform(
    {
      type: 'enforcement.settings.update',
      actor: req.auth.actor,
      subject: { type: 'agency', id: agencyId, regionPath: agency.region_path },
      idempotencyKey: req.idempotencyKey,
      payload: input,
    },
    async (trx) => {
      await trx
        .insertInto('enforcement_settings')
        .values(row)
        .onConflict((oc) =>
          oc.column('agency_id').doUpdateSet({ settings: row.settings, updated_by: row.updated_by, updated_at: row.updated_at }),
        )
        .execute();
      return null;
    },
  );
  return input;
}

/** An agency's settings, for readers whose scope holds the agency (others: not found, journaled). */
export async function getSettings(yifa: Yifa, req: Request, agencyId: string): Promise<EnforcementSettings> {
  const agency = await agencyOf(yifa.db.kysely, agencyId);
  if (!agency) throw notFound('执法主体');
  if (!inScope(req.auth.scope, { regionPath: agency.region_path })) {
    await req.denied({ reason: '超出数据权限范围' }, { type: 'agency', id: agencyId, regionPath: agency.region_path });
    throw notFound('执法主体');
  }
  const s = await settingsFor(yifa.db.kysely, agencyId);
  const { catalog: _catalog, violationType: _vt, ...plain } = s;
  return plain;
}

/** One row of the settings index: an agency in the reader's scope, and whether it set its own. */
export interface SettingsIndexRow {
  agencyId: string;
  agencyName: string;
  regionName: string;
  /** null: the agency uses the defaults */
  updatedAt: string | null;
  updatedBy: string | null;
}

/**
 * The agencies whose settings the reader may see: those in its scope, with when they last
 * changed, and the names of the 音像记录 scenes the settings list (the administrator who
 * maintains them reads no penalty dictionaries).
 */
export async function listSettings(
  yifa: Yifa,
  req: Request,
): Promise<{ items: SettingsIndexRow[]; recordingScenes: typeof RECORDING_SCENES }> {
  const rows = await yifa.db.kysely
    .selectFrom('agencies')
    .innerJoin('regions', 'regions.id', 'agencies.region_id')
    .leftJoin('enforcement_settings as s', 's.agency_id', 'agencies.id')
    .leftJoin('users', 'users.id', 's.updated_by')
    .select([
      'agencies.id as agencyId',
      'agencies.name as agencyName',
      'regions.name as regionName',
      's.updated_at as updatedAt',
      'users.display_name as updatedBy',
    ])
    .where(scopeFilter(req.auth.scope, { path: 'regions.path' }))
    .orderBy('regions.path')
    .orderBy('agencies.name')
    .execute();
  return { items: rows, recordingScenes: RECORDING_SCENES };
}

export async function agencyOf(db: Executor, agencyId: string) {
  return db
    .selectFrom('agencies')
    .innerJoin('regions', 'regions.id', 'agencies.region_id')
    .select(['agencies.id', 'agencies.name', 'agencies.doc_prefix', 'regions.path as region_path', 'regions.name as region_name'])
    .where('agencies.id', '=', agencyId)
    .executeTakeFirst();
}
