/**
 * Escalation property: over random org trees and random sequences of grant attempts, an
 * administrator and every account he creates or changes never hold a scope wider than his
 * own or a role outside what his roles may grant, and his own account never changes.
 * The model applies exactly the checks the user service makes (org/service/users.ts): the
 * 'user.manage' permission, the target's region in the actor's scope (scope.ts inScope),
 * then grantRefusal (grants.ts).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { grantRefusal, grantableRoles, scopeWithin, type Privileges } from '../../src/modules/org/grants.js';
import { inScope } from '../../src/platform/security/scope.js';
import { ROLE_IDS } from '../../src/modules/org/roles.js';
import type { Role } from '../../src/platform/security/access.js';
import { ACCESS } from '../../src/app/root.js';
import type { DataScope } from '../../src/platform/db/schema.js';

const KINDS: DataScope[] = ['all', 'subtree', 'level', 'self'];

/** Region paths of a county with `towns` towns, each with a few villages. */
function orgTree(shape: number[]): string[] {
  const paths = ['/c/'];
  shape.forEach((villages, t) => {
    paths.push(`/c/t${t}/`);
    for (let v = 0; v < villages; v++) paths.push(`/c/t${t}/v${v}/`);
  });
  return paths;
}

interface Account extends Privileges {
  id: string;
}

const roleSet = fc.subarray(ROLE_IDS as Role[], { minLength: 1 });
const attempt = fc.record({
  actor: fc.nat(),
  target: fc.option(fc.nat(), { nil: null }), // null: create a new account
  roles: roleSet,
  kind: fc.constantFrom(...KINDS),
  region: fc.nat(),
});

interface Attempt {
  actor: number;
  target: number | null;
  roles: Role[];
  kind: DataScope;
  region: number;
}

function run(regions: string[], attacker: Account, others: Account[], attempts: Attempt[]) {
  const accounts = new Map<string, Account>([attacker, ...others].map((a) => [a.id, structuredClone(a)]));
  const controlled = new Set([attacker.id]);
  const bound = grantableRoles(attacker.roles);
  let created = 0;
  for (const a of attempts) {
    const actorId = [...controlled][a.actor % controlled.size]!;
    const actor = accounts.get(actorId)!;
    if (!ACCESS.permissionsOf([...actor.roles]).has('user.manage')) continue;
    const scope = { kind: actor.scope.kind, regionPath: actor.scope.regionPath, userId: actor.id, personId: null };
    const grantor = { userId: actor.id, roles: actor.roles, scope: actor.scope };
    const all = [...accounts.values()];
    const target = a.target === null ? null : all[a.target % all.length]!;
    const regionPath = target ? target.scope.regionPath : regions[a.region % regions.length]!;
    if (!inScope(scope, { regionPath })) continue; // the service answers 404
    const next: Privileges = { roles: a.roles, scope: { kind: a.kind, regionPath } };
    if (grantRefusal(grantor, { userId: target?.id ?? null, current: target }, next)) continue;
    const id = target?.id ?? `new${created++}`;
    accounts.set(id, { id, ...next });
    controlled.add(id); // whoever changes an account can reset its password: it is his
  }
  return { accounts, controlled, bound };
}

