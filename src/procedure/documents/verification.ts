/**
 * Verification by QR code (issue 13 §7): every numbered document a procedure issues gets a
 * random 查验码 in the transaction that numbers it (numbering.ts); its DOCX and print view
 * carry the code and a QR code of the portal's verify page for it. The kit does this for
 * every procedure at once: a document with a 文号 that `issued_documents` holds for the
 * record is a document yifa issued.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../platform/db/schema.js';
import { formatVerificationCode } from '../../platform/security/public-codes.js';
import type { DocumentContent } from './content.js';

/** The page a document's QR code opens. */
export function verifyUrl(publicUrl: string, code: string): string {
  return `${publicUrl}/portal/verify/${code}`;
}

/** A record's numbered documents' codes, by 文号. */
export async function codesOf(db: Kysely<Database>, subject: { type: string; id: string }): Promise<Map<string, string>> {
  const rows = await db
    .selectFrom('issued_documents as d')
    .innerJoin('document_codes as c', (j) =>
      j.onRef('c.agency_id', '=', 'd.agency_id').onRef('c.series', '=', 'd.series').onRef('c.year', '=', 'd.year').onRef('c.n', '=', 'd.n'),
    )
    .select(['d.number', 'c.code'])
    .where('d.subject_type', '=', subject.type)
    .where('d.case_id', '=', subject.id)
    .execute();
  return new Map(rows.map((r) => [r.number, r.code]));
}

/** The record's documents, each numbered one with its code and the URL its QR code holds. */
export async function withVerification(
  db: Kysely<Database>,
  publicUrl: string,
  subject: { type: string; id: string },
  documents: DocumentContent[],
): Promise<DocumentContent[]> {
  if (!documents.some((d) => d.number)) return documents;
  const codes = await codesOf(db, subject);
  return documents.map((d) => {
    const code = d.number ? codes.get(d.number) : undefined;
    return code ? { ...d, verification: { code: formatVerificationCode(code), url: verifyUrl(publicUrl, code) } } : d;
  });
}

/** The issued document a code names, with the record it belongs to; undefined for an unknown code. */
export async function issuedByCode(db: Kysely<Database>, code: string) {
  return db
    .selectFrom('document_codes as c')
    .innerJoin('issued_documents as d', (j) =>
      j.onRef('c.agency_id', '=', 'd.agency_id').onRef('c.series', '=', 'd.series').onRef('c.year', '=', 'd.year').onRef('c.n', '=', 'd.n'),
    )
    .innerJoin('agencies as a', 'a.id', 'd.agency_id')
    .select([
      'c.code',
      'd.number',
      'd.series',
      'd.subject_type',
      'd.case_id',
      'd.action_type',
      'd.issued_at',
      'd.agency_id',
      'a.name as agency_name',
      'c.title',
    ])
    .where('c.code', '=', code)
    .executeTakeFirst();
}
