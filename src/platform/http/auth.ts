/**
 * Authentication and authorization for every request:
 *  - the session cookie resolves to an AuthContext (or none);
 *  - mutating API requests must carry the session's CSRF token in X-CSRF-Token;
 *  - requireUser / requirePermission refuse with 401 / 403, and every refusal is
 *    journaled as `access.denied`: each one of a logged-in user; of requests without a
 *    session, the first per address and minute with a count of the rest (see
 *    AnonymousRefusals), so anonymous traffic cannot grow the journal at will.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { DomainError } from '../errors.js';
import type { AuthContext, RefusedSubject } from '../security/request.js';
import type { Permission } from '../security/access.js';
import type { Authenticate } from '../module.js';
import type { Yifa } from '../yifa.js';

export const SESSION_COOKIE = 'yifa_session';

declare module 'fastify' {
  interface FastifyRequest {
    auth: AuthContext | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export function registerAuth(app: FastifyInstance, yifa: Yifa, authenticate: Authenticate): void {
  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (req: FastifyRequest) => {
    // Static files of the web app need no session lookup.
    if (!req.url.startsWith('/api/')) return;
    const token = req.cookies[SESSION_COOKIE];
    req.auth = token ? ((await authenticate(token)) ?? null) : null;
    if (SAFE_METHODS.has(req.method)) return;
    // Logging in has no session yet; everything else that changes state needs the token.
    if (req.method === 'POST' && req.url.split('?')[0] === '/api/v1/session') return;
    if (!req.auth) return; // requireUser answers 401 in the handler
    const sent = req.headers['x-csrf-token'];
    if (typeof sent !== 'string' || !sameToken(sent, req.auth.csrfToken)) {
      await journalDenied(yifa, req, 'csrf', { reason: 'CSRF 令牌缺失或不匹配' });
      throw new DomainError('CSRF_TOKEN_MISSING', '缺少或无效的 CSRF 令牌（请求头 X-CSRF-Token），请刷新页面后重试');
    }
  });
}

/** A request that needs a session and has none (the error handler journals it). */
export class NoSession extends DomainError {
  constructor() {
    super('UNAUTHENTICATED', '请先登录');
  }
}

export function requireUser(req: FastifyRequest): AuthContext {
  if (!req.auth) throw new NoSession();
  return req.auth;
}

/**
 * Which refusals of requests without a session are journaled: the first from an address
 * in each window, carrying how many that address had since its last journaled one.
 */
export class AnonymousRefusals {
  private readonly byAddress = new Map<string, { since: number; unrecorded: number }>();
  constructor(
    private readonly windowMs = 60_000,
    private readonly maxAddresses = 10_000,
  ) {}

  /** null: count it, do not journal it; otherwise journal it with the refusals it stands for. */
  take(ip: string, now: number): { unrecorded: number } | null {
    const seen = this.byAddress.get(ip);
    // A clock set back starts a new window rather than silencing the address.
    if (seen && now >= seen.since && now - seen.since < this.windowMs) {
      seen.unrecorded++;
      return null;
    }
    if (this.byAddress.size >= this.maxAddresses) {
      // Forget the addresses whose window is over (their counts were in their last entry or are dropped).
      for (const [key, v] of this.byAddress) if (now - v.since >= this.windowMs) this.byAddress.delete(key);
    }
    this.byAddress.set(ip, { since: now, unrecorded: 0 });
    return { unrecorded: seen?.unrecorded ?? 0 };
  }
}

/** Journals a refused request without a session, as AnonymousRefusals allows. */
export async function journalNoSession(yifa: Yifa, refusals: AnonymousRefusals, req: FastifyRequest): Promise<void> {
  const take = refusals.take(req.ip, yifa.clock.now().getTime());
  if (take) await journalDenied(yifa, req, 'no-session', { reason: '未登录', unrecordedBefore: take.unrecorded });
}

/**
 * Journals a request refused for text no field accepts (unsafe-text.ts): each one of a
 * logged-in user; without a session, as AnonymousRefusals allows.
 */
export async function journalInputRefused(
  yifa: Yifa,
  refusals: AnonymousRefusals,
  req: FastifyRequest,
  bad: { path: string; reason: string },
): Promise<void> {
  const take = req.auth ? { unrecorded: 0 } : refusals.take(req.ip, yifa.clock.now().getTime());
  if (!take) return;
  await yifa.journal.record({
    type: 'input.refused',
    actor: req.auth?.actor ?? { userId: null, role: null, agencyId: null },
    regionPath: req.auth?.user.regionPath ?? null,
    payload: {
      method: req.method,
      url: req.url.slice(0, 300),
      ip: req.ip,
      field: bad.path,
      reason: bad.reason,
      unrecordedBefore: take.unrecorded,
    },
  });
}

/** The user holds the permission, or (a list) any one of them: otherwise refused and journaled. */
export async function requirePermission(
  yifa: Yifa,
  req: FastifyRequest,
  permission: Permission | readonly Permission[],
): Promise<AuthContext> {
  const auth = requireUser(req);
  const anyOf: readonly Permission[] = typeof permission === 'string' ? [permission] : permission;
  if (!anyOf.some((p) => auth.permissions.has(p))) {
    await journalDenied(yifa, req, 'permission', { permission: anyOf.join('|') });
    throw new DomainError('FORBIDDEN', '您没有执行此操作的权限');
  }
  return auth;
}

/** Journals a refused access (nothing else is changed). */
export async function journalDenied(
  yifa: Yifa,
  req: FastifyRequest,
  kind: 'permission' | 'scope' | 'csrf' | 'no-session',
  detail: Record<string, unknown>,
  subject?: RefusedSubject,
): Promise<void> {
  const auth = req.auth;
  await yifa.journal.record({
    type: 'access.denied',
    actor: auth?.actor ?? { userId: null, role: null, agencyId: null },
    ...(subject ? { subject } : {}),
    // The region of what was refused, so supervisors of that area see the refusal; when no
    // record was reached (a missing permission, a CSRF failure), the region of who was refused.
    regionPath: subject?.regionPath ?? auth?.user.regionPath ?? null,
    payload: { kind, method: req.method, url: req.url.slice(0, 300), ip: req.ip, ...detail },
  });
}

export type Reply = FastifyReply;
