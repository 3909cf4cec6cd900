import type { CommandContext } from './commands.js';
import { DEMO_LOGINS, migrate as migrateDatabase, openYifa, seedDemo } from '../app/root.js';
import { openDatabase } from '../platform/db/database.js';

export async function migrate(ctx: CommandContext): Promise<number> {
  const db = openDatabase({ databaseUrl: ctx.config.databaseUrl, dataDir: ctx.config.dataDir });
  try {
    const applied = await migrateDatabase(db);
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
