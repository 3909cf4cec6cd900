/**
 * Document numbers (文号): one gapless sequence per agency, procedure, series and year, for
 * every procedure, e.g. 妙泉罚决字〔2026〕第12号. The counter moves in the transaction of the
 * action that issues the document, so a refused action leaves no gap.
 */
import { sql } from 'kysely';
import type { Trx } from '../journal/journal.js';
import { deferWrite } from '../platform/db/fixed-queries.js';
import { newVerificationCode } from '../platform/security/public-codes.js';

/** A series as a procedure declares it: its word in the number and its document's title. */
export interface SeriesInfo {
  word: string;
  title: string;
}

export function formatDocumentNumber(prefix: string, word: string, year: number, n: number): string {
  return `${prefix}${word}〔${year}〕第${n}号`;
}

/** Who issues and what: the agency (its prefix), the series and the record the document belongs to. */
export interface Issue {
  agency: { id: string; doc_prefix: string };
  series: string;
  word: string;
  /** The document's title (the series' `title`): the verify page names the document by it */
  title?: string;
  year: number;
  subject: { type: string; id: string };
  actionType: string;
  at: string;
}

/**
 * The key a series is counted under: each procedure's own (two procedures may both name a
 * series `transfer`); the penalty cases', numbered before there were others, keep theirs bare.
 */
const counterKey = (subjectType: string, series: string) => (subjectType === 'penalty-case' ? series : `${subjectType}:${series}`);

/** The next number of the series, recorded as issued to the record. */
export async function allocateNumber(trx: Trx, x: Issue): Promise<string> {
  const series = counterKey(x.subject.type, x.series);
  // One statement that both engines run atomically: the row lock (PostgreSQL) or the write
  // transaction (SQLite) serialises concurrent issuers; a rollback returns the number.
  const row = await trx
    .insertInto('document_counters')
    .values({ agency_id: x.agency.id, series, year: x.year, last: 1 })
    .onConflict((oc) => oc.columns(['agency_id', 'series', 'year']).doUpdateSet({ last: sql`document_counters.last + 1` }))
    .returning('last')
    .executeTakeFirstOrThrow();
  const n = Number(row.last);
  const number = formatDocumentNumber(x.agency.doc_prefix, x.word, x.year, n);
  await deferWrite(
    trx,
    trx.insertInto('issued_documents').values({
      agency_id: x.agency.id,
      series,
      year: x.year,
      n,
      number,
      subject_type: x.subject.type,
      case_id: x.subject.id,
      action_type: x.actionType,
      issued_at: x.at,
    }),
  );
  // Its 查验码 (verification.ts), in the same transaction: a document is never issued without one.
  await deferWrite(
    trx,
    trx
      .insertInto('document_codes')
      .values({ code: newVerificationCode(), agency_id: x.agency.id, series, year: x.year, n, title: x.title ?? null }),
  );
  return number;
}

/** The numbered documents issued to a record, oldest first. */
export async function issuedTo(db: Trx | Parameters<typeof deferWrite>[0], subject: { type: string; id: string }) {
  const rows = await db
    .selectFrom('issued_documents')
    .select(['series', 'number', 'action_type', 'issued_at'])
    .where('subject_type', '=', subject.type)
    .where('case_id', '=', subject.id)
    .orderBy('issued_at')
    .orderBy('number')
    .execute();
  // Rows issued before 035 carry the bare series id.
  const own = `${subject.type}:`;
  return rows.map((r) => (r.series.startsWith(own) ? { ...r, series: r.series.slice(own.length) } : r));
}
