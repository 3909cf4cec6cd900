/** The module's own routes beside the kit's: the indicators with their drill-down, what the registration form offers, and the answer's evidence previewed before filing. */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Yifa } from '../../platform/yifa.js';
import { serviceRequest } from '../../platform/http/request.js';
import { visibleState } from '../../procedure/service.js';
import { FIGURES, indicatorCases, litigationIndicators } from './indicators.js';
import { LAWSUITS, answerBundle, openOptions } from './procedure.js';

const tags = ['lawsuits'];
const year = z.coerce.number().int().min(2000).max(2100);

export const litigationRoutes =
  (yifa: Yifa): FastifyPluginAsync =>
  async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/lawsuits/indicators',
      {
        schema: {
          tags,
          summary: '行政应诉指标：按被告和年度的被诉数、审结数、败诉数、败诉率、负责人出庭应诉率、逾期答辩数',
          querystring: z.strictObject({ year, agencyId: z.uuid().optional() }),
        },
      },
      async (req) => {
        const r = await serviceRequest(yifa, req, 'litigation.read');
        return { items: await litigationIndicators(yifa, r.auth.scope, req.query) };
      },
    );

    app.get(
      '/lawsuits/indicators/cases',
      {
        schema: {
          tags,
          summary: '行政应诉指标的明细：某项数字所计的案件',
          querystring: z.strictObject({
            year,
            agencyId: z.uuid(),
            figure: z.enum(FIGURES),
            limit: z.coerce.number().int().min(1).max(500).default(100),
          }),
        },
      },
      async (req) => {
        const r = await serviceRequest(yifa, req, 'litigation.read');
        return { items: await indicatorCases(yifa, r.auth.scope, req.query) };
      },
    );

    app.get(
      '/lawsuits/open-options',
      { schema: { tags, summary: '登记应诉案件时可选的本机关处罚决定和经过的行政复议案件' } },
      async (req) => {
        const r = await serviceRequest(yifa, req, 'litigation.read');
        return openOptions(yifa, r.auth.user.agencyId);
      },
    );

    app.get(
      '/lawsuits/:id/answer-bundle',
      {
        schema: {
          tags,
          summary: '答辩材料预览：从被诉的处罚案件生成的证据清单（含文件摘要）、事实和法律依据，作出行政行为后收集的证据标出',
          params: z.strictObject({ id: z.string().min(1).max(64) }),
        },
      },
      async (req) => {
        const r = await serviceRequest(yifa, req, 'litigation.read');
        const { state } = await visibleState(yifa, r, LAWSUITS, req.params.id);
        return { bundle: await answerBundle(yifa, state) };
      },
    );
  };
