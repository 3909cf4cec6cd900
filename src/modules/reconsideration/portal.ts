/**
 * The applicant's side of 行政复议 on the public portal, without an account: apply online
 * (行政复议法 Art 22: an application may be made in writing, including online) and get a
 * tracking code (shown once; only its SHA-256 is stored), then follow the application with the
 * code and the second factor (the last 4 of the ID number or phone he gave): its status, its
 * deadlines and the documents addressed to him, and download each. The page never shows
 * personal data, the respondent's answer or anyone else's application; the county's 复议机构
 * accepts it as any other. Filing and lookups are rate-limited per address.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Yifa } from '../../platform/yifa.js';
import { notFound } from '../../platform/http/errors.js';
import { docxHeaders, portalLimits, publicAgency, publicRequest, trackingCodeSchema } from '../../procedure/portal.js';
import { newTrackingCode, trackingHashOf } from '../../procedure/tracking-code.js';
import { factorsOf, secondFactorSchema, verifySecondFactor } from '../../procedure/second-factor.js';
import { getRecord, openRecord, openRecordDocument, visibleState, type RecordView } from '../../procedure/service.js';
import { RECONSIDERATIONS } from './procedure.js';
import { onlineSchema } from './actions.js';
import { DECISION_TYPES, TERMINATION_GROUNDS, type Reconsideration, type ReconsiderationStatus } from './state.js';

const APPLICANT_NAME = '申请人（网上）';
/** The documents addressed to the applicant, which the code may download. */
const TO_APPLICANT = ['correction', 'acceptance', 'refusal', 'extension', 'decision', 'settlement', 'termination'] as const;
/** The deadlines the applicant is told of */
const TOLD = new Set([
  'reconsideration.acceptance',
  'reconsideration.correction-reply',
  'reconsideration.decision',
  'reconsideration.decision-simple',
]);

/** The 复议机构 of the county: the agency the portal files with (the 司法局 whose people hold the 复议人员 role). */
async function reviewingBody(yifa: Yifa, respondentAgencyId: string) {
  const respondent = await yifa.db.kysely
    .selectFrom('agencies')
    .innerJoin('regions', 'regions.id', 'agencies.region_id')
    .select(['regions.path'])
    .where('agencies.id', '=', respondentAgencyId)
    .executeTakeFirst();
  const county = respondent?.path.split('/').filter(Boolean)[0];
  const body = county
    ? await yifa.db.kysely
        .selectFrom('users')
        .innerJoin('user_roles', 'user_roles.user_id', 'users.id')
        .innerJoin('agencies', 'agencies.id', 'users.agency_id')
        .innerJoin('regions', 'regions.id', 'agencies.region_id')
        .select('agencies.id')
        .where('user_roles.role', '=', 'county_reconsideration')
        .where('regions.path', 'like', `/${county}/%`)
        .orderBy('agencies.id')
        .limit(1)
        .executeTakeFirst()
    : undefined;
  if (!body) throw notFound('受理该行政复议申请的复议机构');
  return publicAgency(yifa, body.id, '复议机构');
}

/** The application a code names, or NOT_FOUND (the same answer for a wrong code and a missing one). */
async function byCode(yifa: Yifa, code: string) {
  const row = await yifa.db.kysely
    .selectFrom('reconsiderations')
    .innerJoin('procedure_cases', 'procedure_cases.id', 'reconsiderations.id')
    .select(['procedure_cases.id', 'procedure_cases.agency_id', 'procedure_cases.region_path'])
    .where('reconsiderations.tracking_hash', '=', trackingHashOf(code))
    .executeTakeFirst();
  if (!row) throw notFound('该查询码对应的行政复议申请');
  return { id: row.id, at: { agencyId: row.agency_id, regionPath: row.region_path } };
}

/** The code and the second factor: the application, its state read and the factor checked against the record itself. */
async function verified(yifa: Yifa, client: Parameters<typeof publicRequest>[1], code: string, verify: string) {
  const found = await byCode(yifa, code);
  const r = publicRequest(yifa, client, found.at, APPLICANT_NAME);
  const { state } = await visibleState(yifa, r, RECONSIDERATIONS, found.id);
  await verifySecondFactor(yifa, {
    id: found.id,
    factors: factorsOf([state.applicant]),
    given: verify,
    noFactor: '申请时未留身份证号或电话，无法在线验证身份，请向复议机构查询',
    tooMany: '验证失败次数过多，请明天再试，或向复议机构查询',
  });
  return { ...found, r };
}

