/**
 * Reading the evidence of a record of any procedure: playback and download with HTTP Range,
 * and each item's chain of custody. Access follows the record's procedure: its read
 * permission and its data scope (a record out of scope is NOT_FOUND, the denial journaled).
 * Every download is a journal action; a playback (the player's many range requests while
 * seeking) is journaled once per user and item every ten minutes, so the record says who
 * watched what and when without one row per seek.
 */
import type { Yifa } from '../../platform/yifa.js';
import type { Request } from '../../platform/security/request.js';
import { AppError, notFound } from '../../platform/http/errors.js';
import type { EvidenceFile, EvidenceItem } from '../../procedure/evidence.js';
import type { EvidenceEntry } from '../../procedure/registry.js';
import { subjectJournal } from '../../procedure/service.js';

export const EVIDENCE_SUBJECT = 'evidence';
const STREAM_JOURNAL_MS = 10 * 60_000;
const lastStreamJournaled = new Map<string, number>();

/** The journal subject of one item: the record's id and the item's position (record ids are unique across procedures). */
export const evidenceId = (recordId: string, seq: number) => `${recordId}:${seq}`;

/** Item `seq` of a record the reader may see, with its file, and the record's region. */
export async function visibleItem(
  yifa: Yifa,
  req: Request,
  entry: EvidenceEntry,
  id: string,
  seq: number,
): Promise<{ item: EvidenceItem & { file: EvidenceFile }; regionPath: string }> {
  const { state, regionPath } = await entry.visible(yifa, req, id);
  const noun = entry.proc.evidence.words.item;
  const item = entry.proc.evidence.items(state).find((e) => e.seq === seq);
  if (!item) throw notFound(noun);
  if (!item.file) throw new AppError('NOT_FOUND', `该${noun}没有上传文件`);
  return { item: item as EvidenceItem & { file: EvidenceFile }, regionPath };
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

export async function openEvidence(
  yifa: Yifa,
  req: Request,
  entry: EvidenceEntry,
  recordId: string,
  seq: number,
  opts: { range?: string; download: boolean },
) {
  const { item, regionPath } = await visibleItem(yifa, req, entry, recordId, seq);
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
  const id = evidenceId(recordId, seq);
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
export async function custodyOf(yifa: Yifa, req: Request, entry: EvidenceEntry, recordId: string, seq: number) {
  const { item } = await visibleItem(yifa, req, entry, recordId, seq);
  const role = (type: string) => (Object.hasOwn(entry.proc.actions, type) ? entry.proc.actions[type]!.evidence : undefined);
  const attaches = (a: { type: string; payload: unknown }) =>
    role(a.type) === 'attach' && (a.payload as { file?: { sha256: string } }).file?.sha256 === item.file.sha256;
  const actions = await subjectJournal(yifa.db.kysely, entry.proc, recordId);
  const linkedAt = actions.find(attaches)?.seq;
  const linked = actions.filter(
    (a) =>
      attaches(a) ||
      (role(a.type) === 'withdraw' && (a.payload as { seq: number }).seq === seq) ||
      // The exported case file carries every item's hash and the proof of its linking action.
      (a.type === entry.exportAction && a.seq > (linkedAt ?? Infinity)),
  );
  const accesses = await yifa.db.kysely
    .selectFrom('actions')
    .select(['seq', 'type', 'actor_user_id', 'actor_role', 'received_at', 'payload'])
    .where('subject_type', '=', EVIDENCE_SUBJECT)
    .where('subject_id', '=', evidenceId(recordId, seq))
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
        // What the record's action did with the item: the console names it so, whatever the procedure calls it.
        link: role(a.type) ?? ('export' as const),
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
          link: null,
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
