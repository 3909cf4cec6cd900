/** The module's own routes beside the kit's for disputes: the committees and the statistics. */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Yifa } from '../../platform/yifa.js';
import { serviceRequest } from '../../platform/http/request.js';
import { committeeInput, createCommittee, createGroup, groupInput, listCommittees } from './committees.js';
import { disputeStatistics, statisticsCsv, statisticsQuery, statisticsXlsx } from './statistics.js';
import {
  addItem,
  closeInput,
  closeScreening,
  createScreening,
  disposeInput,
  disposeItem,
  getScreening,
  itemInput,
  listQuery,
  listScreenings,
  mediateInput,
  mediateItem,
  policeReportInput,
  reportToPolice,
  screeningInput,
} from './screening.js';
import {
  activityInput,
  addQualification,
  addTraining,
  createActivity,
  createVolunteer,
  listActivities,
  listMediators,
  listVolunteers,
  qualificationInput,
  rosterQuery,
  trainingInput,
  volunteerInput,
  leaveInput,
  leaveVolunteer,
  volunteerQuery,
} from './roster.js';

const tags = ['mediation'];
const roundParams = z.strictObject({ id: z.string().min(1).max(64) });
const itemParams = z.strictObject({ id: z.string().min(1).max(64), itemId: z.string().min(1).max(64) });

