/**
 * Runs store tests on both engines: embedded SQLite in a temporary directory and
 * a fresh database in the run's throwaway PostgreSQL cluster.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { openDatabase, type Db, type Engine } from '../../src/platform/db/database.js';
import { migrate } from '../../src/app/root.js';

export const ENGINES: Engine[] = ['sqlite', 'postgres'];

export interface TestDatabase {
  db: Db;
  dataDir: string;
  databaseUrl: string | undefined;
  drop(): Promise<void>;
}

export async function createPostgresDatabase(): Promise<string> {
  const adminUrl = inject('postgresAdminUrl');
  if (!adminUrl) throw new Error('PostgreSQL cluster not provided: the store tier needs test/helpers/global-setup.ts');
  const name = `yifa_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  return adminUrl.replace(/\/postgres$/, `/${name}`);
}

/** A new, migrated, empty database on the engine, with its own data directory. */
export async function createTestDatabase(engine: Engine, opts: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), `yifa-${engine}-`));
  const databaseUrl = engine === 'postgres' ? await createPostgresDatabase() : undefined;
  const db = openDatabase({ databaseUrl, dataDir });
  if (opts.migrate !== false) await migrate(db);
  return {
    db,
    dataDir,
    databaseUrl,
    drop: async () => {
      await db.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
