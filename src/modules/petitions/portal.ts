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
import { DomainError } from '../../platform/errors.js';
import { fileName, requiredText } from '../../platform/http/schemas.js';
import { docxHeaders, portalLimits, publicAgency, publicRequest, trackingCodeSchema } from '../../procedure/portal.js';
import { newTrackingCode, trackingHashOf } from '../../procedure/tracking-code.js';
import { factorsOf, secondFactorSchema, verifySecondFactor } from '../../procedure/second-factor.js';
import { actOnRecord, getRecord, openRecord, openRecordDocument, visibleState, type RecordView } from '../../procedure/service.js';
import { PETITIONS } from './procedure.js';
import { LINK_ROUTES } from '../../procedure/links.js';
import { registerSchema } from './actions.js';
import { materialPayload } from '../../procedure/evidence.js';
import { PORTAL_FILE, acceptPortalFile, portalFileLimit } from '../../procedure/portal-uploads.js';
import { checkProof, issueChallenge, proofSchema } from '../../procedure/portal-proof.js';
import {
  AGREEMENT_KINDS,
  ATTACHMENT_TYPES,
  CATEGORIES,
  LEGAL_ROUTES,
  OUTCOME_NAMES,
  RATINGS,
  REVIEW_OUTCOMES,
  article,
  type Petition,
  type PetitionStatus,
} from './state.js';

/** The documents addressed to the petitioner, which the code may download. */
const TO_PETITIONER = ['acceptance', 'decline', 'route', 'extension-notice', 'opinion', 'agreement', 'review', 'recheck'] as const;

const PETITIONER_NAME = '信访人（网上）';

const materialFields = materialPayload(ATTACHMENT_TYPES).shape;

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
      route: r.kind === 'decline' ? LEGAL_ROUTES[r.route].name : r.kind === 'procedure' ? LINK_ROUTES[r.route] : null,
      to: r.kind === 'transfer' || r.kind === 'assign' ? r.to : r.kind === 'procedure' ? (p.linkedTo?.recordName ?? null) : null,
      reason: r.kind === 'accept' ? null : r.reason,
    },
    extension: p.extension && { until: p.extension.until, reason: p.extension.reason, days: p.extension.days },
    opinion: p.opinion && { on: p.opinion.on, outcome: OUTCOME_NAMES[p.opinion.outcome], text: p.opinion.text, number: p.opinion.number },
    agreement: p.agreement
      ? { on: p.agreement.on, kind: AGREEMENT_KINDS[p.agreement.kind], terms: p.agreement.terms, number: p.agreement.number }
      : null,
    review: reviewView(p.review),
    recheck: reviewView(p.recheck),
    deadlines: view.deadlines.map((d) => ({ rule: d.rule, title: d.title, due: d.due, state: d.state, kind: d.kind })),
    documents: view.documents
      .filter((d) => (TO_PETITIONER as readonly string[]).includes(d.series))
      .map((d) => ({ id: d.series, title: d.title, number: d.number })),
    ratings: p.ratings.map((x) => ({ on: x.on, rating: RATINGS[x.rating] })),
    // The table decides: a reply not yet rated (Art 21); the page offers the form only then.
    canRate: view.allowedActions.some((a) => a.type === 'petition.rate'),
    materials: {
      open: view.allowedActions.some((a) => a.type === 'petition.submit-material'),
      verifiable: hasFactor(p),
      limit: portalFileLimit(),
      types: ATTACHMENT_TYPES,
    },
    reviewRequest: reviewRequestOf(view),
  };
}

/** The view's record is masked (the public has no personal-data right): a factor shows as present, not as itself. */
const hasFactor = (p: Petition) => p.petitioners.some((x) => !!x.idNumber || !!x.phone);

/** 复查 after the opinion (Art 35), 复核 after the 复查 reply (Art 36): which one the petitioner may ask for now, by which action and window. */
const NEXT_REVIEW = {
  answered: { kind: 'review', title: '复查', action: 'petition.request-review', rule: 'petition.review-request', article: '三十五' },
  reviewed: { kind: 'recheck', title: '复核', action: 'petition.request-recheck', rule: 'petition.recheck-request', article: '三十六' },
} as const;
type ReviewStatus = keyof typeof NEXT_REVIEW;

/**
 * What the page says of a 复查 or 复核 request: which the petitioner may ask for, until when,
 * whether the window is still open, and whether the petition holds a factor to verify him by;
 * after 复核, that the matter is closed (Art 36). Null when none applies yet.
 */
function reviewRequestOf(view: RecordView<Petition, PetitionStatus>) {
  if (view.status === 'rechecked') return { kind: 'closed' as const, title: '复核', until: null, open: false, verifiable: false };
  const next = NEXT_REVIEW[view.status as ReviewStatus];
  if (!next) return null;
  const window = view.deadlines.find((d) => d.rule === next.rule);
  return {
    kind: next.kind,
    title: next.title,
    until: window?.due ?? null,
    open: window?.state === 'ok',
    verifiable: hasFactor(view.record),
  };
}

