/**
 * A file a member of the public sends through the portal for one record (a petitioner's
 * materials, bound to his petition by its tracking code): no account, so no resumable upload
 * of his own — one request carries the file, and it is checked before anything is kept: the
 * size is capped, the kind is read from the bytes and must be the one declared and one the
 * record takes, and the server computes the hash. Only then are the bytes stored and the row
 * written; the record's attaching action (journaled) then names the hash, and its gate reads
 * the row (evidence-store.ts) as it reads a staff member's finished upload.
 */
import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import type { Yifa } from '../platform/yifa.js';
import { AppError, invalid } from '../platform/http/errors.js';
import { formatBytes, tooLarge } from '../platform/blobs/store.js';
import { declaredKind, sniff, type MediaKind } from '../platform/blobs/sniff.js';
import type { EvidenceFile } from './evidence.js';

/** What the portal accepts from the public: photos and scans, at most 5 MB each. */
export const PORTAL_FILE = {
  kinds: ['image', 'pdf'] as readonly MediaKind[],
  maxBytes: 5 * 1024 * 1024,
};

export interface PortalFile {
  fileName: string;
  /** The type the browser declared */
  mime: string;
  bytes: Buffer;
}

/** Verifies and keeps a file sent for `subject`; returns it as the attaching action names it. Nothing is kept when it fails. */
export async function acceptPortalFile(yifa: Yifa, subject: { type: string; id: string }, file: PortalFile): Promise<EvidenceFile> {
  if (file.bytes.length === 0) throw invalid('文件不能为空');
  if (file.bytes.length > PORTAL_FILE.maxBytes) throw tooLarge(PORTAL_FILE.maxBytes);
  const found = sniff(file.bytes.subarray(0, 64));
  const declared = declaredKind(file.mime);
  if (!found || found.kind !== declared || !PORTAL_FILE.kinds.includes(found.kind))
    throw new AppError(
      'UNSUPPORTED_MEDIA_TYPE',
      `只接受图片（JPG、PNG 等）和 PDF 文件，且须与声明的类型一致；该文件${found ? `是${found.mime}` : '不是可识别的图片或 PDF'}，未保存`,
    );
  const stored = await yifa.blobs.put(Readable.from(file.bytes), { maxBytes: PORTAL_FILE.maxBytes });
  const row = {
    id: randomUUID(),
    subject_type: subject.type,
    subject_id: subject.id,
    sha256: stored.sha256,
    size: stored.size,
    mime: found.mime,
    file_name: file.fileName,
    created_at: yifa.clock.now().toISOString(),
  };
  await yifa.db.kysely.insertInto('portal_uploads').values(row).execute();
  return { sha256: row.sha256, size: row.size, mime: row.mime, fileName: row.file_name };
}

/** The cap as the portal's form states it. */
export const portalFileLimit = () => `图片或 PDF，不超过 ${formatBytes(PORTAL_FILE.maxBytes)}`;
