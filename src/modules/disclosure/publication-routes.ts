/**
 * 行政执法公示 (事后公开) over HTTP: the staff queue and its changes under /publications, and the
 * public open-data API under /public/decisions (JSON and an Atom feed), rate-limited, strict
 * in the parameters it accepts, page sizes capped.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Yifa } from '../../platform/yifa.js';
import { serviceRequest } from '../../platform/http/request.js';
import { pageQuery } from '../../platform/http/pagination.js';
import { ProjectionCache } from '../../platform/http/projection-cache.js';
import { legalDate, requiredText } from '../../platform/http/schemas.js';
import { WITHDRAWAL_KINDS } from '../../procedure/spec.js';
import { REDACTABLE_FIELDS } from './masks.js';
import {
  getPublication,
  listPublications,
  PUBLICATION_STATUSES,
  publicDecisionById,
  publicDecisions,
  publicFilters,
  putRetention,
  redactPublication,
  releasePublication,
  retentionOf,
  withdrawPublication,
} from './service.js';
import { atomFeed } from './atom.js';

const idParams = z.strictObject({ id: z.string().uuid() });
const enumOf = <K extends string>(labels: Record<K, string>) => z.enum(Object.keys(labels) as [K, ...K[]]);

const redactionBody = z.strictObject({
  field: enumOf(REDACTABLE_FIELDS).meta({ title: '遮盖的字段', labels: REDACTABLE_FIELDS }),
  text: z.string().trim().min(1).max(100).nullable().meta({ title: '遮盖的文字（不填则遮盖整个字段）' }),
  reason: requiredText(300).meta({ title: '遮盖理由' }),
});

const withdrawalBody = z.strictObject({
  kind: enumOf(WITHDRAWAL_KINDS).meta({ title: '撤回原因', labels: WITHDRAWAL_KINDS }),
  reason: requiredText(500).meta({ title: '撤回说明' }),
});

const retentionBody = z.strictObject({
  natural: z.number().int().min(1).max(120).meta({ title: '自然人（月）' }),
  organisation: z.number().int().min(1).max(120).meta({ title: '法人或者其他组织（月）' }),
});

/** The public list: only these parameters; a page of at most 50. */
export const publicDecisionsQuery = z.strictObject({
  q: z.string().max(50).optional(),
  agencyId: z.string().max(64).optional(),
  violationType: z.string().max(100).optional(),
  from: legalDate.optional(),
  to: legalDate.optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
  cursor: pageQuery.cursor,
});

export const publicationRoutes =
  (yifa: Yifa): FastifyPluginAsync =>
  async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();
    const tags = ['publications'];

    app.get(
      '/publications',
      {
        schema: {
          tags,
          summary: '行政执法决定公示事项（待公示、公示中、已撤回；overdue=1：逾期未公示或未撤回）',
          querystring: z.strictObject({
            status: enumOf(PUBLICATION_STATUSES).optional(),
            overdue: z.enum(['0', '1']).optional(),
            ...pageQuery,
          }),
        },
      },
      async (req) => {
        const r = await serviceRequest(yifa, req, 'disclosure.read');
        const { overdue, ...rest } = req.query;
        return listPublications(yifa, r, { ...rest, overdue: overdue === '1' });
      },
    );

    app.get('/publications/settings', { schema: { tags, summary: '公示展示期限（按当事人类型，月）' } }, async (req) => {
      await serviceRequest(yifa, req, 'disclosure.read');
      return retentionOf(yifa);
    });

    app.put('/publications/settings', { schema: { tags, summary: '修改公示展示期限', body: retentionBody } }, async (req) => {
      const r = await serviceRequest(yifa, req, 'disclosure.settings');
      return putRetention(yifa, r, req.body);
    });

    app.get('/publications/:id', { schema: { tags, summary: '公示事项详情（事实、公开效果、遮盖记录）', params: idParams } }, async (req) =>
      getPublication(yifa, await serviceRequest(yifa, req, 'disclosure.read'), req.params.id),
    );

    app.post('/publications/:id/release', { schema: { tags, summary: '审核后发布公示', params: idParams } }, async (req) =>
      releasePublication(yifa, await serviceRequest(yifa, req, 'disclosure.publish'), req.params.id),
    );

    app.post(
      '/publications/:id/redactions',
      { schema: { tags, summary: '人工遮盖公开内容（须写明理由，记入全过程记录）', params: idParams, body: redactionBody } },
      async (req) => redactPublication(yifa, await serviceRequest(yifa, req, 'disclosure.publish'), req.params.id, req.body),
    );

    app.post(
      '/publications/:id/withdraw',
      { schema: { tags, summary: '撤回公示并说明理由（行政处罚法第四十八条）', params: idParams, body: withdrawalBody } },
      async (req) => withdrawPublication(yifa, await serviceRequest(yifa, req, 'disclosure.publish'), req.params.id, req.body),
    );

    // ——— public ———
    const pub = ['public'];
    const config = { rateLimit: { max: yifa.config.publicRateLimit, timeWindow: '1 minute' } };
    // Every change of what the public sees (a release, a withdrawal, a redaction, the display
    // periods) is a journal action, so an answer holds until the journal moves; keyed by today
    // too, as entries leave by date.
    const cache = new ProjectionCache<unknown>(() => yifa.journal.version);
    const cached = <T>(key: string, compute: () => Promise<T>) => cache.get(`${yifa.clock.today()}|${key}`, compute) as Promise<T>;

    app.get(
      '/public/decisions',
      {
        schema: {
          tags: pub,
          summary:
            '公示的行政执法决定（行政处罚、行政强制措施等；公开数据；q 全文检索，可按机关、违法行为类型、决定日期筛选；每页至多 50 条）',
          querystring: publicDecisionsQuery,
        },
        config,
      },
      async (req) => cached(`list|${JSON.stringify(req.query)}`, () => publicDecisions(yifa, req.query)),
    );

    app.get(
      '/public/decisions.atom',
      { schema: { tags: pub, summary: '公示的行政执法决定（Atom 订阅，最新 50 条）', querystring: z.strictObject({}) }, config },
      async (req, reply) => {
        const page = await cached('atom', () => publicDecisions(yifa, { limit: 50 }));
        const origin = `${req.protocol}://${req.host}`;
        reply.header('content-type', 'application/atom+xml; charset=utf-8');
        return atomFeed(page.items, origin, yifa.clock.now().toISOString());
      },
    );

    app.get(
      '/public/decision-filters',
      { schema: { tags: pub, summary: '公示的行政执法决定可选的筛选项（机关、违法行为类型）', querystring: z.strictObject({}) }, config },
      async () => cached('filters', () => publicFilters(yifa)),
    );

    app.get(
      '/public/decisions/:id',
      {
        schema: { tags: pub, summary: '一项公示的行政执法决定（含撤回状态及理由）', params: idParams, querystring: z.strictObject({}) },
        config,
      },
      async (req) => cached(`one|${req.params.id}`, () => publicDecisionById(yifa, req.params.id)),
    );
  };
