import { sql, type Kysely } from 'kysely';
import type { Engine } from '../../../platform/db/database.js';

/**
 * Evidence of any procedure's records. The penalty cases' links to their files
 * (penalty_case_files, migration 006) move into the kit's procedure_files (migration 017),
 * the one table that says which record holds which file, and the old table goes: two
 * tables for one fact would drift, and nothing reads it now. A share names a record of any
 * procedure: its case_id now references the common table (procedure_cases), which every
 * penalty case has a row in, instead of penalty_cases.
 */
export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  await sql`insert into procedure_files (sha256, subject_type, subject_id, seq)
    select sha256, 'penalty-case', case_id, seq from penalty_case_files`.execute(db);
  await db.schema.dropTable('penalty_case_files').execute();

  if (engine === 'postgres') {
    await sql`alter table evidence_shares drop constraint evidence_shares_case_id_fkey`.execute(db);
    await sql`alter table evidence_shares add constraint evidence_shares_case_id_fkey foreign key (case_id) references procedure_cases (id)`.execute(
      db,
    );
    return;
  }
  // SQLite changes a foreign key only by rebuilding the table.
  await db.schema
    .createTable('evidence_shares_rebuilt')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('case_id', 'text', (c) => c.notNull().references('procedure_cases.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('region_path', 'text', (c) => c.notNull())
    .addColumn('recipient', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .addColumn('revoked_by', 'text')
    .execute();
  await sql`insert into evidence_shares_rebuilt select id, token_hash, case_id, seq, sha256, region_path, recipient, purpose, expires_at, created_by, created_at, revoked_at, revoked_by from evidence_shares`.execute(
    db,
  );
  await db.schema.dropTable('evidence_shares').execute();
  await db.schema.alterTable('evidence_shares_rebuilt').renameTo('evidence_shares').execute();
}
