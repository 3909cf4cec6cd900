import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Yifa } from '../platform/yifa.js';
import { DomainError } from '../platform/errors.js';
import { serviceRequest } from '../platform/http/request.js';
import { legalDate } from '../platform/http/schemas.js';
import { DEADLINE_RULES } from '../law/deadline-rules.js';
import { deadlineFor } from './service.js';

const year = z.coerce.number().int().min(2000).max(2100);

export const calendarRoutes =
  (yifa: Yifa): FastifyPluginAsync =>
  async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();
    const publicLimit = { rateLimit: { max: yifa.config.publicRateLimit, timeWindow: '1 minute' } };

    app.get('/deadlines', { schema: { tags: ['deadlines'], summary: '法定期限规则目录（公开）' }, config: publicLimit }, async () => ({
      items: Object.values(DEADLINE_RULES),
    }));

    app.get(
      '/deadlines/:rule',
      {
        schema: {
          tags: ['deadlines'],
          summary: '计算法定期限（公开）',
          params: z.strictObject({ rule: z.string().max(64) }),
          querystring: z.strictObject({ from: legalDate }),
        },
        config: publicLimit,
      },
      async (req) => deadlineFor(yifa, req.params.rule, req.query.from),
    );

    app.get('/calendar/years', { schema: { tags: ['calendar'], summary: '已录入节假日数据的年份' } }, async (req) => {
      await serviceRequest(yifa, req, 'org.read');
      return { items: await yifa.calendar.years() };
    });

    app.get(
      '/calendar/years/:year',
      { schema: { tags: ['calendar'], summary: '某年的放假日与调休上班日', params: z.strictObject({ year }) } },
      async (req) => {
        await serviceRequest(yifa, req, 'org.read');
        return yifa.calendar.year(req.params.year);
      },
    );

    app.put(
      '/calendar/years/:year',
      {
        schema: {
          tags: ['calendar'],
          summary: '录入或更正一年的节假日安排（按国务院办公厅通知）',
          params: z.strictObject({ year }),
          body: z.strictObject({
            note: z.string().trim().min(1, '请注明依据（如 国办发明电〔2026〕X号）').max(200),
            days: z
              .array(z.strictObject({ date: legalDate, kind: z.enum(['rest', 'workday']), name: z.string().trim().min(1).max(20) }))
              .max(120),
          }),
        },
      },
      async (req) => {
        const r = await serviceRequest(yifa, req, 'calendar.manage');
        if (req.body.days.length === 0) throw new DomainError('INVALID_INPUT', '至少录入一天放假或调休上班日');
        return yifa.calendar.setYear(r.auth.actor, r.idempotencyKey ?? null, req.params.year, req.body.days, req.body.note);
      },
    );
  };