/** The petitioner's second factor (the kit's: last 4 of an ID number or phone he left), checked before his 复查 or 复核 request is taken. */
function verifyFactor(yifa: Yifa, p: Petition, id: string, given: string) {
  return verifySecondFactor(yifa, {
    id,
    factors: factorsOf(p.petitioners),
    given,
    noFactor: '登记时未留身份证号或电话，无法在线验证身份，请向信访部门书面提出请求',
    tooMany: '验证失败次数过多，请明天再试，或向信访部门书面提出请求',
  });
}

/** Why no 复查 or 复核 may be asked for in this status: concluded after 复核 (Art 36), or no written reply yet. */
function notReviewable(status: string) {
  if (status === 'rechecked')
    return new DomainError('GATE_REFUSED', '信访事项已经复核，同一事实和理由的请求不再受理', { citation: article('三十六') });
  if (status === 'reviewing' || status === 'rechecking')
    return new DomainError('GATE_REFUSED', `${status === 'reviewing' ? '复查' : '复核'}请求已经提出，正在等待答复`);
  return new DomainError('GATE_REFUSED', '尚未出具信访处理意见书，暂不能请求复查', { citation: article('三十五') });
}

export const petitionPortal =
  (yifa: Yifa): FastifyPluginAsync =>
  async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();
    const tags = ['public'];
    const limits = portalLimits(yifa);
    const fields = registerSchema.shape;

    app.get(
      '/public/petitions/challenge',
      { schema: { tags, summary: '取得网上信访的人机验证题目（浏览器计算后随信访事项提交）' }, config: limits.read },
      async () => issueChallenge(yifa),
    );

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
            proof: proofSchema.optional(),
          }),
        },
        config: limits.file,
      },
      async (req, reply) => {
        checkProof(yifa, req.body.proof);
        const at = await publicAgency(yifa, req.body.agencyId, '受理信访事项的机关');
        const code = newTrackingCode();
        const { agencyId: _agency, proof: _proof, ...body } = req.body;
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
      '/public/petitions/track/review',
      {
        schema: {
          tags,
          summary: '凭查询码和身份验证（身份证号或电话后 4 位）在线请求复查或复核',
          body: z.strictObject({
            code: trackingCodeSchema,
            verify: secondFactorSchema,
            body: requiredText(100),
            reason: requiredText(2000),
          }),
        },
        config: limits.file,
      },
      async (req) => {
        const found = await byCode(yifa, req.body.code);
        const r = publicRequest(yifa, req, found.at, PETITIONER_NAME);
        const today = yifa.clock.today();
        const current = await getRecord(yifa, r, PETITIONS, found.id);
        const next = NEXT_REVIEW[current.status as ReviewStatus];
        if (!next) throw notReviewable(current.status);
        // Checked against the record itself, not the masked view.
        await verifyFactor(yifa, (await visibleState(yifa, r, PETITIONS, found.id)).state, found.id, req.body.verify);
        // The table's gates decide the rest: the window (Art 35, 36), counted from the day the reply reached him.
        const view = await actOnRecord(yifa, r, PETITIONS, found.id, next.action, {
          on: today,
          body: req.body.body,
          reason: req.body.reason,
        });
        return publicPetitionView(view);
      },
    );

    app.post(
      '/public/petitions/track/materials',
      {
        schema: {
          tags,
          summary: `凭查询码和身份验证补充信访材料（${portalFileLimit()}，内容以 Base64 提交）`,
          body: z.strictObject({
            code: trackingCodeSchema,
            verify: secondFactorSchema,
            type: materialFields.type,
            title: materialFields.title,
            description: materialFields.description,
            fileName,
            mime: z.string().trim().min(3).max(100),
            // Base64 of at most PORTAL_FILE.maxBytes: 4 characters for every 3 bytes.
            content: z
              .string()
              .max(Math.ceil(PORTAL_FILE.maxBytes / 3) * 4, `文件超过允许的大小（${portalFileLimit()}）`)
              .regex(/^[A-Za-z0-9+/]*={0,2}$/, '文件内容须为 Base64 编码'),
          }),
        },
        config: limits.file,
        bodyLimit: Math.ceil(PORTAL_FILE.maxBytes / 3) * 4 + 64 * 1024,
      },
      async (req) => {
        const found = await byCode(yifa, req.body.code);
        const r = publicRequest(yifa, req, found.at, PETITIONER_NAME);
        await verifyFactor(yifa, (await visibleState(yifa, r, PETITIONS, found.id)).state, found.id, req.body.verify);
        // Checked (size, kind from the bytes, hash) and kept before the action names it; the action's gates decide the rest.
        const file = await acceptPortalFile(
          yifa,
          { type: PETITIONS.proc.subjectType, id: found.id },
          { fileName: req.body.fileName, mime: req.body.mime, bytes: Buffer.from(req.body.content, 'base64') },
        );
        const view = await actOnRecord(yifa, r, PETITIONS, found.id, 'petition.submit-material', {
          type: req.body.type,
          title: req.body.title,
          description: req.body.description,
          file: { sha256: file.sha256 },
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
