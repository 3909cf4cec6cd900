/**
 * Security headers on every kind of response, and what YIFA_TRUST_PROXY changes, on both
 * engines. The built web app is needed for the console and portal pages: it is built
 * here when missing or stale (as the browser tier does), and the test fails if the pages
 * are not the app's HTML, so it cannot pass without looking at them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { ENGINES } from '../helpers/engines.js';
import { startTestApp, type Client, type TestApp } from '../helpers/app.js';
import buildWeb from '../browser/build-web.js';
import { WEB_DIST } from '../../src/platform/http/app.js';
import { buildApp } from '../../src/app/root.js';
import { HSTS } from '../../src/platform/http/security-headers.js';
import { demoPhoto } from '../../src/modules/evidence/demo.js';
import type { Config } from '../../src/platform/config.js';

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const party = {
  kind: 'organisation',
  name: '秀山县某某建材有限公司',
  idNumber: '91500241MA5U00000K',
  address: '秀山县妙泉镇某某村3组',
  phone: null,
  representative: '王某某',
};

/** The directives of a Content-Security-Policy header, by name. */
function directives(res: LightMyRequestResponse): Map<string, string[]> {
  const header = String(res.headers['content-security-policy'] ?? '');
  return new Map(
    header
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => {
        const [name, ...values] = d.split(/\s+/);
        return [name!, values];
      }),
  );
}

function expectPageHeaders(res: LightMyRequestResponse, what: string) {
  const csp = directives(res);
  expect(csp.get('frame-ancestors'), what).toEqual(["'none'"]);
  expect(csp.get('default-src'), what).toEqual(["'self'"]);
  expect(csp.get('script-src'), what).toEqual(["'self'"]);
  expect(csp.get('object-src'), what).toEqual(["'none'"]);
  expect(csp.get('base-uri'), what).toEqual(["'self'"]);
  // Plain http installations must keep loading their own scripts.
  expect(csp.has('upgrade-insecure-requests'), what).toBe(false);
  expect(res.headers['x-frame-options'], what).toBe('DENY');
  expect(res.headers['x-content-type-options'], what).toBe('nosniff');
  expect(res.headers['referrer-policy'], what).toBe('no-referrer');
  expect(res.headers['cross-origin-opener-policy'], what).toBe('same-origin');
  expect(res.headers['strict-transport-security'], `${what}: no HSTS over plain http`).toBeUndefined();
}