describe('property: no path to a wider scope or a role the grantor may not grant', () => {
  it('holds for every administrator, org tree and sequence of grants', () => {
    fc.assert(
      fc.property(
        fc.array(fc.nat({ max: 3 }), { minLength: 1, maxLength: 4 }),
        fc.record({ roles: roleSet, kind: fc.constantFrom(...KINDS), region: fc.nat() }),
        fc.array(fc.record({ roles: roleSet, kind: fc.constantFrom(...KINDS), region: fc.nat() }), { maxLength: 6 }),
        fc.array(attempt, { minLength: 1, maxLength: 40 }),
        (shape, me, peers, attempts) => {
          const regions = orgTree(shape);
          const attacker: Account = {
            id: 'attacker',
            roles: me.roles,
            scope: { kind: me.kind, regionPath: regions[me.region % regions.length]! },
          };
          const others = peers.map(
            (p, i): Account => ({
              id: `peer${i}`,
              roles: p.roles,
              scope: { kind: p.kind, regionPath: regions[p.region % regions.length]! },
            }),
          );
          const { accounts, controlled, bound } = run(regions, attacker, others, attempts);
          // His own account is as it was.
          expect(accounts.get('attacker')).toEqual(attacker);
          for (const id of controlled) {
            if (id === 'attacker') continue;
            const a = accounts.get(id)!;
            expect(scopeWithin(a.scope, attacker.scope), `${id} ${JSON.stringify(a.scope)} within ${JSON.stringify(attacker.scope)}`).toBe(
              true,
            );
            for (const r of a.roles) expect(bound.has(r), `${id} holds ${r}`).toBe(true);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('a grant attempt is refused exactly when it reaches beyond the grantor', () => {
    const town = { kind: 'subtree' as const, regionPath: '/c/t0/' };
    const admin = { userId: 'a', roles: ['admin'] as Role[], scope: town };
    expect(
      grantRefusal(admin, { userId: null, current: null }, { roles: ['officer'], scope: { kind: 'level', regionPath: '/c/t0/v1/' } }),
    ).toBeNull();
    expect(
      grantRefusal(admin, { userId: null, current: null }, { roles: ['officer'], scope: { kind: 'all', regionPath: '/c/t0/' } })?.message,
    ).toMatch(/数据权限/);
    expect(
      grantRefusal(admin, { userId: null, current: null }, { roles: ['officer'], scope: { kind: 'subtree', regionPath: '/c/' } })?.message,
    ).toMatch(/数据权限/);
    // His own account: neither scope nor roles, even within what he could give others.
    expect(
      grantRefusal(admin, { userId: 'a', current: { roles: ['admin'], scope: town } }, { roles: ['admin', 'officer'], scope: town })
        ?.message,
    ).toMatch(/本人/);
    expect(
      grantRefusal(
        admin,
        { userId: 'a', current: { roles: ['admin'], scope: town } },
        { roles: ['admin'], scope: { kind: 'all', regionPath: '/c/t0/' } },
      )?.message,
    ).toMatch(/本人/);
    expect(grantRefusal(admin, { userId: 'a', current: { roles: ['admin'], scope: town } }, { roles: ['admin'], scope: town })).toBeNull();
    // Nobody but an administrator grants anything.
    const head = { userId: 'h', roles: ['unit_head'] as Role[], scope: town };
    expect(
      grantRefusal(head, { userId: null, current: null }, { roles: ['officer'], scope: { kind: 'level', regionPath: '/c/t0/' } })?.message,
    ).toMatch(/不能授予角色/);
    // An account wider than the grantor cannot be touched (its password reset would take it over).
    const county = { roles: ['admin'] as Role[], scope: { kind: 'subtree' as const, regionPath: '/c/' } };
    expect(grantRefusal(admin, { userId: 'x', current: county }, { ...county, scope: town })?.message).toMatch(/超出您可授予的范围/);
  });

  it('lets the administrator grant a module’s role only from the installation’s book (without it, fewer: fails closed)', () => {
    const county = { kind: 'subtree' as const, regionPath: '/c/' };
    const admin = { userId: 'a', roles: ['admin'] as Role[], scope: county };
    const next = { roles: ['county_reconsideration'] as Role[], scope: county };
    const book = { ids: [...ROLE_IDS, 'county_reconsideration'] as Role[], names: { county_reconsideration: '县司法局复议人员' } };
    expect(grantRefusal(admin, { userId: null, current: null }, next, book)).toBeNull();
    expect(grantRefusal(admin, { userId: null, current: null }, next)?.message).toBe('您不能授予角色：county_reconsideration');
    const head = { userId: 'h', roles: ['unit_head'] as Role[], scope: county };
    expect(grantRefusal(head, { userId: null, current: null }, next, book)?.message).toBe('您不能授予角色：县司法局复议人员');
    expect(grantableRoles(['admin'], book).has('county_reconsideration')).toBe(true);
  });
});
