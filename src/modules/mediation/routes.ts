/** The module's own routes beside the kit's for disputes: the committees and the statistics. */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Yifa } from '../../platform/yifa.js';
import { serviceRequest } from '../../platform/http/request.js';
import { committeeInput, createCommittee, createGroup, groupInput, listCommittees } from './committees.js';
import { disputeStatistics, statisticsCsv, statisticsQuery } from './statistics.js';

const tags = ['mediation'];

export const mediationRoutes =
  (yifa: Yifa): FastifyPluginAsync =>
  async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();

    app.get('/mediation-committees', { schema: { tags, summary: '人民调解委员会及调解小组（按数据权限；含组成提示）' } }, async (req) =>
      listCommittees(yifa, await serviceRequest(yifa, req, 'mediation.read')),
    );

    app.post(
      '/mediation-committees',
      { schema: { tags, summary: '登记人民调解委员会（委员、主任、任期、调解小组）', body: committeeInput } },
      async (req, reply) => {
        const r = await serviceRequest(yifa, req, 'mediation.committee.manage');
        reply.code(201);
        return createCommittee(yifa, r, req.body);
      },
    );

    app.post(
      '/mediation-committees/:id/groups',
      {
        schema: {
          tags,
          summary: '在人民调解委员会下设调解小组',
          params: z.strictObject({ id: z.string().min(1).max(64) }),
          body: groupInput,
        },
      },
      async (req, reply) => {
        const r = await serviceRequest(yifa, req, 'mediation.committee.manage');
        reply.code(201);
        return createGroup(yifa, r, req.params.id, req.body);
      },
    );

    app.get(
      '/disputes/statistics',
      {
        schema: {
          tags,
          summary: '人民调解统计：按纠纷类别和来源（受理、成功、成功率、协议金额），可导出 CSV',
          querystring: statisticsQuery,
        },
      },
      async (req, reply) => {
        const r = await serviceRequest(yifa, req, 'mediation.read');
        const s = await disputeStatistics(yifa, r, req.query);
        if (req.query.format !== 'csv') return s;
        reply.header('content-type', 'text/csv; charset=utf-8');
        reply.header(
          'content-disposition',
          `attachment; filename="mediation-${s.from}-${s.to}.csv"; filename*=UTF-8''${encodeURIComponent(`人民调解统计${s.from}至${s.to}.csv`)}`,
        );
        return statisticsCsv(s);
      },
    );
  };
