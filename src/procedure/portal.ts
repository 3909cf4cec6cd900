/**
 * What every procedure's public portal shares: the member of the public acting without an
 * account (the public role, scoped to the record's own region, no permissions), the
 * tracking code's form, the agency a filing names, and the rate limits that keep a spam
 * burst from reaching the store. A procedure's portal routes (information requests,
 * petitions) are built from these; the code itself is `tracking-code.ts`.
 */
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Yifa } from '../platform/yifa.js';
import { AppError } from '../platform/http/errors.js';
import type { AuthContext, Request } from '../platform/security/request.js';
import { PUBLIC_ROLE, PUBLIC_USER_ID } from './spec.js';

/** A tracking code as typed: 16 letters and digits, the hyphens optional. */
export const trackingCodeSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9]{4}-?[A-Za-z0-9]{4}-?[A-Za-z0-9]{4}-?[A-Za-z0-9]{4}$/, '查询码格式不正确（16 位字母和数字）');

/**
 * A member of the public acting on the portal: the public role, scoped to the record's own
 * region, no permissions. `client` is the HTTP request a refusal is journaled with;
 * `displayName` is how the journal names him (申请人（网上）, 信访人（网上）).
 */
export function publicRequest(
  yifa: Yifa,
  client: Pick<FastifyRequest, 'method' | 'url' | 'ip'> | null,
  at: { agencyId: string; regionPath: string },
  displayName: string,
): Request {
  const auth: AuthContext = {
    sessionId: '',
    csrfToken: '',
    user: {
      id: PUBLIC_USER_ID,
      username: PUBLIC_USER_ID,
      displayName,
      personId: null,
      agencyId: at.agencyId,
      regionId: '',
      regionPath: at.regionPath,
    },
    roles: [PUBLIC_ROLE as AuthContext['roles'][number]],
    permissions: new Set(),
    scope: { kind: 'level', regionPath: at.regionPath, userId: PUBLIC_USER_ID, personId: null },
    actor: { userId: null, role: PUBLIC_ROLE, agencyId: at.agencyId },
  };
  return {
    auth,
    idempotencyKey: null,
    denied: async (detail, subject) => {
      const request = client ? { method: client.method, url: client.url.slice(0, 300), ip: client.ip } : {};
      await yifa.journal.record({
        type: 'access.denied',
        actor: auth.actor,
        ...(subject ? { subject } : {}),
        regionPath: subject?.regionPath ?? at.regionPath,
        payload: { kind: 'scope', ...request, ...detail },
      });
    },
  };
}

/** The agency a portal filing names, with its region; an unknown one is refused at its field. */
export async function publicAgency(yifa: Yifa, agencyId: string, what: string) {
  const agency = await yifa.db.kysely
    .selectFrom('agencies')
    .innerJoin('regions', 'regions.id', 'agencies.region_id')
    .select(['agencies.id', 'regions.path'])
    .where('agencies.id', '=', agencyId)
    .executeTakeFirst();
  if (!agency) throw new AppError('INVALID_INPUT', `请选择${what}`, { details: [{ path: 'agencyId', message: '机关不存在' }] });
  return { agencyId: agency.id, regionPath: agency.path };
}

/** Per address: filing is rarer than reading, so its limit is a tenth of the reads'. */
export const portalLimits = (yifa: Yifa) => ({
  file: { rateLimit: { max: Math.max(1, Math.floor(yifa.config.publicRateLimit / 10)), timeWindow: '1 minute' } },
  read: { rateLimit: { max: yifa.config.publicRateLimit, timeWindow: '1 minute' } },
});

/** A DOCX answer, its Chinese file name in RFC 5987 form. */
export function docxHeaders(title: string) {
  return {
    'content-type': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    'content-disposition': `attachment; filename="document.docx"; filename*=UTF-8''${encodeURIComponent(`${title}.docx`)}`,
  };
}
