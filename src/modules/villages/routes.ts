/**
 * The module's own routes beside the kit's: the clause-by-clause diff between two versions
 * of a village's rules, the statistics of the annual report, and the public portal's
 * 村规民约 (the versions published, each with its adoption and filing, and their diffs) and
 * 村务公开 (the meetings' published decisions), rate-limited like every public read.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Yifa } from '../../platform/yifa.js';
import { serviceRequest } from '../../platform/http/request.js';
import { notFound } from '../../platform/http/errors.js';
import { provenRecord, visibleState } from '../../procedure/service.js';
import { diffClauses, diffSummary } from '../../procedure/clauses.js';
import { VILLAGE_MEETINGS, VILLAGE_RULES } from './procedures.js';
import { MEETING_KINDS } from './law.js';
import type { RulesVersion, VillageRules } from './rules-state.js';
import { villageStatistics } from './statistics.js';

const tags = ['village-rules'];
const pub = ['public'];
const id = z.string().min(1).max(64);
const versionNo = z.coerce.number().int().min(1).max(10_000);
const diffQuery = z.strictObject({ from: versionNo, to: versionNo });

/** The diff between versions `from` and `to` of a record, or NOT_FOUND for a version it does not have. */
function versionDiff(r: VillageRules, from: number, to: number, versions: readonly RulesVersion[]) {
  const a = versions.find((v) => v.no === from);
  const b = versions.find((v) => v.no === to);
  if (!a || !b) throw notFound('村规民约版本');
  const clauses = diffClauses(a.text, b.text);
  return {
    village: r.villageName,
    from: { no: a.no, title: a.title, publishedOn: a.publishedOn },
    to: { no: b.no, title: b.title, publishedOn: b.publishedOn },
    summary: diffSummary(clauses),
    clauses,
  };
}

/** A version as the portal shows it: the text, its adoption and its filing; nothing of the drafting or the review. */
const publicVersion = (v: RulesVersion) => ({
  no: v.no,
  title: v.title,
  text: v.text,
  publishedOn: v.publishedOn,
  supersededOn: v.supersededOn,
  filing: v.filing ? { on: v.filing.on, number: v.filing.number } : null,
  adoption: v.adoption
    ? {
        on: v.adoption.on,
        kind: v.adoption.kind,
        kindName: MEETING_KINDS[v.adoption.kind],
        entitled: v.adoption.entitled,
        present: v.adoption.present,
        votes: v.adoption.votes,
      }
    : null,
});

const published = (r: VillageRules) => r.versions.filter((v) => v.publishedOn);

export const villageRoutes =
  (yifa: Yifa): FastifyPluginAsync =>
  async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/village-rules/:id/diff',
      { schema: { tags, summary: '村规民约两个版本之间的逐条对照', params: z.strictObject({ id }), querystring: diffQuery } },
      async (req) => {
        const r = await serviceRequest(yifa, req, 'village.read');
        const { state } = await visibleState(yifa, r, VILLAGE_RULES, req.params.id);
        return versionDiff(state, req.query.from, req.query.to, state.versions);
      },
    );

    app.get(
      '/village-statistics',
      {
        schema: {
          tags,
          summary: '村规民约与村民代表会议统计（年度报告用：本年修订的村、各村召开会议次数）',
          querystring: z.strictObject({ year: z.coerce.number().int().min(2000).max(2100).optional() }),
        },
      },
      async (req) => {
        const r = await serviceRequest(yifa, req, 'village.read');
        return villageStatistics(yifa, r, req.query.year ?? Number(yifa.clock.today().slice(0, 4)));
      },
    );

    // ——— public ———
    const config = { rateLimit: { max: yifa.config.publicRateLimit, timeWindow: '1 minute' } };

    app.get('/public/village-rules', { schema: { tags: pub, summary: '各村现行村规民约（已备案并公布的）' }, config }, async () => {
      const rows = await yifa.db.kysely
        .selectFrom('village_rules')
        .innerJoin('regions', 'regions.id', 'village_rules.village_id')
        .innerJoin('procedure_cases', 'procedure_cases.id', 'village_rules.id')
        .select(['village_rules.village_id', 'regions.name', 'village_rules.version', 'village_rules.published_on'])
        .where('village_rules.version', '>', 0)
        .orderBy('regions.name')
        .execute();
      return { items: rows.map((r) => ({ villageId: r.village_id, village: r.name, version: r.version, publishedOn: r.published_on })) };
    });

    /** The village's record, proven, for the public (only what was published is shown). */
    const publicRules = async (villageId: string) => {
      const row = await yifa.db.kysely
        .selectFrom('village_rules')
        .select(['id', 'version'])
        .where('village_id', '=', villageId)
        .executeTakeFirst();
      if (!row || Number(row.version) === 0) throw notFound('村规民约');
      return (await provenRecord(yifa, VILLAGE_RULES, row.id, 'request')).state;
    };

    app.get(
      '/public/village-rules/:villageId',
      { schema: { tags: pub, summary: '一个村的村规民约：现行版本及历次公布的版本', params: z.strictObject({ villageId: id }) }, config },
      async (req) => {
        const r = await publicRules(req.params.villageId);
        return { villageId: r.villageId, village: r.villageName, versions: published(r).map(publicVersion) };
      },
    );

    app.get(
      '/public/village-rules/:villageId/diff',
      {
        schema: { tags: pub, summary: '村规民约两个公布版本的逐条对照', params: z.strictObject({ villageId: id }), querystring: diffQuery },
        config,
      },
      async (req) => {
        const r = await publicRules(req.params.villageId);
        return versionDiff(r, req.query.from, req.query.to, published(r));
      },
    );

    app.get(
      '/public/village-affairs',
      {
        schema: {
          tags: pub,
          summary: '村务公开：村民代表会议、村民会议已公开的决定事项（按村，最近 20 次会议）',
          querystring: z.strictObject({ villageId: id }),
        },
        config,
      },
      async (req) => {
        const rows = await yifa.db.kysely
          .selectFrom('village_meetings')
          .select('id')
          .where('village_id', '=', req.query.villageId)
          .where('publicized', '>', 0)
          .orderBy('held_on', 'desc')
          .limit(20)
          .execute();
        const items = [];
        for (const row of rows) {
          const m = (await provenRecord(yifa, VILLAGE_MEETINGS, row.id, 'request')).state;
          for (const d of m.decisions)
            if (d.publicity)
              items.push({
                meetingId: m.id,
                heldOn: m.heldOn,
                kind: MEETING_KINDS[m.kind],
                no: d.no,
                subject: d.subject,
                carried: d.carried,
                votes: d.votes,
                publishedOn: d.publicity.on,
                content: d.publicity.content,
              });
        }
        return { items };
      },
    );
  };