/** What the applicant sees: status, deadlines, the steps taken and the documents to him — no personal data, no answer or evidence. */
export function publicReconsiderationView(view: RecordView<Reconsideration, ReconsiderationStatus>) {
  const x = view.record;
  return {
    status: view.status,
    statusName: view.statusName,
    agency: view.agency.name,
    respondent: x.respondent.name,
    receivedOn: x.receivedOn,
    challengedAct: x.challengedAct,
    requests: x.requests,
    correction: x.correction && { on: x.correction.on, items: x.correction.items, answerBy: x.correction.answerBy },
    acceptance: x.acceptance && { on: x.acceptance.on, deemed: x.acceptance.deemed, simple: x.acceptance.simple },
    refusal: x.refusal && { on: x.refusal.on, reason: x.refusal.reason },
    suspended: view.suspended,
    extension: x.extension && { until: x.extension.until, days: x.extension.days },
    decision: x.decision && { on: x.decision.on, type: DECISION_TYPES[x.decision.type].name, number: x.decision.number },
    settlement: x.settlement && { on: x.settlement.on, number: x.settlement.number },
    termination: x.termination && { on: x.termination.on, ground: TERMINATION_GROUNDS[x.termination.ground].name },
    deadlines: view.deadlines
      .filter((d) => TOLD.has(d.rule))
      .map((d) => ({ rule: d.rule, title: d.title, due: d.due, state: d.state, kind: d.kind })),
    documents: view.documents
      .filter((d) => (TO_APPLICANT as readonly string[]).includes(d.series))
      .map((d) => ({ id: d.series, title: d.title, number: d.number })),
  };
}

export const reconsiderationPortal =
  (yifa: Yifa): FastifyPluginAsync =>
  async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();
    const tags = ['public'];
    const limits = portalLimits(yifa);
    const { trackingHash: _hash, ...fields } = onlineSchema.shape;

    app.post(
      '/public/reconsiderations',
      {
        schema: {
          tags,
          summary: '网上申请行政复议（无需登录；返回查询码，只显示一次）',
          body: z.strictObject(fields),
        },
        config: limits.file,
      },
      async (req, reply) => {
        const at = await reviewingBody(yifa, req.body.respondentAgencyId);
        const code = newTrackingCode();
        const view = await openRecord(
          yifa,
          publicRequest(yifa, req, at, APPLICANT_NAME),
          RECONSIDERATIONS,
          'reconsideration.apply-online',
          { ...req.body, trackingHash: trackingHashOf(code) },
          at.agencyId,
        );
        reply.code(201);
        return { trackingCode: code, ...publicReconsiderationView(view) };
      },
    );

    app.post(
      '/public/reconsiderations/track',
      {
        schema: {
          tags,
          summary: '凭查询码和身份验证（身份证号或电话后 4 位）查看行政复议申请的办理进度',
          body: z.strictObject({ code: trackingCodeSchema, verify: secondFactorSchema }),
        },
        config: limits.read,
      },
      async (req) => {
        const { id, r } = await verified(yifa, req, req.body.code, req.body.verify);
        return publicReconsiderationView(await getRecord(yifa, r, RECONSIDERATIONS, id));
      },
    );

    app.post(
      '/public/reconsiderations/track/document',
      {
        schema: {
          tags,
          summary: '凭查询码和身份验证下载受理通知书、决定书等（DOCX）',
          body: z.strictObject({ code: trackingCodeSchema, verify: secondFactorSchema, documentId: z.enum(TO_APPLICANT) }),
        },
        config: limits.read,
      },
      async (req, reply) => {
        const { id, r } = await verified(yifa, req, req.body.code, req.body.verify);
        const doc = await openRecordDocument(yifa, r, RECONSIDERATIONS, id, req.body.documentId, 'docx');
        reply.headers(docxHeaders(doc.content.title));
        return reply.send(doc.docx);
      },
    );
  };
