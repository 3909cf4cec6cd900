/**
 * The public portal's first lists (行政执法公示, 事前公开): enforcement subjects and
 * enforcement officers, live from the register. No login; rate-limited. The officer
 * list carries only what the law asks to publish — never ID numbers or phones — and
 * an officer leaves it the day the certificate lapses, is suspended or revoked.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Yifa } from '../../platform/yifa.js';
import { decodeCursor, pageOf, pageQuery } from '../../platform/http/pagination.js';
import { ProjectionCache } from '../../platform/http/projection-cache.js';

const AGENCY_KINDS = { statutory: '法定行政机关', entrusted: '受委托组织', township: '乡镇综合行政执法' } as const;

export async function publicOfficers(yifa: Yifa, f: { agencyId?: string; q?: string; limit: number; cursor?: string }, today: string) {
  let q = yifa.db.kysely
    .selectFrom('certificates')
    .innerJoin('people', 'people.id', 'certificates.person_id')
    .innerJoin('agencies', 'agencies.id', 'people.agency_id')
    .select([
      'certificates.number',
      'certificates.field',
      'certificates.area',
      'certificates.issued_on',
      'certificates.expires_on',
      'people.name',
      'agencies.id as agency_id',
      'agencies.name as agency_name',
    ])
    .where('certificates.state', '=', 'valid')
    .where('certificates.annual_review', '!=', 'failed')
    .where('certificates.issued_on', '<=', today)
    .where('certificates.expires_on', '>=', today)
    .where('people.active', '=', 1);
  if (f.agencyId) q = q.where('agencies.id', '=', f.agencyId);
  if (f.q) q = q.where('people.name', 'like', `%${f.q.replace(/[%_]/g, '')}%`);
  const after = decodeCursor(f.cursor, 1);
  if (after) q = q.where('certificates.number', '>', String(after[0]));
  const rows = await q
    .orderBy('certificates.number')
    .limit(f.limit + 1)
    .execute();
  return pageOf(
    rows,
    f.limit,
    (r) => [r.number],
    (r) => ({
      name: r.name,
      agencyId: r.agency_id,
      agency: r.agency_name,
      certificateNumber: r.number,
      field: r.field,
      area: r.area,
      validFrom: r.issued_on,
      validUntil: r.expires_on,
    }),
  );
}

export async function publicAgencies(yifa: Yifa) {
  const rows = await yifa.db.kysely
    .selectFrom('agencies')
    .innerJoin('regions', 'regions.id', 'agencies.region_id')
    .select([
      'agencies.id',
      'agencies.name',
      'agencies.kind',
      'agencies.legal_basis',
      'agencies.powers',
      'regions.name as region_name',
      'regions.path',
    ])
    .orderBy('regions.path')
    .orderBy('agencies.name')
    .execute();
  return rows.map((a) => ({
    id: a.id,
    name: a.name,
    kind: a.kind,
    kindName: AGENCY_KINDS[a.kind],
    region: a.region_name,
    legalBasis: a.legal_basis,
    powers: JSON.parse(a.powers) as string[],
  }));
}

export const publicRoutes =
  (yifa: Yifa): FastifyPluginAsync =>
  async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();
    const tags = ['public'];
    const config = { rateLimit: { max: yifa.config.publicRateLimit, timeWindow: '1 minute' } };
    // Keyed by today's date too: a certificate that lapses today leaves the list today.
    const cache = new ProjectionCache<unknown>(() => yifa.journal.version);

    app.get('/public/agencies', { schema: { tags, summary: '行政执法主体清单（公开）' }, config }, async () =>
      cache.get(`agencies|${yifa.clock.today()}`, async () => ({ items: await publicAgencies(yifa), next: null })),
    );

    app.get(
      '/public/officers',
      {
        schema: {
          tags,
          summary: '行政执法人员清单（公开；仅列持有效执法证人员）',
          querystring: z.strictObject({ agencyId: z.string().max(64).optional(), q: z.string().max(20).optional(), ...pageQuery }),
        },
        config,
      },
      async (req) => {
        const today = yifa.clock.today();
        return cache.get(`officers|${today}|${JSON.stringify(req.query)}`, () => publicOfficers(yifa, req.query, today));
      },
    );
  };
