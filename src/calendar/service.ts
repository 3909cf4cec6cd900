/**
 * Deadlines as the API and CLI serve them: the pure engine on the database's
 * holiday table. One function, so the code, `GET /api/v1/deadlines/{rule}` and
 * `yifa deadline` give the same answer.
 */
import type { Yifa } from '../platform/yifa.js';
import { DomainError } from '../platform/errors.js';
import { computeDeadline, isDeadlineRuleId, type DeadlineResult } from './deadlines.js';

export async function deadlineFor(yifa: Pick<Yifa, 'calendar'>, rule: string, from: string): Promise<DeadlineResult> {
  if (!isDeadlineRuleId(rule)) throw new DomainError('NOT_FOUND', `未知的期限规则：${rule}（规则目录见 GET /api/v1/deadlines）`);
  return computeDeadline(await yifa.calendar.table(), { rule, from });
}
