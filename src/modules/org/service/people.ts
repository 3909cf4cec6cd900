/**
 * People: officers and staff of an agency, placed in its region or a village under it.
 * Their ID numbers and phones are shown only with the permission, and that read is journaled.
 */
import { randomUUID } from 'node:crypto';
import type { Yifa } from '../../../platform/yifa.js';
import { invalid, notFound } from '../../../platform/http/errors.js';
import { decodeCursor, keysetAfter, pageOf, type Page } from '../../../platform/http/pagination.js';
import type { AuthContext, Request } from '../../../platform/security/request.js';
import { inScope, scopeFilter } from '../../../platform/security/scope.js';
import { certificatesOf } from './certificates.js';
import { agencyWithRegion, assertWritable, now, regionById } from './shared.js';

export interface PersonInput {
  name: string;
  agencyId: string;
  officeId?: string | null;
  /** A village under the agency's region, for village staff; defaults to the agency's region. */
  regionId?: string | null;
  post: string;
  idNumber?: string | null;
  phone?: string | null;
  legalQualificationNo?: string | null;
  active?: boolean;
}

function personView(p: Record<string, unknown>, withPersonal: boolean) {
  return {
    id: p.id as string,
    name: p.name as string,
    agencyId: p.agency_id as string,
    agencyName: p.agency_name as string,
    officeId: p.office_id as string | null,
    regionId: p.region_id as string,
    regionName: p.region_name as string,
    post: p.post as string,
    legalQualificationNo: p.legal_qualification_no as string | null,
    active: p.active === 1,
    ...(withPersonal ? { idNumber: p.id_number as string | null, phone: p.phone as string | null } : {}),
  };
}

function peopleQuery(yifa: Yifa) {
  return yifa.db.kysely
    .selectFrom('people')
    .innerJoin('agencies', 'agencies.id', 'people.agency_id')
    .innerJoin('regions', 'regions.id', 'people.region_id')
    .selectAll('people')
    .select(['agencies.name as agency_name', 'regions.name as region_name']);
}

export async function listPeople(
  yifa: Yifa,
  auth: AuthContext,
  f: { agencyId?: string; q?: string; limit: number; cursor?: string },
): Promise<Page<ReturnType<typeof personView>>> {
  let q = peopleQuery(yifa).where(
    scopeFilter(auth.scope, { path: 'people.region_path', createdBy: 'people.created_by', personId: 'people.id' }),
  );
  if (f.agencyId) q = q.where('people.agency_id', '=', f.agencyId);
  if (f.q) q = q.where('people.name', 'like', `%${f.q.replace(/[%_]/g, '')}%`);
  const after = decodeCursor(f.cursor, 2);
  if (after) q = q.where(keysetAfter(['people.name', 'people.id'], after));
  const rows = await q
    .orderBy('people.name')
    .orderBy('people.id')
    .limit(f.limit + 1)
    .execute();
  return pageOf(
    rows,
    f.limit,
    (r) => [r.name, r.id],
    (r) => personView(r, false),
  );
}

/** One person record. Personal data is shown only with the permission, and that read is journaled. */
export async function getPerson(yifa: Yifa, req: Request, id: string) {
  const p = await peopleQuery(yifa).where('people.id', '=', id).executeTakeFirst();
  if (!p) throw notFound('人员');
  if (!inScope(req.auth.scope, { regionPath: p.region_path, createdBy: p.created_by, personId: p.id })) {
    await req.denied({ reason: '超出数据权限范围', scope: req.auth.scope.kind }, { type: 'person', id, regionPath: p.region_path });
    throw notFound('人员');
  }
  const withPersonal = req.auth.permissions.has('person.personal-data');
  if (withPersonal) {
    await yifa.journal.record({
      type: 'org.person.read',
      actor: req.auth.actor,
      subject: { type: 'person', id, regionPath: p.region_path },
      payload: { fields: ['idNumber', 'phone'] },
    });
  }
  const certificates = await certificatesOf(yifa, id);
  return { ...personView(p, withPersonal), certificates };
}

