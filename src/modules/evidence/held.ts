/**
 * Uploads held for a record (待登记): a file uploaded for a record of any procedure that
 * keeps evidence waits on the server, not in one browser, until its uploader registers it
 * there (the procedure's attaching action takes it off the list in the action's transaction,
 * src/procedure/evidence-store.ts) or discards it. So a file uploaded on a phone in the field
 * is at hand at the desk, after a reload or a login elsewhere.
 *
 * The list is personal — an upload is its uploader's until it is registered — and it is read
 * under the record's procedure: its read permission and data scope (a record out of scope is
 * NOT_FOUND, the denial journaled). Each held file says whether the record already holds the
 * same bytes (duplicateOf), which the attaching action would refuse.
 */
import { z } from 'zod';
import type { Yifa } from '../../platform/yifa.js';
import type { Request } from '../../platform/security/request.js';
import type { Trx } from '../../journal/journal.js';
import { canonicalJson } from '../../journal/canonical.js';
import { AppError, invalid, notFound } from '../../platform/http/errors.js';
import { duplicateOf } from '../../procedure/evidence.js';
import { holdsEvidence, type EvidenceEntry } from '../../procedure/registry.js';

const HELD = '待登记文件';

/** What the client says a file is for (the penalty case: the step and the scene to record): a few named scalars, kept as given. */
export const intentSchema = z
  .record(
    z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,39}$/, '用途的字段名须为英文字母和数字'),
    z.union([z.string().max(200, '用途的取值不能超过 200 个字符'), z.number(), z.boolean(), z.null()]),
  )
  .refine((o) => Object.keys(o).length <= 20, '用途最多 20 项')
  .meta({ title: '上传用途（如所属笔录、音像记录事项）' });

/** Uploading for a record: which one, and what for. */
export const holdForSchema = z
  .strictObject({
    procedure: z.string().min(1).max(64).meta({ title: '事项类型（如 penalty-case、information-request）' }),
    recordId: z.string().min(1).max(64).meta({ title: '案件或申请的编号' }),
    intent: intentSchema.optional(),
  })
  .meta({ title: '为哪一案件或申请上传（上传后在其“待登记”列表中，直至登记入卷或丢弃）' });

export type HoldFor = z.infer<typeof holdForSchema>;

export const heldFileSchema = z.object({
  uploadId: z.string(),
  fileName: z.string(),
  size: z.number(),
  /** The type found in the bytes once verified; the declared one before */
  mime: z.string(),
  sha256: z.string(),
  /** When the upload was declared */
  createdAt: z.string(),
  /** When its bytes were verified (null: not all in yet) */
  uploadedAt: z.string().nullable(),
  verified: z.boolean(),
  intent: z.record(z.string(), z.unknown()).nullable(),
  /** The record's item (not withdrawn) that already holds these bytes: registering it again would be refused */
  duplicateOf: z.object({ seq: z.number(), title: z.string() }).nullable(),
});
export type HeldFile = z.infer<typeof heldFileSchema>;

export const heldListSchema = z.object({ items: z.array(heldFileSchema) });

/** The procedure that keeps evidence under this subject type, or INVALID_INPUT. */
export function evidenceEntryOf(yifa: Yifa, procedure: string): EvidenceEntry {
  const entry = yifa.procedures.filter(holdsEvidence).find((e) => e.proc.subjectType === procedure);
  if (!entry) throw invalid(`“${procedure}”不是保存证据材料的事项类型`);
  return entry;
}

/**
 * The record an upload is to be held for, when the uploader may see it: the procedure's
 * read permission (FORBIDDEN, journaled) and its scope (NOT_FOUND, journaled) — as its
 * held list is read.
 */
export async function recordToHoldFor(yifa: Yifa, req: Request, holdFor: HoldFor): Promise<EvidenceEntry> {
  const entry = evidenceEntryOf(yifa, holdFor.procedure);
  const read = entry.proc.permissions.read;
  if (!(req.auth.permissions as Set<string>).has(read)) {
    await req.denied({ reason: '无权查看该事项', permission: read }, { type: entry.proc.subjectType, id: holdFor.recordId });
    throw new AppError('FORBIDDEN', `您没有查看${entry.proc.recordName}的权限，不能为其上传文件`);
  }
  await entry.visible(yifa, req, holdFor.recordId);
  return entry;
}

