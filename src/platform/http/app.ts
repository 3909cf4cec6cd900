/**
 * The HTTP server: JSON API under /api/v1 (OpenAPI at /api/docs), the staff console
 * and the public portal (the built web app, served from web/dist).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import Fastify, { type FastifyInstance, type FastifyPluginAsync } from 'fastify';
import cookie from '@fastify/cookie';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import rateLimit from '@fastify/rate-limit';
import { z } from 'zod';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { DomainError } from '../errors.js';
import { errorBody, statusOf } from './errors.js';
import { findUnsafeText } from './unsafe-text.js';
import { registerSecurityHeaders } from './security-headers.js';
import { AnonymousRefusals, NoSession, journalInputRefused, journalNoSession, registerAuth, requireUser } from './auth.js';
import type { Yifa } from '../yifa.js';
import type { Config } from '../config.js';
import type { Authenticate, MenuEntry } from '../module.js';
import { ping } from '../db/database.js';

/** What the modules add to the HTTP server, assembled by the composition root (src/app/root.ts). */
export interface HttpParts {
  /** Plugins registered under /api/v1 */
  routes: readonly FastifyPluginAsync[];
  /** Who is asking, from the session cookie's token */
  authenticate: Authenticate;
  /** The console's menu, in order */
  menu: readonly MenuEntry[];
}

// Validation messages in Chinese for every schema.
z.config(z.locales.zhCN());

export const WEB_DIST = fileURLToPath(new URL('../../../web/dist/', import.meta.url));

export type App = FastifyInstance;

/** YIFA_TRUST_PROXY as Fastify takes it; a hop count becomes proxy-addr's test "the N nearest hops". */
function trustProxyOption(trust: Config['trustProxy']): false | string[] | ((address: string, hop: number) => boolean) {
  return typeof trust === 'number' ? (_address, hop) => hop < trust : trust;
}

export async function buildHttpApp(yifa: Yifa, parts: HttpParts, opts: { logger?: boolean } = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger ? { level: yifa.config.logLevel } : false,
    bodyLimit: 1024 * 1024,
    // Off unless YIFA_TRUST_PROXY names the proxies: otherwise any client could set its
    // own address in X-Forwarded-For and escape per-address throttling of logins.
    trustProxy: trustProxyOption(yifa.config.trustProxy),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  const anonymousRefusals = new AnonymousRefusals();
  app.setErrorHandler(async (err, req, reply) => {
    if (err instanceof NoSession) await journalNoSession(yifa, anonymousRefusals, req);
    if (err instanceof DomainError) {
      const retryAfter = (err.extra.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
      if (err.code === 'RATE_LIMITED' && typeof retryAfter === 'number') reply.header('retry-after', String(retryAfter));
      return reply.status(statusOf(err)).send(errorBody(err));
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      const issues = err.validation.map((v) => ({
        path: `${v.instancePath || ''}`.replace(/^\//, '').replace(/\//g, '.'),
        message: v.message,
      }));
      const where =
        { body: '请求体', querystring: '查询参数', params: '路径参数', headers: '请求头' }[String(err.validationContext)] ?? '输入';
      const first = issues[0];
      const message = `${where}校验失败${first ? `：${first.path ? first.path + ' ' : ''}${first.message}` : ''}`;
      return reply.status(400).send({ error: { code: 'INVALID_INPUT', message, details: issues } });
    }
    const e = err as { statusCode?: number; code?: string; message: string };
    if (e.statusCode === 429) return reply.status(429).send({ error: { code: 'RATE_LIMITED', message: '请求过于频繁，请稍后再试' } });
    if (e.statusCode === 413 || e.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
      return reply.status(413).send({ error: { code: 'PAYLOAD_TOO_LARGE', message: '请求体过大' } });
    if (e.statusCode === 400 || e.statusCode === 415) {
      return reply.status(400).send({ error: { code: 'INVALID_INPUT', message: `请求格式错误：${e.message}` } });
    }
    req.log.error(err);
    if (process.env.YIFA_DEBUG_ERRORS) console.error(err);
    return reply.status(500).send({ error: { code: 'INTERNAL', message: '服务器内部错误，已记录，请稍后重试' } });
  });
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || !existsSync(join(WEB_DIST, 'index.html'))) {
      return reply.status(404).send({ error: { code: 'NOT_FOUND', message: `接口不存在：${req.method} ${req.url.split('?')[0]}` } });
    }
    // Client-side routes of the single-page app.
    return reply.type('text/html').sendFile('index.html');
  });

  // First, so that every response (static files, the API docs, errors) carries the headers.
  await registerSecurityHeaders(app);
  await app.register(cookie);
  await app.register(rateLimit, { global: false });
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'yifa 依法 API',
        version: '1',
        description: '法治政府建设平台接口。错误统一为 {"error": {"code", "message", "citation"?}}。',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'yifa_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  // No validator badge: it would send the API's address to validator.swagger.io (and the CSP refuses its image).
  await app.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { validatorUrl: null } });
  registerAuth(app, yifa, parts.authenticate);
  // Before any route's own validation: text no field accepts (unsafe-text.ts).
  app.addHook('preValidation', async (req) => {
    for (const [where, value] of [
      ['请求体', req.body],
      ['查询参数', req.query],
      ['路径参数', req.params],
    ] as const) {
      const bad = findUnsafeText(value);
      if (bad) await journalInputRefused(yifa, anonymousRefusals, req, bad);
      if (bad)
        throw new DomainError('INVALID_INPUT', `${where}校验失败：${bad.path ? `${bad.path} ` : ''}${bad.reason}`, {
          details: [{ path: bad.path, message: bad.reason }],
        });
    }
  });

  app.get('/api/v1/health', { schema: { tags: ['system'], summary: '健康检查' } }, async () => {
    await ping(yifa.db);
    return { ok: true, engine: yifa.db.engine };
  });
  app.get('/api/v1/menu', { schema: { tags: ['session'], summary: '控制台菜单（本人有权使用的条目）' } }, async (req) => {
    const { permissions } = requireUser(req);
    return { items: parts.menu.filter((m) => permissions.has(m.permission)).map(({ key, label, path }) => ({ key, label, path })) };
  });
  for (const routes of parts.routes) await app.register(routes, { prefix: '/api/v1' });

  if (existsSync(join(WEB_DIST, 'index.html'))) {
    await app.register(fastifyStatic, {
      root: WEB_DIST,
      wildcard: false,
      index: 'index.html',
      // The .br and .gz copies written at build time (scripts/compress-web.mjs).
      preCompressed: true,
    });
    // Hashed names under /assets/ never change content: a returning visitor on a slow line loads nothing again.
    app.addHook('onSend', async (req, reply, payload) => {
      if (req.url.startsWith('/assets/') && reply.statusCode === 200) reply.header('cache-control', 'public, max-age=31536000, immutable');
      return payload;
    });
  }
  return app;
}
