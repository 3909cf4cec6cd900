/**
 * Org use cases: regions, agencies, offices, people, 执法证 and users. Every change
 * is one journaled action; every read and write of a scoped record passes the
 * actor's data scope (scope.ts) and a refusal is journaled.
 */
import { randomUUID } from 'node:crypto';
import type { Yifa } from '../../platform/yifa.js';
import type { AgencyKind, AnnualReview, CertificateState, DataScope, LoginOutcome, RegionLevel } from '../../platform/db/schema.js';
import { AppError, conflict, invalid, notFound } from '../../platform/http/errors.js';
import { decodeCursor, keysetAfter, pageOf, type Page } from '../../platform/http/pagination.js';
import { hashPassword, passwordProblem, verifyPassword } from '../../platform/security/password.js';
import { KeyedQueue } from '../../platform/security/keyed-queue.js';
import { recordLogin, type Client } from './login-log.js';
import { passwordChangeWait, throttledError } from './throttle.js';
import type { Trx } from '../../journal/journal.js';
import type { AuthContext, RefusedSubject, Request } from '../../platform/security/request.js';
import { inScope, scopeFilter, type ScopedRecord } from '../../platform/security/scope.js';
import { standingOf, type Standing } from './certificates.js';
import type { Role } from '../../platform/security/access.js';
import { grantRefusal, type Grantor, type Privileges } from './grants.js';

/** The instant records are stamped with, on the installation's clock. */
const now = (yifa: Yifa) => yifa.clock.now().toISOString();

const CHILD_LEVEL = { county: 'town', town: 'village', village: null } as const satisfies Record<RegionLevel, RegionLevel | null>;

// ——— regions ———

export async function listRegions(yifa: Yifa) {
  return yifa.db.kysely.selectFrom('regions').selectAll().orderBy('path').execute();
}

