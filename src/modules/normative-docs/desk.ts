/**
 * The legal adviser's desk: one queue of every legal review yifa asks for — a normative
 * document's 合法性审核, a 重大行政决策's or a contract's 合法性审查, and the penalty module's
 * 法制审核 of major decisions — read through the kit's cross-procedure queue (what waits on the
 * 法制审核人员 role, `waiting_roles`), never through another module's code; the adviser's
 * workload and overdue items; and, for the supervisor, review rates per agency.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Yifa } from '../../platform/yifa.js';
import { serviceRequest } from '../../platform/http/request.js';
import { pageQuery } from '../../platform/http/pagination.js';
import { scopeFilter } from '../../platform/security/scope.js';
import type { AuthContext } from '../../platform/security/request.js';
import { todoQueue } from '../../procedure/workbench.js';
import { waitingOn } from '../../procedure/waiting.js';
import { trainingInput, trainingTables } from './qualifications.js';
import { randomUUID } from 'node:crypto';
import { AppError } from '../../platform/http/errors.js';
import type { LegalReview } from './legal-review-state.js';
import type { NormativeDoc } from './state.js';

const REVIEWER_ROLE = 'legal_reviewer';
const tags = ['legal-reviews'];

/** The reader as the review role sees the queue: what waits on 法制审核人员, in his own scope and permissions. */
const asReviewer = (auth: AuthContext): AuthContext => ({ ...auth, roles: [REVIEWER_ROLE] as AuthContext['roles'] });

/** Counts of what waits on the review role, overdue and due, per procedure (the adviser's workload). */
async function workload(yifa: Yifa, auth: AuthContext) {
  const today = yifa.clock.today();
  const rows = await yifa.db.kysely
    .selectFrom('procedure_cases')
    .where('waiting_roles', 'like', waitingOn(REVIEWER_ROLE))
    .where(scopeFilter(auth.scope, { path: 'region_path', createdBy: 'created_by' }))
    .select((eb) => [
      'procedure',
      eb.fn.countAll<number>().as('waiting'),
      eb.fn.sum<number>(eb.case().when('next_due', '<', today).then(1).else(0).end()).as('overdue'),
    ])
    .groupBy('procedure')
    .execute();
  const names = new Map(yifa.procedures.map((p) => [p.proc.subjectType, p.proc.recordName]));
  const readable = new Set(
    yifa.procedures.filter((p) => auth.permissions.has(p.proc.permissions.read as never)).map((p) => p.proc.subjectType),
  );
  return rows
    .filter((r) => readable.has(r.procedure))
    .map((r) => ({
      procedure: r.procedure,
      procedureName: names.get(r.procedure) ?? r.procedure,
      waiting: Number(r.waiting),
      overdue: Number(r.overdue ?? 0),
    }));
}

interface AgencyRate {
  agencyId: string;
  agencyName: string;
  /** Reviews asked for (normative documents submitted, major decisions and contracts submitted) */
  requested: number;
  /** Of them, answered with an opinion */
  answered: number;
  /** Answered after the due date, or still open past it */
  late: number;
  /** Opinions other than 同意 (修改后同意, 不同意): a reviewer who never objects is a warning sign */
  objections: number;
  /** Normative documents published, and how many of them passed a review first (should be all) */
  published: number;
  publishedReviewed: number;
}

/**
 * Review rates per agency over the reader's area: from the states of normative documents and
 * legal reviews (a town's few hundred records; the penalty module's 法制审核率 is its own
 * `GET /enforcement/review-rate`).
 */
