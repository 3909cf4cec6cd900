import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Yifa } from '../../platform/yifa.js';
import { SESSION_COOKIE, requireUser } from '../../platform/http/auth.js';
import { serviceRequest } from '../../platform/http/request.js';
import { login, logout, resolveSession } from './sessions.js';
import type { AuthContext } from '../../platform/security/request.js';
import { changeOwnPassword } from './service/users.js';
import { dummyPasswordHash } from '../../platform/security/password.js';
import { DATA_SCOPES, scopeFilter } from '../../platform/security/scope.js';
import { pageQuery, decodeCursor, keysetAfter, pageOf } from '../../platform/http/pagination.js';

function me(yifa: Yifa, auth: AuthContext) {
  return {
    user: { ...auth.user },
    roles: auth.roles.map((r) => ({ id: r, name: yifa.access.roles[r] })),
    permissions: [...auth.permissions].sort(),
    dataScope: { kind: auth.scope.kind, name: DATA_SCOPES[auth.scope.kind] },
    csrfToken: auth.csrfToken,
  };
}

export const sessionRoutes =
  (yifa: Yifa): FastifyPluginAsync =>
  async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();
    const client = (req: { ip: string; headers: Record<string, unknown> }) => ({
      ip: req.ip,
      userAgent: String(req.headers['user-agent'] ?? ''),
    });
    // The dummy hash is made now, not by the first login of an unknown user (which would then take twice as long).
    await dummyPasswordHash();

    app.post(
      '/session',
      {
        schema: {
          tags: ['session'],
          summary: '登录',
          body: z.strictObject({ username: z.string().min(1).max(64), password: z.string().min(1).max(128) }),
        },
        config: { rateLimit: { max: 30, timeWindow: '1 minute' } },
      },
      async (req, reply) => {
        const s = await login(yifa.db, req.body, client(req), { sessionMinutes: yifa.config.sessionMinutes, clock: yifa.clock });
        // A lifetime, not an instant: the browser counts it on its own clock, the server checks the session on the installation's.
        reply.setCookie(SESSION_COOKIE, s.token, {
          httpOnly: true,
          sameSite: 'lax',
          path: '/',
          secure: req.protocol === 'https',
          maxAge: yifa.config.sessionMinutes * 60,
        });
        const auth = await resolveSession(yifa, s.token);
        return me(yifa, auth!);
      },
    );

    app.get('/session', { schema: { tags: ['session'], summary: '当前登录用户、权限与 CSRF 令牌' } }, async (req) =>
      me(yifa, requireUser(req)),
    );

    app.delete('/session', { schema: { tags: ['session'], summary: '退出登录' } }, async (req, reply) => {
      const auth = requireUser(req);
      await logout(yifa.db, auth, client(req), yifa.clock.now());
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true };
    });

    app.post(
      '/session/password',
      {
        schema: {
          tags: ['session'],
          summary: '修改本人密码',
          body: z.strictObject({ oldPassword: z.string().min(1).max(128), newPassword: z.string().min(1).max(128) }),
        },
      },
      async (req) => {
        const auth = requireUser(req);
        await changeOwnPassword(yifa, { auth, idempotencyKey: null, denied: async () => {} }, req.body, client(req));
        return { ok: true };
      },
    );

    app.get(
      '/login-log',
      {
        schema: {
          tags: ['session'],
          summary: '登录日志',
          querystring: z.strictObject({ username: z.string().max(64).optional(), ...pageQuery }),
        },
      },
      async (req) => {
        const { auth } = await serviceRequest(yifa, req, 'login-log.read');
        // Scoped by the account's region: attempts on names that are no account (user_id null) only for 全部.
        let q = yifa.db.kysely
          .selectFrom('login_log')
          .selectAll('login_log')
          .$if(auth.scope.kind !== 'all', (qb) =>
            qb
              .innerJoin('users', 'users.id', 'login_log.user_id')
              .where(scopeFilter(auth.scope, { path: 'users.region_path', personId: 'users.person_id' })),
          );
        if (req.query.username) q = q.where('login_log.username', '=', req.query.username);
        const after = decodeCursor(req.query.cursor, 2);
        if (after) q = q.where(keysetAfter(['login_log.at', 'login_log.id'], after, 'desc'));
        const rows = await q
          .orderBy('login_log.at', 'desc')
          .orderBy('login_log.id', 'desc')
          .limit(req.query.limit + 1)
          .execute();
        return pageOf(
          rows,
          req.query.limit,
          (r) => [r.at, r.id],
          (r) => ({ id: r.id, username: r.username, userId: r.user_id, outcome: r.outcome, ip: r.ip, userAgent: r.user_agent, at: r.at }),
        );
      },
    );
  };
