import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { Db } from './database.js';
import * as foundation from './migrations/001-foundation.js';
import * as penaltyCases from './migrations/002-penalty-cases.js';
import * as caseSearch from './migrations/003-case-search.js';
import * as uploads from './migrations/004-uploads.js';
import * as recordingCoverage from './migrations/005-recording-coverage.js';
import * as evidenceRetention from './migrations/006-evidence-retention.js';
import * as overdueOrder from './migrations/007-overdue-order.js';
import * as evidenceShares from './migrations/008-evidence-shares.js';
import * as journalAppend from './migrations/009-journal-append.js';
import * as journalAppendExact from './migrations/010-journal-append-exact.js';
import * as projectionStateHash from './migrations/011-projection-state-hash.js';
import * as witness from './migrations/012-witness.js';
import * as loginThrottle from './migrations/013-login-throttle.js';
import * as shareRevocation from './migrations/014-share-revocation.js';
import * as procedureCases from './migrations/015-procedure-cases.js';
import * as informationRequests from './migrations/016-information-requests.js';

/** Migrations in order. Each receives the engine so one file serves SQLite and PostgreSQL. */
const MIGRATIONS = {
  '001-foundation': foundation,
  '002-penalty-cases': penaltyCases,
  '003-case-search': caseSearch,
  '004-uploads': uploads,
  '005-recording-coverage': recordingCoverage,
  '006-evidence-retention': evidenceRetention,
  '007-overdue-order': overdueOrder,
  '008-evidence-shares': evidenceShares,
  '009-journal-append': journalAppend,
  '010-journal-append-exact': journalAppendExact,
  '011-projection-state-hash': projectionStateHash,
  '012-witness': witness,
  '013-login-throttle': loginThrottle,
  '014-share-revocation': shareRevocation,
  '015-procedure-cases': procedureCases,
  '016-information-requests': informationRequests,
} as const;

class InCodeProvider implements MigrationProvider {
  constructor(private readonly db: Db) {}
  async getMigrations(): Promise<Record<string, Migration>> {
    const out: Record<string, Migration> = {};
    for (const [name, m] of Object.entries(MIGRATIONS)) out[name] = { up: (k) => m.up(k, this.db.engine) };
    return out;
  }
}

/** Brings the schema to the latest version; returns the names of the migrations applied now. */
export async function migrateToLatest(db: Db): Promise<string[]> {
  const migrator = new Migrator({ db: db.kysely, provider: new InCodeProvider(db) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));
  return (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}
