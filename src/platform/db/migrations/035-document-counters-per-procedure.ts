import { sql, type Kysely } from 'kysely';
import type { Engine } from '../database.js';

/**
 * Each procedure numbers its own series: two procedures that both named a series `transfer`
 * or `correction` shared one counter per agency and year, so each made gaps in the other's
 * numbers. From now on a procedure's counter (and issued row) is keyed by its subject type
 * and series — the penalty cases', the first procedure's, keep their bare series ids — and
 * each new counter starts after the highest number its procedure already issued.
 */
export async function up(db: Kysely<any>, _engine: Engine): Promise<void> {
  await sql`
    insert into document_counters (agency_id, series, year, last)
    select agency_id, subject_type || ':' || series, year, max(n)
    from issued_documents
    where subject_type <> 'penalty-case'
    group by agency_id, subject_type, series, year
  `.execute(db);
}
