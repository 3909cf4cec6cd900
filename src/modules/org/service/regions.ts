/** Regions (区划): county, towns, villages — the tree every data scope is drawn on. */
import { randomUUID } from 'node:crypto';
import type { Yifa } from '../../../platform/yifa.js';
import type { RegionLevel } from '../../../platform/db/schema.js';
import { conflict, invalid } from '../../../platform/http/errors.js';
import type { Trx } from '../../../journal/journal.js';
import type { Request } from '../../../platform/security/request.js';
import { assertWritable, now, regionById } from './shared.js';

const CHILD_LEVEL = { county: 'town', town: 'village', village: null } as const satisfies Record<RegionLevel, RegionLevel | null>;

export async function listRegions(yifa: Yifa) {
  return yifa.db.kysely.selectFrom('regions').selectAll().orderBy('path').execute();
}

export async function createRegion(yifa: Yifa, req: Request, input: { parentId: string; name: string; code?: string | null }) {
  const parent = await regionById(yifa, input.parentId);
  if (!parent) throw invalid('上级区划不存在');
  await assertWritable(req, { regionPath: parent.path }, { type: 'region', id: parent.id }, '上级区划');
  const level = CHILD_LEVEL[parent.level];
  if (!level) throw invalid('村（社区）之下不能再设区划');
  const id = randomUUID();
  const row = {
    id,
    parent_id: parent.id,
    level,
    name: input.name,
    code: input.code ?? null,
    path: `${parent.path}${id}/`,
    created_at: now(yifa),
  };
  return (
    await yifa.journal.perform(
      {
        type: 'org.region.create',
        actor: req.auth.actor,
        subject: { type: 'region', id, regionPath: row.path },
        idempotencyKey: req.idempotencyKey,
        payload: row,
      },
      async (trx) => {
        await assertUniqueName(trx, parent.id, input.name);
        await trx.insertInto('regions').values(row).execute();
        return row;
      },
    )
  ).result;
}

async function assertUniqueName(trx: Trx, parentId: string, name: string) {
  const dup = await trx.selectFrom('regions').select('id').where('parent_id', '=', parentId).where('name', '=', name).executeTakeFirst();
  if (dup) throw conflict(`同一上级区划下已有"${name}"`);
}
