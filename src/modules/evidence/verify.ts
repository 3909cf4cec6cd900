/**
 * Integrity check of every evidence file: each hash the database knows (verified uploads)
 * is re-hashed from the store; a file that is missing or whose bytes no longer have its
 * hash is reported. Used by `yifa evidence verify` and the server's scheduled check.
 */
import type { Yifa } from '../../platform/yifa.js';
import type { Integrity } from '../../platform/blobs/store.js';
import { SYSTEM_ACTOR } from '../../journal/journal.js';

/** The journal subject the results of integrity checks are recorded under (an indexed lookup). */
const INTEGRITY_SUBJECT = { type: 'evidence-store', id: 'integrity' } as const;

export interface EvidenceCheck {
  ok: boolean;
  checked: number;
  bytes: number;
  seconds: number;
  problems: { sha256: string; integrity: Exclude<Integrity, 'ok'>; fileNames: string[] }[];
}

export async function verifyEvidence(yifa: Yifa): Promise<EvidenceCheck> {
  const t0 = performance.now();
  const rows = await yifa.db.kysely
    .selectFrom('uploads')
    .select(['sha256', 'file_name', 'size'])
    .where('completed_at', 'is not', null)
    .where('purged_at', 'is', null)
    .execute();
  const known = new Map<string, { size: number; names: Set<string> }>();
  for (const r of rows) {
    const k = known.get(r.sha256) ?? { size: Number(r.size), names: new Set<string>() };
    k.names.add(r.file_name);
    known.set(r.sha256, k);
  }
  const problems: EvidenceCheck['problems'] = [];
  let bytes = 0;
  for (const [sha256, k] of known) {
    const integrity = await yifa.blobs.verify(sha256);
    if (integrity === 'ok') bytes += k.size;
    else problems.push({ sha256, integrity, fileNames: [...k.names] });
  }
  return { ok: problems.length === 0, checked: known.size, bytes, seconds: (performance.now() - t0) / 1000, problems };
}

/** Runs the check and records its result in the journal, where the supervisor's dashboard reads the latest. */
export async function verifyAndRecord(yifa: Yifa, via: 'schedule' | 'cli'): Promise<EvidenceCheck> {
  const r = await verifyEvidence(yifa);
  await yifa.journal.record({
    type: 'evidence.verify',
    actor: SYSTEM_ACTOR,
    subject: { ...INTEGRITY_SUBJECT, regionPath: null },
    payload: { via, ok: r.ok, checked: r.checked, bytes: r.bytes, seconds: Math.round(r.seconds * 1000) / 1000, problems: r.problems },
  });
  return r;
}

export async function latestIntegrityCheck(
  yifa: Yifa,
): Promise<(Omit<EvidenceCheck, 'seconds'> & { at: string; via: string; seconds: number }) | null> {
  const row = await yifa.db.kysely
    .selectFrom('actions')
    .select(['payload', 'received_at'])
    .where('subject_type', '=', INTEGRITY_SUBJECT.type)
    .where('subject_id', '=', INTEGRITY_SUBJECT.id)
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? { ...(JSON.parse(row.payload) as EvidenceCheck & { via: string }), at: row.received_at } : null;
}

/** Checks every `hours` (0: never) in the server; a failure to run is logged, problems are recorded. */
export function startEvidenceVerifyTimer(yifa: Yifa, hours: number, log: { warn: (o: object, m: string) => void }): () => void {
  if (hours <= 0) return () => {};
  const timer = setInterval(() => {
    verifyAndRecord(yifa, 'schedule').then(
      (r) => {
        if (!r.ok) log.warn({ problems: r.problems }, '证据文件完整性检查发现问题');
      },
      (err: unknown) => log.warn({ err }, 'evidence integrity check failed'),
    );
  }, hours * 3_600_000);
  timer.unref();
  return () => clearInterval(timer);
}
