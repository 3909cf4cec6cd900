/**
 * The module's own routes beside the kit's for normative documents: the clause-by-clause
 * diff between two versions, the queue of documents whose evaluation before expiry is due,
 * and the portal's public list, search and text of published documents with each one's
 * current state (the 信息公开目录's 规范性文件).
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Yifa } from '../../platform/yifa.js';
import { holdsText } from '../../platform/search/gram-index.js';
import { charQueryGrams } from '../../platform/search/grams.js';
import { serviceRequest } from '../../platform/http/request.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { decodeCursor, keysetAfter, pageOf, pageQuery } from '../../platform/http/pagination.js';
import { scopeFilter } from '../../platform/security/scope.js';
import { portalLimits } from '../../procedure/portal.js';
import { provenRecord, visibleState } from '../../procedure/service.js';
import { diffClauses, diffSummary } from '../../procedure/clauses.js';
import { CLEANUP_RESULTS } from './law.js';
import { NORMATIVE_DOCS } from './procedure.js';
import { currentRegistration, type NormativeDoc } from './state.js';

const tags = ['normative-documents'];

/** What the public is told of a document's standing today. */
export const PUBLIC_STATES = {
  pending: '已发布，尚未施行',
  effective: '现行有效',
  lapsed: '已失效（有效期届满）',
  repealed: '已废止',
  invalid: '已宣布失效',
} as const;
export type PublicState = keyof typeof PUBLIC_STATES;

/** A published document's standing on `today`, from its own columns. */
export function publicState(r: { status: string; effective_on: string | null }, today: string): PublicState {
  if (r.status === 'lapsed' || r.status === 'repealed' || r.status === 'invalid') return r.status;
  return r.effective_on && r.effective_on > today ? 'pending' : 'effective';
}

export const publicQuery = z.strictObject({
  q: z.string().trim().max(50, '检索词不能超过 50 个字').optional(),
  state: z.enum(Object.keys(PUBLIC_STATES) as [PublicState, ...PublicState[]]).optional(),
  ...pageQuery,
});

/** The portal's list: published documents, newest first, by title or number, in a state. */
export async function publicDocuments(yifa: Yifa, f: z.infer<typeof publicQuery>) {
  const today = yifa.clock.today();
  let q = yifa.db.kysely
    .selectFrom('normative_documents as n')
    .innerJoin('procedure_cases as c', 'c.id', 'n.id')
    .innerJoin('agencies as a', 'a.id', 'c.agency_id')
    .select(['n.id', 'n.title', 'n.number', 'n.status', 'n.published_on', 'n.effective_on', 'n.expires_on', 'a.name as agency'])
    .where('n.published_on', 'is not', null);
  if (f.state === 'pending') q = q.where('n.status', '=', 'published').where('n.effective_on', '>', today);
  else if (f.state === 'effective') q = q.where('n.status', '=', 'published').where('n.effective_on', '<=', today);
  else if (f.state) q = q.where('n.status', '=', f.state);
  const key = decodeCursor(f.cursor, 2);
  if (key) q = q.where(keysetAfter(['n.published_on', 'n.id'], key, 'desc'));
  const newestFirst = <Q extends typeof q>(x: Q) =>
    x
      .orderBy('n.published_on', 'desc')
      .orderBy('n.id', 'desc')
      .limit(f.limit + 1);
  // A fragment with no letter or digit looks for nothing: nothing matches.
  const rows = !f.q?.trim()
    ? await newestFirst(q).execute()
    : charQueryGrams(f.q)
      ? await newestFirst(q.where(holdsText(f.q, 'n.search_text'))).execute()
      : [];
  return pageOf(
    rows,
    f.limit,
    (r) => [r.published_on!, r.id],
    (r) => {
      const state = publicState(r, today);
      return {
        id: r.id,
        title: r.title,
        number: r.number,
        agency: r.agency,
        publishedOn: r.published_on,
        effectiveOn: r.effective_on,
        expiresOn: r.expires_on,
        state,
        stateName: PUBLIC_STATES[state],
      };
    },
  );
}

