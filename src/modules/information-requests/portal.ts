/**
 * The applicant's side, on the public portal, without an account: file a request (and get a
 * tracking code, shown once), follow it, answer a 补正 notice and download the written
 * replies — all with the code. The code is random (80 bits); only its SHA-256 is stored, in
 * the request's state, so neither the journal nor the database can show it. A code shows
 * only its own request; lookups and filings are rate-limited.
 */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Yifa } from '../../platform/yifa.js';
import { notFound } from '../../platform/http/errors.js';
import type { Request } from '../../platform/security/request.js';
import { docxHeaders, portalLimits, publicAgency, publicRequest, trackingCodeSchema } from '../../procedure/portal.js';
import { actOnRecord, getRecord, openRecord, openRecordDocument, type RecordView } from '../../procedure/service.js';
import { INFORMATION_REQUESTS } from './procedure.js';
import { newTrackingCode, trackingHashOf } from '../../procedure/tracking-code.js';
import { submitSchema } from './actions.js';
import { REPLY_TYPES, WITHHOLDING_GROUNDS, type InformationRequest, type RequestStatus } from './state.js';

/** The documents addressed to the applicant, which the code may download. */
const TO_APPLICANT = ['correction', 'extension-notice', 'reply'] as const;

const codeSchema = trackingCodeSchema;

/** The applicant acting on the portal (the kit's public actor). `client` is the HTTP request a refusal is journaled with. */
export const applicantRequest = (
  yifa: Yifa,
  client: Pick<FastifyRequest, 'method' | 'url' | 'ip'> | null,
  at: { agencyId: string; regionPath: string },
): Request => publicRequest(yifa, client, at, '申请人（网上）');

/** The request a code names, or NOT_FOUND (the same answer for a wrong code and a missing one). */
async function byCode(yifa: Yifa, code: string) {
  const row = await yifa.db.kysely
    .selectFrom('information_requests')
    .innerJoin('procedure_cases', 'procedure_cases.id', 'information_requests.id')
    .select(['procedure_cases.id', 'procedure_cases.agency_id', 'procedure_cases.region_path'])
    .where('information_requests.tracking_hash', '=', trackingHashOf(code))
    .executeTakeFirst();
  if (!row) throw notFound('该查询码对应的申请');
  return row;
}

/** What the applicant sees: the request's progress, the notices and the reply — not other people's data, nor internal notes. */
function publicView(view: RecordView<InformationRequest, RequestStatus>) {
  const r = view.record;
  return {
    status: view.status,
    statusName: view.statusName,
    agency: view.agency.name,
    receivedOn: r.receivedOn,
    description: r.description,
    correction: r.correction && {
      noticeOn: r.correction.noticeOn,
      items: r.correction.items,
      answerBy: r.correction.answerBy,
      answeredOn: r.correction.answeredOn,
    },
    extension: r.extension && { until: r.extension.until, reason: r.extension.reason },
    reply: r.reply && {
      on: r.reply.on,
      type: r.reply.type,
      typeName: REPLY_TYPES[r.reply.type].name,
      text: r.reply.text,
      number: r.reply.number,
      ground: r.reply.ground ? WITHHOLDING_GROUNDS[r.reply.ground].name : null,
      referTo: r.reply.referTo,
    },
    deadlines: view.deadlines.filter((d) => d.kind === 'duty').map((d) => ({ rule: d.rule, title: d.title, due: d.due, state: d.state })),
    // Each numbered notice to the applicant is the document of the same id (documents.ts).
    documents: view.documents
      .filter((d) => (TO_APPLICANT as readonly string[]).includes(d.series))
      .map((d) => ({ id: d.series, title: d.title, number: d.number })),
    canAnswerCorrection: view.status === 'correcting',
  };
}

export const informationRequestPortal =
  (yifa: Yifa): FastifyPluginAsync =>
  async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();
    const tags = ['public'];
    // Filing is rarer than reading: a tighter limit per address.
    const { file: fileLimit, read: readLimit } = portalLimits(yifa);
    const submit = submitSchema;

    app.post(
      '/public/information-requests',
      {
        schema: {
          tags,
          summary: '网上提交政府信息公开申请（无需登录；返回查询码，只显示一次）',
          body: z.strictObject({
            agencyId: z.string().min(1).max(64),
            applicant: submit.shape.applicant,
            description: submit.shape.description,
            form: submit.shape.form,
          }),
        },
        config: fileLimit,
      },
      async (req, reply) => {
        const agency = await publicAgency(yifa, req.body.agencyId, '受理申请的机关');
        const code = newTrackingCode();
        const today = yifa.clock.today();
        const r = applicantRequest(yifa, req, agency);
        const { agencyId: _agency, ...fields } = req.body;
        const view = await openRecord(
          yifa,
          r,
          INFORMATION_REQUESTS,
          'information-request.submit',
          { ...fields, channel: 'online', receivedOn: today, trackingHash: trackingHashOf(code) },
          agency.agencyId,
        );
        reply.code(201);
        return { trackingCode: code, ...publicView(view) };
      },
    );

    app.post(
      '/public/information-requests/track',
      {
        schema: { tags, summary: '凭查询码查看申请办理进度和答复', body: z.strictObject({ code: codeSchema }) },
        config: readLimit,
      },
      async (req) => {
        const row = await byCode(yifa, req.body.code);
        const view = await getRecord(
          yifa,
          applicantRequest(yifa, req, { agencyId: row.agency_id, regionPath: row.region_path }),
          INFORMATION_REQUESTS,
          row.id,
        );
        return publicView(view);
      },
    );

    app.post(
      '/public/information-requests/track/correction',
      {
        schema: {
          tags,
          summary: '凭查询码提交补正',
          body: z.strictObject({ code: codeSchema, answer: z.string().trim().min(1, '不能为空').max(2000) }),
        },
        config: fileLimit,
      },
      async (req) => {
        const row = await byCode(yifa, req.body.code);
        const r = applicantRequest(yifa, req, { agencyId: row.agency_id, regionPath: row.region_path });
        const on = yifa.clock.today();
        const view = await actOnRecord(yifa, r, INFORMATION_REQUESTS, row.id, 'information-request.answer-correction', {
          on,
          answer: req.body.answer,
          lateReason: null,
        });
        return publicView(view);
      },
    );

    app.post(
      '/public/information-requests/track/document',
      {
        schema: {
          tags,
          summary: '凭查询码下载告知书、答复书（DOCX）',
          body: z.strictObject({ code: codeSchema, documentId: z.enum(TO_APPLICANT) }),
        },
        config: readLimit,
      },
      async (req, reply) => {
        const row = await byCode(yifa, req.body.code);
        const doc = await openRecordDocument(
          yifa,
          applicantRequest(yifa, req, { agencyId: row.agency_id, regionPath: row.region_path }),
          INFORMATION_REQUESTS,
          row.id,
          req.body.documentId,
          'docx',
        );
        reply.headers(docxHeaders(doc.content.title));
        return reply.send(doc.docx);
      },
    );
  };
