/**
 * Redaction for disclosure: rectangles on a photo or scanned page are painted over into a
 * new file (a derivative); the original is never changed. The derivative is stored like any
 * evidence file, linked to the same record and item, and the journal records who masked
 * what, why, and from which original (its hash). Video redaction is out of scope.
 */
import { createHash, randomUUID } from 'node:crypto';
import { z } from 'zod';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import type { Yifa } from '../../platform/yifa.js';
import type { Request } from '../../platform/security/request.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import type { EvidenceEntry } from '../../procedure/registry.js';
import { EVIDENCE_SUBJECT, evidenceId, visibleItem } from './content.js';

/** Pixels an image may have (decoding holds it in memory: 40 MP ≈ 160 MB). */
const MAX_PIXELS = 40_000_000;

export const redactionSchema = z.strictObject({
  rects: z
    .array(
      z.strictObject({ x: z.number().int().min(0), y: z.number().int().min(0), w: z.number().int().min(1), h: z.number().int().min(1) }),
    )
    .min(1, '至少遮盖一个区域')
    .max(100),
  reason: z.string().trim().min(2, '请说明遮盖理由').max(500),
});
export type Rect = z.infer<typeof redactionSchema>['rects'][number];

interface Raster {
  width: number;
  height: number;
  data: Buffer;
}

const CODECS = {
  'image/png': {
    decode: (b: Buffer): Raster => PNG.sync.read(b, { checkCRC: true }),
    encode: (r: Raster) => PNG.sync.write(Object.assign(new PNG({ width: r.width, height: r.height }), { data: r.data })),
  },
  'image/jpeg': {
    decode: (b: Buffer): Raster => {
      const d = jpeg.decode(b, { useTArray: true, formatAsRGBA: true, maxResolutionInMP: MAX_PIXELS / 1e6, maxMemoryUsageInMB: 512 });
      return { width: d.width, height: d.height, data: Buffer.from(d.data) };
    },
    encode: (r: Raster) => jpeg.encode(r, 92).data,
  },
} as const;

/** Paints the rectangles opaque black (clipped to the image); pure. */
export function mask(r: Raster, rects: readonly Rect[]): Raster {
  const data = Buffer.from(r.data);
  for (const { x, y, w, h } of rects) {
    for (let row = y; row < Math.min(r.height, y + h); row++) {
      const from = (row * r.width + x) * 4;
      const to = (row * r.width + Math.min(r.width, x + w)) * 4;
      for (let i = from; i < to; i += 4) data.set([0, 0, 0, 255], i);
    }
  }
  return { ...r, data };
}

async function readAll(yifa: Yifa, sha256: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of yifa.blobs.read(sha256)) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

export async function redact(
  yifa: Yifa,
  req: Request,
  entry: EvidenceEntry,
  recordId: string,
  seq: number,
  input: z.infer<typeof redactionSchema>,
) {
  const { item, regionPath } = await visibleItem(yifa, req, entry, recordId, seq);
  const codec = CODECS[item.file.mime as keyof typeof CODECS];
  if (!codec)
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', `只能遮盖 PNG 或 JPEG 图片（本文件为 ${item.file.mime}）；PDF 扫描件请先转为图片`);
  const original = await readAll(yifa, item.file.sha256);
  if (createHash('sha256').update(original).digest('hex') !== item.file.sha256)
    throw new AppError('CONFLICT', '原始文件与登记的哈希不一致，已停止遮盖，请先运行证据完整性检查');
  let raster: Raster;
  try {
    raster = codec.decode(original);
  } catch (e) {
    throw new AppError('UNSUPPORTED_MEDIA_TYPE', `图片无法解码：${(e as Error).message}`);
  }
  if (raster.width * raster.height > MAX_PIXELS) throw new AppError('PAYLOAD_TOO_LARGE', '图片过大（超过 4000 万像素），无法在线遮盖');
  const outside = input.rects.filter((r) => r.x >= raster.width || r.y >= raster.height);
  if (outside.length) throw new AppError('INVALID_INPUT', `遮盖区域超出图片范围（图片为 ${raster.width}×${raster.height} 像素）`);
  const masked = Buffer.from(codec.encode(mask(raster, input.rects)));
  const stored = await yifa.blobs.put(
    (async function* () {
      yield masked;
    })(),
  );
  const fileName = `遮盖_${item.file.fileName}`;
  const now = yifa.clock.now().toISOString();
  const derivative = { sha256: stored.sha256, size: stored.size, mime: item.file.mime, fileName };
  await yifa.journal.perform(
    {
      type: 'evidence.redact',
      actor: req.auth.actor,
      subject: { type: EVIDENCE_SUBJECT, id: evidenceId(recordId, seq), regionPath },
      idempotencyKey: req.idempotencyKey,
      payload: { original: item.file.sha256, derivative: stored.sha256, rects: input.rects, reason: input.reason },
    },
    async (trx) => {
      // Kept and checked like every evidence file, and held as long as the record holds the original.
      await trx
        .insertInto('uploads')
        .values({
          id: randomUUID(),
          user_id: req.auth.user.id,
          file_name: fileName,
          declared_mime: item.file.mime,
          size: stored.size,
          sha256: stored.sha256,
          created_at: now,
          completed_at: now,
          mime: item.file.mime,
          purged_at: null,
        })
        .execute();
      await trx
        .insertInto('procedure_files')
        .values({ sha256: stored.sha256, subject_type: entry.proc.subjectType, subject_id: recordId, seq })
        .onConflict((oc) => oc.doNothing())
        .execute();
      return derivative;
    },
  );
  return { original: item.file.sha256, derivative, rects: input.rects, reason: input.reason };
}

/** The redacted copies of an item, newest first, from the journal. */
export async function redactionsOf(yifa: Yifa, req: Request, entry: EvidenceEntry, recordId: string, seq: number) {
  await entry.visible(yifa, req, recordId);
  return redactionRows(yifa, recordId, seq);
}

async function redactionRows(yifa: Yifa, recordId: string, seq: number) {
  const rows = await yifa.db.kysely
    .selectFrom('actions')
    .select(['seq', 'payload', 'result', 'actor_user_id', 'received_at'])
    .where('subject_type', '=', EVIDENCE_SUBJECT)
    .where('subject_id', '=', evidenceId(recordId, seq))
    .where('type', '=', 'evidence.redact')
    .orderBy('seq', 'desc')
    .execute();
  return rows.map((r) => ({
    ...(JSON.parse(r.payload) as { original: string; derivative: string; rects: Rect[]; reason: string }),
    file: JSON.parse(r.result!) as { sha256: string; size: number; mime: string; fileName: string },
    by: r.actor_user_id,
    at: r.received_at,
  }));
}

/** A redacted copy's bytes (for disclosure); the download is journaled on the item. */
export async function openRedacted(yifa: Yifa, req: Request, entry: EvidenceEntry, recordId: string, seq: number, sha256: string) {
  const { regionPath } = await entry.visible(yifa, req, recordId);
  const copy = (await redactionRows(yifa, recordId, seq)).find((r) => r.derivative === sha256);
  if (!copy) throw notFound('遮盖件');
  const size = await yifa.blobs.size(sha256);
  if (size === null) throw new AppError('NOT_FOUND', '遮盖件文件缺失或已清除');
  await yifa.journal.record({
    type: 'evidence.download',
    actor: req.auth.actor,
    subject: { type: EVIDENCE_SUBJECT, id: evidenceId(recordId, seq), regionPath },
    payload: { sha256, redacted: true, range: null },
  });
  return { file: copy.file, size, stream: yifa.blobs.read(sha256) };
}