/** One published document as the public reads it: the current text under its number, its dates and standing, its cleanup results. */
async function publicDocument(yifa: Yifa, id: string) {
  const row = await yifa.db.kysely
    .selectFrom('normative_documents')
    .select(['status', 'effective_on', 'published_on'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row?.published_on) throw notFound('规范性文件');
  const { state } = await provenRecord(yifa, NORMATIVE_DOCS, id, 'request');
  const d = state as NormativeDoc;
  const r = currentRegistration(d)!;
  const s = publicState(row, yifa.clock.today());
  return {
    id,
    title: d.title,
    number: r.number,
    numbers: d.registrations.map((x) => ({ number: x.number, on: x.on, renewal: x.renewal })),
    drafter: d.drafter,
    publishedOn: d.registrations[0]!.on,
    effectiveOn: r.effectiveOn,
    expiresOn: r.expiresOn,
    state: s,
    stateName: PUBLIC_STATES[s],
    text: d.versions.at(-1)!.text,
    cleanups: d.cleanups.map((c) => ({ on: c.on, result: CLEANUP_RESULTS[c.result], reason: c.reason })),
  };
}

const versionsQuery = z.strictObject({
  from: z.coerce.number().int().min(1, '版本号从 1 起').optional(),
  to: z.coerce.number().int().min(1, '版本号从 1 起').optional(),
});

export const normativeRoutes =
  (yifa: Yifa): FastifyPluginAsync =>
  async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/normative-documents/evaluation-due',
      {
        schema: {
          tags,
          summary: '有效期届满前 6 个月内、待评估延续的规范性文件（含已届满未处理的）',
          querystring: z.strictObject(pageQuery),
        },
      },
      async (req) => {
        const r = await serviceRequest(yifa, req, 'normative.read');
        const today = yifa.clock.today();
        const key = decodeCursor(req.query.cursor, 2);
        let q = yifa.db.kysely
          .selectFrom('normative_documents as n')
          .innerJoin('procedure_cases as c', 'c.id', 'n.id')
          .select(['n.id', 'n.title', 'n.number', 'n.expires_on', 'n.evaluation_from'])
          .where('n.evaluation_from', '<=', today)
          .where(scopeFilter(r.auth.scope, { path: 'c.region_path', createdBy: 'c.created_by' }));
        if (key) q = q.where(keysetAfter(['n.expires_on', 'n.id'], key));
        const rows = await q
          .orderBy('n.expires_on')
          .orderBy('n.id')
          .limit(req.query.limit + 1)
          .execute();
        return pageOf(
          rows,
          req.query.limit,
          (x) => [x.expires_on!, x.id],
          (x) => ({
            id: x.id,
            title: x.title,
            number: x.number,
            expiresOn: x.expires_on,
            evaluationFrom: x.evaluation_from,
            expired: x.expires_on! < today,
          }),
        );
      },
    );

    app.get(
      '/normative-documents/:id/diff',
      {
        schema: {
          tags,
          summary: '两个版本正文的逐条对比（按“第X条”；不填：上一版本与当前版本）',
          params: z.strictObject({ id: z.string().min(1).max(64) }),
          querystring: versionsQuery,
        },
      },
      async (req) => {
        const r = await serviceRequest(yifa, req, 'normative.read');
        const { state } = await visibleState(yifa, r, NORMATIVE_DOCS, req.params.id);
        const d = state as NormativeDoc;
        const last = d.versions.length;
        const to = req.query.to ?? last;
        const from = req.query.from ?? Math.max(1, to - 1);
        const a = d.versions[from - 1];
        const b = d.versions[to - 1];
        if (!a || !b) throw new AppError('INVALID_INPUT', `版本号须在 1 至 ${last} 之间`);
        const clauses = diffClauses(a.text, b.text);
        return {
          from: a,
          to: b,
          versions: d.versions.map((v) => ({ seq: v.seq, on: v.on, note: v.note })),
          summary: diffSummary(clauses),
          clauses,
        };
      },
    );

    const { read } = portalLimits(yifa);
    app.get(
      '/public/normative-documents',
      {
        schema: { tags: ['public'], summary: '行政规范性文件（公开）：检索已发布的文件及其现行状态', querystring: publicQuery },
        config: read,
      },
      async (req) => publicDocuments(yifa, req.query),
    );
    app.get(
      '/public/normative-documents/:id',
      {
        schema: {
          tags: ['public'],
          summary: '行政规范性文件正文及其现行状态（公开）',
          params: z.strictObject({ id: z.string().min(1).max(64) }),
        },
        config: read,
      },
      async (req) => publicDocument(yifa, req.params.id),
    );
  };
