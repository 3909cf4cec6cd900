/**
 * What the kit reads and writes of evidence inside an action's transaction: the verified
 * upload an attaching payload names (for its gates), and the link of an attached file to its
 * record in `procedure_files` — where retention, purge, redaction and shares find which
 * records hold a file, whatever their procedure.
 */
import type { Yifa } from '../platform/yifa.js';
import type { Trx } from '../journal/journal.js';
import { deferWrite } from '../platform/db/fixed-queries.js';
import type { EvidenceContext, EvidenceFile, EvidenceList } from './evidence.js';
import { PUBLIC_USER_ID } from './spec.js';

type Db = Yifa['db']['kysely'] | Trx;

/** The verified upload of this user that an action's payload names by `file.sha256`, if any. */
export async function uploadedFileIn(db: Db, payload: unknown, userId: string | null): Promise<EvidenceFile | undefined> {
  const sha256 = (payload as { file?: { sha256?: unknown } } | null)?.file?.sha256;
  if (typeof sha256 !== 'string' || !userId) return undefined;
  const row = await db
    .selectFrom('uploads')
    .select(['sha256', 'size', 'mime', 'file_name'])
    .where('sha256', '=', sha256)
    .where('user_id', '=', userId)
    .where('completed_at', 'is not', null)
    .orderBy('completed_at', 'desc')
    .executeTakeFirst();
  return row ? { sha256: row.sha256, size: Number(row.size), mime: row.mime!, fileName: row.file_name } : undefined;
}

/**
 * The file an action's payload names, as its actor sent it: a staff member's finished upload,
 * or — for the public, who has no account — a file verified on the portal for this record
 * (portal-uploads.ts).
 */
export async function actorFileIn(db: Db, payload: unknown, actor: { userId: string | null }, recordId: string) {
  if (actor.userId !== PUBLIC_USER_ID) return uploadedFileIn(db, payload, actor.userId);
  const sha256 = (payload as { file?: { sha256?: unknown } } | null)?.file?.sha256;
  if (typeof sha256 !== 'string') return undefined;
  const row = await db
    .selectFrom('portal_uploads')
    .select(['sha256', 'size', 'mime', 'file_name'])
    .where('subject_id', '=', recordId)
    .where('sha256', '=', sha256)
    .executeTakeFirst();
  return row ? { sha256: row.sha256, size: Number(row.size), mime: row.mime, fileName: row.file_name } : undefined;
}

/** The gates' view of what uploadedFileIn read. */
export const uploadedFile =
  (found: EvidenceFile | undefined): EvidenceContext['uploadedFile'] =>
  (sha256) =>
    found?.sha256 === sha256 ? found : undefined;

/** Links the file of the item an attaching action (at `position`) added to the record, and takes its upload off the held list. */
export async function linkAttachedFile<S>(
  trx: Trx,
  list: EvidenceList<S>,
  next: S,
  at: { subjectType: string; id: string; position: number; userId: string },
): Promise<void> {
  const file = list.items(next).find((e) => e.seq === at.position)?.file;
  if (!file) return;
  await deferWrite(
    trx,
    trx.insertInto('procedure_files').values({ sha256: file.sha256, subject_type: at.subjectType, subject_id: at.id, seq: at.position }),
  );
  // Registered: no longer waiting in its uploader's held list for this record — in this
  // transaction, so a refused action leaves it held.
  await deferWrite(
    trx,
    trx
      .deleteFrom('held_uploads')
      .where('subject_id', '=', at.id)
      .where('user_id', '=', at.userId)
      .where('upload_id', 'in', trx.selectFrom('uploads').select('id').where('sha256', '=', file.sha256).where('user_id', '=', at.userId)),
  );
}
