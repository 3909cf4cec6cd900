/** The 工作台's routes (workbench.ts): any logged-in user; what he sees follows his permissions and scope. */
import { z } from 'zod';
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Yifa } from '../platform/yifa.js';
import { requireUser } from '../platform/http/auth.js';
import { pageQuery } from '../platform/http/pagination.js';
import { dueQueue, indicators, todoQueue, workbenchCounts, type ListedProcedure } from './workbench.js';

/** GET /workbench, /workbench/due, /workbench/todo and /workbench/indicators */
export function workbenchRoutes(yifa: Yifa, procedures: readonly ListedProcedure[]): FastifyPluginAsync {
  const subjects = procedures.map((p) => p.proc.subjectType) as [string, ...string[]];
  const dueQuery = z.strictObject({
    ...pageQuery,
    procedure: z.enum(subjects, { error: '没有这种程序' }).optional(),
    within: z.enum(['overdue', 'soon', 'all']).default('soon'),
  });
  const todoQuery = z.strictObject({ ...pageQuery, procedure: z.enum(subjects, { error: '没有这种程序' }).optional() });
  return async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();
    const tags = ['workbench'];
    app.get(
      '/workbench',
      { schema: { tags, summary: '工作台：各类案件超期与 3 个工作日内到期的件数（按权限与数据范围）' } },
      async (req) => ({
        today: yifa.clock.today(),
        procedures: await workbenchCounts(yifa, requireUser(req), procedures),
      }),
    );
    app.get(
      '/workbench/due',
      { schema: { tags, summary: '工作台：各类案件的期限队列，最超期的在前（按权限与数据范围）', querystring: dueQuery } },
      async (req) => dueQueue(yifa, requireUser(req), procedures, req.query),
    );
    app.get(
      '/workbench/indicators',
      { schema: { tags, summary: '工作台：本辖区各类案件按状态的件数与各单位超期件数（按权限与数据范围）' } },
      async (req) => indicators(yifa, requireUser(req), procedures),
    );
    app.get(
      '/workbench/todo',
      {
        schema: {
          tags,
          summary: '工作台：待我办理（等待我的角色办理下一步的案件，等待最久的在前；按权限与数据范围）',
          querystring: todoQuery,
        },
      },
      async (req) => todoQueue(yifa, requireUser(req), procedures, req.query),
    );
  };
}
