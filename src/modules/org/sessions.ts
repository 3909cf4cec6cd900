/**
 * Login, sessions, lockout and the login log. Sessions are opaque random tokens in an
 * httpOnly cookie; the database keeps only their SHA-256. A CSRF token belongs to
 * each session and must accompany every mutating request.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import { runFixed } from '../../platform/db/fixed-queries.js';
import type { DataScope, LoginOutcome } from '../../platform/db/schema.js';
import { dummyPasswordHash, verifyPassword } from '../../platform/security/password.js';
import { AppError } from '../../platform/http/errors.js';
import { isRole, permissionsOf, type Permission, type Role } from './roles.js';
import type { Scope } from '../../platform/security/scope.js';
import type { Actor } from '../../journal/journal.js';

export const LOCKOUT_FAILURES = 5;
export const LOCKOUT_MINUTES = 15;

export interface AuthContext {
  sessionId: string;
  csrfToken: string;
  user: {
    id: string;
    username: string;
    displayName: string;
    personId: string | null;
    agencyId: string | null;
    regionId: string;
    regionPath: string;
  };
  roles: Role[];
  permissions: Set<Permission>;
  scope: Scope;
  actor: Actor;
}

export const sha256hex = (s: string) => createHash('sha256').update(s).digest('hex');

interface Client {
  ip: string;
  userAgent: string;
}

async function logLogin(db: Db, username: string, userId: string | null, outcome: LoginOutcome, client: Client, at = new Date()) {
  await db.kysely
    .insertInto('login_log')
    .values({ id: randomUUID(), username: username.slice(0, 64), user_id: userId, outcome, ip: client.ip, user_agent: client.userAgent.slice(0, 256), at: at.toISOString() })
    .execute();
}

/** When the account is locked, the instant it unlocks; otherwise undefined. */
export async function lockedUntil(db: Db, username: string, now = new Date()): Promise<Date | undefined> {
  const since = new Date(now.getTime() - LOCKOUT_MINUTES * 60_000).toISOString();
  const recent = await db.kysely
    .selectFrom('login_log')
    .select(['outcome', 'at'])
    .where('username', '=', username)
    .where('at', '>=', since)
    .where('outcome', 'in', ['success', 'bad-password'])
    .orderBy('at', 'desc')
    .limit(LOCKOUT_FAILURES)
    .execute();
  // Locked when the last five attempts in the window all failed; it lifts 15 minutes after the fifth.
  if (recent.length < LOCKOUT_FAILURES || recent.some((r) => r.outcome === 'success')) return undefined;
  const fifth = recent[0]!;
  return new Date(new Date(fifth.at).getTime() + LOCKOUT_MINUTES * 60_000);
}

export async function login(
  db: Db,
  input: { username: string; password: string },
  client: Client,
  sessionMinutes: number,
): Promise<{ token: string; csrfToken: string; userId: string; expiresAt: string }> {
  const user = await db.kysely.selectFrom('users').selectAll().where('username', '=', input.username).executeTakeFirst();
  const locked = await lockedUntil(db, input.username);
  if (locked) {
    await logLogin(db, input.username, user?.id ?? null, 'locked', client);
    const minutes = Math.max(1, Math.ceil((locked.getTime() - Date.now()) / 60_000));
    throw new AppError('ACCOUNT_LOCKED', `连续 ${LOCKOUT_FAILURES} 次密码错误，账号已锁定，请 ${minutes} 分钟后再试`);
  }
  const ok = await verifyPassword(input.password, user?.password_hash ?? (await dummyPasswordHash()));
  if (!user || !ok) {
    await logLogin(db, input.username, user?.id ?? null, user ? 'bad-password' : 'unknown-user', client);
    throw new AppError('UNAUTHENTICATED', '用户名或密码错误');
  }
  if (!user.active) {
    await logLogin(db, input.username, user.id, 'inactive', client);
    throw new AppError('UNAUTHENTICATED', '账号已停用，请联系系统管理员');
  }
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(24).toString('base64url');
  const now = new Date();
  const expiresAt = new Date(now.getTime() + sessionMinutes * 60_000).toISOString();
  await db.kysely
    .insertInto('sessions')
    .values({ id: sha256hex(token), user_id: user.id, csrf_token: csrfToken, created_at: now.toISOString(), expires_at: expiresAt, ip: client.ip })
    .execute();
  await logLogin(db, input.username, user.id, 'success', client, now);
  return { token, csrfToken, userId: user.id, expiresAt };
}