async function resolvePersonPlacement(yifa: Yifa, input: { agencyId: string; regionId?: string | null; officeId?: string | null }) {
  const agency = await agencyWithRegion(yifa, input.agencyId);
  if (!agency) throw invalid('所属执法主体不存在');
  let region = { id: agency.region_id, path: agency.region_path };
  if (input.regionId && input.regionId !== agency.region_id) {
    const r = await regionById(yifa, input.regionId);
    if (!r?.path.startsWith(agency.region_path)) throw invalid('人员所在区划必须是所属执法主体的辖区或其下级');
    region = { id: r.id, path: r.path };
  }
  if (input.officeId) {
    const office = await yifa.db.kysely.selectFrom('offices').select('agency_id').where('id', '=', input.officeId).executeTakeFirst();
    if (!office || office.agency_id !== agency.id) throw invalid('科室不属于所选执法主体');
  }
  return region;
}

export async function createPerson(yifa: Yifa, req: Request, input: PersonInput) {
  const region = await resolvePersonPlacement(yifa, input);
  const id = randomUUID();
  await assertWritable(req, { regionPath: region.path }, { type: 'region', id: region.id }, '区划');
  const row = {
    id,
    name: input.name,
    agency_id: input.agencyId,
    office_id: input.officeId ?? null,
    region_id: region.id,
    region_path: region.path,
    post: input.post,
    id_number: input.idNumber ?? null,
    phone: input.phone ?? null,
    legal_qualification_no: input.legalQualificationNo ?? null,
    active: input.active === false ? 0 : 1,
    created_by: req.auth.user.id,
    created_at: now(yifa),
    updated_at: now(yifa),
  };
  const done = await yifa.journal.perform(
    {
      type: 'org.person.create',
      actor: req.auth.actor,
      subject: { type: 'person', id, regionPath: region.path },
      idempotencyKey: req.idempotencyKey,
      payload: { ...input },
    },
    async (trx) => {
      await trx.insertInto('people').values(row).execute();
      return { id };
    },
  );
  return done.result;
}

export async function updatePerson(yifa: Yifa, req: Request, id: string, patch: Partial<PersonInput>) {
  const p = await yifa.db.kysely.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst();
  if (!p) throw notFound('人员');
  await assertWritable(req, { regionPath: p.region_path, createdBy: p.created_by, personId: p.id }, { type: 'person', id }, '人员');
  const region = await resolvePersonPlacement(yifa, {
    agencyId: patch.agencyId ?? p.agency_id,
    regionId: patch.regionId ?? (patch.agencyId ? null : p.region_id),
    officeId: patch.officeId === undefined ? p.office_id : patch.officeId,
  });
  // Moving a person elsewhere is a write at the destination too.
  await assertWritable(req, { regionPath: region.path, createdBy: p.created_by, personId: p.id }, { type: 'person', id }, '人员');
  const set = {
    ...(patch.name !== undefined ? { name: patch.name } : {}),
    ...(patch.agencyId !== undefined ? { agency_id: patch.agencyId } : {}),
    ...(patch.officeId !== undefined ? { office_id: patch.officeId } : {}),
    ...(patch.post !== undefined ? { post: patch.post } : {}),
    ...(patch.idNumber !== undefined ? { id_number: patch.idNumber } : {}),
    ...(patch.phone !== undefined ? { phone: patch.phone } : {}),
    ...(patch.legalQualificationNo !== undefined ? { legal_qualification_no: patch.legalQualificationNo } : {}),
    ...(patch.active !== undefined ? { active: patch.active ? 1 : 0 } : {}),
    region_id: region.id,
    region_path: region.path,
    updated_at: now(yifa),
  };
  await yifa.journal.perform(
    {
      type: 'org.person.update',
      actor: req.auth.actor,
      subject: { type: 'person', id, regionPath: region.path },
      idempotencyKey: req.idempotencyKey,
      payload: patch,
    },
    async (trx) => {
      await trx.updateTable('people').set(set).where('id', '=', id).execute();
      // Certificates follow their holder's region for scoping.
      await trx.updateTable('certificates').set({ region_path: region.path }).where('person_id', '=', id).execute();
      return { id };
    },
  );
  return { id };
}
