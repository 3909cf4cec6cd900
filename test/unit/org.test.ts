import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { inScope, type Scope } from '../../src/platform/security/scope.js';
import { standingOf, inForce } from '../../src/modules/org/certificates.js';
import { ROLES } from '../../src/modules/org/roles.js';
import { ACCESS } from '../../src/app/root.js';
import { hashPassword, verifyPassword, passwordProblem, generatePassword } from '../../src/platform/security/password.js';
import { canonicalJson } from '../../src/journal/canonical.js';
import { actionLeafBytes } from '../../src/journal/leaf.js';
import { actionLeafBytes as verifierLeafBytes } from '../../src/journal/verifier/action-leaf.js';

const scope = (kind: Scope['kind'], regionPath = '/c/t1/'): Scope => ({ kind, regionPath, userId: 'u1', personId: 'p1' });

describe('data scopes (pure)', () => {
  it('subtree covers the region and below, level only the region, self only own records', () => {
    expect(inScope(scope('subtree'), { regionPath: '/c/t1/v1/' })).toBe(true);
    expect(inScope(scope('subtree'), { regionPath: '/c/t1/' })).toBe(true);
    expect(inScope(scope('subtree'), { regionPath: '/c/t2/' })).toBe(false);
    expect(inScope(scope('subtree'), { regionPath: '/c/' })).toBe(false);
    expect(inScope(scope('level'), { regionPath: '/c/t1/' })).toBe(true);
    expect(inScope(scope('level'), { regionPath: '/c/t1/v1/' })).toBe(false);
    expect(inScope(scope('self'), { regionPath: '/c/t1/', createdBy: 'u2' })).toBe(false);
    expect(inScope(scope('self'), { regionPath: '/x/', createdBy: 'u1' })).toBe(true);
    expect(inScope(scope('self'), { regionPath: '/x/', personId: 'p1' })).toBe(true);
    expect(inScope(scope('all'), { regionPath: '/anything/' })).toBe(true);
  });

  it('fails closed for an unknown scope kind', () => {
    expect(inScope({ ...scope('all'), kind: 'everything' as never }, { regionPath: '/c/' })).toBe(false);
  });

  it('a path that merely starts with the same characters is not a subregion', () => {
    // ids are UUIDs ending with '/', so /c/t1/ never prefixes /c/t10/
    expect(inScope(scope('subtree', '/c/t1/'), { regionPath: '/c/t10/' })).toBe(false);
  });
});

describe('执法证 standing', () => {
  const base = { state: 'valid' as const, annualReview: 'passed' as const, issuedOn: '2024-01-01', expiresOn: '2026-12-31' };
  it('warns 90 days ahead and is red after expiry', () => {
    expect(standingOf(base, '2026-10-01')).toEqual({ standing: 'in-force', daysLeft: 91 });
    expect(standingOf(base, '2026-10-02').standing).toBe('expiring');
    expect(standingOf(base, '2026-12-31').standing).toBe('expiring');
    expect(standingOf(base, '2027-01-01').standing).toBe('expired');
    expect(inForce(base, '2026-12-31')).toBe(true);
    expect(inForce(base, '2027-01-01')).toBe(false);
  });
  it('suspended, revoked, failed 年审 and not-yet-valid certificates are not in force', () => {
    expect(inForce({ ...base, state: 'suspended' }, '2025-01-01')).toBe(false);
    expect(inForce({ ...base, state: 'revoked' }, '2025-01-01')).toBe(false);
    expect(inForce({ ...base, annualReview: 'failed' }, '2025-01-01')).toBe(false);
    expect(inForce(base, '2023-12-31')).toBe(false);
  });
});

describe('roles', () => {
  it('every role has a Chinese name and a permission list; only admin manages users', () => {
    for (const r of Object.keys(ROLES) as (keyof typeof ROLES)[]) expect(ACCESS.grantsOf(r).length, r).toBeGreaterThan(0);
    expect(ACCESS.permissionsOf(['officer']).has('user.manage')).toBe(false);
    expect(ACCESS.permissionsOf(['admin']).has('user.manage')).toBe(true);
  });
});

