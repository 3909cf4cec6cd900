import type { FastifyPluginAsync } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Readable } from 'node:stream';
import { z } from 'zod';
import type { Yifa } from '../../platform/yifa.js';
import { serviceRequest } from '../../platform/http/request.js';
import { AppError } from '../../platform/http/errors.js';
import { EVIDENCE_FILE_HEADERS } from '../../platform/http/security-headers.js';
import { appendChunk, createUpload, getUpload, newUploadSchema } from './uploads.js';
import { custodyOf, openEvidence } from './content.js';
import { latestIntegrityCheck } from './verify.js';
import { discardHeld, heldFor, heldListSchema } from './held.js';
import { openRedacted, redact, redactionSchema, redactionsOf } from './redaction.js';
import { openShared, revokeShare, shareEvidence, shareSchema, sharesOf } from './shares.js';
import { downloadName } from '../../platform/blobs/sniff.js';
import type { Permission } from '../../platform/security/access.js';
import { holdsEvidence, type EvidenceEntry } from '../../procedure/registry.js';

/** The body of a chunk: raw bytes, streamed to disk (never buffered whole). */
const CHUNK_TYPE = 'application/offset+octet-stream';

/** Content-Disposition of an evidence file: its name, with the extension of what its bytes are (sniff.ts downloadName). */
const disposition = (how: 'inline' | 'attachment', fileName: string, mime: string) =>
  `${how}; filename="evidence"; filename*=UTF-8''${encodeURIComponent(downloadName(fileName, mime))}`;
const idParams = z.strictObject({ id: z.string().uuid('上传编号格式不正确') });
const itemParams = z.strictObject({ id: z.string().min(1).max(64), seq: z.coerce.number().int().min(0).max(100_000) });
const contentQuery = z.strictObject({ download: z.enum(['1', 'true']).optional() });
const offsetHeader = z.object({ 'upload-offset': z.string().regex(/^\d{1,16}$/, 'Upload-Offset 须为非负整数') });

/** One chunk at a time per upload in this process, so two requests cannot interleave their bytes. */
const busy = new Map<string, Promise<unknown>>();
async function oneAtATime<T>(id: string, fn: () => Promise<T>): Promise<T> {
  const before = busy.get(id) ?? Promise.resolve();
  const run = before.then(fn, fn);
  busy.set(
    id,
    run.catch(() => {}),
  );
  try {
    return await run;
  } finally {
    if (busy.get(id) === run) busy.delete(id);
  }
}

/**
 * The routes of one procedure's evidence items, under its path: the procedure's read
 * permission to see them (its scope decides which records), its evidence permission to
 * redact and share them.
 */
