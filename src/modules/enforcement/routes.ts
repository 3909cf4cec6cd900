import type { FastifyPluginAsync } from 'fastify';
import { reviewRate, reviewRateQuery } from './review-rate.js';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Yifa } from '../../platform/yifa.js';
import { serviceRequest } from '../../platform/http/request.js';
import { pageQuery } from '../../platform/http/pagination.js';
import {
  CASE_SOURCES,
  DECISION_OUTCOMES,
  EVIDENCE_TYPES,
  PARTY_KINDS,
  PENALTY_KINDS,
  RECORDING_SCENES,
  REVIEW_CONCLUSIONS,
  REVIEW_GROUNDS,
  REVIEW_POINTS,
  SERVICE_METHODS,
  MITIGATING_GROUNDS,
  LIGHTENINGS,
  CHANGE_OUTCOMES,
  CHANGE_SOURCES,
  CASH_COLLECTION_GROUNDS,
} from '../../law/penalty.js';
import { caseActions, checkCaseAction, getCase, openCase, performAction, type CaseView } from './service/cases.js';
import { listCases } from './service/list.js';
import { exportCaseFileFor, listDocuments, openDocument } from './service/documents.js';
import { getSettings, listSettings, putSettings } from './service/agency-settings.js';
import { OPENING_ACTIONS, PENALTY_PROCEDURE } from './workflow.js';
import { actionDictionary } from '../../procedure/routes.js';
import { APPROVAL_KINDS, PROCEDURES, STATUS_IDS, STATUS_NAMES } from './penalty-case.js';
import { enforcementSettingsSchema } from './settings.js';
import { coverageQuery, month, recordingCoverage } from './coverage.js';
import { caseForReader, seesParty } from './journal-policy.js';
import { personalMask } from '../../platform/security/personal-data.js';
import { entryViews } from '../../journal/entries.js';
import type { AuthContext } from '../../platform/security/request.js';

/** A case view as the reader may see it (the party's personal fields: see journal-policy.ts). */
const viewFor = (auth: AuthContext, v: CaseView): CaseView => ({ ...v, case: caseForReader(v.case, auth) });
const entryMask = personalMask(seesParty);

const id = z.string().min(1).max(64);
const idParams = z.strictObject({ id });
const actionBody = z.strictObject({ type: z.string().min(1).max(60), payload: z.unknown() });
const openBody = z.strictObject({ type: z.enum(OPENING_ACTIONS), payload: z.unknown() });
const listQuery = z
  .strictObject({
    ...pageQuery,
    status: z.enum(STATUS_IDS).optional(),
    agencyId: id.optional(),
    officerId: id.optional(),
    violationTypeId: z.string().max(60).optional(),
    overdue: z.enum(['true', 'false']).optional(),
    queue: z.enum(['mine', 'approve', 'review', 'serve', 'overdue']).optional(),
    q: z.string().trim().min(1).max(50).optional(),
    /** 音像记录: cases with steps that must be recorded, or those of them still missing a recording (the coverage grid's cells) */
    recording: z.enum(['required', 'missing']).optional(),
    /** Registered in these months (YYYY-MM, inclusive) */
    registeredFrom: month.optional(),
    registeredTo: month.optional(),
  })
  .refine((f) => !f.registeredFrom || !f.registeredTo || f.registeredFrom <= f.registeredTo, '起始月份不能晚于结束月份');

/** Who reads an agency's settings: its officers, and those who maintain them (the administrator holds no penalty.read). */
const SETTINGS_READERS = ['penalty.read', 'enforcement.settings'] as const;

