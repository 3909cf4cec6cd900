/**
 * Security headers on every response (OWASP ASVS 4.0 §14.4), through @fastify/helmet:
 *  - Content-Security-Policy (below): scripts only from this origin, no plugins, no
 *    <base> tricks, and no framing by any page (frame-ancestors 'none', with
 *    X-Frame-Options: DENY for browsers that predate it);
 *  - X-Content-Type-Options: nosniff, Referrer-Policy: no-referrer (share links carry
 *    their token in the path: no other site may learn it from a Referer),
 *    Cross-Origin-Opener-Policy and -Resource-Policy: same-origin;
 *  - Strict-Transport-Security only on requests that came over https (directly or, with
 *    YIFA_TRUST_PROXY, through a TLS proxy): sent over plain http it would be ignored by
 *    browsers, and it would pin an installation that has no certificate to https.
 */
import type { FastifyInstance } from 'fastify';
import helmet from '@fastify/helmet';

/**
 * One policy serves the console, the portal and the API docs (/api/docs).
 * - style-src 'unsafe-inline': antd 6 writes its CSS-in-JS into <style> elements at run
 *   time, and Swagger UI sets style attributes. Scripts stay strict ('self' only, no
 *   inline, no eval); injected styles cannot run code.
 * - img-src data: blob: and media-src blob:: antd's icons and previews of a photo,
 *   video or recording picked for upload before it is sent.
 * - frame-src 'self': a PDF of evidence is shown in an iframe from this origin.
 * - worker-src 'self': hashing of evidence files runs in a worker built with the app.
 * - no upgrade-insecure-requests: an installation on plain http (a township LAN) would
 *   then fetch nothing at all.
 */
export const CONTENT_SECURITY_POLICY = {
  'default-src': ["'self'"],
  'base-uri': ["'self'"],
  'connect-src': ["'self'"],
  'font-src': ["'self'", 'data:'],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
  'frame-src': ["'self'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'manifest-src': ["'self'"],
  'media-src': ["'self'", 'blob:'],
  'object-src': ["'none'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'worker-src': ["'self'"],
} as const satisfies Record<string, readonly string[]>;

/**
 * For evidence files shown inline (a PDF in the console's iframe, a photo or video opened
 * on its own): this origin's pages may frame them, and a file itself may run no script
 * and load nothing but itself. Route option: `helmet: EVIDENCE_FILE_HEADERS`.
 */
export const EVIDENCE_FILE_HEADERS = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      'default-src': ["'none'"],
      'img-src': ["'self'"],
      'media-src': ["'self'"],
      'object-src': ["'none'"],
      'style-src': ["'unsafe-inline'"],
      'frame-ancestors': ["'self'"],
    },
  },
  xFrameOptions: { action: 'sameorigin' as const },
};

/** A year, and subdomains of the installation's own host name too (ASVS 14.4.5). */
export const HSTS = 'max-age=31536000; includeSubDomains';

export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CONTENT_SECURITY_POLICY },
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: false,
  });
  app.addHook('onRequest', async (req, reply) => {
    if (req.protocol === 'https') reply.header('strict-transport-security', HSTS);
  });
}
