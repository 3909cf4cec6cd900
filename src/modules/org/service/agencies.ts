/** Agencies (执法主体) and their offices (科室). */
import { randomUUID } from 'node:crypto';
import type { Yifa } from '../../../platform/yifa.js';
import type { AgencyKind } from '../../../platform/db/schema.js';
import { conflict, invalid, notFound } from '../../../platform/http/errors.js';
import type { Request } from '../../../platform/security/request.js';
import { agencyWithRegion, assertWritable, now, regionById } from './shared.js';

export interface AgencyInput {
  regionId: string;
  name: string;
  kind: AgencyKind;
  legalBasis: string;
  powers: string[];
  docPrefix: string;
}

export async function listAgencies(yifa: Yifa) {
  const rows = await yifa.db.kysely
    .selectFrom('agencies')
    .innerJoin('regions', 'regions.id', 'agencies.region_id')
    .selectAll('agencies')
    .select(['regions.name as region_name', 'regions.path as region_path'])
    .orderBy('regions.path')
    .orderBy('agencies.name')
    .execute();
  return rows.map(agencyView);
}

export function agencyView(r: {
  id: string;
  region_id: string;
  name: string;
  kind: AgencyKind;
  legal_basis: string;
  powers: string;
  doc_prefix: string;
  region_name: string;
}) {
  return {
    id: r.id,
    regionId: r.region_id,
    regionName: r.region_name,
    name: r.name,
    kind: r.kind,
    legalBasis: r.legal_basis,
    powers: JSON.parse(r.powers) as string[],
    docPrefix: r.doc_prefix,
  };
}

export async function createAgency(yifa: Yifa, req: Request, input: AgencyInput) {
  const region = await regionById(yifa, input.regionId);
  if (!region) throw invalid('所在区划不存在');
  await assertWritable(req, { regionPath: region.path }, { type: 'region', id: region.id }, '区划');
  const id = randomUUID();
  const row = {
    id,
    region_id: region.id,
    name: input.name,
    kind: input.kind,
    legal_basis: input.legalBasis,
    powers: JSON.stringify(input.powers),
    doc_prefix: input.docPrefix,
    created_at: now(yifa),
  };
  const done = await yifa.journal.perform(
    {
      type: 'org.agency.create',
      actor: req.auth.actor,
      subject: { type: 'agency', id, regionPath: region.path },
      idempotencyKey: req.idempotencyKey,
      payload: { ...input },
    },
    async (trx) => {
      const dup = await trx.selectFrom('agencies').select('id').where('name', '=', input.name).executeTakeFirst();
      if (dup) throw conflict(`执法主体“${input.name}”已存在`);
      await trx.insertInto('agencies').values(row).execute();
      return agencyView({ ...row, region_name: region.name });
    },
  );
  return done.result;
}

export async function updateAgency(yifa: Yifa, req: Request, id: string, patch: Partial<Omit<AgencyInput, 'regionId'>>) {
  const current = await yifa.db.kysely
    .selectFrom('agencies')
    .innerJoin('regions', 'regions.id', 'agencies.region_id')
    .selectAll('agencies')
    .select(['regions.path as region_path', 'regions.name as region_name'])
    .where('agencies.id', '=', id)
    .executeTakeFirst();
  if (!current) throw notFound('执法主体');
  await assertWritable(req, { regionPath: current.region_path }, { type: 'agency', id }, '执法主体');
  const set = {
    ...(patch.name !== undefined ? { name: patch.name } : {}),
    ...(patch.kind !== undefined ? { kind: patch.kind } : {}),
    ...(patch.legalBasis !== undefined ? { legal_basis: patch.legalBasis } : {}),
    ...(patch.powers !== undefined ? { powers: JSON.stringify(patch.powers) } : {}),
    ...(patch.docPrefix !== undefined ? { doc_prefix: patch.docPrefix } : {}),
  };
  if (Object.keys(set).length === 0) throw invalid('没有要修改的内容');
  await yifa.journal.perform(
    {
      type: 'org.agency.update',
      actor: req.auth.actor,
      subject: { type: 'agency', id, regionPath: current.region_path },
      idempotencyKey: req.idempotencyKey,
      payload: patch,
    },
    async (trx) => {
      if (patch.name && patch.name !== current.name) {
        const dup = await trx.selectFrom('agencies').select('id').where('name', '=', patch.name).executeTakeFirst();
        if (dup) throw conflict(`执法主体“${patch.name}”已存在`);
      }
      await trx.updateTable('agencies').set(set).where('id', '=', id).execute();
      return { id };
    },
  );
  return agencyView({ ...current, ...set });
}

export async function listOffices(yifa: Yifa, agencyId?: string) {
  let q = yifa.db.kysely.selectFrom('offices').selectAll().orderBy('name');
  if (agencyId) q = q.where('agency_id', '=', agencyId);
  return (await q.execute()).map((o) => ({ id: o.id, agencyId: o.agency_id, name: o.name }));
}

export async function createOffice(yifa: Yifa, req: Request, input: { agencyId: string; name: string }) {
  const agency = await agencyWithRegion(yifa, input.agencyId);
  if (!agency) throw invalid('执法主体不存在');
  await assertWritable(req, { regionPath: agency.region_path }, { type: 'agency', id: agency.id }, '执法主体');
  const id = randomUUID();
  const done = await yifa.journal.perform(
    {
      type: 'org.office.create',
      actor: req.auth.actor,
      subject: { type: 'office', id, regionPath: agency.region_path },
      idempotencyKey: req.idempotencyKey,
      payload: input,
    },
    async (trx) => {
      const dup = await trx
        .selectFrom('offices')
        .select('id')
        .where('agency_id', '=', input.agencyId)
        .where('name', '=', input.name)
        .executeTakeFirst();
      if (dup) throw conflict(`该执法主体下已有科室"${input.name}"`);
      await trx
        .insertInto('offices')
        .values({ id, agency_id: input.agencyId, name: input.name, created_at: now(yifa) })
        .execute();
      return { id, agencyId: input.agencyId, name: input.name };
    },
  );
  return done.result;
}
