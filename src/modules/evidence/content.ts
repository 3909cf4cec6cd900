/**
 * Reading evidence of a case: playback and download with HTTP Range, and each item's chain
 * of custody. Access follows the case's data scope. Every download is a journal action; a
 * playback (the player's many range requests while seeking) is journaled once per user and
 * item every ten minutes, so the record says who watched what and when without one row per
 * seek.
 */
import type { Yifa } from '../../platform/yifa.js';
import type { Request } from '../../platform/security/request.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import { visibleCase, caseActions } from '../enforcement/service/cases.js';
import type { Evidence, EvidenceFile } from '../enforcement/penalty-case.js';

export const EVIDENCE_SUBJECT = 'evidence';
const STREAM_JOURNAL_MS = 10 * 60_000;
const lastStreamJournaled = new Map<string, number>();

export const evidenceId = (caseId: string, seq: number) => `${caseId}:${seq}`;

async function evidenceOf(
  yifa: Yifa,
  req: Request,
  caseId: string,
  seq: number,
): Promise<{ item: Evidence & { file: EvidenceFile }; regionPath: string }> {
  const c = await visibleCase(yifa, req, caseId);
  const item = c.evidence.find((e) => e.seq === seq);
  if (!item) throw notFound('证据');
  if (!item.file) throw new AppError('NOT_FOUND', '该证据没有上传文件');
  return { item: item as Evidence & { file: EvidenceFile }, regionPath: c.regionPath };
}

/** A byte range from a Range header ("bytes=a-b", "bytes=a-", "bytes=-n"), or null for the whole file. */
export function parseRange(header: string | undefined, size: number): { start: number; end: number } | null {
  if (!header) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!m || (m[1] === '' && m[2] === '')) throw rangeError(size);
  let start: number;
  let end: number;
  if (m[1] === '') {
    start = Math.max(0, size - Number(m[2]));
    end = size - 1;
  } else {
    start = Number(m[1]);
    end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  }
  if (start > end || start >= size) throw rangeError(size);
  return { start, end };
}

function rangeError(size: number) {
  return new AppError('RANGE_NOT_SATISFIABLE', `请求的字节范围无效（文件共 ${size} 字节）`, { details: { size } });
}

export async function openEvidence(yifa: Yifa, req: Request, caseId: string, seq: number, opts: { range?: string; download: boolean }) {
  const { item, regionPath } = await evidenceOf(yifa, req, caseId, seq);
  const size = await yifa.blobs.size(item.file.sha256);
  if (size === null) {
    const purged = await yifa.db.kysely
      .selectFrom('uploads')
      .select('purged_at')
      .where('sha256', '=', item.file.sha256)
      .where('purged_at', 'is not', null)
      .executeTakeFirst();
    throw new AppError(
      'NOT_FOUND',
      purged
        ? `证据文件已于 ${purged.purged_at!.slice(0, 10)} 按保存期限清除，保留其哈希和保管记录`
        : '证据文件缺失，请联系系统管理员核查（已记录）',
    );
  }
  const range = parseRange(opts.range, size);
  const id = evidenceId(caseId, seq);
  const key = `${req.auth.user.id}|${id}`;
  const now = yifa.clock.now().getTime();
  const since = now - (lastStreamJournaled.get(key) ?? 0);
  // A clock set back journals the stream again rather than silencing it.
  if (opts.download || since < 0 || since > STREAM_JOURNAL_MS) {
    await yifa.journal.record({
      type: opts.download ? 'evidence.download' : 'evidence.stream',
      actor: req.auth.actor,
      subject: { type: EVIDENCE_SUBJECT, id, regionPath },
      payload: { sha256: item.file.sha256, range: range ? `${range.start}-${range.end}` : null },
    });
    if (!opts.download) lastStreamJournaled.set(key, now);
  }
  return { file: item.file, size, range, stream: yifa.blobs.read(item.file.sha256, range ?? undefined) };
}

/** Who linked, viewed, downloaded or exported the item, in order; and whether its bytes are still as hashed. */
export async function custodyOf(yifa: Yifa, req: Request, caseId: string, seq: number) {
  const { item } = await evidenceOf(yifa, req, caseId, seq);
  const actions = await caseActions(yifa, req, caseId);
  const linkedAt = actions.find(
    (a) => a.type === 'penalty.add-evidence' && (a.payload as { file?: { sha256: string } }).file?.sha256 === item.file.sha256,
  )?.seq;
  const linked = actions.filter(
    (a) =>
      (a.type === 'penalty.add-evidence' && (a.payload as { file?: { sha256: string } }).file?.sha256 === item.file.sha256) ||
      (a.type === 'penalty.withdraw-evidence' && (a.payload as { seq: number }).seq === seq) ||
      // The exported case file carries every item's hash and the proof of its linking action.
      (a.type === 'penalty.case-file.export' && a.seq > (linkedAt ?? Infinity)),
  );
  const accesses = await yifa.db.kysely
    .selectFrom('actions')
    .select(['seq', 'type', 'actor_user_id', 'actor_role', 'received_at', 'payload'])
    .where('subject_type', '=', EVIDENCE_SUBJECT)
    .where('subject_id', '=', evidenceId(caseId, seq))
    .orderBy('seq')
    .execute();
  const size = await yifa.blobs.size(item.file.sha256);
  const userIds = [
    ...new Set([...linked.map((a) => a.actorUserId), ...accesses.map((a) => a.actor_user_id)].filter((u): u is string => u !== null)),
  ];
  const names = new Map(
    userIds.length
      ? (await yifa.db.kysely.selectFrom('users').select(['id', 'display_name']).where('id', 'in', userIds).execute()).map((u) => [
          u.id,
          u.display_name,
        ])
      : [],
  );
  const actorName = (id: string | null) => (id === null ? '系统' : (names.get(id) ?? id));
  return {
    file: item.file,
    // A size check, cheap enough for every page view; the scheduled integrity check re-hashes.
    integrity: size === null ? 'missing' : size === item.file.size ? 'present' : 'altered',
    events: [
      ...linked.map((a) => ({
        seq: a.seq,
        type: a.type,
        actorUserId: a.actorUserId,
        actorName: actorName(a.actorUserId),
        actorRole: a.actorRole,
        at: a.receivedAt,
        leafHash: a.leafHash,
        range: null,
        redacted: false,
      })),
      ...accesses.map((a) => {
        const p = JSON.parse(a.payload) as { range?: string | null; redacted?: boolean };
        return {
          seq: Number(a.seq),
          type: a.type,
          actorUserId: a.actor_user_id,
          actorName: actorName(a.actor_user_id),
          actorRole: a.actor_role,
          at: a.received_at,
          leafHash: null,
          range: p.range ?? null,
          redacted: p.redacted === true,
        };
      }),
    ].sort((a, b) => a.seq - b.seq),
  };
}
