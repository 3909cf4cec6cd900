/**
 * 政务公开 over HTTP: the staff's lists, 以案释法 and catalog under /openness (with each published
 * one's numbered document as a print view and DOCX), and the public's under /public/openness —
 * rate-limited, strict in their parameters, pages capped at 50, cached until the journal moves
 * (every change of what the public sees is a journal action); a catalog entry's file among them.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Yifa } from '../../platform/yifa.js';
import type { Request } from '../../platform/security/request.js';
import { serviceRequest } from '../../platform/http/request.js';
import { pageQuery } from '../../platform/http/pagination.js';
import { ProjectionCache } from '../../platform/http/projection-cache.js';
import { contentDisposition } from '../../platform/http/download.js';
import {
  draftVersion,
  editBody,
  editDraft,
  getList,
  LIST_KINDS,
  LIST_STATUSES,
  listLists,
  newVersionBody,
  publicListById,
  publicLists,
  reviewBody,
  reviewVersion,
  submitDraft,
} from './lists.js';
import {
  approvalBody,
  closedCases,
  decideExplanation,
  draftBody,
  draftExplanation,
  editExplanation,
  EXPLANATION_STATUSES,
  explanationEditBody,
  getExplanation,
  listExplanations,
  publicExplanationById,
  publicExplanations,
  publishExplanation,
  submitExplanation,
} from './explanations.js';
import { addEntry, catalogCategory, manualEntryBody, publicCatalog, publicCategories, publicEntry, staffCatalog } from './catalog.js';
import { publicEntryFile, type EntryFile } from './catalog-files.js';
import { DOCX_TYPE, openExplanationDocument, openListDocument, type OpenedDocument } from './documents.js';

const idParams = z.strictObject({ id: z.string().uuid('编号格式不正确') });

/** A download's headers: its type and its Chinese name (RFC 5987). */
function download(reply: { header(k: string, v: string): unknown }, type: string, fileName: string) {
  reply.header('content-type', type);
  reply.header('content-disposition', contentDisposition('attachment', fileName));
}
const keys = <K extends string>(o: Record<K, unknown>) => Object.keys(o) as [K, ...K[]];
const publicPage = { limit: z.coerce.number().int().min(1).max(50).default(20), cursor: pageQuery.cursor };

