/** The module's own routes beside the kit's for petitions: duplicate suggestion at registration, and the hot spots. */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Yifa } from '../../platform/yifa.js';
import { serviceRequest } from '../../platform/http/request.js';
import { suggestDuplicates } from './duplicates.js';
import { hotSpots, hotSpotsCsv, hotSpotQuery } from './hot-spots.js';

const tags = ['petitions'];

/** What the registration form has so far: partial, so the search can run while the clerk types. */
const draftBody = z.strictObject({
  petitioners: z
    .array(
      z.strictObject({
        name: z.string().trim().max(50, '不能超过 50 个字'),
        idNumber: z.string().trim().max(18, '身份证号不能超过 18 位').nullable().optional(),
        phone: z.string().trim().max(20, '电话号码不能超过 20 位').nullable().optional(),
      }),
    )
    .max(50, '最多登记 50 人'),
  place: z.string().trim().max(100, '不能超过 100 个字'),
  request: z.string().trim().max(2000, '不能超过 2000 个字'),
  excludeId: z.string().min(1).max(64).optional(),
});

export const petitionRoutes =
  (yifa: Yifa): FastifyPluginAsync =>
  async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();

    app.post(
      '/petitions/duplicates',
      {
        schema: {
          tags,
          // A POST: the draft carries ID numbers and phones, which do not belong in a URL or an access log.
          summary: '登记时提示可能重复的信访事项（近 12 个月：同一信访人、同一地点、请求相似）',
          body: draftBody,
        },
      },
      async (req) => {
        const r = await serviceRequest(yifa, req, 'petition.read');
        const b = req.body;
        const petitioners = b.petitioners.map((p) => ({ name: p.name, idNumber: p.idNumber || null, phone: p.phone || null }));
        return { items: await suggestDuplicates(yifa, r.auth.scope, { ...b, petitioners }) };
      },
    );

    app.get(
      '/petitions/hot-spots',
      {
        schema: {
          tags,
          summary: '信访热点：按问题发生地、类别或月份统计（含村级分布），可导出 CSV',
          querystring: hotSpotQuery,
        },
      },
      async (req, reply) => {
        const r = await serviceRequest(yifa, req, 'petition.read');
        const s = await hotSpots(yifa, r, req.query);
        if (req.query.format !== 'csv') return s;
        reply.header('content-type', 'text/csv; charset=utf-8');
        reply.header(
          'content-disposition',
          `attachment; filename="petition-hot-spots-${s.from}-${s.to}.csv"; filename*=UTF-8''${encodeURIComponent(`信访热点${s.from}至${s.to}.csv`)}`,
        );
        return hotSpotsCsv(s);
      },
    );
  };