describe.each(ENGINES)('security headers and proxies on %s', (engine) => {
  let t: TestApp;
  beforeAll(async () => {
    buildWeb();
    expect(existsSync(join(WEB_DIST, 'index.html'))).toBe(true);
    t = await startTestApp(engine);
  }, 300_000);
  afterAll(async () => t?.close());

  it('sends the CSP, nosniff, Referrer-Policy and frame denial on every kind of page', async () => {
    const get = (url: string) => t.app.inject({ method: 'GET', url });
    const health = await get('/api/v1/health');
    expect(health.json().ok).toBe(true);
    expectPageHeaders(health, 'API JSON');
    const unauthenticated = await get('/api/v1/people');
    expect(unauthenticated.statusCode).toBe(401);
    expectPageHeaders(unauthenticated, 'API error');
    const missing = await get('/api/v1/no-such-thing');
    expect(missing.statusCode).toBe(404);
    expectPageHeaders(missing, 'API 404');
    for (const url of ['/', '/portal', '/portal/officers', '/console', '/console/login']) {
      const page = await get(url);
      expect(page.statusCode, url).toBe(200);
      expect(page.headers['content-type'], url).toMatch(/^text\/html/);
      expect(page.body, url).toContain('<div id="root"></div>');
      expectPageHeaders(page, url);
    }
    const script = readdirSync(join(WEB_DIST, 'assets')).find((f) => f.endsWith('.js'))!;
    const asset = await get(`/assets/${script}`);
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['content-type']).toMatch(/javascript/);
    expectPageHeaders(asset, 'static asset');
    const docs = await get('/api/docs');
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger-ui');
    expectPageHeaders(docs, '/api/docs');
    expectPageHeaders(await get('/api/docs/json'), '/api/docs/json');
    expectPageHeaders(await get('/api/docs/static/swagger-ui.css'), 'Swagger UI asset');
  });

  it('lets the console frame an evidence file, and the file run nothing', async () => {
    const zhifa1 = await t.login('zhifa1');
    const fuzeren = await t.login('fuzeren');
    const clock = t.yifa.clock.source;
    t.yifa.clock.source = () => new Date('2026-05-11T10:00:00+08:00');
    let url: string;
    try {
      const officers = [
        (await zhifa1.get('/api/v1/session')).json().user.personId,
        (await (await t.login('zhifa2')).get('/api/v1/session')).json().user.personId,
      ];
      const caseId = (
        await zhifa1.post('/api/v1/penalty-cases', {
          type: 'penalty.register',
          payload: { source: { kind: 'patrol', summary: '巡查发现未批先建', receivedOn: '2026-05-11' }, party, field: '综合行政执法' },
        })
      ).json().id;
      await zhifa1.post(`/api/v1/penalty-cases/${caseId}/actions`, {
        type: 'penalty.request-filing',
        payload: { violationTypeId: 'illegal-building', actOn: '2026-05-01', seriousHarm: false, officers, summary: '未批先建' },
      });
      await fuzeren.post(`/api/v1/penalty-cases/${caseId}/actions`, {
        type: 'penalty.approve',
        payload: { kind: 'filing', opinion: '同意' },
      });
      const photo = demoPhoto(7);
      const up = (
        await zhifa1.post('/api/v1/uploads', { fileName: 'IMG_20260511.png', mime: 'image/png', size: photo.length, sha256: sha(photo) })
      ).json();
      await zhifa1.patch(`/api/v1/uploads/${up.id}`, photo, { 'content-type': 'application/offset+octet-stream', 'upload-offset': '0' });
      const added = await zhifa1.post(`/api/v1/penalty-cases/${caseId}/actions`, {
        type: 'penalty.add-evidence',
        payload: {
          type: 'documentary',
          title: '现场照片',
          description: '在建厂房',
          collectedOn: '2026-05-11',
          source: '执法人员拍摄',
          file: { sha256: sha(photo) },
        },
      });
      expect(added.statusCode, added.body).toBe(200);
      url = `/api/v1/penalty-cases/${caseId}/evidence/${added.json().case.evidence.at(-1).seq}/content`;
    } finally {
      t.yifa.clock.source = clock;
    }
    const file = await zhifa1.get(url);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('image/png');
    const csp = directives(file);
    expect(csp.get('frame-ancestors')).toEqual(["'self'"]);
    expect(csp.get('default-src')).toEqual(["'none'"]);
    expect(csp.has('script-src')).toBe(false);
    expect(file.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(file.headers['referrer-policy']).toBe('no-referrer');
  });

  describe('YIFA_TRUST_PROXY', () => {
    /** The same yifa served by an app that trusts the given proxies. */
    const appTrusting = async (trustProxy: Config['trustProxy']): Promise<FastifyInstance> => {
      const app = await buildApp({ ...t.yifa, config: { ...t.yifa.config, trustProxy } });
      await app.ready();
      return app;
    };
    const login = (app: FastifyInstance, username: string, headers: Record<string, string>, remoteAddress = '127.0.0.1') =>
      app.inject({ method: 'POST', url: '/api/v1/session', payload: { username, password: 'Demo-Password-2026' }, headers, remoteAddress });
    const lastLoginIp = async (username: string) =>
      (
        await t.yifa.db.kysely
          .selectFrom('login_log')
          .select(['ip', 'at'])
          .where('username', '=', username)
          .where('outcome', '=', 'success')
          .orderBy('at', 'desc')
          .executeTakeFirstOrThrow()
      ).ip;
    const proxied = { 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.9' };

    it('behind a trusted TLS proxy: the session cookie is Secure, HSTS is sent, and the client address is the forwarded one', async () => {
      for (const trust of [['127.0.0.1'], 1] as const) {
        const app = await appTrusting(trust as Config['trustProxy']);
        try {
          const res = await login(app, 'xinfang', proxied);
          expect(res.statusCode, String(trust)).toBe(200);
          expect(String(res.headers['set-cookie'])).toMatch(/yifa_session=[^;]+;.*Secure/i);
          expect(res.headers['strict-transport-security']).toBe(HSTS);
          expect(await lastLoginIp('xinfang')).toBe('203.0.113.9');
          const health = await app.inject({ method: 'GET', url: '/api/v1/health', headers: { 'x-forwarded-proto': 'https' } });
          expect(health.headers['strict-transport-security']).toBe(HSTS);
          // The proxy's own plain-http requests get no HSTS.
          expect((await app.inject({ method: 'GET', url: '/api/v1/health' })).headers['strict-transport-security']).toBeUndefined();
        } finally {
          await app.close();
        }
      }
    });

    it('ignores X-Forwarded-* from a peer that is not a listed proxy', async () => {
      const app = await appTrusting(['10.0.0.1']);
      try {
        const res = await login(app, 'jiandu', proxied, '198.51.100.7');
        expect(res.statusCode).toBe(200);
        expect(String(res.headers['set-cookie'])).not.toMatch(/Secure/i);
        expect(res.headers['strict-transport-security']).toBeUndefined();
        expect(await lastLoginIp('jiandu')).toBe('198.51.100.7');
      } finally {
        await app.close();
      }
    });

    it('off (the default): X-Forwarded-For and -Proto are ignored, no Secure cookie, no HSTS', async () => {
      expect(t.config.trustProxy).toBe(false);
      const res = await login(t.app, 'fazhi', proxied);
      expect(res.statusCode).toBe(200);
      expect(String(res.headers['set-cookie'])).not.toMatch(/Secure/i);
      expect(res.headers['strict-transport-security']).toBeUndefined();
      expect(await lastLoginIp('fazhi')).toBe('127.0.0.1');
      // A spoofed address does not escape the per-address count either: every guess counts for 127.0.0.1.
      const c: Client = t.anonymous();
      for (let i = 0; i < 5; i++) {
        expect(
          (
            await c.post(
              '/api/v1/session',
              { username: 'spoof.nobody', password: `Guess-${i}-password` },
              { 'x-forwarded-for': `203.0.113.${i}` },
            )
          ).statusCode,
        ).toBe(401);
      }
      expect(
        (await c.post('/api/v1/session', { username: 'spoof.nobody', password: 'Guess-5-password' }, { 'x-forwarded-for': '203.0.113.99' }))
          .statusCode,
      ).toBe(429);
    });
  });
});