export const penaltyCaseRoutes =
  (yifa: Yifa): FastifyPluginAsync =>
  async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();
    const tags = ['penalty-cases'];

    app.get('/penalty-cases/dictionaries', { schema: { tags, summary: '处罚种类、证据种类、送达方式、审核要点等字典' } }, async (req) => {
      await serviceRequest(yifa, req, 'penalty.read');
      return {
        /** The server's legal date: forms default to it */
        today: yifa.clock.today(),
        statuses: STATUS_NAMES,
        procedures: PROCEDURES,
        partyKinds: PARTY_KINDS,
        sources: CASE_SOURCES,
        penaltyKinds: PENALTY_KINDS,
        evidenceTypes: EVIDENCE_TYPES,
        recordingScenes: RECORDING_SCENES,
        serviceMethods: SERVICE_METHODS,
        outcomes: DECISION_OUTCOMES,
        reviewPoints: REVIEW_POINTS,
        reviewConclusions: REVIEW_CONCLUSIONS,
        reviewGrounds: REVIEW_GROUNDS,
        approvalKinds: APPROVAL_KINDS,
        mitigatingGrounds: MITIGATING_GROUNDS,
        changeOutcomes: CHANGE_OUTCOMES,
        changeSources: CHANGE_SOURCES,
        lightenings: LIGHTENINGS,
        cashGrounds: CASH_COLLECTION_GROUNDS,
        // The payload of each action as JSON Schema, with its fields' meta: the console builds its forms from these.
        actions: actionDictionary(PENALTY_PROCEDURE),
      };
    });

    app.post(
      '/penalty-cases',
      { schema: { tags, summary: '登记案源（普通程序）或当场作出处罚决定（简易程序）', body: openBody } },
      async (req, reply) => {
        // Like every action: the route needs the read permission, the opening action's roles decide (403, journaled).
        const r = await serviceRequest(yifa, req, 'penalty.read');
        reply.code(201);
        return viewFor(r.auth, await openCase(yifa, r, req.body.type, req.body.payload));
      },
    );

    app.get(
      '/penalty-cases',
      {
        schema: {
          tags,
          summary: '案件列表（按数据权限；可按状态、执法主体、执法人员、违法行为、超期筛选，全文检索）',
          querystring: listQuery,
        },
      },
      async (req) => {
        const r = await serviceRequest(yifa, req, 'penalty.read');
        const { overdue, ...rest } = req.query;
        return listCases(yifa, r, { ...rest, ...(overdue ? { overdue: overdue === 'true' } : {}) });
      },
    );

    app.get('/penalty-cases/:id', { schema: { tags, summary: '案件详情：状态、期限、可执行的操作', params: idParams } }, async (req) => {
      const r = await serviceRequest(yifa, req, 'penalty.read');
      return viewFor(r.auth, await getCase(yifa, r, req.params.id));
    });

    app.post(
      '/penalty-cases/:id/actions',
      { schema: { tags, summary: '执行一个案件操作（Idempotency-Key 防止重复提交）', params: idParams, body: actionBody } },
      async (req) => {
        const r = await serviceRequest(yifa, req, 'penalty.read');
        return viewFor(r.auth, await performAction(yifa, r, req.params.id, req.body.type, req.body.payload));
      },
    );

    app.post(
      '/penalty-cases/:id/actions/check',
      {
        schema: {
          tags,
          summary: '检查一个案件操作：与执行相同的校验与关卡，通过时返回执行后的状态，不保存任何内容',
          params: idParams,
          body: actionBody,
        },
      },
      async (req) => {
        const r = await serviceRequest(yifa, req, 'penalty.read');
        return checkCaseAction(yifa, r, req.params.id, req.body.type, req.body.payload);
      },
    );

    app.get('/penalty-cases/:id/actions', { schema: { tags, summary: '案件的操作记录（日志链）', params: idParams } }, async (req) => {
      const r = await serviceRequest(yifa, req, 'penalty.read');
      const rows = await caseActions(yifa, r, req.params.id);
      return { items: await entryViews(yifa, rows, (_a, raw) => ({ ...entryMask(raw, r.auth), withheld: null })) };
    });

    app.get('/penalty-cases/:id/documents', { schema: { tags, summary: '案件文书目录（按归档顺序）', params: idParams } }, async (req) => {
      const r = await serviceRequest(yifa, req, 'penalty.read');
      return { items: await listDocuments(yifa, r, req.params.id) };
    });

    const docParams = z.strictObject({
      id,
      documentId: z
        .string()
        .min(1)
        .max(60)
        .regex(/^[a-z-]+(:\d+)?$/),
    });
    app.get(
      '/penalty-cases/:id/documents/:documentId',
      { schema: { tags, summary: '文书内容（打印视图）', params: docParams } },
      async (req) => {
        const r = await serviceRequest(yifa, req, 'penalty.read');
        return openDocument(yifa, r, req.params.id, req.params.documentId, 'json');
      },
    );

    app.get(
      '/penalty-cases/:id/documents/:documentId/docx',
      { schema: { tags, summary: '下载文书（DOCX，GB/T 9704 版式）', params: docParams } },
      async (req, reply) => {
        const r = await serviceRequest(yifa, req, 'penalty.read');
        const doc = await openDocument(yifa, r, req.params.id, req.params.documentId, 'docx');
        const name = `${doc.content.title}${doc.content.number ? `-${doc.content.number}` : ''}.docx`;
        reply.header('content-type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
        reply.header('content-disposition', `attachment; filename="document.docx"; filename*=UTF-8''${encodeURIComponent(name)}`);
        return reply.send(doc.docx);
      },
    );

    app.get(
      '/penalty-cases/:id/case-file',
      { schema: { tags, summary: '导出案卷（ZIP：案卷 PDF、文书原件、SHA-256 清单、日志包含证明）', params: idParams } },
      async (req, reply) => {
        const r = await serviceRequest(yifa, req, 'penalty.read');
        const bundle = await exportCaseFileFor(yifa, r, req.params.id);
        reply.header('content-type', 'application/zip');
        reply.header(
          'content-disposition',
          `attachment; filename="case-file.zip"; filename*=UTF-8''${encodeURIComponent(bundle.fileName)}`,
        );
        return reply.send(Buffer.from(bundle.zip));
      },
    );

    app.get(
      '/enforcement/recording-coverage',
      { schema: { tags, summary: '音像记录覆盖率：各执法主体按月统计应录音录像的案件中记录齐全的比例', querystring: coverageQuery } },
      async (req) => {
        const r = await serviceRequest(yifa, req, 'penalty.read');
        return recordingCoverage(yifa, r, req.query);
      },
    );

    app.get(
      '/enforcement/review-rate',
      { schema: { tags, summary: '法制审核率：期间内作出的重大执法决定中经法制审核通过的比例', querystring: reviewRateQuery } },
      async (req) => reviewRate(yifa, await serviceRequest(yifa, req, 'penalty.read'), req.query),
    );

    app.get('/enforcement/settings', { schema: { tags, summary: '可查看执法设置的执法主体（数据权限范围内）及其最近修改' } }, async (req) =>
      listSettings(yifa, await serviceRequest(yifa, req, SETTINGS_READERS)),
    );

    app.get(
      '/enforcement/settings/:id',
      { schema: { tags, summary: '执法主体的法制审核目录、裁量基准与听证、告知设置', params: idParams } },
      async (req) => {
        return getSettings(yifa, await serviceRequest(yifa, req, SETTINGS_READERS), req.params.id);
      },
    );

    app.put(
      '/enforcement/settings/:id',
      { schema: { tags, summary: '修改执法设置（目录行重叠时拒绝）', params: idParams, body: enforcementSettingsSchema } },
      async (req) => {
        const r = await serviceRequest(yifa, req, 'enforcement.settings');
        return putSettings(yifa, r, req.params.id, req.body);
      },
    );
  };
