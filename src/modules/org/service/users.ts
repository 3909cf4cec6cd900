/**
 * User accounts: who they are attached to, their roles and data scope (never wider than the
 * grantor's own, grants.ts), and the change of one's own password.
 */
import { randomUUID } from 'node:crypto';
import type { Yifa } from '../../../platform/yifa.js';
import type { DataScope, LoginOutcome } from '../../../platform/db/schema.js';
import { AppError, conflict, invalid, notFound } from '../../../platform/http/errors.js';
import { decodeCursor, pageOf } from '../../../platform/http/pagination.js';
import { hashPassword, passwordProblem, verifyPassword } from '../../../platform/security/password.js';
import { KeyedQueue } from '../../../platform/security/keyed-queue.js';
import type { AuthContext, RefusedSubject, Request } from '../../../platform/security/request.js';
import { inScope, scopeFilter } from '../../../platform/security/scope.js';
import type { Role } from '../../../platform/security/access.js';
import { recordLogin, type Client } from '../login-log.js';
import { passwordChangeWait, throttledError } from '../throttle.js';
import { grantRefusal, type Grantor, type Privileges, type RoleBook } from '../grants.js';
import { agencyWithRegion, assertWritable, now, regionById } from './shared.js';

export interface UserInput {
  username: string;
  displayName: string;
  password: string;
  personId?: string | null;
  agencyId?: string | null;
  regionId: string;
  dataScope: DataScope;
  roles: Role[];
}

async function rolesOf(yifa: Yifa, userIds: string[]) {
  if (userIds.length === 0) return new Map<string, string[]>();
  const rows = await yifa.db.kysely.selectFrom('user_roles').selectAll().where('user_id', 'in', userIds).execute();
  const m = new Map<string, string[]>();
  for (const r of rows) m.set(r.user_id, [...(m.get(r.user_id) ?? []), r.role]);
  return m;
}

export async function listUsers(yifa: Yifa, auth: AuthContext, f: { limit: number; cursor?: string }) {
  let q = yifa.db.kysely
    .selectFrom('users')
    .innerJoin('regions', 'regions.id', 'users.region_id')
    .select([
      'users.id',
      'users.username',
      'users.display_name',
      'users.person_id',
      'users.agency_id',
      'users.region_id',
      'regions.name as region_name',
      'users.data_scope',
      'users.active',
      'users.created_at',
    ])
    .where(scopeFilter(auth.scope, { path: 'users.region_path', personId: 'users.person_id' }));
  const after = decodeCursor(f.cursor, 1);
  if (after) q = q.where('users.username', '>', String(after[0]));
  const rows = await q
    .orderBy('users.username')
    .limit(f.limit + 1)
    .execute();
  const page = pageOf(
    rows,
    f.limit,
    (r) => [r.username],
    (r) => r,
  );
  const roles = await rolesOf(
    yifa,
    page.items.map((u) => u.id),
  );
  return {
    items: page.items.map((u) => ({
      id: u.id,
      username: u.username,
      displayName: u.display_name,
      personId: u.person_id,
      agencyId: u.agency_id,
      regionId: u.region_id,
      regionName: u.region_name,
      dataScope: u.data_scope,
      active: u.active === 1,
      roles: roles.get(u.id) ?? [],
    })),
    next: page.next,
  };
}

/** The grantor's own privileges, as grants.ts compares them. */
/** The installation's roles (org's and every module's), as grants name them. */
export const roleBookOf = (yifa: Yifa): RoleBook => ({ ids: yifa.access.roleIds, names: yifa.access.roles });

function grantorOf(auth: AuthContext): Grantor {
  return { userId: auth.user.id, roles: auth.roles, scope: { kind: auth.scope.kind, regionPath: auth.scope.regionPath } };
}

/** Refuses (and journals) a grant wider than the grantor's own. */
async function assertGrantable(
  yifa: Yifa,
  req: Request,
  target: { userId: string | null; current: Privileges | null },
  next: Privileges,
  subject: RefusedSubject,
) {
  const why = grantRefusal(grantorOf(req.auth), target, next, roleBookOf(yifa));
  if (!why) return;
  await req.denied({ reason: why.message, roles: next.roles, dataScope: next.scope.kind }, subject);
  throw new AppError('FORBIDDEN', why.message, { citation: why.citation });
}

