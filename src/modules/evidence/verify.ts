/**
 * Integrity check of every evidence file: each hash the database knows (verified uploads)
 * is re-hashed from the store; a file that is missing or whose bytes no longer have its
 * hash is reported. Used by `yifa evidence verify` and the server's scheduled check.
 */
import type { Yifa } from '../../platform/yifa.js';
import type { Integrity } from '../../platform/blobs/store.js';

export interface EvidenceCheck {
  ok: boolean;
  checked: number;
  bytes: number;
  seconds: number;
  problems: { sha256: string; integrity: Exclude<Integrity, 'ok'>; fileNames: string[] }[];
}

export async function verifyEvidence(yifa: Yifa): Promise<EvidenceCheck> {
  const t0 = performance.now();
  const rows = await yifa.db.kysely.selectFrom('uploads').select(['sha256', 'file_name', 'size']).where('completed_at', 'is not', null).execute();
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
