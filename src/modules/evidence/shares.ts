/**
 * Sharing one evidence item with someone outside yifa (a court, a reconsideration body,
 * another agency): a link that works without a login until it expires. The grant and every
 * use of the link are actions on the item, so its custody shows who was given what, and
 * when it was fetched. Only the link's SHA-256 is stored.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Yifa } from '../../platform/yifa.js';
import type { Request } from '../../platform/security/request.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import type { EvidenceEntry } from '../../procedure/registry.js';
import { EVIDENCE_SUBJECT, evidenceId, parseRange, visibleItem } from './content.js';

export const shareSchema = z.strictObject({
  recipient: z.string().trim().min(2, '请填写接收方').max(100),
  purpose: z.string().trim().min(2, '请说明用途').max(200),
  days: z.number().int().min(1, '有效期至少 1 天').max(30, '有效期最长 30 天'),
});

const tokenHash = (token: string) => createHash('sha256').update(token).digest('hex');

export async function shareEvidence(
  yifa: Yifa,
  req: Request,
  entry: EvidenceEntry,
  recordId: string,
  seq: number,
  input: z.infer<typeof shareSchema>,
) {
  const { item, regionPath } = await visibleItem(yifa, req, entry, recordId, seq);
  if (item.withdrawn) throw new AppError('CONFLICT', `已撤回的${entry.proc.evidence.words.item}不能共享`);
  const token = randomBytes(32).toString('base64url');
  const now = yifa.clock.now();
  const row = {
    id: randomUUID(),
    token_hash: tokenHash(token),
    case_id: recordId,
    seq,
    sha256: item.file.sha256,
    region_path: regionPath,
    recipient: input.recipient,
    purpose: input.purpose,
    expires_at: new Date(now.getTime() + input.days * 86_400_000).toISOString(),
    created_by: req.auth.user.id,
    created_at: now.toISOString(),
    revoked_at: null,
    revoked_by: null,
  };
  await yifa.journal.perform(
    {
      type: 'evidence.share',
      actor: req.auth.actor,
      subject: { type: EVIDENCE_SUBJECT, id: evidenceId(recordId, seq), regionPath },
      idempotencyKey: req.idempotencyKey,
      payload: { shareId: row.id, sha256: row.sha256, recipient: row.recipient, purpose: row.purpose, expiresAt: row.expires_at },
    },
    async (trx) => {
      await trx.insertInto('evidence_shares').values(row).execute();
      return { shareId: row.id };
    },
  );
  return { id: row.id, token, path: `/api/v1/shared-evidence/${token}`, recipient: row.recipient, expiresAt: row.expires_at };
}

/** The shared file for a link holder (no login); every fetch is journaled on the item. */
export async function openShared(yifa: Yifa, token: string, range: string | undefined) {
  const share = await yifa.db.kysely
    .selectFrom('evidence_shares')
    .selectAll()
    .where('token_hash', '=', tokenHash(token))
    .executeTakeFirst();
  if (!share) throw notFound('共享链接');
  if (share.revoked_at) throw new AppError('NOT_FOUND', `共享链接已于 ${share.revoked_at.slice(0, 10)} 被撤销，请联系提供方`);
  if (share.expires_at <= yifa.clock.now().toISOString())
    throw new AppError('NOT_FOUND', `共享链接已于 ${share.expires_at.slice(0, 10)} 过期，请联系提供方重新共享`);
  const size = await yifa.blobs.size(share.sha256);
  if (size === null) throw new AppError('NOT_FOUND', '证据文件已清除或缺失');
  const r = parseRange(range, size);
  await yifa.journal.record({
    type: 'evidence.shared-access',
    actor: { userId: null, role: 'share-link', agencyId: null },
    subject: { type: EVIDENCE_SUBJECT, id: evidenceId(share.case_id, share.seq), regionPath: share.region_path },
    payload: { shareId: share.id, recipient: share.recipient, sha256: share.sha256, range: r ? `${r.start}-${r.end}` : null },
  });
  const upload = await yifa.db.kysely
    .selectFrom('uploads')
    .select(['mime', 'file_name'])
    .where('sha256', '=', share.sha256)
    .where('completed_at', 'is not', null)
    .executeTakeFirst();
  return {
    size,
    range: r,
    mime: upload?.mime ?? 'application/octet-stream',
    fileName: upload?.file_name ?? 'evidence',
    stream: yifa.blobs.read(share.sha256, r ?? undefined),
  };
}

/** Ends a share link before it expires: later fetches are refused; the revocation is journaled on the item. */
export async function revokeShare(
  yifa: Yifa,
  req: Request,
  entry: EvidenceEntry,
  recordId: string,
  seq: number,
  shareId: string,
  reason: string,
) {
  await entry.visible(yifa, req, recordId);
  const share = await yifa.db.kysely
    .selectFrom('evidence_shares')
    .selectAll()
    .where('id', '=', shareId)
    .where('case_id', '=', recordId)
    .where('seq', '=', seq)
    .executeTakeFirst();
  if (!share) throw notFound('共享链接');
  if (share.revoked_at) throw new AppError('CONFLICT', '该共享链接已被撤销');
  const at = yifa.clock.now().toISOString();
  await yifa.journal.perform(
    {
      type: 'evidence.share-revoke',
      actor: req.auth.actor,
      subject: { type: EVIDENCE_SUBJECT, id: evidenceId(recordId, seq), regionPath: share.region_path },
      idempotencyKey: req.idempotencyKey,
      payload: { shareId, recipient: share.recipient, reason },
    },
    async (trx) => {
      await trx
        .updateTable('evidence_shares')
        .set({ revoked_at: at, revoked_by: req.auth.user.id })
        .where('id', '=', shareId)
        .where('revoked_at', 'is', null)
        .execute();
      return { shareId, revokedAt: at };
    },
  );
  return { id: shareId, revokedAt: at };
}

/** The item's share links, newest first (no tokens: only their hashes are kept). */
export async function sharesOf(yifa: Yifa, req: Request, entry: EvidenceEntry, recordId: string, seq: number) {
  await entry.visible(yifa, req, recordId);
  const rows = await yifa.db.kysely
    .selectFrom('evidence_shares')
    .selectAll()
    .where('case_id', '=', recordId)
    .where('seq', '=', seq)
    .orderBy('created_at', 'desc')
    .execute();
  const now = yifa.clock.now().toISOString();
  return rows.map((r) => ({
    id: r.id,
    recipient: r.recipient,
    purpose: r.purpose,
    expiresAt: r.expires_at,
    createdAt: r.created_at,
    revokedAt: r.revoked_at,
    state: r.revoked_at ? ('revoked' as const) : r.expires_at <= now ? ('expired' as const) : ('active' as const),
  }));
}