export const mediationRoutes =
  (yifa: Yifa): FastifyPluginAsync =>
  async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();

    app.get('/mediation-committees', { schema: { tags, summary: '人民调解委员会及调解小组（按数据权限；含组成提示）' } }, async (req) =>
      listCommittees(yifa, await serviceRequest(yifa, req, 'mediation.read')),
    );

    app.post(
      '/mediation-committees',
      { schema: { tags, summary: '登记人民调解委员会（委员、主任、任期、调解小组）', body: committeeInput } },
      async (req, reply) => {
        const r = await serviceRequest(yifa, req, 'mediation.committee.manage');
        reply.code(201);
        return createCommittee(yifa, r, req.body);
      },
    );

    app.post(
      '/mediation-committees/:id/groups',
      {
        schema: {
          tags,
          summary: '在人民调解委员会下设调解小组',
          params: z.strictObject({ id: z.string().min(1).max(64) }),
          body: groupInput,
        },
      },
      async (req, reply) => {
        const r = await serviceRequest(yifa, req, 'mediation.committee.manage');
        reply.code(201);
        return createGroup(yifa, r, req.params.id, req.body);
      },
    );

    app.get(
      '/disputes/statistics',
      {
        schema: {
          tags,
          summary: '人民调解统计：按纠纷类别和来源（受理、成功、成功率、协议金额），可导出 CSV 或 Excel（xlsx）',
          querystring: statisticsQuery,
        },
      },
      async (req, reply) => {
        const r = await serviceRequest(yifa, req, 'mediation.read');
        const s = await disputeStatistics(yifa, r, req.query);
        if (req.query.format === 'xlsx') {
          reply.header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
          reply.header(
            'content-disposition',
            `attachment; filename="mediation-${s.from}-${s.to}.xlsx"; filename*=UTF-8''${encodeURIComponent(`人民调解统计${s.from}至${s.to}.xlsx`)}`,
          );
          return reply.send(await statisticsXlsx(s));
        }
        if (req.query.format !== 'csv') return s;
        reply.header('content-type', 'text/csv; charset=utf-8');
        reply.header(
          'content-disposition',
          `attachment; filename="mediation-${s.from}-${s.to}.csv"; filename*=UTF-8''${encodeURIComponent(`人民调解统计${s.from}至${s.to}.csv`)}`,
        );
        return statisticsCsv(s);
      },
    );

    app.get(
      '/dispute-screenings',
      { schema: { tags, summary: '矛盾纠纷排查台账（按数据权限，分页）', querystring: listQuery } },
      async (req) => listScreenings(yifa, await serviceRequest(yifa, req, 'mediation.read'), req.query),
    );
    app.post(
      '/dispute-screenings',
      { schema: { tags, summary: '登记一次矛盾纠纷排查及发现的纠纷和风险', body: screeningInput } },
      async (req, reply) => {
        const r = await serviceRequest(yifa, req, 'mediation.screening');
        reply.code(201);
        return createScreening(yifa, r, req.body);
      },
    );
    app.get('/dispute-screenings/:id', { schema: { tags, summary: '一次排查及其发现事项', params: roundParams } }, async (req) =>
      getScreening(yifa, await serviceRequest(yifa, req, 'mediation.read'), req.params.id),
    );
    app.post(
      '/dispute-screenings/:id/items',
      { schema: { tags, summary: '补记排查发现的纠纷或风险', params: roundParams, body: itemInput } },
      async (req) => addItem(yifa, await serviceRequest(yifa, req, 'mediation.screening'), req.params.id, req.body),
    );
    app.post(
      '/dispute-screenings/:id/items/:itemId/police-report',
      {
        schema: {
          tags,
          summary: '记录向公安机关报告（可能激化的纠纷，人民调解法第二十五条）',
          params: itemParams,
          body: policeReportInput,
        },
      },
      async (req) =>
        reportToPolice(yifa, await serviceRequest(yifa, req, 'mediation.screening'), req.params.id, req.params.itemId, req.body),
    );
    app.post(
      '/dispute-screenings/:id/items/:itemId/disposition',
      { schema: { tags, summary: '处置排查事项：当场化解或移交信访、执法部门、公安机关', params: itemParams, body: disposeInput } },
      async (req) => disposeItem(yifa, await serviceRequest(yifa, req, 'mediation.screening'), req.params.id, req.params.itemId, req.body),
    );
    app.post(
      '/dispute-screenings/:id/items/:itemId/mediation',
      { schema: { tags, summary: '排查事项转入人民调解（登记纠纷）', params: itemParams, body: mediateInput } },
      async (req, reply) => {
        const r = await serviceRequest(yifa, req, 'mediation.screening');
        reply.code(201);
        return mediateItem(yifa, r, req.params.id, req.params.itemId, req.body);
      },
    );
    app.post(
      '/dispute-screenings/:id/close',
      { schema: { tags, summary: '结束排查（可能激化的事项须已报告公安机关）', params: roundParams, body: closeInput } },
      async (req) => closeScreening(yifa, await serviceRequest(yifa, req, 'mediation.screening'), req.params.id, req.body),
    );

    app.get(
      '/mediation-volunteers',
      { schema: { tags, summary: '平安志愿者名册（按数据权限，分页；默认在册，可查已退出）', querystring: volunteerQuery } },
      async (req) => listVolunteers(yifa, await serviceRequest(yifa, req, 'mediation.read'), req.query),
    );
    app.post('/mediation-volunteers', { schema: { tags, summary: '登记平安志愿者', body: volunteerInput } }, async (req, reply) => {
      const r = await serviceRequest(yifa, req, 'mediation.roster');
      reply.code(201);
      return createVolunteer(yifa, r, req.body);
    });
    app.post(
      '/mediation-volunteers/:id/leave',
      { schema: { tags, summary: '平安志愿者退出（记录日期和原因，保留历史）', params: roundParams, body: leaveInput } },
      async (req) => leaveVolunteer(yifa, await serviceRequest(yifa, req, 'mediation.roster'), req.params.id, req.body),
    );
    app.get(
      '/mediation-volunteer-activities',
      { schema: { tags, summary: '平安志愿者活动（巡逻、排查、宣传；分页）', querystring: rosterQuery } },
      async (req) => listActivities(yifa, await serviceRequest(yifa, req, 'mediation.read'), req.query),
    );
    app.post(
      '/mediation-volunteer-activities',
      { schema: { tags, summary: '登记平安志愿者活动', body: activityInput } },
      async (req, reply) => {
        const r = await serviceRequest(yifa, req, 'mediation.roster');
        reply.code(201);
        return createActivity(yifa, r, req.body);
      },
    );
    const personParams = z.strictObject({ personId: z.string().min(1).max(64) });
    app.get('/mediators', { schema: { tags, summary: '人民调解员及其资格、培训记录' } }, async (req) =>
      listMediators(yifa, await serviceRequest(yifa, req, 'mediation.read')),
    );
    app.post(
      '/mediators/:personId/qualifications',
      { schema: { tags, summary: '登记人民调解员的资格', params: personParams, body: qualificationInput } },
      async (req, reply) => {
        const r = await serviceRequest(yifa, req, 'mediation.committee.manage');
        reply.code(201);
        return addQualification(yifa, r, req.params.personId, req.body);
      },
    );
    app.post(
      '/mediators/:personId/trainings',
      { schema: { tags, summary: '登记人民调解员的培训', params: personParams, body: trainingInput } },
      async (req, reply) => {
        const r = await serviceRequest(yifa, req, 'mediation.committee.manage');
        reply.code(201);
        return addTraining(yifa, r, req.params.personId, req.body);
      },
    );
  };
