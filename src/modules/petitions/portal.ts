/**
 * The petitioner's side, on the public portal, without an account (《信访工作条例》第十八条、
 * 第二十一条): file a petition online and get a tracking code (shown once; only its SHA-256
 * is stored), then see its progress with the code — status, the limits, the routing and the
 * written replies, and download each. The page never shows personal data, internal notes or
 * anyone else's petition; filing and lookups are rate-limited per address.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Yifa } from '../../platform/yifa.js';
import { notFound } from '../../platform/http/errors.js';
import { docxHeaders, portalLimits, publicAgency, publicRequest, trackingCodeSchema } from '../../procedure/portal.js';
import { newTrackingCode, trackingHashOf } from '../../procedure/tracking-code.js';
import { actOnRecord, getRecord, openRecord, openRecordDocument, type RecordView } from '../../procedure/service.js';
import { PETITIONS } from './procedure.js';
import { registerSchema } from './actions.js';
import { CATEGORIES, LEGAL_ROUTES, OUTCOME_NAMES, RATINGS, REVIEW_OUTCOMES, type Petition, type PetitionStatus } from './state.js';

/** The documents addressed to the petitioner, which the code may download. */
const TO_PETITIONER = ['acceptance', 'decline', 'extension-notice', 'opinion', 'review', 'recheck'] as const;

const PETITIONER_NAME = '信访人（网上）';

/** The petition a code names, or NOT_FOUND (the same answer for a wrong code and a missing one). */
async function byCode(yifa: Yifa, code: string) {
  const row = await yifa.db.kysely
    .selectFrom('petitions')
    .innerJoin('procedure_cases', 'procedure_cases.id', 'petitions.id')
    .select(['procedure_cases.id', 'procedure_cases.agency_id', 'procedure_cases.region_path'])
    .where('petitions.tracking_hash', '=', trackingHashOf(code))
    .executeTakeFirst();
  if (!row) throw notFound('该查询码对应的信访事项');
  return { id: row.id, at: { agencyId: row.agency_id, regionPath: row.region_path } };
}

const reviewView = (rv: Petition['review']) =>
  rv && {
    requestedOn: rv.requestedOn,
    body: rv.body,
    reply: rv.reply && { on: rv.reply.on, outcome: REVIEW_OUTCOMES[rv.reply.outcome], text: rv.reply.text, number: rv.reply.number },
  };

/** What the petitioner sees: progress, limits, routing and replies — no ID numbers, phones, addresses or investigation notes. */
export function publicPetitionView(view: RecordView<Petition, PetitionStatus>) {
  const p = view.record;
  const r = p.routing;
  return {
    status: view.status,
    statusName: view.statusName,
    agency: view.agency.name,
    number: p.number,
    receivedOn: p.receivedOn,
    category: CATEGORIES[p.category],
    request: p.request,
    routing: r && {
      kind: r.kind,
      on: r.on,
      route: r.kind === 'decline' ? LEGAL_ROUTES[r.route].name : null,
      to: r.kind === 'transfer' || r.kind === 'assign' ? r.to : null,
      reason: r.kind === 'accept' ? null : r.reason,
    },
    extension: p.extension && { until: p.extension.until, reason: p.extension.reason, days: p.extension.days },
    opinion: p.opinion && { on: p.opinion.on, outcome: OUTCOME_NAMES[p.opinion.outcome], text: p.opinion.text, number: p.opinion.number },
    review: reviewView(p.review),
    recheck: reviewView(p.recheck),
    deadlines: view.deadlines.map((d) => ({ rule: d.rule, title: d.title, due: d.due, state: d.state, kind: d.kind })),
    documents: view.documents
      .filter((d) => (TO_PETITIONER as readonly string[]).includes(d.series))
      .map((d) => ({ id: d.series, title: d.title, number: d.number })),
    ratings: p.ratings.map((x) => ({ on: x.on, rating: RATINGS[x.rating] })),
    // The table decides: a reply not yet rated (Art 21); the page offers the form only then.
    canRate: view.allowedActions.some((a) => a.type === 'petition.rate'),
  };
}

export const petitionPortal =
  (yifa: Yifa): FastifyPluginAsync =>
  async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();
    const tags = ['public'];
    const limits = portalLimits(yifa);
    const fields = registerSchema.shape;

    app.post(
      '/public/petitions',
      {
        schema: {
          tags,
          summary: '网上提出信访事项（无需登录；返回查询码，只显示一次）',
          body: z.strictObject({
            agencyId: z.string().min(1).max(64),
            petitioners: fields.petitioners.max(5, '网上信访最多登记 5 名信访人'),
            request: fields.request,
            factsAndReasons: fields.factsAndReasons,
            category: fields.category,
            place: fields.place,
          }),
        },
        config: limits.file,
      },
      async (req, reply) => {
        const at = await publicAgency(yifa, req.body.agencyId, '受理信访事项的机关');
        const code = newTrackingCode();
        const { agencyId: _agency, ...body } = req.body;
        const view = await openRecord(
          yifa,
          publicRequest(yifa, req, at, PETITIONER_NAME),
          PETITIONS,
          'petition.register',
          {
            ...body,
            channel: 'online',
            source: 'direct',
            receivedOn: yifa.clock.today(),
            groupSize: null,
            oralConfirmed: false,
            repeatOf: null,
            trackingHash: trackingHashOf(code),
          },
          at.agencyId,
        );
        reply.code(201);
        return { trackingCode: code, ...publicPetitionView(view) };
      },
    );

    app.post(
      '/public/petitions/track',
      {
        schema: { tags, summary: '凭查询码查看信访事项办理进度和答复', body: z.strictObject({ code: trackingCodeSchema }) },
        config: limits.read,
      },
      async (req) => {
        const found = await byCode(yifa, req.body.code);
        return publicPetitionView(await getRecord(yifa, publicRequest(yifa, req, found.at, PETITIONER_NAME), PETITIONS, found.id));
      },
    );

    app.post(
      '/public/petitions/track/rate',
      {
        schema: {
          tags,
          summary: '凭查询码评价信访事项的办理（满意度）',
          body: z.strictObject({
            code: trackingCodeSchema,
            rating: z.enum(Object.keys(RATINGS) as [keyof typeof RATINGS, ...(keyof typeof RATINGS)[]]),
            comment: z.string().trim().max(500, '不能超过 500 个字').nullable(),
          }),
        },
        config: limits.file,
      },
      async (req) => {
        const found = await byCode(yifa, req.body.code);
        const r = publicRequest(yifa, req, found.at, PETITIONER_NAME);
        const view = await actOnRecord(yifa, r, PETITIONS, found.id, 'petition.rate', {
          on: yifa.clock.today(),
          rating: req.body.rating,
          comment: req.body.comment || null,
        });
        return publicPetitionView(view);
      },
    );

    app.post(
      '/public/petitions/track/document',
      {
        schema: {
          tags,
          summary: '凭查询码下载告知书、意见书（DOCX）',
          body: z.strictObject({ code: trackingCodeSchema, documentId: z.enum(TO_PETITIONER) }),
        },
        config: limits.read,
      },
      async (req, reply) => {
        const found = await byCode(yifa, req.body.code);
        const doc = await openRecordDocument(
          yifa,
          publicRequest(yifa, req, found.at, PETITIONER_NAME),
          PETITIONS,
          found.id,
          req.body.documentId,
          'docx',
        );
        reply.headers(docxHeaders(doc.content.title));
        return reply.send(doc.docx);
      },
    );
  };
