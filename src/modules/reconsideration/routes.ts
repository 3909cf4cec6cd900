/** The module's own routes beside the kit's: the indicators with their drill-down, and the answer bundle previewed before filing. */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Yifa } from '../../platform/yifa.js';
import { serviceRequest } from '../../platform/http/request.js';
import { visibleState } from '../../procedure/service.js';
import { indicatorCases, reconsiderationIndicators } from './indicators.js';
import { RECONSIDERATIONS, answerBundle, openOptions } from './procedure.js';

const tags = ['reconsiderations'];
const year = z.coerce.number().int().min(2000).max(2100);

export const reconsiderationRoutes =
  (yifa: Yifa): FastifyPluginAsync =>
  async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/reconsiderations/indicators',
      {
        schema: {
          tags,
          summary: '行政复议指标：按被申请人和年度的被复议数、纠错数、纠错率、逾期答复数',
          querystring: z.strictObject({ year, agencyId: z.uuid().optional() }),
        },
      },
      async (req) => {
        const r = await serviceRequest(yifa, req, 'reconsideration.read');
        return { items: await reconsiderationIndicators(yifa, r.auth.scope, r.auth.user, req.query) };
      },
    );

    app.get(
      '/reconsiderations/indicators/cases',
      {
        schema: {
          tags,
          summary: '行政复议指标的明细：某项数字所计的案件',
          querystring: z.strictObject({
            year,
            agencyId: z.uuid(),
            figure: z.enum(['received', 'concluded', 'corrected', 'late']),
            limit: z.coerce.number().int().min(1).max(500).default(100),
          }),
        },
      },
      async (req) => {
        const r = await serviceRequest(yifa, req, 'reconsideration.read');
        return { items: await indicatorCases(yifa, r.auth.scope, r.auth.user, req.query) };
      },
    );

    app.get(
      '/reconsiderations/open-options',
      {
        schema: {
          tags,
          summary: '登记复议申请时可选的被申请人和被申请复议的处罚决定（已作出且未被撤销的决定，最近 300 件）',
        },
      },
      async (req) => {
        const r = await serviceRequest(yifa, req, 'reconsideration.read');
        return openOptions(yifa, r.auth.user.agencyId);
      },
    );

    app.get(
      '/reconsiderations/:id/answer-bundle',
      {
        schema: {
          tags,
          summary: '答复材料预览：从被申请复议的处罚案件生成的证据清单（含文件摘要）、事实和法律依据，作出决定后收集的证据标出',
          params: z.strictObject({ id: z.string().min(1).max(64) }),
        },
      },
      async (req) => {
        const r = await serviceRequest(yifa, req, 'reconsideration.read');
        const { state } = await visibleState(yifa, r, RECONSIDERATIONS, req.params.id);
        return { bundle: await answerBundle(yifa, state) };
      },
    );
  };
