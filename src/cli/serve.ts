import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { CommandContext } from './commands.js';
import { DEMO_LOGINS, buildApp, openYifa, seedDemo, startTimers } from '../app/root.js';
import { WEB_DIST } from '../platform/http/app.js';
import { clockFor } from '../platform/clock.js';
import type { Yifa } from '../platform/yifa.js';

/** A training clock may not start before the journal's last entry: its times only grow. */
async function journalAfter(yifa: Yifa): Promise<string | null> {
  const last = await yifa.db.kysely
    .selectFrom('actions')
    .select((e) => e.fn.max('received_at').as('at'))
    .executeTakeFirst();
  const at = last?.at ? String(last.at) : null;
  return at && yifa.clock.now().toISOString() < at
    ? `YIFA_CLOCK（${yifa.clock.now().toISOString()}）早于日志中最后一条记录的时间（${at}）：日志的时间只能向前。请设一个更晚的时间，或使用新的数据目录。`
    : null;
}

export async function serve(ctx: CommandContext): Promise<number> {
  const { config } = ctx;
  const clock = clockFor(config, !!ctx.values.demo);
  if (typeof clock === 'string') {
    console.error(clock);
    return 1;
  }
  const yifa = await openYifa(config, { clock });
  const early = clock.training ? await journalAfter(yifa) : null;
  if (early) {
    console.error(early);
    await yifa.close();
    return 1;
  }
  let demoPassword: string | undefined;
  if (ctx.values.demo) {
    const seeded = await seedDemo(yifa, { password: config.demoPassword });
    demoPassword = seeded?.password;
    if (!seeded) console.log('数据库中已有数据，未重新载入示范数据（示范账号密码为首次载入时的密码）。');
  }
  const app = await buildApp(yifa, { logger: true });
  const stopTimers = startTimers(yifa, app.log);
  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    stopTimers();
    await app.close();
    await yifa.journal.checkpoint().catch(() => undefined);
    await yifa.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  const url = `http://${config.host === '0.0.0.0' || config.host === '::' ? 'localhost' : config.host}:${config.port}`;
  const lines = [
    '',
    `yifa 依法 已启动：${url}`,
    `  数据库：${yifa.db.describe}`,
    `  公开门户：${url}/portal    管理控制台：${url}/console    接口文档：${url}/api/docs`,
  ];
  if (clock.training)
    lines.push(
      '',
      `警告：培训环境。系统时钟从 ${config.trainingClock!.toISOString()} 起走（YIFA_CLOCK），不是真实时间；管理员可以让它前进。本环境的记录不能作为正式执法记录使用。`,
    );
  if (!existsSync(join(WEB_DIST, 'index.html'))) lines.push('  （网页尚未构建：运行 npm run build:web 后刷新）');
  if (demoPassword) {
    lines.push('', '示范账号（仅示范数据中存在）：');
    for (const l of DEMO_LOGINS) lines.push(`  ${l.username.padEnd(10)} ${l.roleName}`);
    lines.push(
      `  密码：${demoPassword}${config.demoPassword ? '（来自 YIFA_DEMO_PASSWORD）' : '（随机生成；设置 YIFA_DEMO_PASSWORD 可指定）'}`,
    );
  }
  console.log(lines.join('\n') + '\n');
  return -1;
}
