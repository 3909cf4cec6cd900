import type { CommandContext } from './commands.js';
import { openYifa } from '../app/root.js';
import { deadlineFor } from '../calendar/service.js';
import { parseLegalDate } from '../calendar/legal-date.js';
import { isDeadlineRuleId } from '../calendar/deadlines.js';

export async function deadline(ctx: CommandContext): Promise<number> {
  const [rule, from] = ctx.positionals;
  if (!rule || !from) {
    console.error('用法：yifa deadline <规则> <YYYY-MM-DD>');
    return 2;
  }
  if (!isDeadlineRuleId(rule)) {
    console.error(`未知的期限规则：${rule}（规则目录：GET /api/v1/deadlines）`);
    return 2;
  }
  if (!parseLegalDate(from)) {
    console.error(`日期无效：${from}（须为存在的日期，格式 YYYY-MM-DD）`);
    return 2;
  }
  const yifa = await openYifa(ctx.config);
  try {
    console.log(JSON.stringify(await deadlineFor(yifa, rule, from)));
    return 0;
  } finally {
    await yifa.close();
  }
}