/**
 * The person and agency an account is attached to must exist and lie in the grantor's
 * scope (outside it they are "not found", and the attempt is journaled): otherwise a town's
 * administrator could bind an account to another town's officer or agency.
 */
async function assertAttachable(yifa: Yifa, req: Request | null, input: { personId?: string | null; agencyId?: string | null }) {
  if (input.agencyId) {
    const agency = await agencyWithRegion(yifa, input.agencyId);
    if (!agency) throw invalid('所属执法主体不存在');
    if (req && !inScope(req.auth.scope, { regionPath: agency.region_path })) {
      await req.denied({ reason: '关联的执法主体超出数据权限范围' }, { type: 'agency', id: agency.id, regionPath: agency.region_path });
      throw invalid('所属执法主体不存在');
    }
  }
  if (input.personId) {
    const person = await yifa.db.kysely
      .selectFrom('people')
      .select(['id', 'region_path', 'created_by'])
      .where('id', '=', input.personId)
      .executeTakeFirst();
    if (!person) throw invalid('关联人员不存在');
    if (req && !inScope(req.auth.scope, { regionPath: person.region_path, createdBy: person.created_by, personId: person.id })) {
      await req.denied({ reason: '关联的人员超出数据权限范围' }, { type: 'person', id: person.id, regionPath: person.region_path });
      throw invalid('关联人员不存在');
    }
  }
}

/** Creates a user. `req` is null for the CLI's first administrator (a system action). */
export async function createUser(yifa: Yifa, req: Request | null, input: UserInput) {
  const problem = await passwordProblem(input.password, { username: input.username, displayName: input.displayName });
  if (problem) throw invalid(problem);
  const region = await regionById(yifa, input.regionId);
  if (!region) throw invalid('用户所在区划不存在');
  const id = randomUUID();
  if (req) {
    await assertWritable(req, { regionPath: region.path }, { type: 'region', id: region.id }, '区划');
    await assertGrantable(
      yifa,
      req,
      { userId: null, current: null },
      { roles: input.roles, scope: { kind: input.dataScope, regionPath: region.path } },
      { type: 'user', id, regionPath: region.path },
    );
  }
  await assertAttachable(yifa, req, input);
  const passwordHash = await hashPassword(input.password);
  const { password: _omit, ...audited } = input;
  const done = await yifa.journal.perform(
    {
      type: 'org.user.create',
      actor: req?.auth.actor ?? { userId: null, role: 'system', agencyId: null },
      subject: { type: 'user', id, regionPath: region.path },
      idempotencyKey: req?.idempotencyKey ?? null,
      payload: audited,
    },
    async (trx) => {
      const dup = await trx.selectFrom('users').select('id').where('username', '=', input.username).executeTakeFirst();
      if (dup) throw conflict(`用户名 ${input.username} 已被使用`);
      await trx
        .insertInto('users')
        .values({
          id,
          username: input.username,
          display_name: input.displayName,
          password_hash: passwordHash,
          person_id: input.personId ?? null,
          agency_id: input.agencyId ?? null,
          region_id: region.id,
          region_path: region.path,
          data_scope: input.dataScope,
          active: 1,
          created_at: now(yifa),
          password_changed_at: now(yifa),
        })
        .execute();
      if (input.roles.length)
        await trx
          .insertInto('user_roles')
          .values(input.roles.map((role) => ({ user_id: id, role })))
          .execute();
      return { id, username: input.username };
    },
  );
  return done.result;
}

export interface UserPatch {
  displayName?: string;
  dataScope?: DataScope;
  roles?: Role[];
  active?: boolean;
  password?: string;
}

