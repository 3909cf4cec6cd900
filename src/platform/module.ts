/**
 * What a module is to the platform: one manifest in its folder naming everything it adds —
 * permissions and role grants, roles, migrations, routes, how the journal shows and names its
 * records, its projections' replayers, its procedures, scheduled jobs, console menu entries
 * and demo data.
 * The composition root (src/app/) lists the manifests and assembles them; nothing below
 * the root imports a module.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from './db/schema.js';
import type { Engine } from './db/database.js';
import type { Permission, Role } from './security/access.js';
import type { AuthContext } from './security/request.js';
import type { JournalReadPolicies } from '../journal/read-policy.js';
import type { ActionTexts } from '../journal/readable.js';
import type { ProjectionReplayer } from '../journal/verify-projections.js';
import type { Yifa } from './yifa.js';
import type { ProcedureEntry } from '../procedure/registry.js';

/** A migration that serves both engines (the migrator passes the engine). */
export interface EngineMigration {
  // biome-ignore lint/suspicious/noExplicitAny: as Kysely's own migrations, typed against no particular schema
  up(db: Kysely<any>, engine: Engine): Promise<void>;
}

/**
 * Migrations by name. Names are global and ordered ('001-foundation' …): every module's
 * run in one sequence sorted by name, and a name once released never changes (the
 * database records it).
 */
export type Migrations = Readonly<Record<string, EngineMigration>>;

export interface TimerLog {
  warn(o: object, m: string): void;
}

/** A job the server runs on a schedule; `start` returns the function that stops it. */
export interface Timer {
  id: string;
  start(yifa: Yifa, log: TimerLog): () => void;
}

/** A console menu entry (descriptive: the console shows it to users with `permission`). */
export interface MenuEntry {
  key: string;
  /** Chinese label */
  label: string;
  /** Path in the console, e.g. /console/penalty-cases */
  path: string;
  permission: Permission;
  /** Place in the menu, ascending, across modules */
  order: number;
}

/** A demo login a module's demo data made, for the start banner. */
export interface DemoLogin {
  username: string;
  role: Role;
  roleName: string;
}

/** A module's part of the demo town. */
export interface DemoStep {
  /** Steps run in ascending order (the town before its cases) */
  order: number;
  /** Whether this step's data is already in the database (then no step runs: the demo loads only into an empty database) */
  present?(yifa: Yifa): Promise<boolean>;
  seed(yifa: Yifa, opts: { password: string }): Promise<void>;
  logins?: readonly DemoLogin[];
}

/** Resolves a session cookie's token to who is asking (undefined: no such session, or expired). */
export type Authenticate = (token: string) => Promise<AuthContext | undefined>;

export interface ModuleManifest {
  /** Folder name, e.g. 'enforcement' */
  id: string;
  /** Chinese name */
  name: string;
  /** The permissions this module defines, with their Chinese labels */
  permissions?: Readonly<Partial<Record<Permission, string>>>;
  /** The roles this module defines, with their Chinese names */
  roles?: Readonly<Partial<Record<Role, string>>>;
  /** Which roles get which permissions (its own, or the platform's) */
  grants?: Readonly<Partial<Record<Role, readonly Permission[]>>>;
  migrations?: Migrations;
  /** Registered under /api/v1 */
  routes?: (yifa: Yifa) => FastifyPluginAsync;
  /** How the journal shows the payloads of this module's subject types */
  journalPolicies?: JournalReadPolicies;
  /** How the journal names its action types and tells their payloads (its procedures' actions come from their tables) */
  actionTexts?: ActionTexts;
  /** The procedures whose projection rows are proven against the journal */
  projectionReplayers?: (db: Kysely<Database>) => ProjectionReplayer[];
  /** Its procedures: the 工作台 and the cross-procedure queues read them from the common table, the evidence module serves their files */
  procedures?: readonly ProcedureEntry[];
  timers?: readonly Timer[];
  menu?: readonly MenuEntry[];
  demo?: DemoStep;
  /** Who is asking: the one module that keeps sessions provides it */
  authenticate?: (yifa: Yifa) => Authenticate;
}
