import { sql, type Kysely } from 'kysely';
import type { Engine } from '../database.js';

/** Tables whose rows are never updated or deleted: the database refuses it on both engines. */
export const INSERT_ONLY_TABLES = ['actions', 'checkpoints', 'login_log'] as const;

export async function up(db: Kysely<any>, engine: Engine): Promise<void> {
  const bigint = engine === 'postgres' ? 'bigint' : 'integer';

  await db.schema
    .createTable('regions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('parent_id', 'text', (c) => c.references('regions.id'))
    .addColumn('level', 'text', (c) => c.notNull().check(sql`level in ('county','town','village')`))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('code', 'text')
    .addColumn('path', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('agencies')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('region_id', 'text', (c) => c.notNull().references('regions.id'))
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('statutory','entrusted','township')`))
    .addColumn('legal_basis', 'text', (c) => c.notNull())
    .addColumn('powers', 'text', (c) => c.notNull())
    .addColumn('doc_prefix', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('offices')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('offices_agency_name', ['agency_id', 'name'])
    .execute();

  await db.schema
    .createTable('people')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('agency_id', 'text', (c) => c.notNull().references('agencies.id'))
    .addColumn('office_id', 'text', (c) => c.references('offices.id'))
    .addColumn('region_id', 'text', (c) => c.notNull().references('regions.id'))
    .addColumn('region_path', 'text', (c) => c.notNull())
    .addColumn('post', 'text', (c) => c.notNull())
    .addColumn('id_number', 'text')
    .addColumn('phone', 'text')
    .addColumn('legal_qualification_no', 'text')
    .addColumn('active', 'integer', (c) => c.notNull().check(sql`active in (0,1)`))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('people_region_path').on('people').columns(['region_path', 'name', 'id']).execute();
  await db.schema.createIndex('people_agency').on('people').column('agency_id').execute();

  await db.schema
    .createTable('certificates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
    .addColumn('number', 'text', (c) => c.notNull().unique())
    .addColumn('field', 'text', (c) => c.notNull())
    .addColumn('area', 'text', (c) => c.notNull())
    .addColumn('issued_on', 'text', (c) => c.notNull())
    .addColumn('expires_on', 'text', (c) => c.notNull())
    .addColumn('annual_review', 'text', (c) => c.notNull().check(sql`annual_review in ('passed','pending','failed')`))
    .addColumn('annual_review_year', 'integer')
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('valid','suspended','revoked')`))
    .addColumn('region_path', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('certificates_dates', sql`expires_on > issued_on`)
    .execute();
  await db.schema.createIndex('certificates_person').on('certificates').column('person_id').execute();
  await db.schema.createIndex('certificates_expiry').on('certificates').columns(['state', 'expires_on']).execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('person_id', 'text', (c) => c.references('people.id'))
    .addColumn('agency_id', 'text', (c) => c.references('agencies.id'))
    .addColumn('region_id', 'text', (c) => c.notNull().references('regions.id'))
    .addColumn('region_path', 'text', (c) => c.notNull())
    .addColumn('data_scope', 'text', (c) => c.notNull().check(sql`data_scope in ('all','subtree','level','self')`))
    .addColumn('active', 'integer', (c) => c.notNull().check(sql`active in (0,1)`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('password_changed_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('user_roles')
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('user_roles_pk', ['user_id', 'role'])
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('ip', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('login_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('username', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text')
    .addColumn('outcome', 'text', (c) =>
      c.notNull().check(sql`outcome in ('success','bad-password','unknown-user','locked','inactive','logout')`),
    )
    .addColumn('ip', 'text', (c) => c.notNull())
    .addColumn('user_agent', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('login_log_username_at').on('login_log').columns(['username', 'at']).execute();
  await db.schema.createIndex('login_log_at').on('login_log').column('at').execute();

  await db.schema
    .createTable('holidays')
    .addColumn('date', 'text', (c) => c.primaryKey())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('rest','workday')`))
    .addColumn('name', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('holidays_year').on('holidays').column('year').execute();

  await db.schema
    .createTable('holiday_years')
    .addColumn('year', 'integer', (c) => c.primaryKey())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('actions')
    .addColumn('seq', bigint, (c) => c.primaryKey().check(sql`seq >= 0`))
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'text')
    .addColumn('actor_role', 'text')
    .addColumn('actor_agency_id', 'text')
    .addColumn('subject_type', 'text')
    .addColumn('subject_id', 'text')
    .addColumn('region_path', 'text')
    .addColumn('occurred_at', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('idempotency_key', 'text')
    .addColumn('payload', 'text', (c) => c.notNull())
    .addColumn('result', 'text')
    .addColumn('leaf_hash', 'text', (c) => c.notNull())
    // Roots (hex, comma-separated, level 1 first) of the perfect Merkle subtrees this
    // leaf completes: stored here so an append is one insert. Derived data, not in the leaf.
    .addColumn('nodes', 'text', (c) => c.notNull())
    .addUniqueConstraint('actions_idempotency', ['actor_user_id', 'idempotency_key'])
    .execute();
  await db.schema.createIndex('actions_subject').on('actions').columns(['subject_type', 'subject_id', 'seq']).execute();

  await db.schema
    .createTable('checkpoints')
    .addColumn('size', bigint, (c) => c.primaryKey())
    .addColumn('root_hash', 'text', (c) => c.notNull())
    .addColumn('timestamp', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('signature', 'text', (c) => c.notNull())
    .addColumn('key_id', 'text', (c) => c.notNull())
    .execute();

  for (const table of INSERT_ONLY_TABLES) await refuseUpdateAndDelete(db, engine, table);
  if (engine === 'postgres') await createJournalNextSeq(db);
}

/**
 * PostgreSQL: one round trip that takes the journal's append lock (until the end of the
 * transaction) and then reads the next position. Inside a function the SELECT runs
 * after the lock is held, with a snapshot taken then, so it sees every earlier append.
 */
async function createJournalNextSeq(db: Kysely<any>): Promise<void> {
  await sql`CREATE FUNCTION yifa_journal_next_seq() RETURNS bigint LANGUAGE plpgsql VOLATILE AS $$
    BEGIN
      PERFORM pg_advisory_xact_lock(7424601);
      RETURN (SELECT coalesce(max(seq) + 1, 0) FROM actions);
    END $$`.execute(db);
}

/** The database itself refuses UPDATE and DELETE (and TRUNCATE on PostgreSQL) on a table. */
export async function refuseUpdateAndDelete(db: Kysely<any>, engine: Engine, table: string): Promise<void> {
  const t = sql.id(table);
  if (engine === 'sqlite') {
    for (const op of ['UPDATE', 'DELETE'] as const) {
      const name = sql.id(`${table}_refuse_${op.toLowerCase()}`);
      await sql`CREATE TRIGGER ${name} BEFORE ${sql.raw(op)} ON ${t}
        BEGIN SELECT RAISE(ABORT, ${sql.lit(`${table} is insert-only: ${op} refused`)}); END`.execute(db);
    }
    return;
  }
  await sql`CREATE OR REPLACE FUNCTION yifa_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION '% is insert-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'insufficient_privilege'; END $$`.execute(db);
  await sql`CREATE TRIGGER ${sql.id(`${table}_refuse_change`)} BEFORE UPDATE OR DELETE ON ${t}
    FOR EACH ROW EXECUTE FUNCTION yifa_refuse_change()`.execute(db);
  await sql`CREATE TRIGGER ${sql.id(`${table}_refuse_truncate`)} BEFORE TRUNCATE ON ${t}
    FOR EACH STATEMENT EXECUTE FUNCTION yifa_refuse_change()`.execute(db);
}
