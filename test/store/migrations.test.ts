import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Migrator, sql, type Kysely } from 'kysely';
import { ENGINES, createTestDatabase, type TestDatabase } from '../helpers/engines.js';
import { INSERT_ONLY_TABLES } from '../../src/platform/db/migrations/001-foundation.js';
import { MIGRATIONS, migrate } from '../../src/app/root.js';
import type { Db } from '../../src/platform/db/database.js';
import type { Migrations } from '../../src/platform/module.js';
import * as m001 from '../../src/platform/db/migrations/001-foundation.js';
import * as m002 from '../../src/modules/enforcement/migrations/002-penalty-cases.js';
import * as m003 from '../../src/modules/enforcement/migrations/003-case-search.js';
import * as m004 from '../../src/modules/evidence/migrations/004-uploads.js';
import * as m005 from '../../src/modules/enforcement/migrations/005-recording-coverage.js';
import * as m006 from '../../src/modules/evidence/migrations/006-evidence-retention.js';
import * as m007 from '../../src/modules/enforcement/migrations/007-overdue-order.js';
import * as m008 from '../../src/modules/evidence/migrations/008-evidence-shares.js';
import * as m009 from '../../src/platform/db/migrations/009-journal-append.js';
import * as m010 from '../../src/platform/db/migrations/010-journal-append-exact.js';
import * as m011 from '../../src/modules/enforcement/migrations/011-projection-state-hash.js';
import * as m012 from '../../src/platform/db/migrations/012-witness.js';
import * as m013 from '../../src/modules/org/migrations/013-login-throttle.js';
import * as m014 from '../../src/modules/evidence/migrations/014-share-revocation.js';

/** The migrations as released before modules declared their own, when one list in src/platform/db/migrate.ts named them. */
const RELEASED: Migrations = {
  '001-foundation': m001,
  '002-penalty-cases': m002,
  '003-case-search': m003,
  '004-uploads': m004,
  '005-recording-coverage': m005,
  '006-evidence-retention': m006,
  '007-overdue-order': m007,
  '008-evidence-shares': m008,
  '009-journal-append': m009,
  '010-journal-append-exact': m010,
  '011-projection-state-hash': m011,
  '012-witness': m012,
  '013-login-throttle': m013,
  '014-share-revocation': m014,
};

// biome-ignore lint/suspicious/noExplicitAny: migrations take Kysely<any> (typed against no particular schema)
type AnyKysely = Kysely<any>;

/** Migrates as a release that knew only the released migrations up to `last` did. */
async function migrateAsReleased(db: Db, last: string): Promise<void> {
  const released = Object.entries(RELEASED).filter(([name]) => name <= last);
  const provider = {
    getMigrations: async () => Object.fromEntries(released.map(([name, m]) => [name, { up: (k: AnyKysely) => m.up(k, db.engine) }])),
  };
  const { error } = await new Migrator({ db: db.kysely, provider }).migrateToLatest();
  if (error) throw error;
}

describe.each(ENGINES)('schema on %s', (engine) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(engine);
  });
  afterAll(async () => t.drop());

  it('creates the journal and refuses UPDATE and DELETE on insert-only tables', async () => {
    await t.db.kysely
      .insertInto('actions')
      .values({
        seq: 0,
        id: 'a0',
        type: 'test',
        actor_user_id: null,
        actor_role: null,
        actor_agency_id: null,
        subject_type: null,
        subject_id: null,
        region_path: null,
        occurred_at: 'x',
        received_at: 'x',
        idempotency_key: null,
        payload: '{}',
        result: null,
        leaf_hash: 'ab',
        nodes: '',
      })
      .execute();
    await expect(sql`update actions set type = 'changed'`.execute(t.db.kysely)).rejects.toThrow(/insert-only/);
    await expect(sql`delete from actions`.execute(t.db.kysely)).rejects.toThrow(/insert-only/);
    if (engine === 'postgres') await expect(sql`truncate actions`.execute(t.db.kysely)).rejects.toThrow(/insert-only/);
    const rows = await t.db.kysely.selectFrom('actions').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.type).toBe('test');
    expect(INSERT_ONLY_TABLES).toContain('actions');
  });
});

describe.each(ENGINES)('migration 013 (login throttling) on %s', (engine) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(engine, { migrate: false });
  });
  afterAll(async () => t.drop());

  const row = <O extends string>(id: string, outcome: O) => ({
    id,
    username: 'old.user',
    user_id: null,
    outcome,
    ip: '192.0.2.1',
    user_agent: 'test',
    at: '2026-01-01T00:00:00.000Z',
  });

  it('keeps the old rows, accepts the new outcomes, still refuses unknown ones and stays insert-only', async () => {
    await migrateAsReleased(t.db, '012-witness');
    await t.db.kysely
      .insertInto('login_log')
      .values([row('old-1', 'bad-password'), row('old-2', 'locked')] as never)
      .execute();
    expect((await migrate(t.db))[0]).toBe('013-login-throttle');

    const kept = await t.db.kysely.selectFrom('login_log').selectAll().orderBy('id').execute();
    expect(kept.map((r) => [r.id, r.outcome, r.ip, r.address_key])).toEqual([
      ['old-1', 'bad-password', '192.0.2.1', null],
      ['old-2', 'locked', '192.0.2.1', null],
    ]);
    for (const outcome of ['throttled', 'bad-old-password', 'password-change-throttled', 'password-changed'] as const) {
      await t.db.kysely
        .insertInto('login_log')
        .values({ ...row(`new-${outcome}`, outcome), address_key: '192.0.2.1' })
        .execute();
    }
    await expect(
      t.db.kysely
        .insertInto('login_log')
        .values(row('bad', 'hacked') as never)
        .execute(),
    ).rejects.toThrow(/check/i);
    await expect(sql`update login_log set outcome = 'success'`.execute(t.db.kysely)).rejects.toThrow(/insert-only/);
    await expect(sql`delete from login_log`.execute(t.db.kysely)).rejects.toThrow(/insert-only/);
    if (engine === 'postgres') await expect(sql`truncate login_log`.execute(t.db.kysely)).rejects.toThrow(/insert-only/);
    expect(
      await t.db.kysely
        .selectFrom('login_log')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow(),
    ).toEqual({ n: 6 });
  });
});

describe.each(ENGINES)('a database the released migrations made, on %s', (engine) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(engine, { migrate: false });
  });
  afterAll(async () => t.drop());

  it('applies only what came after it, and misses nothing, now that each module lists its own', async () => {
    await migrateAsReleased(t.db, '014-share-revocation');
    expect(await migrate(t.db)).toEqual(Object.keys(MIGRATIONS).slice(Object.keys(RELEASED).length));
    const recorded = await t.db.kysely
      .selectFrom('kysely_migration' as never)
      .select('name' as never)
      .orderBy('name' as never)
      .execute();
    expect(recorded.map((r) => (r as { name: string }).name)).toEqual(Object.keys(MIGRATIONS));
    expect(Object.keys(MIGRATIONS).slice(0, Object.keys(RELEASED).length)).toEqual(Object.keys(RELEASED));
  });
});
