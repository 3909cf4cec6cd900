/**
 * Login, sessions and the login log. Sessions are opaque random tokens in an httpOnly
 * cookie; the database keeps only their SHA-256. A CSRF token belongs to each session
 * and must accompany every mutating request. Password guessing is throttled (see
 * throttle.ts), and a failed login tells nothing about the account.
 */
import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../platform/db/database.js';
import type { Yifa } from '../../platform/yifa.js';
import type { AccessTable } from '../../platform/security/access.js';
import { runFixed } from '../../platform/db/fixed-queries.js';
import type { DataScope } from '../../platform/db/schema.js';
import { dummyPasswordHash, verifyPassword } from '../../platform/security/password.js';
import { addressKey } from '../../platform/security/client-address.js';
import { KeyedQueue } from '../../platform/security/keyed-queue.js';
import { AppError } from '../../platform/http/errors.js';
import type { AuthContext } from '../../platform/security/request.js';
import type { Clock } from '../../platform/clock.js';
import { recordLogin, type Client } from './login-log.js';
import { loginWait, throttledError } from './throttle.js';

export const sha256hex = (s: string) => createHash('sha256').update(s).digest('hex');

/** Attempts from one address, and attempts at one account, run one at a time (see KeyedQueue). */
const loginQueue = new KeyedQueue();

/**
 * The one answer to a failed login, whatever the reason (wrong password, unknown user,
 * inactive account): telling them apart would tell a stranger which accounts exist.
 */
const loginFailed = () => new AppError('UNAUTHENTICATED', '用户名或密码错误');

export async function login(
  db: Db,
  input: { username: string; password: string },
  client: Client,
  opts: { sessionMinutes: number; clock: Clock },
): Promise<{ token: string; csrfToken: string; userId: string }> {
  const address = addressKey(client.ip);
  // Address before account, always: see KeyedQueue.run.
  return loginQueue.run([`address:${address}`, `account:${input.username}`], async () => {
    const now = opts.clock.now();
    const user = await db.kysely.selectFrom('users').selectAll().where('username', '=', input.username).executeTakeFirst();
    const wait = await loginWait(db.kysely, input.username, address, now);
    if (wait > 0) {
      await recordLogin(db.kysely, { username: input.username, userId: user?.id ?? null, outcome: 'throttled' }, client, now);
      throw throttledError('login', wait);
    }
    // A full scrypt verification every time, against a dummy hash when there is no such
    // user, so the time taken does not tell whether the account exists.
    const ok = await verifyPassword(input.password, user?.password_hash ?? (await dummyPasswordHash()));
    if (!user || !ok || !user.active) {
      const outcome = !user ? 'unknown-user' : !ok ? 'bad-password' : 'inactive';
      await recordLogin(db.kysely, { username: input.username, userId: user?.id ?? null, outcome }, client, now);
      throw loginFailed();
    }
    const token = randomBytes(32).toString('base64url');
    const csrfToken = randomBytes(24).toString('base64url');
    const expiresAt = new Date(now.getTime() + opts.sessionMinutes * 60_000).toISOString();
    await db.kysely
      .insertInto('sessions')
      .values({
        id: sha256hex(token),
        user_id: user.id,
        csrf_token: csrfToken,
        created_at: now.toISOString(),
        expires_at: expiresAt,
        ip: client.ip,
      })
      .execute();
    await recordLogin(db.kysely, { username: input.username, userId: user.id, outcome: 'success' }, client, now);
    return { token, csrfToken, userId: user.id };
  });
}

export async function logout(db: Db, auth: AuthContext, client: Client, at: Date): Promise<void> {
  await db.kysely.deleteFrom('sessions').where('id', '=', auth.sessionId).execute();
  await recordLogin(db.kysely, { username: auth.user.username, userId: auth.user.id, outcome: 'logout' }, client, at);
}

/** Resolves a cookie token to the session's user, roles and scope now; undefined when absent, expired or the user inactive. */
export async function resolveSession(yifa: Yifa, token: string): Promise<AuthContext | undefined> {
  const { db, access } = yifa;
  const id = sha256hex(token);
  // Every request runs this: compiled once (see fixed-queries.ts).
  const [row] = await runFixed(
    db.kysely,
    'session',
    (slot) =>
      db.kysely
        .selectFrom('sessions')
        .innerJoin('users', 'users.id', 'sessions.user_id')
        .select([
          'sessions.id as sessionId',
          'sessions.csrf_token',
          'sessions.expires_at',
          'users.id as userId',
          'users.username',
          'users.display_name',
          'users.person_id',
          'users.agency_id',
          'users.region_id',
          'users.region_path',
          'users.data_scope',
          'users.active',
        ])
        .select(rolesColumn(db).as('roles'))
        .where('sessions.id', '=', slot<string>(0)),
    [id],
  );
  if (!row?.active) return undefined;
  const now = yifa.clock.now();
  if (row.expires_at <= now.toISOString()) {
    await db.kysely.deleteFrom('sessions').where('id', '=', id).execute();
    return undefined;
  }
  // Sliding expiry, written at most once a minute to keep reads cheap.
  const renewed = new Date(now.getTime() + yifa.config.sessionMinutes * 60_000);
  if (renewed.getTime() - new Date(row.expires_at).getTime() > 60_000) {
    await db.kysely.updateTable('sessions').set({ expires_at: renewed.toISOString() }).where('id', '=', id).execute();
  }
  return contextOf(access, row, { sessionId: row.sessionId, csrfToken: row.csrf_token });
}

type UserRow = {
  userId: string;
  username: string;
  display_name: string;
  person_id: string | null;
  agency_id: string | null;
  region_id: string;
  region_path: string;
  data_scope: DataScope;
  roles: string | null;
};

/** The user's roles, comma-separated, read in the same query as the user (one round trip per request). */
function rolesColumn(db: Db) {
  return db.engine === 'postgres'
    ? sql<string | null>`(select string_agg(role, ',') from user_roles where user_id = users.id)`
    : sql<string | null>`(select group_concat(role, ',') from user_roles where user_id = users.id)`;
}

function contextOf(access: AccessTable, row: UserRow, session: { sessionId: string; csrfToken: string }): AuthContext {
  const roles = (row.roles ?? '')
    .split(',')
    .filter((r) => access.isRole(r))
    .sort();
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
    permissions: access.permissionsOf(roles),
    scope: { kind: row.data_scope, regionPath: row.region_path, userId: row.userId, personId: row.person_id },
    actor: { userId: row.userId, role: roles.join(',') || null, agencyId: row.agency_id },
  };
}

/** What a user may do, without a session: for the demo's history and scripts that act as a named user. */
export async function contextOfUser(yifa: Yifa, username: string): Promise<AuthContext> {
  const { db } = yifa;
  const row = await db.kysely
    .selectFrom('users')
    .select(['users.id as userId', 'username', 'display_name', 'person_id', 'agency_id', 'region_id', 'region_path', 'data_scope'])
    .select(rolesColumn(db).as('roles'))
    .where('username', '=', username)
    .where('active', '=', 1)
    .executeTakeFirst();
  if (!row) throw new Error(`用户 ${username} 不存在或已停用`);
  return contextOf(yifa.access, row, { sessionId: '', csrfToken: '' });
}
