/**
 * Grants (授权): which roles and data scope one user may give another. Pure rules, so the
 * escalation property can be tested over random org trees (test/security/grants.property.test.ts).
 *
 * A grant is never wider than the grantor's own:
 *  - roles: only those GRANTABLE_ROLES lists for one of the grantor's roles;
 *  - scope: only a scope inside the grantor's own (scopeWithin);
 *  - the people and agencies attached to an account lie in the grantor's scope (checked by
 *    the service, which reads them);
 *  - an account may be changed only while everything it holds lies within what the grantor
 *    could grant (else resetting its password would take over wider rights), and another
 *    administrator's only from a strictly wider scope;
 *  - nobody changes his own roles or scope (not even through an account he made: that
 *    account holds no more than he could grant, and may not change him back beyond it).
 * Together: from any account, no chain of accounts it creates or edits reaches a role
 * outside its grantable roles or a scope outside its own.
 */
import type { DataScope } from '../../platform/db/schema.js';
import type { Role } from '../../platform/security/access.js';
import { ROLE_IDS, ROLES } from './roles.js';

/** The internal-control basis every grant refusal cites. */
export const GRANT_CITATION =
  '《信息安全技术 网络安全等级保护基本要求》（GB/T 22239—2019）8.1.4.2 d）：授予管理用户所需的最小权限，实现权限分离';

/** The installation's roles as grants name them: org's and every module's (the composition root's access registry). */
export interface RoleBook {
  ids: readonly Role[];
  names: Readonly<Partial<Record<Role, string>>>;
}
/** Org's own roles: what a caller that does not pass the installation's book can grant (fails closed to fewer). */
const ORG_ROLES: RoleBook = { ids: ROLE_IDS, names: ROLES };

/**
 * Who may grant which roles. Only the 系统管理员 manages accounts (user.manage), and grants every
 * role of the installation (a module's too: the county's 复议人员); every other role grants nothing.
 */
export const GRANTABLE_ROLES = {
  admin: 'every',
  officer: [],
  unit_head: [],
  legal_reviewer: [],
  justice_office: [],
  mediator: [],
  petition_clerk: [],
  disclosure_clerk: [],
  supervisor: [],
  village_clerk: [],
} as const satisfies Partial<Record<Role, readonly Role[] | 'every'>>;
// Partial: a role another module defines (its manifest's `roles`) grants nothing.

export function grantableRoles(roles: readonly Role[], book: RoleBook = ORG_ROLES): Set<Role> {
  return new Set(
    roles.flatMap((r) => {
      const g = (GRANTABLE_ROLES as Partial<Record<Role, readonly Role[] | 'every'>>)[r];
      return g === 'every' ? book.ids : (g ?? []);
    }),
  );
}

/** A data scope as held by an account: its kind, anchored at the account's region. */
export interface HeldScope {
  kind: DataScope;
  regionPath: string;
}

/**
 * Does `inner` see only what `outer` sees? 全部 contains everything; 本级及下级 the scopes
 * anchored at or below its region; 本级 only 本级 and 仅本人 at its own region. 仅本人 contains
 * nothing: its records are its own, not a region another account could be given.
 */
export function scopeWithin(inner: HeldScope, outer: HeldScope): boolean {
  switch (outer.kind) {
    case 'all':
      return true;
    case 'subtree':
      return inner.kind !== 'all' && inner.regionPath.startsWith(outer.regionPath);
    case 'level':
      return (inner.kind === 'level' || inner.kind === 'self') && inner.regionPath === outer.regionPath;
    case 'self':
      return false;
    default:
      return false;
  }
}

export interface Privileges {
  roles: readonly Role[];
  scope: HeldScope;
}

export interface Grantor extends Privileges {
  userId: string;
}

/** A refused grant: the Chinese message and the basis it cites. */
export interface GrantRefusal {
  message: string;
  citation: string;
}

const refusal = (message: string): GrantRefusal => ({ message, citation: GRANT_CITATION });

/**
 * May `grantor` manage an account that holds `held` (edit it, reset its password)? Only
 * when everything it holds is within what he could grant; and an account that grants
 * (an administrator) only from a strictly wider scope — peers do not manage each other, so
 * an administrator he made cannot change him back.
 */
export function manageRefusal(grantor: Grantor, held: Privileges, book: RoleBook = ORG_ROLES): GrantRefusal | null {
  const grantable = grantableRoles(grantor.roles, book);
  const beyond = held.roles.filter((r) => !grantable.has(r));
  if (beyond.length > 0 || !scopeWithin(held.scope, grantor.scope))
    return refusal('该账号的角色或数据权限超出您可授予的范围，您不能修改它');
  const grants = grantableRoles(held.roles, book).size > 0;
  if (grants && scopeWithin(grantor.scope, held.scope)) return refusal('该账号也是管理员，且数据权限不小于您的，须由上级管理员修改');
  return null;
}

/**
 * Why `grantor` may not give an account `next` (and, for an existing account, change it
 * from `current`); null when the grant is within his own.
 */
export function grantRefusal(
  grantor: Grantor,
  target: { userId: string | null; current: Privileges | null },
  next: Privileges,
  book: RoleBook = ORG_ROLES,
): GrantRefusal | null {
  if (target.userId === grantor.userId && target.current && changes(target.current, next)) {
    return refusal('不能修改本人的角色或数据权限，请由上级管理员办理');
  }
  if (target.current && target.userId !== grantor.userId) {
    const why = manageRefusal(grantor, target.current, book);
    if (why) return why;
  }
  const grantable = grantableRoles(grantor.roles, book);
  const beyond = next.roles.filter((r) => !grantable.has(r));
  if (beyond.length > 0) return refusal(`您不能授予角色：${beyond.map((r) => book.names[r] ?? r).join('、')}`);
  if (!scopeWithin(next.scope, grantor.scope)) return refusal('授予的数据权限不能超出您本人的数据权限');
  return null;
}

function changes(a: Privileges, b: Privileges): boolean {
  const ra = [...a.roles].sort().join();
  const rb = [...b.roles].sort().join();
  return ra !== rb || a.scope.kind !== b.scope.kind || a.scope.regionPath !== b.scope.regionPath;
}