async function rates(yifa: Yifa, auth: AuthContext): Promise<AgencyRate[]> {
  const today = yifa.clock.today();
  const rows = await yifa.db.kysely
    .selectFrom('procedure_cases')
    .innerJoin('agencies', 'agencies.id', 'procedure_cases.agency_id')
    .where('procedure', 'in', ['normative-document', 'legal-review'])
    .where(scopeFilter(auth.scope, { path: 'procedure_cases.region_path', createdBy: 'procedure_cases.created_by' }))
    .select(['procedure', 'agency_id', 'agencies.name as agency_name', 'state'])
    .execute();
  const by = new Map<string, AgencyRate>();
  for (const r of rows) {
    const a = by.get(r.agency_id) ?? {
      agencyId: r.agency_id,
      agencyName: r.agency_name,
      requested: 0,
      answered: 0,
      late: 0,
      objections: 0,
      published: 0,
      publishedReviewed: 0,
    };
    by.set(r.agency_id, a);
    const s = JSON.parse(r.state ?? '{}');
    if (r.procedure === 'normative-document') {
      const d = s as NormativeDoc;
      for (const rv of d.reviews ?? []) {
        a.requested++;
        if (rv.opinion) {
          a.answered++;
          if (rv.opinion.opinion !== 'agree') a.objections++;
        }
      }
      if (d.registrations?.length) {
        a.published++;
        if (d.reviews.some((x) => x.opinion && x.opinion.opinion !== 'disagree')) a.publishedReviewed++;
      }
    } else {
      const lr = s as LegalReview;
      if (!lr.submission) continue;
      a.requested++;
      if (lr.opinion) {
        a.answered++;
        if (lr.opinion.opinion !== 'agree') a.objections++;
        if (lr.opinion.on > lr.submission.dueOn) a.late++;
      } else if (today > lr.submission.dueOn) a.late++;
    }
  }
  return [...by.values()].sort((x, y) => x.agencyName.localeCompare(y.agencyName, 'zh'));
}

export const deskRoutes =
  (yifa: Yifa): FastifyPluginAsync =>
  async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/legal-reviews/desk',
      {
        schema: {
          tags,
          summary:
            '法律顾问工作台：待审核的规范性文件、重大行政决策、合同及重大执法决定法制审核（一个队列，等待最久的在前），以及工作量和超期件数',
          querystring: z.strictObject(pageQuery),
        },
      },
      async (req) => {
        const r = await serviceRequest(yifa, req, 'legal-review.read');
        const queue = await todoQueue(yifa, asReviewer(r.auth), yifa.procedures, req.query);
        return { today: yifa.clock.today(), workload: await workload(yifa, r.auth), queue };
      },
    );

    app.get(
      '/legal-reviews/rates',
      { schema: { tags, summary: '各单位合法性审核情况：送审、已审、超期、提出修改或不同意意见的件数，发布的规范性文件经审核的比例' } },
      async (req) => {
        const r = await serviceRequest(yifa, req, 'legal-review.read');
        return { items: await rates(yifa, r.auth) };
      },
    );

    app.get(
      '/legal-reviews/trainings',
      { schema: { tags, summary: '登记的法制审核培训（无法律职业资格的审核人员的资格依据）' } },
      async (req) => {
        await serviceRequest(yifa, req, 'legal-review.read');
        const items = await trainingTables(yifa.db.kysely)
          .selectFrom('legal_review_trainings')
          .innerJoin('people', 'people.id', 'legal_review_trainings.person_id')
          .select(['legal_review_trainings.id', 'person_id', 'people.name', 'title', 'organiser', 'completed_on', 'hours'])
          .orderBy('completed_on', 'desc')
          .execute();
        return { items };
      },
    );

    app.post(
      '/legal-reviews/trainings/:personId',
      {
        schema: {
          tags,
          summary: '登记审核人员参加的法制审核培训',
          params: z.strictObject({ personId: z.string().min(1).max(64) }),
          body: trainingInput,
        },
      },
      async (req, reply) => {
        const r = await serviceRequest(yifa, req, 'legal-review.training.manage');
        const person = await yifa.db.kysely.selectFrom('people').select('id').where('id', '=', req.params.personId).executeTakeFirst();
        if (!person) throw new AppError('NOT_FOUND', '没有该人员');
        if (req.body.completedOn > yifa.clock.today()) throw new AppError('INVALID_INPUT', '结业日期不能晚于今天');
        const id = randomUUID();
        await yifa.journal.perform(
          {
            type: 'legal-review.training.register',
            actor: r.auth.actor,
            subject: { type: 'legal-review-training', id, regionPath: r.auth.user.regionPath },
            payload: { personId: req.params.personId, ...req.body },
            idempotencyKey: r.idempotencyKey,
          },
          async (trx) => {
            await trainingTables(trx)
              .insertInto('legal_review_trainings')
              .values({
                id,
                person_id: req.params.personId,
                title: req.body.title,
                organiser: req.body.organiser,
                completed_on: req.body.completedOn,
                hours: req.body.hours,
                created_by: r.auth.user.id,
                created_at: yifa.clock.now().toISOString(),
              })
              .execute();
          },
        );
        reply.code(201);
        return { id };
      },
    );
  };
