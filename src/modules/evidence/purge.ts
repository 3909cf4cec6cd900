/**
 * Purging evidence files whose retention has run out (see retention.ts): the bytes leave
 * the store; the upload rows keep the hash with a purge date and the journal records the
 * purge, so the custody record stays whole. Which records of which procedures hold a file is
 * procedure_files; until when each holds it, its procedure says. Abandoned, never-finished
 * uploads are cleared after a week.
 */
import type { Yifa } from '../../platform/yifa.js';
import { SYSTEM_ACTOR } from '../../journal/journal.js';
import { addDays, todayInChina } from '../../calendar/legal-date.js';
import { AppError } from '../../platform/http/errors.js';
import { holdsEvidence, type EvidenceEntry } from '../../procedure/registry.js';
import { purgeable, UNLINKED_DAYS } from './retention.js';

const ABANDONED_DAYS = 7;

export interface PurgeReport {
  dryRun: boolean;
  /** `cases`: the ids of the records (of any procedure) that held the file */
  purged: { sha256: string; fileNames: string[]; cases: string[] }[];
  kept: number;
  /** Records whose files were kept because the record is not what its journal proves (its dates cannot be trusted) */
  heldForIntegrity: string[];
  abandonedUploads: number;
}

const UNPROVEN = Symbol('unproven');

/** Until when a record holds its files (null: it holds them); UNPROVEN when its state cannot be trusted. */
async function heldUntil(yifa: Yifa, entry: EvidenceEntry | undefined, id: string): Promise<string | null | typeof UNPROVEN> {
  // A record of a procedure this installation no longer serves keeps its files: nobody can say until when.
  if (!entry) return null;
  const state = await entry.proven(yifa, id).catch((e: unknown) => {
    if (e instanceof AppError && e.code === 'INTEGRITY_ERROR') return UNPROVEN;
    throw e;
  });
  return state === UNPROVEN ? UNPROVEN : entry.evidence.keptUntil(yifa, state);
}

export async function purgeEvidence(yifa: Yifa, opts: { dryRun: boolean }): Promise<PurgeReport> {
  const db = yifa.db.kysely;
  const now = yifa.clock.now();
  const today = todayInChina(now);
  const procedures = new Map(yifa.procedures.filter(holdsEvidence).map((e) => [e.proc.subjectType, e]));
  const files = await db
    .selectFrom('uploads')
    .select(['sha256', 'file_name', 'completed_at'])
    .where('completed_at', 'is not', null)
    .where('purged_at', 'is', null)
    .execute();
  const bySha = new Map<string, { names: Set<string>; uploadedOn: string }>();
  for (const f of files) {
    const e = bySha.get(f.sha256) ?? { names: new Set<string>(), uploadedOn: todayInChina(new Date(f.completed_at!)) };
    e.names.add(f.file_name);
    bySha.set(f.sha256, e);
  }
  const report: PurgeReport = { dryRun: opts.dryRun, purged: [], kept: 0, heldForIntegrity: [], abandonedUploads: 0 };
  for (const [sha256, f] of bySha) {
    const links = await db
      .selectFrom('procedure_files')
      .select(['subject_type', 'subject_id'])
      .distinct()
      .where('sha256', '=', sha256)
      .execute();
    // The retention runs from the records' dates: a record changed outside the journal could
    // shorten it, so its files are kept until it is proven again (the check alerts).
    const held = await Promise.all(links.map((l) => heldUntil(yifa, procedures.get(l.subject_type), l.subject_id)));
    const unproven = links.filter((_, i) => held[i] === UNPROVEN).map((l) => l.subject_id);
    if (unproven.length) {
      report.heldForIntegrity.push(...unproven.filter((id) => !report.heldForIntegrity.includes(id)));
      report.kept++;
      continue;
    }
    const until = held as (string | null)[];
    if (!purgeable(today, until, f.uploadedOn)) {
      report.kept++;
      continue;
    }
    const cases = [...new Set(links.map((l) => l.subject_id))];
    report.purged.push({ sha256, fileNames: [...f.names], cases });
    if (opts.dryRun) continue;
    await yifa.journal.perform(
      {
        type: 'evidence.purge',
        actor: SYSTEM_ACTOR,
        subject: { type: 'evidence-file', id: sha256, regionPath: null },
        payload: { sha256, cases, keptUntil: until, reason: cases.length ? '保存期限届满' : `上传后 ${UNLINKED_DAYS} 日未登记入案` },
      },
      async (trx) => {
        await trx
          .updateTable('uploads')
          .set({ purged_at: now.toISOString() })
          .where('sha256', '=', sha256)
          .where('purged_at', 'is', null)
          .execute();
        return null;
      },
    );
    await yifa.blobs.remove(sha256);
  }
  const abandoned = await db
    .selectFrom('uploads')
    .select('id')
    .where('completed_at', 'is', null)
    .where('created_at', '<', `${addDays(today, -ABANDONED_DAYS)}T00:00:00.000Z`)
    .execute();
  report.abandonedUploads = abandoned.length;
  if (!opts.dryRun) for (const a of abandoned) await yifa.blobs.staged.discard(a.id);
  return report;
}
