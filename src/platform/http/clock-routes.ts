/**
 * The installation's clock as the console shows it (培训环境: a training clock, and where it
 * stands), and the administrator's step forward on a training clock (YIFA_CLOCK). An
 * installation on real time has nothing to move: the step is refused, not hidden.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Yifa } from '../yifa.js';
import { DomainError } from '../errors.js';
import { serviceRequest } from './request.js';

/** What the console shows: the time, the legal date, and whether it is a training clock. */
const clockView = (yifa: Yifa) => ({ now: yifa.clock.now().toISOString(), today: yifa.clock.today(), training: !!yifa.clock.training });

export const clockRoutes =
  (yifa: Yifa): FastifyPluginAsync =>
  async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();
    const publicLimit = { rateLimit: { max: yifa.config.publicRateLimit, timeWindow: '1 minute' } };

    app.get(
      '/clock',
      { schema: { tags: ['clock'], summary: '系统时间与法定日期（培训环境显示培训时钟）（公开）' }, config: publicLimit },
      async () => clockView(yifa),
    );

    app.post(
      '/clock/advance',
      {
        schema: {
          tags: ['clock'],
          summary: '培训环境：系统时钟前进若干天（仅设置 YIFA_CLOCK 的示范或培训部署）',
          body: z.strictObject({
            days: z.number().int('天数须为整数').min(1, '至少前进 1 天').max(366, '一次最多前进 366 天'),
          }),
        },
      },
      async (req) => {
        const r = await serviceRequest(yifa, req, 'clock.manage');
        if (!yifa.clock.training)
          throw new DomainError(
            'CONFLICT',
            '本系统使用真实时间，时钟不能调整：只有设置了 YIFA_CLOCK 的示范或培训部署才能调整时钟（见 README）',
          );
        const from = yifa.clock.now().toISOString();
        yifa.clock.advance(req.body.days);
        await yifa.journal.record({
          type: 'clock.advance',
          actor: r.auth.actor,
          payload: { days: req.body.days, from, to: yifa.clock.now().toISOString() },
        });
        return clockView(yifa);
      },
    );
  };
