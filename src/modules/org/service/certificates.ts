/** The 执法证 register: certificates, their standing today, and their changes. */
import { randomUUID } from 'node:crypto';
import type { Yifa } from '../../../platform/yifa.js';
import type { AnnualReview, CertificateState } from '../../../platform/db/schema.js';
import { conflict, invalid, notFound } from '../../../platform/http/errors.js';
import { decodeCursor, keysetAfter, pageOf } from '../../../platform/http/pagination.js';
import type { AuthContext, Request } from '../../../platform/security/request.js';
import { scopeFilter } from '../../../platform/security/scope.js';
import { inForce, STANDINGS, standingOf, type Standing } from '../certificates.js';
import { assertWritable, now } from './shared.js';
import { publicUrlOf } from '../../../platform/config.js';
import { CERTIFICATE_TOKEN_PATTERN, newCertificateToken } from '../../../platform/security/public-codes.js';

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

function certificateView(c: Record<string, unknown>, today: string, publicUrl: string) {
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
    /** What its QR code opens (亮证): the holder's public profile, no login */
    profileUrl: c.public_token ? certificateProfileUrl(publicUrl, c.public_token as string) : null,
  };
}

/** The page a 执法证's QR code opens. */
export const certificateProfileUrl = (publicUrl: string, token: string) => `${publicUrl}/portal/officer/${token}`;

export async function certificatesOf(yifa: Yifa, personId: string) {
  const today = yifa.clock.today();
  const rows = await yifa.db.kysely
    .selectFrom('certificates')
    .selectAll()
    .where('person_id', '=', personId)
    .orderBy('expires_on', 'desc')
    .execute();
  return rows.map((c) => certificateView(c, today, publicUrlOf(yifa.config)));
}

export async function listCertificates(
  yifa: Yifa,
  auth: AuthContext,
  f: { agencyId?: string; standing?: 'attention' | Standing; limit: number; cursor?: string },
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
  // The people of one agency (the officer picker of its penalty forms shows each one's standing).
  if (f.agencyId) q = q.where('people.agency_id', '=', f.agencyId);
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
    (r) => certificateView(r, today, publicUrlOf(yifa.config)),
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
    public_token: newCertificateToken(),
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
  return certificateView({ ...stored, person_name: person.name }, yifa.clock.today(), publicUrlOf(yifa.config));
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
  return certificateView({ ...c, ...set }, yifa.clock.today(), publicUrlOf(yifa.config));
}

/**
 * 亮证 (issue 13 §8): what a 执法证's QR code shows anyone who scans it — the holder's name,
 * agency, certificate number, field and area, its validity and whether it is in force today.
 * No photo, ID number, phone or anything else about the holder. An unknown token (or one
 * that cannot be a token) is NOT_FOUND, the same answer either way.
 */
export async function publicCertificate(yifa: Yifa, token: string) {
  if (!CERTIFICATE_TOKEN_PATTERN.test(token)) throw notFound('执法证');
  const c = await yifa.db.kysely
    .selectFrom('certificates')
    .innerJoin('people', 'people.id', 'certificates.person_id')
    .innerJoin('agencies', 'agencies.id', 'people.agency_id')
    .select([
      'certificates.number',
      'certificates.field',
      'certificates.area',
      'certificates.issued_on',
      'certificates.expires_on',
      'certificates.state',
      'certificates.annual_review',
      'people.name',
      'people.active',
      'agencies.name as agency_name',
    ])
    .where('certificates.public_token', '=', token)
    .executeTakeFirst();
  if (!c) throw notFound('执法证');
  const today = yifa.clock.today();
  const facts = { state: c.state, annualReview: c.annual_review, issuedOn: c.issued_on, expiresOn: c.expires_on };
  const { standing } = standingOf(facts, today);
  // One who left the agency holds no 执法证 in force, whatever the register still says.
  const valid = inForce(facts, today) && Number(c.active) === 1;
  return {
    name: c.name,
    agency: c.agency_name,
    certificateNumber: c.number,
    field: c.field,
    area: c.area,
    validFrom: c.issued_on,
    validUntil: c.expires_on,
    today,
    inForce: valid,
    standing: valid || Number(c.active) === 1 ? standing : ('revoked' as const),
    standingName: valid ? '有效' : Number(c.active) === 1 ? STANDINGS[standing] : '持证人已离岗，证件失效',
  };
}
