/**
 * The composition root: what it assembles from the manifests, and the mistakes in a
 * manifest it refuses.
 */
import { describe, expect, it } from 'vitest';
import { ACCESS, DEMO_LOGINS, JOURNAL_READ_POLICIES, MENU, MIGRATIONS } from '../../src/app/root.js';
import { MODULES } from '../../src/app/modules.js';
import { accessOf, authenticatorOf, menuOf, migrationsOf } from '../../src/app/assemble.js';
import { PLATFORM_PERMISSIONS } from '../../src/platform/security/access.js';
import type { ModuleManifest } from '../../src/platform/module.js';

const noop = { up: async () => {} };

describe('the assembled role → permission table', () => {
  it('gives each role what it had before modules declared their own grants (and the information-request and petition grants since)', () => {
    const table = Object.fromEntries(ACCESS.roleIds.map((r) => [r, [...ACCESS.grantsOf(r)]]));
    expect(table).toEqual({
      admin: [
        'org.read',
        'org.manage',
        'certificate.manage',
        'user.manage',
        'calendar.manage',
        'clock.manage',
        'journal.read',
        'login-log.read',
        'person.personal-data',
        'enforcement.settings',
        'disclosure.read',
        'disclosure.settings',
        'legal-review.read',
        'legal-review.training.manage',
        'openness.read',
      ],
      officer: [
        'org.read',
        'penalty.read',
        'penalty.party-data',
        'penalty.act',
        'evidence.upload',
        'disclosure.read',
        'mediation.administrative',
        'normative.read',
        'legal-review.read',
        'reconsideration.read',
        'openness.read',
        'openness.edit',
      ],
      unit_head: [
        'org.read',
        'journal.read',
        'penalty.read',
        'penalty.party-data',
        'penalty.act',
        'enforcement.settings',
        'evidence.upload',
        'disclosure.read',
        'disclosure.publish',
        'disclosure.settings',
        'information-request.read',
        'information-request.personal-data',
        'petition.read',
        'petition.personal-data',
        'mediation.administrative',
        'normative.read',
        'legal-review.read',
        'reconsideration.read',
        'openness.read',
        'openness.review',
        'openness.catalog',
        'litigation.read',
        'litigation.personal-data',
      ],
      legal_reviewer: [
        'org.read',
        'penalty.read',
        'penalty.party-data',
        'disclosure.read',
        'disclosure.publish',
        'normative.read',
        'legal-review.read',
        'openness.read',
        'openness.edit',
        'litigation.read',
        'litigation.personal-data',
      ],
      justice_office: ['org.read', 'journal.read', 'mediation.read', 'mediation.committee.manage', 'mediation.roster', 'village.read'],
      mediator: ['org.read', 'mediation.read', 'mediation.personal-data', 'mediation.screening', 'mediation.roster'],
      petition_clerk: ['org.read', 'petition.read', 'petition.personal-data', 'petition.evidence', 'evidence.upload'],
      disclosure_clerk: [
        'org.read',
        'evidence.upload',
        'disclosure.read',
        'information-request.read',
        'information-request.personal-data',
        'information-request.evidence',
        'openness.read',
        'openness.edit',
        'openness.catalog',
      ],
      supervisor: [
        'org.read',
        'journal.read',
        'login-log.read',
        'penalty.read',
        'penalty.party-data',
        'disclosure.read',
        'information-request.read',
        'petition.read',
        'mediation.read',
        'village.read',
        'normative.read',
        'legal-review.read',
        'reconsideration.read',
        'openness.read',
        'litigation.read',
      ],
      county_reconsideration: [
        'org.read',
        'evidence.upload',
        'reconsideration.read',
        'reconsideration.personal-data',
        'reconsideration.evidence',
        'normative.read',
      ],
      reconsideration_head: ['org.read', 'reconsideration.read', 'reconsideration.personal-data'],
      village_clerk: ['org.read', 'village.read'],
    });
  });

  it('grants only defined permissions, each one to some role, and names each in Chinese', () => {
    const granted = new Set(ACCESS.roleIds.flatMap((r) => ACCESS.grantsOf(r)));
    for (const p of granted) expect(ACCESS.permissions, p).toHaveProperty([p]);
    expect(Object.keys(ACCESS.permissions).filter((p) => !granted.has(p as never))).toEqual([]);
    for (const label of [...Object.values(ACCESS.permissions), ...Object.values(ACCESS.roles)]) expect(label).toMatch(/\p{Script=Han}/u);
  });

  it('refuses a grant to an undefined role, of an undefined permission, and a permission defined twice', () => {
    const roles: ModuleManifest = { id: 'a', name: '甲', roles: { admin: '管理员' } };
    expect(() => accessOf({}, [roles, { id: 'b', name: '乙', grants: { officer: [] } }])).toThrow(/未定义的角色 officer/);
    expect(() => accessOf({}, [roles, { id: 'b', name: '乙', grants: { admin: ['penalty.read'] } }])).toThrow(/未定义的权限 penalty.read/);
    expect(() => accessOf(PLATFORM_PERMISSIONS, [{ id: 'b', name: '乙', permissions: { 'journal.read': '又一个' } }])).toThrow(
      /权限 journal.read 被两个模块重复定义/,
    );
  });
});

