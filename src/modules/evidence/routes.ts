import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Readable } from 'node:stream';
import { z } from 'zod';
import type { Yifa } from '../../platform/yifa.js';
import { serviceRequest } from '../../platform/http/request.js';
import { AppError } from '../../platform/http/errors.js';
import { appendChunk, createUpload, getUpload, newUploadSchema } from './uploads.js';

/** The body of a chunk: raw bytes, streamed to disk (never buffered whole). */
const CHUNK_TYPE = 'application/offset+octet-stream';
const idParams = z.strictObject({ id: z.string().uuid('上传编号格式不正确') });
const offsetHeader = z.object({ 'upload-offset': z.string().regex(/^\d{1,16}$/, 'Upload-Offset 须为非负整数') });

/** One chunk at a time per upload in this process, so two requests cannot interleave their bytes. */
const busy = new Map<string, Promise<unknown>>();
async function oneAtATime<T>(id: string, fn: () => Promise<T>): Promise<T> {
  const before = busy.get(id) ?? Promise.resolve();
  const run = before.then(fn, fn);
  busy.set(id, run.catch(() => {}));
  try {
    return await run;
  } finally {
    if (busy.get(id) === run) busy.delete(id);
  }
}

export const evidenceRoutes = (yifa: Yifa): FastifyPluginAsync => async (base) => {
  const app = base.withTypeProvider<ZodTypeProvider>();
  const tags = ['evidence'];
  app.addContentTypeParser(CHUNK_TYPE, (_req, payload, done) => done(null, payload));

  app.post('/uploads', { schema: { tags, summary: '开始上传证据文件（声明文件名、类型、大小和 SHA-256）', body: newUploadSchema } }, async (req, reply) => {
    const r = await serviceRequest(yifa, req, 'evidence.upload');
    return reply.status(201).send(await createUpload(yifa, r, req.body));
  });

  app.get('/uploads/:id', { schema: { tags, summary: '上传进度（已收到的字节数，断线后从此续传）', params: idParams } }, async (req) => {
    const r = await serviceRequest(yifa, req, 'evidence.upload');
    return getUpload(yifa, r, req.params.id);
  });

  app.patch('/uploads/:id', {
    schema: { tags, summary: `上传一个分片（Content-Type: ${CHUNK_TYPE}，Upload-Offset: 本分片起始字节）`, params: idParams, headers: offsetHeader },
  }, async (req) => {
    const r = await serviceRequest(yifa, req, 'evidence.upload');
    const body = req.body as Readable;
    if (req.headers['content-type']?.split(';')[0]?.trim() !== CHUNK_TYPE || typeof body?.pipe !== 'function') {
      throw new AppError('UNSUPPORTED_MEDIA_TYPE', `分片须以 Content-Type: ${CHUNK_TYPE} 发送`);
    }
    return oneAtATime(req.params.id, () => appendChunk(yifa, r, req.params.id, Number(req.headers['upload-offset']), body));
  });
};