describe('passwords', () => {
  it('hashes with scrypt and verifies', async () => {
    const h = await hashPassword('Correct-Horse-42');
    expect(h).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword('Correct-Horse-42', h)).toBe(true);
    expect(await verifyPassword('Correct-Horse-43', h)).toBe(false);
    expect(await verifyPassword('x', 'garbage')).toBe(false);
  });
  it('states why a password is too weak, in Chinese', async () => {
    expect(await passwordProblem('short1')).toMatch(/至少/);
    expect(await passwordProblem('onlyletterslong')).toMatch(/字母和数字/);
    expect(await passwordProblem('admin-password-1', { username: 'admin' })).toMatch(/用户名/);
    expect(await passwordProblem(generatePassword())).toBeUndefined();
  });
  it('refuses passwords that are easy to guess although long enough with letters and digits (zxcvbn score < 3)', async () => {
    for (const weak of ['Password123!', 'qwerty123456', '1qaz2wsx3edc', 'abcabcabc123', 'aaaaaaaaaa1', 'P@ssw0rd2026']) {
      expect(await passwordProblem(weak), weak).toMatch(/^密码太容易被猜到（.+），请换一个更复杂的密码$/);
    }
    // The reason is named when zxcvbn knows it.
    expect(await passwordProblem('1qazxsw23edc')).toBe('密码太容易被猜到（属于常见密码），请换一个更复杂的密码');
    expect(await passwordProblem('Password123!')).toBe('密码太容易被猜到（与常见密码相似），请换一个更复杂的密码');
    expect(await passwordProblem('asdfghjkl;12')).toBe('密码太容易被猜到（是键盘上相邻的一排按键），请换一个更复杂的密码');
    expect(await passwordProblem('aaaaaaaaaa1')).toBe('密码太容易被猜到（有重复的字符），请换一个更复杂的密码');
    // The user's own names are known to an attacker: built from the display name, it is weak; for someone else it is not.
    expect(await passwordProblem('Zhangwei2026', { username: 'zw1', displayName: 'zhangwei' })).toBe(
      '密码太容易被猜到（含有用户名或姓名），请换一个更复杂的密码',
    );
    expect(await passwordProblem('Zhangwei2026', { username: 'lisi', displayName: 'lisi' })).toBeUndefined();
  });
  it('accepts the passwords of the demo, the tests and the generator', async () => {
    // Demo-Password-2026: tests and the browser tier; the others: the CLI test, password change test, benchmarks.
    for (const [password, username, displayName] of [
      ['Demo-Password-2026', 'admin', '系统管理员（县司法局）'],
      ['Demo-Password-2026', 'zhifa1', '执法人员'],
      ['New-Password-2027', 'sifasuo', '司法所'],
      ['First-Admin-2026', 'chief', '管理员'],
      ['Bench-Password-2026', 'admin', '系统管理员（县司法局）'],
    ] as const) {
      expect(await passwordProblem(password, { username, displayName }), password).toBeUndefined();
    }
    for (let i = 0; i < 50; i++) {
      const p = generatePassword();
      expect(await passwordProblem(p, { username: 'admin' }), p).toBeUndefined();
    }
  });
});

describe('canonical JSON and the leaf encoding', () => {
  it('sorts keys and ignores insertion order', () => {
    expect(canonicalJson({ b: 1, a: [true, null, '中文'] })).toBe('{"a":[true,null,"中文"],"b":1}');
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (o) => {
        const reversed = Object.fromEntries(Object.entries(o).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(o));
        expect(JSON.parse(canonicalJson(o))).toEqual(JSON.parse(JSON.stringify(o)));
      }),
    );
    expect(() => canonicalJson({ x: Number.NaN })).toThrow();
  });

  it('the writer and the independent verifier encode every row to the same bytes', () => {
    const text = fc.option(fc.string({ unit: 'grapheme' }), { nil: null });
    fc.assert(
      fc.property(
        fc.nat(),
        fc.string(),
        fc.string(),
        text,
        text,
        text,
        text,
        text,
        text,
        fc.string(),
        fc.string(),
        text,
        fc.string(),
        text,
        (seq, id, type, a, b, c, d, e, f, occ, rec, idem, payload, result) => {
          const row = {
            seq,
            id,
            type,
            actor_user_id: a,
            actor_role: b,
            actor_agency_id: c,
            subject_type: d,
            subject_id: e,
            region_path: f,
            occurred_at: occ,
            received_at: rec,
            idempotency_key: idem,
            payload,
            result,
          };
          expect(verifierLeafBytes(row).equals(actionLeafBytes(row))).toBe(true);
        },
      ),
    );
  });

  it('distinguishes null from the empty string and field boundaries', () => {
    const row = {
      seq: 1,
      id: 'a',
      type: 't',
      actor_user_id: null,
      actor_role: '',
      actor_agency_id: null,
      subject_type: null,
      subject_id: null,
      region_path: null,
      occurred_at: 'x',
      received_at: 'y',
      idempotency_key: null,
      payload: '{}',
      result: null,
    };
    expect(actionLeafBytes(row).equals(actionLeafBytes({ ...row, actor_user_id: '' }))).toBe(false);
    expect(actionLeafBytes({ ...row, id: 'ab', type: '' }).equals(actionLeafBytes({ ...row, id: 'a', type: 'b' }))).toBe(false);
  });
});
