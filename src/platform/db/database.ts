import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { Kysely, PostgresDialect, SqliteDialect, sql } from 'kysely';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import type { Database } from './schema.js';
import { pipelineClient } from './pg-pipeline.js';

export type Engine = 'sqlite' | 'postgres';

export interface Db {
  engine: Engine;
  kysely: Kysely<Database>;
  /** Where the data lives, for tools that open their own connections (parallel journal verification). */
  location: { engine: 'sqlite'; file: string } | { engine: 'postgres'; url: string };
  /** Human-readable location for logs (never includes a password). */
  describe: string;
  /**
   * From now on, send parameterised statements as named prepared statements
   * (PostgreSQL; SQLite caches its own). Called once the schema is migrated, so no
   * statement is prepared against a table a later migration changes.
   */
  prepareStatements(): void;
  close(): Promise<void>;
}

// PostgreSQL returns int8/numeric as strings; our bigints (journal positions,
// fen amounts) stay far below 2^53, so numbers are safe and match SQLite.
pg.types.setTypeParser(20, (v) => Number(v));

export function openDatabase(opts: { databaseUrl?: string | undefined; dataDir: string; poolSize?: number }): Db {
  if (opts.databaseUrl && /^postgres(ql)?:\/\//.test(opts.databaseUrl)) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: opts.poolSize ?? 10 });
    // An idle connection dropped by the server (restart, failover) must not crash the
    // process; the pool replaces it and the next query reconnects.
    pool.on('error', (err) => console.error(`PostgreSQL 连接中断：${err.message}`));
    const naming = new StatementNames();
    const kysely = new Kysely<Database>({ dialect: new PostgresDialect({ pool: preparingPool(pool, naming) }) });
    const url = new URL(opts.databaseUrl);
    return {
      engine: 'postgres',
      kysely,
      prepareStatements: () => (naming.enabled = true),
      location: { engine: 'postgres', url: opts.databaseUrl },
      describe: url.searchParams.get('host')?.startsWith('/')
        ? `PostgreSQL ${url.searchParams.get('host')}（Unix 套接字）${url.pathname}`
        : `PostgreSQL ${url.hostname}:${url.port || 5432}${url.pathname}`,
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
  // SQLite's default page cache is 2 MiB. One portal search reads a few thousand rows and
  // their index pages in several steps; with 2 MiB each step evicted the last one's pages and
  // read them again from the OS, a syscall a page: a 文号's search at a million decisions
  // took 31 ms, with 64 MiB 10 ms (docs/benchmarks.md §11). The cache fills only as pages
  // are read.
  database.pragma('cache_size = -65536');
  const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(database) }) });
  return {
    engine: 'sqlite',
    kysely,
    location: { engine: 'sqlite', file },
    describe: `SQLite ${file}`,
    prepareStatements: () => {},
    close: () => kysely.destroy(),
  };
}

/**
 * Names for parameterised SQL texts, so node-postgres prepares each once per connection:
 * PostgreSQL then parses, analyses and (once its generic plan is chosen) plans it once
 * instead of on every call. Planning was about 0.9 ms of PostgreSQL's 2 ms per case
 * action (pg_stat_statements). Only the first MAX_NAMED texts are named, bounding what
 * each connection keeps; the rest run as before.
 */
class StatementNames {
  private static readonly MAX_NAMED = 300;
  enabled = false;
  private readonly names = new Map<string, string>();

  nameOf(text: string): string | undefined {
    if (!this.enabled) return undefined;
    let name = this.names.get(text);
    if (name === undefined && this.names.size < StatementNames.MAX_NAMED) {
      name = `yifa_${this.names.size}`;
      this.names.set(text, name);
    }
    return name;
  }
}

/**
 * The pool as Kysely sees it: its clients send parameterised statements by name, and hold
 * BEGIN and deferred writes to send them with the next statement (pg-pipeline.ts).
 */
function preparingPool(pool: pg.Pool, naming: StatementNames): pg.Pool {
  const patched = new WeakSet<pg.PoolClient>();
  const connect = async () => {
    const client = await pool.connect();
    if (!patched.has(client)) {
      patched.add(client);
      pipelineClient(client, (text) => naming.nameOf(text));
    }
    return client;
  };
  return new Proxy(pool, { get: (target, key, receiver) => (key === 'connect' ? connect : Reflect.get(target, key, receiver)) });
}

/**
 * Kysely prepares every query anew; preparing costs more than running most of ours.
 * Statements are reusable in better-sqlite3 and Kysely runs one query at a time on its
 * single connection, so a bounded cache of prepared statements by SQL text is safe.
 */
function withStatementCache(database: SQLite.Database, max = 500) {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => database.close(),
    prepare(text: string) {
      // Our transactions write. BEGIN IMMEDIATE takes the write lock up front, so a
      // second process (the CLI beside the server) waits for busy_timeout instead of
      // failing with SQLITE_BUSY when a deferred reader tries to become a writer.
      const source = text === 'begin' ? 'begin immediate' : text;
      let stmt = cache.get(source);
      if (!stmt) {
        stmt = database.prepare(source);
        if (cache.size >= max) cache.delete(cache.keys().next().value as string);
        cache.set(source, stmt);
      }
      return stmt;
    },
  };
}

export async function ping(db: Db): Promise<void> {
  await sql`select 1`.execute(db.kysely);
}
