/**
 * The running application's parts, opened once and passed to routes, the CLI and tests.
 * The composition root (src/app/root.ts) opens it with what the modules add.
 */
import type { Config } from './config.js';
import { openDatabase, type Db } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';
import { Journal } from '../journal/journal.js';
import { loadOrCreateSigningKey } from '../journal/checkpoint.js';
import { CalendarStore } from '../calendar/store.js';
import { FsBlobStore, type BlobStore } from './blobs/store.js';
import { Clock } from './clock.js';
import type { AccessTable } from './security/access.js';
import type { Migrations } from './module.js';
import type { ProcedureEntry } from '../procedure/registry.js';
import type { JournalNaming } from '../journal/readable.js';
import { join } from 'node:path';

export interface Yifa {
  config: Config;
  /** Where every service takes "now" from */
  clock: Clock;
  /** Which roles hold which permissions, from every module's manifest */
  access: AccessTable;
  /** Every module's procedures, as the modules that serve all of them (evidence) reach their records */
  procedures: readonly ProcedureEntry[];
  /** How the journal names every action type and role (every module's, the platform's): journal lists read through it */
  naming: JournalNaming;
  db: Db;
  journal: Journal;
  calendar: CalendarStore;
  /** Evidence files, under `${dataDir}/blobs` */
  blobs: BlobStore;
  close(): Promise<void>;
}

/** What the modules add to the platform, assembled by the composition root. */
export interface ModuleParts {
  /** Every migration, the platform's and the modules' */
  migrations: Migrations;
  access: AccessTable;
  procedures: readonly ProcedureEntry[];
  naming: JournalNaming;
}

/** `clock`: real time unless given (tests fix it). */
export async function openPlatform(config: Config, parts: ModuleParts, opts: { migrate?: boolean; clock?: Clock } = {}): Promise<Yifa> {
  const clock = opts.clock ?? new Clock();
  const db = openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    if (opts.migrate !== false) await migrateToLatest(db, parts.migrations);
    db.prepareStatements();
    const key = loadOrCreateSigningKey(config.dataDir, config.signingKeyFile);
    const journal = new Journal(db, key, config.journalOrigin, clock);
    const calendar = new CalendarStore(db, journal, clock);
    if (opts.migrate !== false) await calendar.seedIfEmpty();
    const blobs = await new FsBlobStore(join(config.dataDir, 'blobs')).init();
    return {
      config,
      clock,
      access: parts.access,
      procedures: parts.procedures,
      naming: parts.naming,
      db,
      journal,
      calendar,
      blobs,
      close: () => db.close(),
    };
  } catch (e) {
    await db.close();
    throw e;
  }
}