export const opennessRoutes =
  (yifa: Yifa): FastifyPluginAsync =>
  async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();
    const tags = ['openness'];

    // ——— 执法事项清单、随机抽查事项清单、办事指南 ———
    app.get(
      '/openness/lists',
      {
        schema: {
          tags,
          summary: '事前公开清单和办事指南的各版本（本数据范围内）',
          querystring: z.strictObject({
            agencyId: z.string().max(64).optional(),
            kind: z.enum(keys(LIST_KINDS)).optional(),
            status: z.enum(keys(LIST_STATUSES)).optional(),
            ...pageQuery,
          }),
        },
      },
      async (req) => listLists(yifa, await serviceRequest(yifa, req, 'openness.read'), req.query),
    );
    app.get('/openness/lists/:id', { schema: { tags, summary: '一个版本及其全部历史版本', params: idParams } }, async (req) =>
      getList(yifa, await serviceRequest(yifa, req, 'openness.read'), req.params.id),
    );
    app.post('/openness/lists', { schema: { tags, summary: '起草新版本（须写明修订理由）', body: newVersionBody } }, async (req, reply) => {
      const out = await draftVersion(yifa, await serviceRequest(yifa, req, 'openness.edit'), req.body);
      reply.code(201);
      return out;
    });
    app.put(
      '/openness/lists/:id',
      { schema: { tags, summary: '修改草稿（已发布的版本不可修改）', params: idParams, body: editBody } },
      async (req) => editDraft(yifa, await serviceRequest(yifa, req, 'openness.edit'), req.params.id, req.body),
    );
    app.post('/openness/lists/:id/submit', { schema: { tags, summary: '提交审核', params: idParams } }, async (req) =>
      submitDraft(yifa, await serviceRequest(yifa, req, 'openness.edit'), req.params.id),
    );
    app.post(
      '/openness/lists/:id/review',
      { schema: { tags, summary: '审核：发布或退回修改', params: idParams, body: reviewBody } },
      async (req) => reviewVersion(yifa, await serviceRequest(yifa, req, 'openness.review'), req.params.id, req.body),
    );

    // The published version's numbered document: its print view and its DOCX.
    const docRoutes = (path: string, what: string, open: (r: Request, id: string, f: 'json' | 'docx') => Promise<OpenedDocument>) => {
      app.get(
        `${path}/:id/document`,
        { schema: { tags, summary: `${what}的文书（打印视图，含文号和查验码）`, params: idParams } },
        async (req) => {
          const { content, agencyName } = await open(await serviceRequest(yifa, req, 'openness.read'), req.params.id, 'json');
          return { content, agencyName };
        },
      );
      app.get(
        `${path}/:id/document/docx`,
        { schema: { tags, summary: `下载${what}的文书（DOCX，GB/T 9704 版式）`, params: idParams } },
        async (req, reply) => {
          const doc = await open(await serviceRequest(yifa, req, 'openness.read'), req.params.id, 'docx');
          download(reply, DOCX_TYPE, doc.fileName);
          return reply.send(doc.docx);
        },
      );
    };
    docRoutes('/openness/lists', '已发布版本', (r, id, f) => openListDocument(yifa, r, id, f));
    docRoutes('/openness/explanations', '已发布的以案释法', (r, id, f) => openExplanationDocument(yifa, r, id, f));

    // ——— 以案释法 ———
    app.get(
      '/openness/explanations',
      {
        schema: {
          tags,
          summary: '以案释法（本数据范围内）',
          querystring: z.strictObject({ status: z.enum(keys(EXPLANATION_STATUSES)).optional(), ...pageQuery }),
        },
      },
      async (req) => listExplanations(yifa, await serviceRequest(yifa, req, 'openness.read'), req.query),
    );
    app.get(
      '/openness/explanation-cases',
      { schema: { tags, summary: '可据以撰写以案释法的已结案件', querystring: z.strictObject(pageQuery) } },
      async (req) => closedCases(yifa, await serviceRequest(yifa, req, 'openness.edit'), req.query),
    );
    app.get('/openness/explanations/:id', { schema: { tags, summary: '一篇以案释法', params: idParams } }, async (req) =>
      getExplanation(yifa, await serviceRequest(yifa, req, 'openness.read'), req.params.id),
    );
    app.post('/openness/explanations', { schema: { tags, summary: '从已结案件起草以案释法', body: draftBody } }, async (req, reply) => {
      const out = await draftExplanation(yifa, await serviceRequest(yifa, req, 'openness.edit'), req.body);
      reply.code(201);
      return out;
    });
    app.put(
      '/openness/explanations/:id',
      { schema: { tags, summary: '修改草稿', params: idParams, body: explanationEditBody } },
      async (req) => editExplanation(yifa, await serviceRequest(yifa, req, 'openness.edit'), req.params.id, req.body),
    );
    app.post('/openness/explanations/:id/submit', { schema: { tags, summary: '提交负责人审批', params: idParams } }, async (req) =>
      submitExplanation(yifa, await serviceRequest(yifa, req, 'openness.edit'), req.params.id),
    );
    app.post(
      '/openness/explanations/:id/approval',
      { schema: { tags, summary: '负责人审批（批准或退回）', params: idParams, body: approvalBody } },
      async (req) => decideExplanation(yifa, await serviceRequest(yifa, req, 'openness.review'), req.params.id, req.body),
    );
    app.post(
      '/openness/explanations/:id/publish',
      { schema: { tags, summary: '发布经批准的以案释法（门户并编入公开目录）', params: idParams } },
      async (req) => publishExplanation(yifa, await serviceRequest(yifa, req, 'openness.edit'), req.params.id),
    );

    // ——— 政府信息公开目录 ———
    const catalogQuery = {
      category: catalogCategory.optional(),
      agencyId: z.string().max(64).optional(),
      q: z.string().max(50).optional(),
    };
    app.get(
      '/openness/catalog',
      { schema: { tags, summary: '政府信息公开目录（本数据范围内）', querystring: z.strictObject({ ...catalogQuery, ...pageQuery }) } },
      async (req) => staffCatalog(yifa, await serviceRequest(yifa, req, 'openness.read'), req.query),
    );
    app.post(
      '/openness/catalog',
      { schema: { tags, summary: '登记目录条目（链接已公开页面或上传的文件），自动编索引号', body: manualEntryBody } },
      async (req, reply) => {
        const out = await addEntry(yifa, await serviceRequest(yifa, req, 'openness.catalog'), req.body);
        reply.code(201);
        return out;
      },
    );

    // ——— public ———
    const pub = ['public'];
    const config = { rateLimit: { max: yifa.config.publicRateLimit, timeWindow: '1 minute' } };
    const cache = new ProjectionCache<unknown>(() => yifa.journal.version);
    const cached = <T>(key: string, compute: () => Promise<T>) => cache.get(key, compute) as Promise<T>;

    app.get(
      '/public/openness/catalog',
      {
        schema: {
          tags: pub,
          summary: '政府信息公开目录（按类别、机关、标题检索；每页至多 50 条）',
          querystring: z.strictObject({ ...catalogQuery, ...publicPage }),
        },
        config,
      },
      async (req) => cached(`catalog|${JSON.stringify(req.query)}`, () => publicCatalog(yifa, req.query)),
    );
    app.get(
      '/public/openness/catalog-categories',
      { schema: { tags: pub, summary: '政府信息公开目录的类别及条目数', querystring: z.strictObject({}) }, config },
      async () => cached('categories', () => publicCategories(yifa)),
    );
    app.get(
      '/public/openness/catalog/:id',
      { schema: { tags: pub, summary: '一个目录条目', params: idParams, querystring: z.strictObject({}) }, config },
      async (req) => cached(`entry|${req.params.id}`, () => publicEntry(yifa, req.params.id)),
    );
    // The entry's file: a rendered document kept as its bytes (a DOCX is rendered once a journal version), an uploaded file streamed.
    const files = new ProjectionCache<EntryFile>(() => yifa.journal.version, 5_000, 100);
    app.get(
      '/public/openness/catalog/:id/file',
      {
        schema: {
          tags: pub,
          summary: '下载目录条目的文件（清单、办事指南、以案释法的 DOCX 文书，或登记的 PDF）；已失效的条目不再提供',
          params: idParams,
          querystring: z.strictObject({}),
        },
        config,
      },
      async (req, reply) => {
        const file = await files.get(req.params.id, () => publicEntryFile(yifa, req.params.id));
        download(reply, file.type, file.fileName);
        return reply.send(Buffer.isBuffer(file.body) ? file.body : file.body());
      },
    );
    app.get(
      '/public/openness/lists',
      {
        schema: {
          tags: pub,
          summary: '现行有效的执法事项清单、随机抽查事项清单和办事指南',
          querystring: z.strictObject({
            agencyId: z.string().max(64).optional(),
            kind: z.enum(keys(LIST_KINDS)).optional(),
            ...publicPage,
          }),
        },
        config,
      },
      async (req) => cached(`lists|${JSON.stringify(req.query)}`, () => publicLists(yifa, req.query)),
    );
    app.get(
      '/public/openness/lists/:id',
      { schema: { tags: pub, summary: '一个已发布的版本及其历次发布的版本', params: idParams, querystring: z.strictObject({}) }, config },
      async (req) => cached(`list|${req.params.id}`, () => publicListById(yifa, req.params.id)),
    );
    app.get(
      '/public/openness/explanations',
      { schema: { tags: pub, summary: '以案释法（当事人已隐名）', querystring: z.strictObject(publicPage) }, config },
      async (req) => cached(`explanations|${JSON.stringify(req.query)}`, () => publicExplanations(yifa, req.query)),
    );
    app.get(
      '/public/openness/explanations/:id',
      { schema: { tags: pub, summary: '一篇以案释法', params: idParams, querystring: z.strictObject({}) }, config },
      async (req) => cached(`explanation|${req.params.id}`, () => publicExplanationById(yifa, req.params.id)),
    );
  };
