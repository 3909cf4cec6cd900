import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import type { Database } from './schema.js';

export type Engine = 'sqlite' | 'postgres';

export interface Db {
  engine: Engine;
  kysely: Kysely<Database>;
  /** Human-readable location for logs (never includes a password). */
  describe: string;
  close(): Promise<void>;
}

// PostgreSQL returns int8/numeric as strings; our bigints (journal positions,
// fen amounts) stay far below 2^53, so numbers are safe and match SQLite.
pg.types.setTypeParser(20, (v) => Number(v));

export function openDatabase(opts: { databaseUrl?: string | undefined; dataDir: string; poolSize?: number }): Db {
  if (opts.databaseUrl && /^postgres(ql)?:\/\//.test(opts.databaseUrl)) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 10 });
    const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    const url = new URL(opts.databaseUrl);
    return {
      engine: 'postgres',
      kysely,
      describe: `PostgreSQL ${url.hostname}:${url.port || 5432}${url.pathname}`,
      close: () => kysely.destroy(),
    };
  }
  if (opts.databaseUrl) throw new Error(`DATABASE_URL 只支持 postgres:// 地址（未设置时使用内置 SQLite）`);
  mkdirSync(opts.dataDir, { recursive: true });
  const file = join(opts.dataDir, 'yifa.sqlite');
  const database = new SQLite(file);
  // WAL lets readers run during writes; NORMAL is durable across application crashes
  // and is the documented pairing with WAL. foreign_keys is off by default in SQLite.
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
  return { engine: 'sqlite', kysely, describe: `SQLite ${file}`, close: () => kysely.destroy() };
}

export async function ping(db: Db): Promise<void> {
  await sql`select 1`.execute(db.kysely);
}
