/**
 * Authorization from one place: who may take a procedure's action is its action table's
 * `roles` and nothing else. These check that the permissions (roles.ts) agree with the
 * tables (as the composition root assembles the modules' grants), so no role is listed for
 * an action it could never reach, and no permission is
 * granted that nothing checks.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACCESS, PROCEDURES as SERVED } from '../../src/app/root.js';
import { holdsEvidence } from '../../src/procedure/registry.js';
import type { Permission, Role } from '../../src/platform/security/access.js';
import { PUBLIC_ROLE } from '../../src/procedure/spec.js';
import { actionIds, openingActions } from '../../src/procedure/decide.js';
import { PENALTY_PROCEDURE } from '../../src/modules/enforcement/workflow.js';
// Every procedure whose table is published (docs/procedures/): a new one is checked here too.
import { PROCEDURES } from '../../scripts/procedure-docs/procedures.js';

const PERMISSIONS = ACCESS.permissions;
const ROLES = ACCESS.roles;
const isRole = (s: string): s is Role => ACCESS.isRole(s);
const grantsOf = (r: Role) => ACCESS.grantsOf(r) as readonly string[];
const holders = (p: Permission) => ACCESS.roleIds.filter((r) => grantsOf(r).includes(p));

describe('authorization from one place: the action tables and the roles agree', () => {
  for (const { proc } of PROCEDURES) {
    describe(proc.recordName, () => {
      it('reads under a permission roles.ts knows', () => {
        expect(Object.keys(PERMISSIONS)).toContain(proc.permissions.read);
      });

      it('lists in its actions only roles that exist (or the portal applicant) and that hold its read permission', () => {
        for (const type of actionIds(proc)) {
          for (const role of proc.actions[type]!.roles) {
            if (role === PUBLIC_ROLE) continue; // the portal's routes act in it, with the tracking code
            expect(isRole(role), `${type}: unknown role ${role}`).toBe(true);
            // Without the read permission the role could never reach the action's route.
            expect(grantsOf(role as Role), `${type}: ${ROLES[role as Role]} lacks ${proc.permissions.read}`).toContain(
              proc.permissions.read,
            );
          }
        }
      });

      it('gives every action at least one role', () => {
        for (const type of actionIds(proc)) expect(proc.actions[type]!.roles.length, type).toBeGreaterThan(0);
      });
    });
  }

  it('the portal applicant is no account role', () => {
    expect(isRole(PUBLIC_ROLE)).toBe(false);
  });

  it('penalty.act is held by exactly the roles that may open a penalty case (it covers their evidence, not the steps)', () => {
    const openers = new Set(openingActions(PENALTY_PROCEDURE).flatMap((t) => [...PENALTY_PROCEDURE.actions[t].roles]));
    expect(holders('penalty.act').sort()).toEqual([...openers].sort());
  });

  it("holds each procedure's evidence permission (redact, share) to exactly the staff roles that may attach its evidence", () => {
    const held = SERVED.filter(holdsEvidence);
    expect(held.map((e) => e.proc.subjectType).sort()).toEqual(['information-request', 'penalty-case', 'petition', 'reconsideration']);
    for (const e of held) {
      const attachers = new Set(
        actionIds(e.proc)
          .filter((t) => e.proc.actions[t]!.evidence === 'attach')
          .flatMap((t) => [...e.proc.actions[t]!.roles])
          // The public attaches its own through the portal (a petitioner's materials); redacting and sharing are staff's.
          .filter((r) => r !== PUBLIC_ROLE),
      );
      expect(holders(e.evidence.handle).sort(), e.proc.recordName).toEqual([...attachers].sort());
    }
  });

  it('grants no permission that nothing checks', () => {
    // Every permission is named in a check somewhere in src/ outside the manifests that define and grant it.
    const files: string[] = [];
    const walk = (dir: string) => {
      for (const f of readdirSync(dir)) {
        const p = join(dir, f);
        if (statSync(p).isDirectory()) walk(p);
        // A manifest defines and grants permissions; a check is anywhere else.
        else if (p.endsWith('.ts') && !p.endsWith('manifest.ts') && !p.endsWith(join('security', 'access.ts')))
          files.push(readFileSync(p, 'utf8'));
      }
    };
    walk('src');
    const named = files.join('\n');
    for (const p of Object.keys(PERMISSIONS)) expect(named.includes(`'${p}'`), `${p} is granted but never checked`).toBe(true);
  });
});