describe('the assembled migrations', () => {
  it('keep the released names first, in their order, and run sorted by name', () => {
    expect(Object.keys(MIGRATIONS).slice(0, 14)).toEqual([
      '001-foundation',
      '002-penalty-cases',
      '003-case-search',
      '004-uploads',
      '005-recording-coverage',
      '006-evidence-retention',
      '007-overdue-order',
      '008-evidence-shares',
      '009-journal-append',
      '010-journal-append-exact',
      '011-projection-state-hash',
      '012-witness',
      '013-login-throttle',
      '014-share-revocation',
    ]);
    expect(Object.keys(MIGRATIONS)).toEqual(Object.keys(MIGRATIONS).sort());
  });

  it('refuse a name two modules claim', () => {
    expect(() => migrationsOf({ '001-a': noop }, [{ id: 'm', name: '模块', migrations: { '001-a': noop } }])).toThrow(
      /迁移 001-a 被两个模块重复定义/,
    );
    expect(Object.keys(migrationsOf({ '002-b': noop }, [{ id: 'm', name: '模块', migrations: { '001-a': noop } }]))).toEqual([
      '001-a',
      '002-b',
    ]);
  });
});

describe('the rest of the composition', () => {
  it('has one session provider, menu entries in order with unique keys, and the journal policy of every module', () => {
    expect(() => authenticatorOf(MODULES)).not.toThrow();
    expect(() => authenticatorOf([])).toThrow(/恰有一个模块/);
    expect(MENU.map((m) => m.key)).toEqual([
      'dashboard',
      'penalty-cases',
      'recording-coverage',
      'enforcement-settings',
      'information-requests',
      'petitions',
      'disputes',
      'mediation-statistics',
      'mediation-committees',
      'regions',
      'publications',
      'reconsiderations',
      'reconsideration-indicators',
      'lawsuits',
      'litigation-indicators',
      'dispute-screenings',
      'mediation-volunteers',
      'mediators',
      'administrative-mediations',
      'agencies',
      'petition-hot-spots',
      'normative-documents',
      'normative-evaluation',
      'legal-reviews',
      'legal-desk',
      'village-rules',
      'village-meetings',
      'village-statistics',
      'people',
      'openness-lists',
      'case-explanations',
      'openness-catalog',
      'certificates',
      'users',
      'calendar',
      'journal',
      'login-log',
    ]);
    expect(() => menuOf(MENU, MODULES)).toThrow(/菜单项 dashboard 被两个模块重复定义/);
    for (const m of MODULES)
      for (const subject of Object.keys(m.journalPolicies ?? {})) expect(JOURNAL_READ_POLICIES).toHaveProperty([subject]);
  });

  it('the demo makes one login per role', () => {
    expect(new Set(DEMO_LOGINS.map((l) => l.role))).toEqual(new Set(ACCESS.roleIds));
  });
});
