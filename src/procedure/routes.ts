/**
 * The HTTP shape of any procedure on the common table (DESIGN.md "Procedures"): open,
 * list, read with deadlines and allowed actions, act with an Idempotency-Key, its journal,
 * its documents (print view and DOCX) and its case file. Every route checks the
 * procedure's read permission; an action then needs the action's roles (one place: the
 * table), and a role that may not take it is refused with 403 and journaled.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Yifa } from '../platform/yifa.js';
import { serviceRequest } from '../platform/http/request.js';
import { pageQuery } from '../platform/http/pagination.js';
import { personalMask } from '../platform/security/personal-data.js';
import { entryViews } from '../journal/entries.js';
import { actionIds, openingActions } from './decide.js';
import * as records from './service.js';
import type { CommonTypes, ServedProcedure } from './served.js';
import type { Procedure, ProcedureTypes } from './spec.js';

type Permission = Parameters<typeof serviceRequest>[2];

const id = z.string().min(1).max(64);
const idParams = z.strictObject({ id });
const docParams = z.strictObject({
  id,
  documentId: z
    .string()
    .min(1)
    .max(60)
    .regex(/^[a-z-]+(:\d+)?$/),
});
const actionBody = z.strictObject({ type: z.string().min(1).max(80), payload: z.unknown() });

/** A file download's headers: an ASCII fallback name and the Chinese one. */
function attachment(reply: { header(k: string, v: string): unknown }, type: string, ascii: string, name: string) {
  reply.header('content-type', type);
  reply.header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`);
}

/**
 * The payload schemas of a procedure's actions as JSON Schema (with each field's meta: its
 * title, labels and widget), their titles and roles: the console builds its forms from these.
 */
export function actionDictionary<T extends ProcedureTypes>(proc: Procedure<T>) {
  return actionIds(proc).map((t) => {
    const spec = proc.actions[t]!;
    return {
      type: t,
      title: spec.title,
      roles: spec.roles,
      opens: spec.from === 'opens',
      /** Attaches or withdraws an evidence item (the console's evidence panel takes these) */
      evidence: spec.evidence ?? null,
      schema: z.toJSONSchema(spec.payload as z.ZodType, { io: 'input' }),
    };
  });
}

export function procedureRoutes<T extends CommonTypes>(yifa: Yifa, sp: ServedProcedure<T>): FastifyPluginAsync {
  const read = sp.proc.permissions.read as Permission;
  const path = sp.path;
  const tags = [sp.tag];
  const name = sp.proc.recordName;
  const opening = openingActions(sp.proc);
  const statuses = Object.keys(sp.proc.statusNames) as [string, ...string[]];
  const listQuery = z.strictObject({
    ...pageQuery,
    status: z.enum(statuses).optional(),
    agencyId: id.optional(),
    overdue: z.enum(['true', 'false']).optional(),
    q: z.string().trim().min(1).max(50).optional(),
  });
  const entryMask = personalMask((reader: { permissions: ReadonlySet<string> }) => records.seesPersonalData(sp, reader));

  return async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();

    app.get(`${path}/dictionaries`, { schema: { tags, summary: `${name}：状态、操作及其表单、文书字典` } }, async (req) => {
      await serviceRequest(yifa, req, read);
      return {
        today: yifa.clock.today(),
        // Uploads for its records are held under it (POST /uploads holdFor.procedure)
        subjectType: sp.proc.subjectType,
        statuses: sp.proc.statusNames,
        series: sp.series,
        approvalKinds: sp.proc.approvals?.kinds ?? {},
        // How its records name their evidence items (null: they hold none)
        evidence: sp.proc.evidence?.words ?? null,
        actions: actionDictionary(sp.proc),
      };
    });

    app.post(
      path,
      {
        schema: {
          tags,
          summary: `登记${name}`,
          body: z.strictObject({ type: z.enum(opening as [string, ...string[]]), payload: z.unknown() }),
        },
      },
      async (req, reply) => {
        const r = await serviceRequest(yifa, req, read);
        const opening = sp.onOpen ? sp.onOpen(req.body.payload) : { payload: req.body.payload, reveal: {} };
        const view = await records.openRecord(yifa, r, sp, req.body.type, opening.payload);
        reply.code(201);
        return { ...view, ...opening.reveal };
      },
    );

    app.get(
      path,
      { schema: { tags, summary: `${name}列表（按数据权限；可按状态、单位、超期筛选，全文检索）`, querystring: listQuery } },
      async (req) => {
        const r = await serviceRequest(yifa, req, read);
        const { overdue, ...rest } = req.query;
        return records.listRecords(yifa, r, sp, { ...rest, ...(overdue ? { overdue: overdue === 'true' } : {}) });
      },
    );

    app.get(`${path}/:id`, { schema: { tags, summary: `${name}详情：状态、期限、可执行的操作`, params: idParams } }, async (req) => {
      return records.getRecord(yifa, await serviceRequest(yifa, req, read), sp, req.params.id);
    });

    app.post(
      `${path}/:id/actions`,
      { schema: { tags, summary: `执行一个${name}操作（Idempotency-Key 防止重复提交）`, params: idParams, body: actionBody } },
      async (req) => {
        const r = await serviceRequest(yifa, req, read);
        return records.actOnRecord(yifa, r, sp, req.params.id, req.body.type, req.body.payload);
      },
    );

    app.post(
      `${path}/:id/actions/check`,
      {
        schema: {
          tags,
          summary: `检查一个${name}操作：与执行相同的校验与关卡，通过时返回执行后的状态，不保存任何内容`,
          params: idParams,
          body: actionBody,
        },
      },
      async (req) => {
        const r = await serviceRequest(yifa, req, read);
        return records.checkOnRecord(yifa, r, sp, req.params.id, req.body.type, req.body.payload);
      },
    );

    app.get(`${path}/:id/actions`, { schema: { tags, summary: `${name}的操作记录（日志链）`, params: idParams } }, async (req) => {
      const r = await serviceRequest(yifa, req, read);
      const rows = await records.recordActions(yifa, r, sp, req.params.id);
      return { items: await entryViews(yifa, rows, (_a, raw) => ({ ...entryMask(raw, r.auth), withheld: null })) };
    });

    app.get(`${path}/:id/documents`, { schema: { tags, summary: `${name}文书目录`, params: idParams } }, async (req) => {
      return { items: await records.listRecordDocuments(yifa, await serviceRequest(yifa, req, read), sp, req.params.id) };
    });

    app.get(`${path}/:id/documents/:documentId`, { schema: { tags, summary: '文书内容（打印视图）', params: docParams } }, async (req) => {
      return records.openRecordDocument(yifa, await serviceRequest(yifa, req, read), sp, req.params.id, req.params.documentId, 'json');
    });

    app.get(
      `${path}/:id/documents/:documentId/docx`,
      { schema: { tags, summary: '下载文书（DOCX，GB/T 9704 版式）', params: docParams } },
      async (req, reply) => {
        const r = await serviceRequest(yifa, req, read);
        const doc = await records.openRecordDocument(yifa, r, sp, req.params.id, req.params.documentId, 'docx');
        attachment(
          reply,
          'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
          'document.docx',
          `${doc.content.title}${doc.content.number ? `-${doc.content.number}` : ''}.docx`,
        );
        return reply.send(doc.docx);
      },
    );

    app.get(
      `${path}/:id/case-file`,
      { schema: { tags, summary: '导出案卷（ZIP：案卷 PDF、文书原件、SHA-256 清单、日志包含证明）', params: idParams } },
      async (req, reply) => {
        const bundle = await records.exportRecordFile(yifa, await serviceRequest(yifa, req, read), sp, req.params.id);
        attachment(reply, 'application/zip', 'case-file.zip', bundle.fileName);
        return reply.send(Buffer.from(bundle.zip));
      },
    );
  };
}
