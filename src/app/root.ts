/**
 * The composition root: the one place that knows every module. It assembles their
 * manifests (modules.ts) with the platform's own services — the journal and the
 * calendar — and gives the platform what it takes: the migrations, the role → permission
 * table, the procedures, the routes, the journal's read policies, the replayers, the
 * timers, the menu and the demo. The server, the CLI, the tests and the benchmarks open yifa through here.
 */
import type { FastifyInstance, FastifyPluginAsync } from 'fastify';
import type { Config } from '../platform/config.js';
import type { Db } from '../platform/db/database.js';
import type { Clock } from '../platform/clock.js';
import type { MenuEntry, TimerLog, Timer } from '../platform/module.js';
import { openPlatform, type Yifa } from '../platform/yifa.js';
import { buildHttpApp } from '../platform/http/app.js';
import { migrateToLatest } from '../platform/db/migrate.js';
import { PLATFORM_MIGRATIONS } from '../platform/db/migrations/index.js';
import { PLATFORM_PERMISSIONS } from '../platform/security/access.js';
import { generatePassword } from '../platform/security/password.js';
import { JOURNAL_OWN_POLICIES } from '../journal/read-policy.js';
import { SYSTEM_ROLE_NAME } from '../journal/readable.js';
import { platformActionTexts } from '../journal/platform-texts.js';
import { SYSTEM_ACTOR } from '../journal/journal.js';
import { PUBLIC_ROLE, PUBLIC_ROLE_NAME } from '../procedure/spec.js';
import { journalRoutes } from '../journal/routes.js';
import { startCheckpointTimer } from '../journal/checkpoint-timer.js';
import { startProjectionVerifyTimer, type ProjectionReplayer } from '../journal/verify-projections.js';
import { calendarRoutes } from '../calendar/routes.js';
import { clockRoutes } from '../platform/http/clock-routes.js';
import { workbenchRoutes } from '../procedure/workbench-routes.js';
import { MODULES } from './modules.js';
import {
  accessOf,
  authenticatorOf,
  demoStepsOf,
  journalNamingOf,
  journalPoliciesOf,
  menuOf,
  migrationsOf,
  proceduresOf,
} from './assemble.js';

/** Every migration, platform's and modules', in the order they run. */
export const MIGRATIONS = migrationsOf(PLATFORM_MIGRATIONS, MODULES);

export const ACCESS = accessOf(PLATFORM_PERMISSIONS, MODULES);

/** Every module's procedures (yifa.procedures): the 工作台 reads them all at once, the evidence module serves their files. */
export const PROCEDURES = proceduresOf(MODULES);

/** How the journal shows each module's records (a subject type without one shows no payload). */
export const JOURNAL_READ_POLICIES = journalPoliciesOf(JOURNAL_OWN_POLICIES, MODULES);

/** How the journal names every action type and every role, those without an account included (yifa.naming). */
export const JOURNAL_NAMING = journalNamingOf(platformActionTexts(ACCESS.permissions), MODULES, PROCEDURES, {
  ...ACCESS.roles,
  [PUBLIC_ROLE]: PUBLIC_ROLE_NAME,
  [SYSTEM_ACTOR.role!]: SYSTEM_ROLE_NAME,
});

const PLATFORM_MENU: MenuEntry[] = [
  { key: 'calendar', label: '节假日与调休', path: '/console/calendar', permission: 'org.read', order: 90 },
  { key: 'journal', label: '操作日志', path: '/console/journal', permission: 'journal.read', order: 100 },
];

/** The console's menu, in order; each user sees the entries whose permission he holds. */
export const MENU = menuOf(PLATFORM_MENU, MODULES);

const DEMO_STEPS = demoStepsOf(MODULES);

/** The logins the demo data makes, for the start banner. */
export const DEMO_LOGINS = DEMO_STEPS.flatMap((s) => s.logins ?? []);

/** Opens the database (migrated unless `migrate` is false), the journal, the calendar and the blobs. */
export function openYifa(config: Config, opts: { migrate?: boolean; clock?: Clock } = {}): Promise<Yifa> {
  return openPlatform(config, { migrations: MIGRATIONS, access: ACCESS, procedures: PROCEDURES, naming: JOURNAL_NAMING }, opts);
}

/** Brings the schema to the latest version; returns the names of the migrations applied now. */
export function migrate(db: Db): Promise<string[]> {
  return migrateToLatest(db, MIGRATIONS);
}

function routes(yifa: Yifa): FastifyPluginAsync[] {
  return [
    journalRoutes(yifa, JOURNAL_READ_POLICIES),
    calendarRoutes(yifa),
    clockRoutes(yifa),
    workbenchRoutes(yifa, PROCEDURES),
    ...MODULES.flatMap((m) => (m.routes ? [m.routes(yifa)] : [])),
  ];
}

/** The HTTP server: the platform's routes and every module's under /api/v1, the console and the portal. */
export function buildApp(yifa: Yifa, opts: { logger?: boolean } = {}): Promise<FastifyInstance> {
  return buildHttpApp(yifa, { routes: routes(yifa), authenticate: authenticatorOf(MODULES)(yifa), menu: MENU }, opts);
}

/** The procedures whose projections `yifa journal verify` and the server's schedule prove against the journal. */
export function projectionReplayers(yifa: Yifa): ProjectionReplayer[] {
  return MODULES.flatMap((m) => m.projectionReplayers?.(yifa.db.kysely) ?? []);
}

const PLATFORM_TIMERS: Timer[] = [
  { id: 'journal-checkpoint', start: (yifa, log) => startCheckpointTimer(yifa.journal, yifa.config.checkpointIntervalSeconds, log) },
  {
    id: 'projection-verify',
    start: (yifa, log) => startProjectionVerifyTimer(yifa.journal, projectionReplayers(yifa), yifa.config.projectionVerifyHours, log),
  },
];

/** Starts the server's scheduled jobs, the platform's and the modules'; returns the function that stops them all. */
export function startTimers(yifa: Yifa, log: TimerLog): () => void {
  const stops = [...PLATFORM_TIMERS, ...MODULES.flatMap((m) => m.timers ?? [])].map((t) => t.start(yifa, log));
  return () => stops.forEach((stop) => stop());
}

/**
 * Loads the demo town into an empty database, each module's part in order; returns the
 * demo logins' password, or undefined when the database already had data.
 */
export async function seedDemo(yifa: Yifa, opts: { password?: string | undefined }): Promise<{ password: string } | undefined> {
  for (const step of DEMO_STEPS) if (await step.present?.(yifa)) return undefined;
  const password = opts.password ?? generatePassword();
  for (const step of DEMO_STEPS) await step.seed(yifa, { password });
  await yifa.journal.checkpoint();
  return { password };
}
