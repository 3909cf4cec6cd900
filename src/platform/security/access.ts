/**
 * Roles and permissions, without knowing a module. Each module names its permissions (and
 * org its roles) in its manifest and adds their ids to the registries below by declaration
 * merging, so `Permission` and `Role` are the union of every module's ids: a misspelt id
 * does not compile anywhere. At run time the composition root builds the AccessTable from
 * the manifests (which role gets which permission); the session resolves a user's roles
 * to permissions through it.
 *
 *   declare module '../../platform/security/access.js' {
 *     interface PermissionRegistry extends Record<keyof typeof MY_PERMISSIONS, true> {}
 *   }
 */

/** Every permission id, each module's added by its manifest. The journal's and the calendar's are here. */
export interface PermissionRegistry {
  'journal.read': true;
  'calendar.manage': true;
  'clock.manage': true;
}

/** Every role id, added by the module that defines the role. */
// biome-ignore lint/suspicious/noEmptyInterface: empty here on purpose, each module adds its roles by declaration merging
export interface RoleRegistry {}

export type Permission = keyof PermissionRegistry & string;
export type Role = keyof RoleRegistry & string;

/** What the platform's own services (the journal, the calendar) let a role do. */
export const PLATFORM_PERMISSIONS = {
  'journal.read': '查看操作日志（日志链）',
  'calendar.manage': '维护节假日与调休表',
  'clock.manage': '调整培训环境的系统时钟',
} as const satisfies Partial<Record<Permission, string>>;

/** Which roles hold which permissions, with their Chinese names. Built once by the composition root. */
export class AccessTable {
  private readonly byRole: ReadonlyMap<string, readonly Permission[]>;

  constructor(
    readonly roles: Readonly<Record<Role, string>>,
    readonly permissions: Readonly<Record<Permission, string>>,
    grants: Readonly<Record<Role, readonly Permission[]>>,
  ) {
    this.byRole = new Map(Object.entries(grants));
  }

  get roleIds(): Role[] {
    return Object.keys(this.roles) as Role[];
  }

  isRole(s: string): s is Role {
    return Object.hasOwn(this.roles, s);
  }

  permissionsOf(roles: readonly Role[]): Set<Permission> {
    return new Set(roles.flatMap((r) => this.byRole.get(r) ?? []));
  }

  /** The permissions of one role, in the order they were granted. */
  grantsOf(role: Role): readonly Permission[] {
    return this.byRole.get(role) ?? [];
  }
}