export async function updateUser(yifa: Yifa, req: Request, id: string, patch: UserPatch) {
  const u = await yifa.db.kysely.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  if (!u) throw notFound('用户');
  const subject = { type: 'user', id, regionPath: u.region_path };
  await assertWritable(req, { regionPath: u.region_path, personId: u.person_id }, subject, '用户');
  const own = id === req.auth.user.id;
  if (own && patch.active === false) throw conflict('不能停用自己的账号');
  if (own && patch.password) throw conflict('本人的密码请在“修改密码”中修改（须输入原密码）');
  const currentRoles = ((await rolesOf(yifa, [id])).get(id) ?? []).filter((r) => yifa.access.isRole(r));
  const current: Privileges = { roles: currentRoles, scope: { kind: u.data_scope, regionPath: u.region_path } };
  const next: Privileges = {
    roles: patch.roles ?? currentRoles,
    scope: { kind: patch.dataScope ?? u.data_scope, regionPath: u.region_path },
  };
  await assertGrantable(yifa, req, { userId: id, current }, next, subject);
  if (patch.password) {
    const problem = await passwordProblem(patch.password, { username: u.username, displayName: patch.displayName ?? u.display_name });
    if (problem) throw invalid(problem);
  }
  const passwordHash = patch.password ? await hashPassword(patch.password) : undefined;
  const { password: _omit, ...audited } = patch;
  await yifa.journal.perform(
    {
      type: 'org.user.update',
      actor: req.auth.actor,
      subject,
      idempotencyKey: req.idempotencyKey,
      payload: { ...audited, passwordReset: Boolean(passwordHash) },
    },
    async (trx) => {
      const set = {
        ...(patch.displayName !== undefined ? { display_name: patch.displayName } : {}),
        ...(patch.dataScope !== undefined ? { data_scope: patch.dataScope } : {}),
        ...(patch.active !== undefined ? { active: patch.active ? 1 : 0 } : {}),
        ...(passwordHash ? { password_hash: passwordHash, password_changed_at: now(yifa) } : {}),
      };
      if (Object.keys(set).length) await trx.updateTable('users').set(set).where('id', '=', id).execute();
      if (patch.roles) {
        await trx.deleteFrom('user_roles').where('user_id', '=', id).execute();
        if (patch.roles.length)
          await trx
            .insertInto('user_roles')
            .values(patch.roles.map((role) => ({ user_id: id, role })))
            .execute();
      }
      // A reset password or a deactivated account ends the user's sessions.
      if (passwordHash || patch.active === false) await trx.deleteFrom('sessions').where('user_id', '=', id).execute();
      return { id };
    },
  );
  return { id };
}

/** Changes of one user's own password run one at a time (see KeyedQueue), so a burst cannot slip past the throttle. */
const passwordChangeQueue = new KeyedQueue();

/**
 * Changes the signed-in user's own password. Wrong old passwords are throttled per user
 * (throttle.ts); every wrong, throttled and successful change is in the login log.
 */
export async function changeOwnPassword(yifa: Yifa, req: Request, input: { oldPassword: string; newPassword: string }, client: Client) {
  return passwordChangeQueue.run([`user:${req.auth.user.id}`], async () => {
    const at = yifa.clock.now();
    const u = await yifa.db.kysely.selectFrom('users').selectAll().where('id', '=', req.auth.user.id).executeTakeFirstOrThrow();
    const entry = (outcome: LoginOutcome) => ({ username: u.username, userId: u.id, outcome });
    const wait = await passwordChangeWait(yifa.db.kysely, u.username, at);
    if (wait > 0) {
      await recordLogin(yifa.db.kysely, entry('password-change-throttled'), client, at);
      throw throttledError('password-change', wait);
    }
    if (!(await verifyPassword(input.oldPassword, u.password_hash))) {
      await recordLogin(yifa.db.kysely, entry('bad-old-password'), client, at);
      throw new AppError('INVALID_INPUT', '原密码不正确');
    }
    const problem = await passwordProblem(input.newPassword, { username: u.username, displayName: u.display_name });
    if (problem) throw invalid(problem);
    if (input.oldPassword === input.newPassword) throw invalid('新密码不能与原密码相同');
    const hash = await hashPassword(input.newPassword);
    await yifa.journal.perform(
      {
        type: 'org.user.password-change',
        actor: req.auth.actor,
        subject: { type: 'user', id: u.id, regionPath: u.region_path },
        idempotencyKey: req.idempotencyKey,
        payload: {},
      },
      async (trx) => {
        await trx
          .updateTable('users')
          .set({ password_hash: hash, password_changed_at: now(yifa) })
          .where('id', '=', u.id)
          .execute();
        // Other sessions end; this one stays.
        await trx.deleteFrom('sessions').where('user_id', '=', u.id).where('id', '!=', req.auth.sessionId).execute();
        await recordLogin(trx, entry('password-changed'), client, at);
        return { ok: true };
      },
    );
  });
}
