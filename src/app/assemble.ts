/**
 * Turns the modules' manifests into what the platform takes: one migration sequence, one
 * role → permission table, the journal's read policies, the procedures, the menu, the demo
 * steps. Each
 * function refuses a conflict (two modules claiming one name) rather than letting the
 * later one win silently.
 */
import { AccessTable, type Permission, type Role } from '../platform/security/access.js';
import type { Authenticate, DemoStep, MenuEntry, Migrations, ModuleManifest } from '../platform/module.js';
import type { Yifa } from '../platform/yifa.js';
import type { JournalReadPolicies } from '../journal/read-policy.js';
import type { ProcedureEntry } from '../procedure/registry.js';
import type { ActionTexts, JournalNaming } from '../journal/readable.js';
import { procedureActionTexts } from '../procedure/journal-text.js';

/** Every manifest's entries of one kind, as one record; a key claimed twice throws. */
function union<V>(what: string, parts: readonly (Readonly<Record<string, V>> | undefined)[]): Record<string, V> {
  const out: Record<string, V> = {};
  for (const part of parts) {
    for (const [key, value] of Object.entries(part ?? {})) {
      if (Object.hasOwn(out, key)) throw new Error(`${what} ${key || '(无主体)'} 被两个模块重复定义`);
      out[key] = value;
    }
  }
  return out;
}

/** All migrations, in the order they run: by name (names are global: '001-foundation' …). */
export function migrationsOf(platform: Migrations, modules: readonly ModuleManifest[]): Migrations {
  const all = union('迁移', [platform, ...modules.map((m) => m.migrations)]);
  return Object.fromEntries(
    Object.keys(all)
      .sort()
      .map((name) => [name, all[name]!]),
  );
}

/** The role → permission table; a grant of an undefined permission or to an undefined role throws. */
export function accessOf(
  platformPermissions: Readonly<Partial<Record<Permission, string>>>,
  modules: readonly ModuleManifest[],
): AccessTable {
  const permissions = union('权限', [platformPermissions, ...modules.map((m) => m.permissions)]) as Record<Permission, string>;
  const roles = union(
    '角色',
    modules.map((m) => m.roles),
  ) as Record<Role, string>;
  const grants = Object.fromEntries(Object.keys(roles).map((r) => [r, [] as Permission[]])) as Record<Role, Permission[]>;
  for (const m of modules) {
    for (const [role, granted] of Object.entries(m.grants ?? {}) as [Role, readonly Permission[]][]) {
      if (!grants[role]) throw new Error(`模块 ${m.id} 授权给未定义的角色 ${role}`);
      const undefinedOnes = granted.filter((p) => !Object.hasOwn(permissions, p));
      if (undefinedOnes.length) throw new Error(`模块 ${m.id} 授予未定义的权限 ${undefinedOnes.join('、')}`);
      grants[role].push(...granted);
    }
  }
  return new AccessTable(roles, permissions, grants);
}

export function journalPoliciesOf(platform: JournalReadPolicies, modules: readonly ModuleManifest[]): JournalReadPolicies {
  return union('日志读取规则', [platform, ...modules.map((m) => m.journalPolicies)]);
}

/**
 * How the journal names every action type and role: the platform's texts, each module's
 * own, and each procedure's from its action table; a type named twice throws.
 */
export function journalNamingOf(
  platform: ActionTexts,
  modules: readonly ModuleManifest[],
  procedures: readonly ProcedureEntry[],
  roles: Readonly<Record<string, string>>,
): JournalNaming {
  const actions = union('日志操作名称', [platform, ...modules.map((m) => m.actionTexts), ...procedures.map(procedureActionTexts)]);
  const records = Object.fromEntries(procedures.map((p) => [p.proc.subjectType, { name: p.proc.recordName, path: p.path }]));
  return { actions, roles, records };
}

/** Menu entries in menu order; two entries with one key throw. */
export function menuOf(platform: readonly MenuEntry[], modules: readonly ModuleManifest[]): MenuEntry[] {
  const entries = [...platform, ...modules.flatMap((m) => m.menu ?? [])];
  union(
    '菜单项',
    entries.map((e) => ({ [e.key]: e })),
  );
  return entries.sort((a, b) => a.order - b.order);
}

/** Every module's procedures; a subject type or a path claimed twice throws. */
export function proceduresOf(modules: readonly ModuleManifest[]): ProcedureEntry[] {
  const entries = modules.flatMap((m) => m.procedures ?? []);
  union(
    '办理程序',
    entries.map((e) => ({ [e.proc.subjectType]: e })),
  );
  union(
    '办理程序路径',
    entries.map((e) => ({ [e.path]: e })),
  );
  return entries;
}

export function demoStepsOf(modules: readonly ModuleManifest[]): DemoStep[] {
  return modules.flatMap((m) => (m.demo ? [m.demo] : [])).sort((a, b) => a.order - b.order);
}

/** Who is asking: the one module that keeps sessions says (none, or two, is a mistake in the list). */
export function authenticatorOf(modules: readonly ModuleManifest[]): (yifa: Yifa) => Authenticate {
  const providers = modules.flatMap((m) => (m.authenticate ? [m.authenticate] : []));
  if (providers.length !== 1) throw new Error(`须恰有一个模块提供登录会话（authenticate），现有 ${providers.length} 个`);
  return providers[0]!;
}
