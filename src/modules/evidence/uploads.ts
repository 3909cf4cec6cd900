/**
 * Resumable uploads of evidence files (a small tus-like protocol): the client declares
 * name, type, size and the SHA-256 it computed; sends the bytes in one or more chunks, each
 * at the offset the upload has reached (a dropped connection keeps what arrived; the client
 * asks for the offset and goes on); when the last byte is in, the server checks that the
 * bytes are of the declared kind and have the declared hash, and only then does the file
 * count. Completion is a journal action carrying the hash, so every evidence hash is a leaf
 * of the Merkle log.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Yifa } from '../../platform/yifa.js';
import type { Request } from '../../platform/security/request.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { formatBytes, tooLarge, type BlobSource } from '../../platform/blobs/store.js';
import { declaredKind, sniff, SNIFF_BYTES } from '../../platform/blobs/sniff.js';
import type { UploadTable } from '../../platform/db/schema.js';
import { holdForSchema, holdUpload, recordToHoldFor } from './held.js';
import { fileName } from '../../platform/http/schemas.js';

export const newUploadSchema = z.strictObject({
  fileName,
  mime: z
    .string()
    .min(3)
    .max(100)
    .refine((m) => declaredKind(m) !== null, '只接受视频、音频、图片和 PDF 文件'),
  size: z.number().int().min(1, '文件不能为空'),
  sha256: z.string().regex(/^[0-9a-f]{64}$/, 'SHA-256 须为 64 位小写十六进制'),
  holdFor: holdForSchema.optional(),
});

export interface UploadView {
  id: string;
  fileName: string;
  size: number;
  offset: number;
  sha256: string;
  completed: boolean;
  mime: string | null;
}

const view = (u: UploadTable, offset: number): UploadView => ({
  id: u.id,
  fileName: u.file_name,
  size: Number(u.size),
  offset,
  sha256: u.sha256,
  completed: u.completed_at !== null,
  mime: u.mime,
});

export async function createUpload(yifa: Yifa, req: Request, input: z.infer<typeof newUploadSchema>): Promise<UploadView> {
  if (input.size > yifa.config.uploadMaxBytes) throw tooLarge(yifa.config.uploadMaxBytes);
  const row: UploadTable = {
    id: randomUUID(),
    user_id: req.auth.user.id,
    file_name: input.fileName,
    declared_mime: input.mime,
    size: input.size,
    sha256: input.sha256,
    created_at: yifa.clock.now().toISOString(),
    completed_at: null,
    mime: null,
    purged_at: null,
  };
  const { holdFor } = input;
  // Held for a record only if the uploader may see it (refused, and journaled, before anything is stored).
  if (holdFor) await recordToHoldFor(yifa, req, holdFor);
  await yifa.db.kysely.transaction().execute(async (trx) => {
    await trx.insertInto('uploads').values(row).execute();
    if (holdFor) await holdUpload(trx, { uploadId: row.id, userId: row.user_id, holdFor, at: row.created_at });
  });
  return view(row, 0);
}

/** The user's own upload; anyone else's is "not found" (and the attempt journaled). */
async function ownUpload(yifa: Yifa, req: Request, id: string): Promise<UploadTable> {
  const row = await yifa.db.kysely.selectFrom('uploads').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('上传');
  if (row.user_id !== req.auth.user.id) {
    await req.denied({ reason: '不是本人的上传' }, { type: 'upload', id });
    throw notFound('上传');
  }
  return row;
}

export async function getUpload(yifa: Yifa, req: Request, id: string): Promise<UploadView> {
  const row = await ownUpload(yifa, req, id);
  return view(row, row.completed_at ? Number(row.size) : await yifa.blobs.staged.offset(id));
}

/** Appends one chunk at `offset`; on the last byte, verifies type and hash and completes the upload. */
export async function appendChunk(yifa: Yifa, req: Request, id: string, offset: number, body: BlobSource): Promise<UploadView> {
  const row = await ownUpload(yifa, req, id);
  const size = Number(row.size);
  if (row.completed_at) throw new AppError('CONFLICT', '该文件已上传完成，无需再传');
  const reached = await yifa.blobs.staged.append(id, offset, body, size).catch((e: unknown) => {
    throw e instanceof AppError && e.code === 'PAYLOAD_TOO_LARGE'
      ? new AppError('PAYLOAD_TOO_LARGE', `收到的数据超过声明的文件大小（${formatBytes(size)}），本次上传已作废，请重新上传`)
      : e;
  });
  if (reached < size) return view(row, reached);
  return complete(yifa, req, row);
}

async function complete(yifa: Yifa, req: Request, row: UploadTable): Promise<UploadView> {
  const found = sniff(await yifa.blobs.staged.head(row.id, SNIFF_BYTES));
  const declared = declaredKind(row.declared_mime);
  if (!found || found.kind !== declared) {
    await yifa.blobs.staged.discard(row.id);
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      `文件内容${found ? `是${found.mime}` : '不是可识别的视频、音频、图片或 PDF'}，与声明的类型 ${row.declared_mime} 不符，未保存`,
    );
  }
  const stored = await yifa.blobs.staged.finish(row.id, row.sha256);
  const completedAt = yifa.clock.now().toISOString();
  await yifa.journal.perform(
    {
      type: 'evidence.upload',
      actor: req.auth.actor,
      subject: { type: 'upload', id: row.id, regionPath: req.auth.user.regionPath },
      idempotencyKey: null,
      payload: { sha256: stored.sha256, size: stored.size, mime: found.mime, fileName: row.file_name },
    },
    async (trx) => {
      await trx.updateTable('uploads').set({ completed_at: completedAt, mime: found.mime }).where('id', '=', row.id).execute();
      return null;
    },
  );
  return view({ ...row, completed_at: completedAt, mime: found.mime }, stored.size);
}
