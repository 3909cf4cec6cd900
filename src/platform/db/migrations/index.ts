/**
 * The platform's own migrations: the foundation (the journal, the calendar and the tables
 * of the org tree, users and sessions, created together before modules had their own) and
 * the journal's later ones, and the procedure kit's tables (the common table, the evidence
 * files' records). Each module's are in its manifest; the migrator runs them all in one
 * sequence by name.
 */
import type { Migrations } from '../../module.js';
import * as foundation from './001-foundation.js';
import * as journalAppend from './009-journal-append.js';
import * as journalAppendExact from './010-journal-append-exact.js';
import * as witness from './012-witness.js';
import * as procedureCases from './015-procedure-cases.js';
import * as procedureFiles from './017-procedure-files.js';
import * as procedureWaiting from './019-procedure-waiting.js';
import * as countersPerProcedure from './035-document-counters-per-procedure.js';
import * as portalFactorFailures from './043-portal-factor-failures.js';
import * as procedureDue from './046-procedure-cases-due.js';
import * as portalUploads from './049-portal-uploads.js';
import * as verificationCodes from './039-verification-codes.js';

export const PLATFORM_MIGRATIONS: Migrations = {
  '001-foundation': foundation,
  '009-journal-append': journalAppend,
  '010-journal-append-exact': journalAppendExact,
  '012-witness': witness,
  // The procedure kit's common table (src/procedure/): every procedure's records.
  '015-procedure-cases': procedureCases,
  // Which record of which procedure holds which evidence file.
  '017-procedure-files': procedureFiles,
  // Whom each record waits on: the 工作台's 待办.
  '019-procedure-waiting': procedureWaiting,
  // Each procedure numbers its own series.
  '035-document-counters-per-procedure': countersPerProcedure,
  // Wrong second factors on the portal, per record and day (procedure/second-factor.ts).
  '043-portal-factor-failures': portalFactorFailures,
  '046-procedure-cases-due': procedureDue,
  // Files sent through the portal for one record, verified before they are kept (procedure/portal-uploads.ts).
  '049-portal-uploads': portalUploads,
  // Every numbered document's 查验码 and every 执法证's QR token.
  '039-verification-codes': verificationCodes,
};