const itemRoutes =
  (yifa: Yifa, entry: EvidenceEntry): FastifyPluginAsync =>
  async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();
    const tags = ['evidence'];
    const item = `${entry.path}/:id/evidence/:seq`;
    const read = entry.proc.permissions.read as Permission;
    const handle = entry.evidence.handle;
    const name = `${entry.proc.recordName}的${entry.proc.evidence.words.item}`;

    const record = `${entry.path}/:id/evidence/pending`;
    const recordParams = z.strictObject({ id: z.string().min(1).max(64) });
    app.get(
      record,
      {
        schema: {
          tags,
          summary: `本人为该${entry.proc.recordName}上传、尚未登记的文件（待登记；任一设备可见；标出与已登记${entry.proc.evidence.words.item}重复的文件）`,
          params: recordParams,
          response: { 200: heldListSchema },
        },
      },
      async (req) => ({ items: await heldFor(yifa, await serviceRequest(yifa, req, read), entry, req.params.id) }),
    );

    app.delete(
      `${record}/:uploadId`,
      {
        schema: {
          tags,
          summary: '丢弃一个待登记的文件（不再登记入卷；记入日志）',
          params: recordParams.extend({ uploadId: z.string().uuid('上传编号格式不正确') }),
        },
      },
      async (req, reply) => {
        await discardHeld(yifa, await serviceRequest(yifa, req, read), entry, req.params.id, req.params.uploadId);
        return reply.status(204).send();
      },
    );

    app.get(
      `${item}/content`,
      {
        schema: {
          tags,
          summary: `播放或下载${name}文件（支持 Range；下载和播放均记入保管记录）`,
          params: itemParams,
          querystring: contentQuery,
        },
        // The console shows a PDF in an iframe of its own origin: this response may be framed by it.
        helmet: EVIDENCE_FILE_HEADERS,
      },
      async (req, reply) => {
        const r = await serviceRequest(yifa, req, read);
        const download = req.query.download !== undefined;
        const opened = await openEvidence(yifa, r, entry, req.params.id, req.params.seq, { range: req.headers.range, download });
        reply.header('content-type', opened.file.mime);
        reply.header('content-disposition', disposition(download ? 'attachment' : 'inline', opened.file.fileName, opened.file.mime));
        return sendBytes(reply, opened);
      },
    );

    app.get(
      `${item}/custody`,
      { schema: { tags, summary: `${name}的保管记录（登记、播放、下载、导出）与完整性`, params: itemParams } },
      async (req) => custodyOf(yifa, await serviceRequest(yifa, req, read), entry, req.params.id, req.params.seq),
    );

    app.post(
      `${item}/redactions`,
      {
        schema: {
          tags,
          summary: `遮盖${name}（照片或扫描件）的部分区域，生成用于公开的遮盖件（原件不变）`,
          params: itemParams,
          body: redactionSchema,
        },
      },
      async (req, reply) => {
        const r = await serviceRequest(yifa, req, handle);
        return reply.status(201).send(await redact(yifa, r, entry, req.params.id, req.params.seq, req.body));
      },
    );

    app.get(
      `${item}/redactions`,
      { schema: { tags, summary: `${name}的遮盖件（谁、为何、从哪个原件遮盖）`, params: itemParams } },
      async (req) => ({ items: await redactionsOf(yifa, await serviceRequest(yifa, req, read), entry, req.params.id, req.params.seq) }),
    );

    app.get(
      `${item}/redactions/:sha256`,
      { schema: { tags, summary: `下载${name}的遮盖件`, params: itemParams.extend({ sha256: z.string().regex(/^[0-9a-f]{64}$/) }) } },
      async (req, reply) => {
        const r = await serviceRequest(yifa, req, read);
        const opened = await openRedacted(yifa, r, entry, req.params.id, req.params.seq, req.params.sha256);
        reply.header('content-type', opened.file.mime);
        reply.header('content-length', opened.size);
        reply.header('x-content-type-options', 'nosniff');
        reply.header('content-disposition', disposition('attachment', opened.file.fileName, opened.file.mime));
        return reply.send(opened.stream);
      },
    );

    app.post(
      `${item}/shares`,
      {
        schema: { tags, summary: `把一项${name}通过限期链接共享给法院、复议机关等（记入保管记录）`, params: itemParams, body: shareSchema },
      },
      async (req, reply) => {
        const r = await serviceRequest(yifa, req, handle);
        return reply.status(201).send(await shareEvidence(yifa, r, entry, req.params.id, req.params.seq, req.body));
      },
    );

    app.get(
      `${item}/shares`,
      { schema: { tags, summary: `${name}的共享链接（有效、已过期、已撤销）`, params: itemParams } },
      async (req) => ({ items: await sharesOf(yifa, await serviceRequest(yifa, req, read), entry, req.params.id, req.params.seq) }),
    );

    app.post(
      `${item}/shares/:shareId/revoke`,
      {
        schema: {
          tags,
          summary: '撤销共享链接（此后凭该链接无法获取，记入保管记录）',
          params: itemParams.extend({ shareId: z.string().uuid('共享编号格式不正确') }),
          body: z.strictObject({ reason: z.string().trim().min(2, '请说明撤销原因').max(200) }),
        },
      },
      async (req) => {
        const r = await serviceRequest(yifa, req, handle);
        return revokeShare(yifa, r, entry, req.params.id, req.params.seq, req.params.shareId, req.body.reason);
      },
    );
  };

/** What sendBytes needs of a reply. */
interface BytesReply<R> {
  header(key: string, value: string | number): unknown;
  status(code: number): unknown;
  send(payload: Readable): R;
}

