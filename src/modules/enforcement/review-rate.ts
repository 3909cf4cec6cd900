/**
 * 法制审核率: of the major enforcement decisions (重大执法决定) made in a period in the
 * reader's scope, how many had passed legal review — the share the seed report states
 * (Art 58 makes it a precondition, so anything under 100 % is a finding for the supervisor).
 * The decisions of a township's year are few: each is read from its stored state (rows `journal
 * verify` proves against the journal).
 */
import { z } from 'zod';
import type { Yifa } from '../../platform/yifa.js';
import type { Request } from '../../platform/security/request.js';
import { scopeFilter } from '../../platform/security/scope.js';
import { reviewPassed, type PenaltyCase } from './penalty-case.js';

export const reviewRateQuery = z.strictObject({
  from: z.iso.date({ error: '开始日期格式应为 YYYY-MM-DD' }),
  to: z.iso.date({ error: '结束日期格式应为 YYYY-MM-DD' }),
});

export interface ReviewRate {
  decisions: number;
  major: number;
  reviewed: number;
  /** reviewed / major; null without a major decision */
  share: number | null;
}

export async function reviewRate(yifa: Yifa, req: Request, q: z.infer<typeof reviewRateQuery>): Promise<ReviewRate> {
  const decided = yifa.db.kysely
    .selectFrom('penalty_cases')
    .where(scopeFilter(req.auth.scope, { path: 'region_path', createdBy: 'created_by' }))
    .where('decided_on', '>=', q.from)
    .where('decided_on', '<=', q.to);
  const [all, major] = await Promise.all([
    decided.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    decided.where('major', '=', 1).select('state').execute(),
  ]);
  const reviewed = major.filter((r) => reviewPassed(JSON.parse(r.state) as PenaltyCase)).length;
  return { decisions: Number(all.n), major: major.length, reviewed, share: major.length ? reviewed / major.length : null };
}