export async function logout(db: Db, auth: AuthContext, client: Client): Promise<void> {
  await db.kysely.deleteFrom('sessions').where('id', '=', auth.sessionId).execute();
  await logLogin(db, auth.user.username, auth.user.id, 'logout', client);
}

/** Resolves a cookie token to the session's user, roles and scope; undefined when absent, expired or the user inactive. */
export async function resolveSession(db: Db, token: string, sessionMinutes: number): Promise<AuthContext | undefined> {
  const id = sha256hex(token);
  // Every request runs this: compiled once (see fixed-queries.ts).
  const [row] = await runFixed(db.kysely, 'session', (slot) => db.kysely
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select([
      'sessions.id as sessionId', 'sessions.csrf_token', 'sessions.expires_at', 'users.id as userId', 'users.username',
      'users.display_name', 'users.person_id', 'users.agency_id', 'users.region_id', 'users.region_path', 'users.data_scope', 'users.active',
    ])
    .select(rolesColumn(db).as('roles'))
    .where('sessions.id', '=', slot<string>(0)), [id]);
  if (!row || !row.active) return undefined;
  const now = new Date();
  if (row.expires_at <= now.toISOString()) {
    await db.kysely.deleteFrom('sessions').where('id', '=', id).execute();
    return undefined;
  }
  // Sliding expiry, written at most once a minute to keep reads cheap.
  const renewed = new Date(now.getTime() + sessionMinutes * 60_000);
  if (renewed.getTime() - new Date(row.expires_at).getTime() > 60_000) {
    await db.kysely.updateTable('sessions').set({ expires_at: renewed.toISOString() }).where('id', '=', id).execute();
  }
  return contextOf(row, { sessionId: row.sessionId, csrfToken: row.csrf_token });
}

type UserRow = { userId: string; username: string; display_name: string; person_id: string | null; agency_id: string | null; region_id: string; region_path: string; data_scope: DataScope; roles: string | null };

/** The user's roles, comma-separated, read in the same query as the user (one round trip per request). */
function rolesColumn(db: Db) {
  return db.engine === 'postgres'
    ? sql<string | null>`(select string_agg(role, ',') from user_roles where user_id = users.id)`
    : sql<string | null>`(select group_concat(role, ',') from user_roles where user_id = users.id)`;
}

function contextOf(row: UserRow, session: { sessionId: string; csrfToken: string }): AuthContext {
  const roles = (row.roles ?? '').split(',').filter(isRole).sort();
  return {
    ...session,
    user: {
      id: row.userId,
      username: row.username,
      displayName: row.display_name,
      personId: row.person_id,
      agencyId: row.agency_id,
      regionId: row.region_id,
      regionPath: row.region_path,
    },
    roles,
    permissions: permissionsOf(roles),
    scope: { kind: row.data_scope, regionPath: row.region_path, userId: row.userId, personId: row.person_id },
    actor: { userId: row.userId, role: roles.join(',') || null, agencyId: row.agency_id },
  };
}

/** What a user may do, without a session: for the demo's history and scripts that act as a named user. */
export async function contextOfUser(db: Db, username: string): Promise<AuthContext> {
  const row = await db.kysely
    .selectFrom('users')
    .select(['users.id as userId', 'username', 'display_name', 'person_id', 'agency_id', 'region_id', 'region_path', 'data_scope'])
    .select(rolesColumn(db).as('roles'))
    .where('username', '=', username)
    .where('active', '=', 1)
    .executeTakeFirst();
  if (!row) throw new Error(`用户 ${username} 不存在或已停用`);
  return contextOf(row, { sessionId: '', csrfToken: '' });
}