/** Holds an upload for a record (in the transaction that declares the upload). */
export async function holdUpload(trx: Trx, x: { uploadId: string; userId: string; holdFor: HoldFor; at: string }): Promise<void> {
  await trx
    .insertInto('held_uploads')
    .values({
      upload_id: x.uploadId,
      user_id: x.userId,
      subject_type: x.holdFor.procedure,
      subject_id: x.holdFor.recordId,
      intent: x.holdFor.intent ? canonicalJson(x.holdFor.intent) : null,
      created_at: x.at,
    })
    .execute();
}

/** The reader's uploads held for a record he may see, oldest first, each flagged when the record already holds its bytes. */
export async function heldFor(yifa: Yifa, req: Request, entry: EvidenceEntry, recordId: string): Promise<HeldFile[]> {
  const { state } = await entry.visible(yifa, req, recordId);
  const items = entry.proc.evidence.items(state);
  const rows = await yifa.db.kysely
    .selectFrom('held_uploads as h')
    .innerJoin('uploads as u', 'u.id', 'h.upload_id')
    .select(['h.upload_id', 'h.intent', 'u.file_name', 'u.size', 'u.mime', 'u.declared_mime', 'u.sha256', 'u.created_at', 'u.completed_at'])
    .where('h.subject_id', '=', recordId)
    .where('h.subject_type', '=', entry.proc.subjectType)
    .where('h.user_id', '=', req.auth.user.id)
    .where('u.purged_at', 'is', null)
    .orderBy('u.created_at')
    .orderBy('h.upload_id')
    .execute();
  return rows.map((r) => ({
    uploadId: r.upload_id,
    fileName: r.file_name,
    size: Number(r.size),
    mime: r.mime ?? r.declared_mime,
    sha256: r.sha256,
    createdAt: r.created_at,
    uploadedAt: r.completed_at,
    verified: r.completed_at !== null,
    intent: r.intent ? (JSON.parse(r.intent) as Record<string, unknown>) : null,
    duplicateOf: duplicateOf(items, r.sha256),
  }));
}

/**
 * Takes one of the reader's held uploads off a record's list, on record (a journal action on
 * the upload). The upload and its bytes stay, as any unregistered upload's do until the purge.
 * Someone else's held upload is NOT_FOUND, the attempt journaled.
 */
export async function discardHeld(yifa: Yifa, req: Request, entry: EvidenceEntry, recordId: string, uploadId: string): Promise<void> {
  const { regionPath } = await entry.visible(yifa, req, recordId);
  const row = await yifa.db.kysely
    .selectFrom('held_uploads as h')
    .innerJoin('uploads as u', 'u.id', 'h.upload_id')
    .select(['h.user_id', 'u.sha256', 'u.file_name'])
    .where('h.upload_id', '=', uploadId)
    .where('h.subject_id', '=', recordId)
    .where('h.subject_type', '=', entry.proc.subjectType)
    .executeTakeFirst();
  if (!row) throw notFound(HELD);
  if (row.user_id !== req.auth.user.id) {
    await req.denied({ reason: '不是本人的上传' }, { type: 'upload', id: uploadId, regionPath });
    throw notFound(HELD);
  }
  await yifa.journal.perform(
    {
      type: 'evidence.discard-upload',
      actor: req.auth.actor,
      subject: { type: 'upload', id: uploadId, regionPath: req.auth.user.regionPath },
      idempotencyKey: null,
      payload: { procedure: entry.proc.subjectType, recordId, sha256: row.sha256, fileName: row.file_name },
    },
    async (trx) => {
      const gone = await trx
        .deleteFrom('held_uploads')
        .where('upload_id', '=', uploadId)
        .where('user_id', '=', req.auth.user.id)
        .executeTakeFirst();
      // Registered or discarded meanwhile (another device): nothing to discard, nothing to record.
      if (Number(gone.numDeletedRows) === 0) throw notFound(HELD);
      return null;
    },
  );
}
