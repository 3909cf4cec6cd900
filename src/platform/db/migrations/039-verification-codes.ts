import type { Kysely } from 'kysely';
import type { Engine } from '../database.js';
import { refuseUpdateAndDelete } from './001-foundation.js';
import { newCertificateToken, newVerificationCode } from '../../security/public-codes.js';

/**
 * Verification by QR code (issue 13 §7, §8).
 *
 * `document_codes`: one random short code (查验码) per numbered document, keyed as
 * `issued_documents` is (agency, series, year, n). Insert-only, like the numbers: a code
 * printed on a document never changes or goes away. Every document issued before this
 * migration gets its code now.
 *
 * `certificates.public_token`: the unguessable token of an officer's 执法证 QR code (亮证),
 * one per certificate, given to every existing certificate now.
 */
export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  await db.schema
    .createTable('document_codes')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull())
    .addColumn('series', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    // The document's title (行政处罚决定书); null for documents issued before 039, named by their action
    .addColumn('title', 'text')
    .addUniqueConstraint('document_codes_document', ['agency_id', 'series', 'year', 'n'])
    .execute();
  await refuseUpdateAndDelete(db, engine, 'document_codes');
  const issued = await db.selectFrom('issued_documents').select(['agency_id', 'series', 'year', 'n']).execute();
  for (let i = 0; i < issued.length; i += 500) {
    const rows = issued.slice(i, i + 500).map((d) => ({ code: newVerificationCode(), ...d }));
    await db.insertInto('document_codes').values(rows).execute();
  }

  await db.schema.alterTable('certificates').addColumn('public_token', 'text').execute();
  await db.schema.createIndex('certificates_public_token').on('certificates').column('public_token').unique().execute();
  const certs = await db.selectFrom('certificates').select('id').execute();
  for (const c of certs) {
    await db.updateTable('certificates').set({ public_token: newCertificateToken() }).where('id', '=', c.id).execute();
  }
}