async function regionById(yifa: Yifa | { db: Yifa['db'] }, id: string) {
  return yifa.db.kysely.selectFrom('regions').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Refuses (and journals) a write outside the actor's scope. 404 so existence does not leak. */
async function assertWritable(req: Request, rec: ScopedRecord, subject: { type: string; id: string }, what: string) {
  if (inScope(req.auth.scope, rec)) return;
  await req.denied({ reason: '超出数据权限范围', scope: req.auth.scope.kind }, { ...subject, regionPath: rec.regionPath });
  throw notFound(what);
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

// ——— agencies (执法主体) and offices ———

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
      if (dup) throw conflict(`执法主体"${input.name}"已存在`);
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
        if (dup) throw conflict(`执法主体"${patch.name}"已存在`);
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

async function agencyWithRegion(yifa: Yifa, agencyId: string) {
  return yifa.db.kysely
    .selectFrom('agencies')
    .innerJoin('regions', 'regions.id', 'agencies.region_id')
    .select(['agencies.id', 'agencies.name', 'regions.id as region_id', 'regions.path as region_path'])
    .where('agencies.id', '=', agencyId)
    .executeTakeFirst();
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

// ——— people ———

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

// ——— 执法证 ———

export interface CertificateInput {
  personId: string;
  number: string;
  field: string;
  area: string;
  issuedOn: string;
  expiresOn: string;
  annualReview: AnnualReview;
  annualReviewYear?: number | null;
}

function certificateView(c: Record<string, unknown>, today: string) {
  const { standing, daysLeft } = standingOf(
    {
      state: c.state as CertificateState,
      annualReview: c.annual_review as AnnualReview,
      issuedOn: c.issued_on as string,
      expiresOn: c.expires_on as string,
    },
    today,
  );
  return {
    id: c.id as string,
    personId: c.person_id as string,
    personName: c.person_name as string | undefined,
    agencyName: c.agency_name as string | undefined,
    number: c.number as string,
    field: c.field as string,
    area: c.area as string,
    issuedOn: c.issued_on as string,
    expiresOn: c.expires_on as string,
    annualReview: c.annual_review as AnnualReview,
    annualReviewYear: c.annual_review_year as number | null,
    state: c.state as CertificateState,
    standing,
    daysLeft,
  };
}

async function certificatesOf(yifa: Yifa, personId: string) {
  const today = yifa.clock.today();
  const rows = await yifa.db.kysely
    .selectFrom('certificates')
    .selectAll()
    .where('person_id', '=', personId)
    .orderBy('expires_on', 'desc')
    .execute();
  return rows.map((c) => certificateView(c, today));
}

export async function listCertificates(
  yifa: Yifa,
  auth: AuthContext,
  f: { standing?: 'attention' | Standing; limit: number; cursor?: string },
) {
  const today = yifa.clock.today();
  const soon = new Date(Date.parse(`${today}T00:00:00Z`) + 90 * 86_400_000).toISOString().slice(0, 10);
  let q = yifa.db.kysely
    .selectFrom('certificates')
    .innerJoin('people', 'people.id', 'certificates.person_id')
    .innerJoin('agencies', 'agencies.id', 'people.agency_id')
    .selectAll('certificates')
    .select(['people.name as person_name', 'agencies.name as agency_name'])
    .where(scopeFilter(auth.scope, { path: 'certificates.region_path', createdBy: 'people.created_by', personId: 'people.id' }));
  // 'attention' = what the console warns about: in force but expiring within 90 days, or expired.
  if (f.standing === 'attention') q = q.where('certificates.state', '=', 'valid').where('certificates.expires_on', '<=', soon);
  const after = decodeCursor(f.cursor, 2);
  if (after) q = q.where(keysetAfter(['certificates.expires_on', 'certificates.id'], after));
  const rows = await q
    .orderBy('certificates.expires_on')
    .orderBy('certificates.id')
    .limit(f.limit + 1)
    .execute();
  const page = pageOf(
    rows,
    f.limit,
    (r) => [r.expires_on, r.id],
    (r) => certificateView(r, today),
  );
  if (f.standing && f.standing !== 'attention') page.items = page.items.filter((c) => c.standing === f.standing);
  return page;
}

async function personForWrite(yifa: Yifa, req: Request, personId: string) {
  const p = await yifa.db.kysely.selectFrom('people').selectAll().where('id', '=', personId).executeTakeFirst();
  if (!p) throw invalid('持证人不存在');
  await assertWritable(req, { regionPath: p.region_path, createdBy: p.created_by, personId: p.id }, { type: 'person', id: p.id }, '人员');
  return p;
}

export async function createCertificate(yifa: Yifa, req: Request, input: CertificateInput) {
  const person = await personForWrite(yifa, req, input.personId);
  if (input.expiresOn <= input.issuedOn) throw invalid('有效期截止日期必须晚于发证日期');
  const id = randomUUID();
  const row = {
    id,
    person_id: person.id,
    number: input.number,
    field: input.field,
    area: input.area,
    issued_on: input.issuedOn,
    expires_on: input.expiresOn,
    annual_review: input.annualReview,
    annual_review_year: input.annualReviewYear ?? null,
    state: 'valid' as const,
    region_path: person.region_path,
    created_at: now(yifa),
    updated_at: now(yifa),
  };
  const done = await yifa.journal.perform(
    {
      type: 'org.certificate.create',
      actor: req.auth.actor,
      subject: { type: 'certificate', id, regionPath: person.region_path },
      idempotencyKey: req.idempotencyKey,
      payload: { ...input },
    },
    async (trx) => {
      const dup = await trx.selectFrom('certificates').select('id').where('number', '=', input.number).executeTakeFirst();
      if (dup) throw conflict(`执法证号 ${input.number} 已登记`);
      await trx.insertInto('certificates').values(row).execute();
      return { id };
    },
  );
  const stored = await yifa.db.kysely.selectFrom('certificates').selectAll().where('id', '=', done.result.id).executeTakeFirstOrThrow();
  return certificateView({ ...stored, person_name: person.name }, yifa.clock.today());
}

export interface CertificateChange {
  state?: CertificateState;
  annualReview?: AnnualReview;
  annualReviewYear?: number | null;
  expiresOn?: string;
  field?: string;
  area?: string;
  reason: string;
}

export async function changeCertificate(yifa: Yifa, req: Request, id: string, change: CertificateChange) {
  const c = await yifa.db.kysely.selectFrom('certificates').selectAll().where('id', '=', id).executeTakeFirst();
  if (!c) throw notFound('执法证');
  await personForWrite(yifa, req, c.person_id);
  if (c.state === 'revoked') throw conflict('执法证已注销，不能再变更；如需重新持证请登记新证');
  if (change.expiresOn && change.expiresOn <= c.issued_on) throw invalid('有效期截止日期必须晚于发证日期');
  const set = {
    ...(change.state !== undefined ? { state: change.state } : {}),
    ...(change.annualReview !== undefined ? { annual_review: change.annualReview } : {}),
    ...(change.annualReviewYear !== undefined ? { annual_review_year: change.annualReviewYear } : {}),
    ...(change.expiresOn !== undefined ? { expires_on: change.expiresOn } : {}),
    ...(change.field !== undefined ? { field: change.field } : {}),
    ...(change.area !== undefined ? { area: change.area } : {}),
    updated_at: now(yifa),
  };
  await yifa.journal.perform(
    {
      type: 'org.certificate.change',
      actor: req.auth.actor,
      subject: { type: 'certificate', id, regionPath: c.region_path },
      idempotencyKey: req.idempotencyKey,
      payload: change,
    },
    async (trx) => {
      await trx.updateTable('certificates').set(set).where('id', '=', id).execute();
      return { id };
    },
  );
  return certificateView({ ...c, ...set }, yifa.clock.today());
}

// ——— users ———

export interface UserInput {
  username: string;
  displayName: string;
  password: string;
  personId?: string | null;
  agencyId?: string | null;
  regionId: string;
  dataScope: DataScope;
  roles: Role[];
}

async function rolesOf(yifa: Yifa, userIds: string[]) {
  if (userIds.length === 0) return new Map<string, string[]>();
  const rows = await yifa.db.kysely.selectFrom('user_roles').selectAll().where('user_id', 'in', userIds).execute();
  const m = new Map<string, string[]>();
  for (const r of rows) m.set(r.user_id, [...(m.get(r.user_id) ?? []), r.role]);
  return m;
}

export async function listUsers(yifa: Yifa, auth: AuthContext, f: { limit: number; cursor?: string }) {
  let q = yifa.db.kysely
    .selectFrom('users')
    .innerJoin('regions', 'regions.id', 'users.region_id')
    .select([
      'users.id',
      'users.username',
      'users.display_name',
      'users.person_id',
      'users.agency_id',
      'users.region_id',
      'regions.name as region_name',
      'users.data_scope',
      'users.active',
      'users.created_at',
    ])
    .where(scopeFilter(auth.scope, { path: 'users.region_path', personId: 'users.person_id' }));
  const after = decodeCursor(f.cursor, 1);
  if (after) q = q.where('users.username', '>', String(after[0]));
  const rows = await q
    .orderBy('users.username')
    .limit(f.limit + 1)
    .execute();
  const page = pageOf(
    rows,
    f.limit,
    (r) => [r.username],
    (r) => r,
  );
  const roles = await rolesOf(
    yifa,
    page.items.map((u) => u.id),
  );
  return {
    items: page.items.map((u) => ({
      id: u.id,
      username: u.username,
      displayName: u.display_name,
      personId: u.person_id,
      agencyId: u.agency_id,
      regionId: u.region_id,
      regionName: u.region_name,
      dataScope: u.data_scope,
      active: u.active === 1,
      roles: roles.get(u.id) ?? [],
    })),
    next: page.next,
  };
}

/** The grantor's own privileges, as grants.ts compares them. */
function grantorOf(auth: AuthContext): Grantor {
  return { userId: auth.user.id, roles: auth.roles, scope: { kind: auth.scope.kind, regionPath: auth.scope.regionPath } };
}

/** Refuses (and journals) a grant wider than the grantor's own. */
async function assertGrantable(
  req: Request,
  target: { userId: string | null; current: Privileges | null },
  next: Privileges,
  subject: RefusedSubject,
) {
  const why = grantRefusal(grantorOf(req.auth), target, next);
  if (!why) return;
  await req.denied({ reason: why.message, roles: next.roles, dataScope: next.scope.kind }, subject);
  throw new AppError('FORBIDDEN', why.message, { citation: why.citation });
}

/**
 * The person and agency an account is attached to must exist and lie in the grantor's
 * scope (outside it they are "not found", and the attempt is journaled): otherwise a town's
 * administrator could bind an account to another town's officer or agency.
 */
async function assertAttachable(yifa: Yifa, req: Request | null, input: { personId?: string | null; agencyId?: string | null }) {
  if (input.agencyId) {
    const agency = await agencyWithRegion(yifa, input.agencyId);
    if (!agency) throw invalid('所属执法主体不存在');
    if (req && !inScope(req.auth.scope, { regionPath: agency.region_path })) {
      await req.denied({ reason: '关联的执法主体超出数据权限范围' }, { type: 'agency', id: agency.id, regionPath: agency.region_path });
      throw invalid('所属执法主体不存在');
    }
  }
  if (input.personId) {
    const person = await yifa.db.kysely
      .selectFrom('people')
      .select(['id', 'region_path', 'created_by'])
      .where('id', '=', input.personId)
      .executeTakeFirst();
    if (!person) throw invalid('关联人员不存在');
    if (req && !inScope(req.auth.scope, { regionPath: person.region_path, createdBy: person.created_by, personId: person.id })) {
      await req.denied({ reason: '关联的人员超出数据权限范围' }, { type: 'person', id: person.id, regionPath: person.region_path });
      throw invalid('关联人员不存在');
    }
  }
}

/** Creates a user. `req` is null for the CLI's first administrator (a system action). */
export async function createUser(yifa: Yifa, req: Request | null, input: UserInput) {
  const problem = await passwordProblem(input.password, { username: input.username, displayName: input.displayName });
  if (problem) throw invalid(problem);
  const region = await regionById(yifa, input.regionId);
  if (!region) throw invalid('用户所在区划不存在');
  const id = randomUUID();
  if (req) {
    await assertWritable(req, { regionPath: region.path }, { type: 'region', id: region.id }, '区划');
    await assertGrantable(
      req,
      { userId: null, current: null },
      { roles: input.roles, scope: { kind: input.dataScope, regionPath: region.path } },
      { type: 'user', id, regionPath: region.path },
    );
  }
  await assertAttachable(yifa, req, input);
  const passwordHash = await hashPassword(input.password);
  const { password: _omit, ...audited } = input;
  const done = await yifa.journal.perform(
    {
      type: 'org.user.create',
      actor: req?.auth.actor ?? { userId: null, role: 'system', agencyId: null },
      subject: { type: 'user', id, regionPath: region.path },
      idempotencyKey: req?.idempotencyKey ?? null,
      payload: audited,
    },
    async (trx) => {
      const dup = await trx.selectFrom('users').select('id').where('username', '=', input.username).executeTakeFirst();
      if (dup) throw conflict(`用户名 ${input.username} 已被使用`);
      await trx
        .insertInto('users')
        .values({
          id,
          username: input.username,
          display_name: input.displayName,
          password_hash: passwordHash,
          person_id: input.personId ?? null,
          agency_id: input.agencyId ?? null,
          region_id: region.id,
          region_path: region.path,
          data_scope: input.dataScope,
          active: 1,
          created_at: now(yifa),
          password_changed_at: now(yifa),
        })
        .execute();
      if (input.roles.length)
        await trx
          .insertInto('user_roles')
          .values(input.roles.map((role) => ({ user_id: id, role })))
          .execute();
      return { id, username: input.username };
    },
  );
  return done.result;
}

export interface UserPatch {
  displayName?: string;
  dataScope?: DataScope;
  roles?: Role[];
  active?: boolean;
  password?: string;
}

export async function updateUser(yifa: Yifa, req: Request, id: string, patch: UserPatch) {
  const u = await yifa.db.kysely.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  if (!u) throw notFound('用户');
  const subject = { type: 'user', id, regionPath: u.region_path };
  await assertWritable(req, { regionPath: u.region_path, personId: u.person_id }, subject, '用户');
  const own = id === req.auth.user.id;
  if (own && patch.active === false) throw conflict('不能停用自己的账号');
  if (own && patch.password) throw conflict('本人的密码请在"修改密码"中修改（须输入原密码）');
  const currentRoles = ((await rolesOf(yifa, [id])).get(id) ?? []).filter((r) => yifa.access.isRole(r));
  const current: Privileges = { roles: currentRoles, scope: { kind: u.data_scope, regionPath: u.region_path } };
  const next: Privileges = {
    roles: patch.roles ?? currentRoles,
    scope: { kind: patch.dataScope ?? u.data_scope, regionPath: u.region_path },
  };
  await assertGrantable(req, { userId: id, current }, next, subject);
  if (patch.password) {
    const problem = await passwordProblem(patch.password, { username: u.username, displayName: patch.displayName ?? u.display_name });
    if (problem) throw invalid(problem);
  }
  const passwordHash = patch.password ? await hashPassword(patch.password) : undefined;
  const { password: _omit, ...audited } = patch;
  await yifa.journal.perform(
    {
      type: 'org.user.update',
      actor: req.auth.actor,
      subject,
      idempotencyKey: req.idempotencyKey,
      payload: { ...audited, passwordReset: Boolean(passwordHash) },
    },
    async (trx) => {
      const set = {
        ...(patch.displayName !== undefined ? { display_name: patch.displayName } : {}),
        ...(patch.dataScope !== undefined ? { data_scope: patch.dataScope } : {}),
        ...(patch.active !== undefined ? { active: patch.active ? 1 : 0 } : {}),
        ...(passwordHash ? { password_hash: passwordHash, password_changed_at: now(yifa) } : {}),
      };
      if (Object.keys(set).length) await trx.updateTable('users').set(set).where('id', '=', id).execute();
      if (patch.roles) {
        await trx.deleteFrom('user_roles').where('user_id', '=', id).execute();
        if (patch.roles.length)
          await trx
            .insertInto('user_roles')
            .values(patch.roles.map((role) => ({ user_id: id, role })))
            .execute();
      }
      // A reset password or a deactivated account ends the user's sessions.
      if (passwordHash || patch.active === false) await trx.deleteFrom('sessions').where('user_id', '=', id).execute();
      return { id };
    },
  );
  return { id };
}

/** Changes of one user's own password run one at a time (see KeyedQueue), so a burst cannot slip past the throttle. */
const passwordChangeQueue = new KeyedQueue();

/**
 * Changes the signed-in user's own password. Wrong old passwords are throttled per user
 * (throttle.ts); every wrong, throttled and successful change is in the login log.
 */
export async function changeOwnPassword(yifa: Yifa, req: Request, input: { oldPassword: string; newPassword: string }, client: Client) {
  return passwordChangeQueue.run([`user:${req.auth.user.id}`], async () => {
    const at = yifa.clock.now();
    const u = await yifa.db.kysely.selectFrom('users').selectAll().where('id', '=', req.auth.user.id).executeTakeFirstOrThrow();
    const entry = (outcome: LoginOutcome) => ({ username: u.username, userId: u.id, outcome });
    const wait = await passwordChangeWait(yifa.db.kysely, u.username, at);
    if (wait > 0) {
      await recordLogin(yifa.db.kysely, entry('password-change-throttled'), client, at);
      throw throttledError('password-change', wait);
    }
    if (!(await verifyPassword(input.oldPassword, u.password_hash))) {
      await recordLogin(yifa.db.kysely, entry('bad-old-password'), client, at);
      throw new AppError('INVALID_INPUT', '原密码不正确');
    }
    const problem = await passwordProblem(input.newPassword, { username: u.username, displayName: u.display_name });
    if (problem) throw invalid(problem);
    if (input.oldPassword === input.newPassword) throw invalid('新密码不能与原密码相同');
    const hash = await hashPassword(input.newPassword);
    await yifa.journal.perform(
      {
        type: 'org.user.password-change',
        actor: req.auth.actor,
        subject: { type: 'user', id: u.id, regionPath: u.region_path },
        idempotencyKey: req.idempotencyKey,
        payload: {},
      },
      async (trx) => {
        await trx
          .updateTable('users')
          .set({ password_hash: hash, password_changed_at: now(yifa) })
          .where('id', '=', u.id)
          .execute();
        // Other sessions end; this one stays.
        await trx.deleteFrom('sessions').where('user_id', '=', u.id).where('id', '!=', req.auth.sessionId).execute();
        await recordLogin(trx, entry('password-changed'), client, at);
        return { ok: true };
      },
    );
  });
}
