import type { CommandContext } from './commands.js';
import { openYifa } from '../platform/yifa.js';
import { openDatabase } from '../platform/db/database.js';
import { migrateToLatest } from '../platform/db/migrate.js';
import { seedDemo, DEMO_LOGINS } from '../demo/index.js';

export async function migrate(ctx: CommandContext): Promise<number> {
  const db = openDatabase({ databaseUrl: ctx.config.databaseUrl, dataDir: ctx.config.dataDir });
  try {
    const applied = await migrateToLatest(db);
    console.log(JSON.stringify({ database: db.describe, applied }));
    return 0;
  } finally {
    await db.close();
  }
}

export async function demo(ctx: CommandContext): Promise<number> {
  const yifa = await openYifa(ctx.config);
  try {
    const seeded = await seedDemo(yifa, { password: ctx.config.demoPassword });
    if (!seeded) {
      console.error('数据库不为空，未载入示范数据');
      return 1;
    }
    console.log(JSON.stringify({ logins: DEMO_LOGINS.map((l) => l.username), password: seeded.password }));
    return 0;
  } finally {
    await yifa.close();
  }
}