/** A file's bytes with Range: 206 and Content-Range for a part, the whole file otherwise; never cached, never sniffed. */
function sendBytes<R>(reply: BytesReply<R>, opened: { size: number; range: { start: number; end: number } | null; stream: Readable }): R {
  reply.header('accept-ranges', 'bytes');
  reply.header('cache-control', 'private, no-store');
  reply.header('x-content-type-options', 'nosniff');
  if (opened.range) {
    reply.status(206);
    reply.header('content-range', `bytes ${opened.range.start}-${opened.range.end}/${opened.size}`);
    reply.header('content-length', opened.range.end - opened.range.start + 1);
  } else reply.header('content-length', opened.size);
  return reply.send(opened.stream);
}

export const evidenceRoutes =
  (yifa: Yifa): FastifyPluginAsync =>
  async (base) => {
    const app = base.withTypeProvider<ZodTypeProvider>();
    const tags = ['evidence'];
    app.addContentTypeParser(CHUNK_TYPE, (_req, payload, done) => done(null, payload));

    app.post(
      '/uploads',
      { schema: { tags, summary: '开始上传证据文件（声明文件名、类型、大小和 SHA-256）', body: newUploadSchema } },
      async (req, reply) => {
        const r = await serviceRequest(yifa, req, 'evidence.upload');
        return reply.status(201).send(await createUpload(yifa, r, req.body));
      },
    );

    app.get('/uploads/:id', { schema: { tags, summary: '上传进度（已收到的字节数，断线后从此续传）', params: idParams } }, async (req) => {
      const r = await serviceRequest(yifa, req, 'evidence.upload');
      return getUpload(yifa, r, req.params.id);
    });

    app.patch(
      '/uploads/:id',
      {
        schema: {
          tags,
          summary: `上传一个分片（Content-Type: ${CHUNK_TYPE}，Upload-Offset: 本分片起始字节）`,
          params: idParams,
          headers: offsetHeader,
        },
      },
      async (req) => {
        const r = await serviceRequest(yifa, req, 'evidence.upload');
        const body = req.body as Readable;
        if (req.headers['content-type']?.split(';')[0]?.trim() !== CHUNK_TYPE || typeof body?.pipe !== 'function') {
          throw new AppError('UNSUPPORTED_MEDIA_TYPE', `分片须以 Content-Type: ${CHUNK_TYPE} 发送`);
        }
        return oneAtATime(req.params.id, () => appendChunk(yifa, r, req.params.id, Number(req.headers['upload-offset']), body));
      },
    );

    app.get('/evidence/integrity', { schema: { tags, summary: '最近一次证据文件完整性检查的结果（缺失或被改动的文件）' } }, async (req) => {
      const r = await serviceRequest(yifa, req, 'penalty.read');
      const latest = await latestIntegrityCheck(yifa);
      // Which files are damaged names files of every agency: only a county-wide scope sees them, others the counts.
      const countyWide =
        r.auth.scope.kind === 'all' || (r.auth.scope.kind === 'subtree' && r.auth.scope.regionPath.split('/').filter(Boolean).length === 1);
      return { latest: latest && { ...latest, problemCount: latest.problems.length, problems: countyWide ? latest.problems : [] } };
    });

    for (const entry of yifa.procedures.filter(holdsEvidence)) await app.register(itemRoutes(yifa, entry));

    // No login: the link is the grant. Each fetch is journaled on the item; the public rate limit applies.
    app.get(
      '/shared-evidence/:token',
      {
        config: { rateLimit: { max: yifa.config.publicRateLimit, timeWindow: '1 minute' } },
        schema: {
          tags,
          summary: '通过共享链接获取证据文件（支持 Range）',
          params: z.strictObject({ token: z.string().regex(/^[A-Za-z0-9_-]{43}$/, '共享链接无效') }),
        },
      },
      async (req, reply) => {
        const opened = await openShared(yifa, req.params.token, req.headers.range);
        reply.header('content-type', opened.mime);
        reply.header('content-disposition', disposition('attachment', opened.fileName, opened.mime));
        return sendBytes(reply, opened);
      },
    );
  };
