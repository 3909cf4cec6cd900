import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Db } from './database.js';
import type { Migrations } from '../module.js';

/** Gives Kysely the migrations, each with the engine so one file serves SQLite and PostgreSQL. */
class InCodeProvider implements MigrationProvider {
  constructor(
    private readonly db: Db,
    private readonly migrations: Migrations,
  ) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    const out: Record<string, Migration> = {};
    for (const [name, m] of Object.entries(this.migrations)) out[name] = { up: (k) => m.up(k, this.db.engine) };
    return out;
  }
}

/**
 * Brings the schema to the latest version; returns the names of the migrations applied now.
 * `migrations` are all of them, the platform's and every module's (the composition root's list).
 */
export async function migrateToLatest(db: Db, migrations: Migrations): Promise<string[]> {
  const migrator = new Migrator({ db: db.kysely, provider: new InCodeProvider(db, migrations) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
