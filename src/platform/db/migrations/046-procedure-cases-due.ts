import type { Kysely } from 'kysely';

/**
 * Every procedure's overdue queue (the kit's list, `overdue=true`: its records past their next
 * due date, most overdue first) names its procedure. The due-date index (015) does not, so at a
 * million petitions SQLite chose the procedure's list index and sorted all its records by due
 * date for each page (seconds; bench/petitions.ts). This one holds the procedure, then the due
 * date in the queue's order.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('procedure_cases_procedure_due').on('procedure_cases').columns(['procedure', 'next_due', 'id']).execute();
}
