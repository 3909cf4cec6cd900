import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Migrator, sql, type Kysely } from 'kysely';
import { ENGINES, createTestDatabase, type TestDatabase } from '../helpers/engines.js';
import { INSERT_ONLY_TABLES } from '../../src/platform/db/migrations/001-foundation.js';
import { MIGRATIONS, migrate } from '../../src/app/root.js';
import type { Db } from '../../src/platform/db/database.js';
import type { Migrations } from '../../src/platform/module.js';
import { migrateToLatest } from '../../src/platform/db/migrate.js';
import { gramsOf, holdsText, searchRow, withGrams } from '../../src/modules/disclosure/search.js';
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

describe.each(ENGINES)('evidence of any procedure (migrations 017, 018) on %s', (engine) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(engine, { migrate: false });
  });
  afterAll(async () => t.drop());

  it("moves the penalty cases' file links into procedure_files, keeps the shares, and lets a share name a record of any procedure", async () => {
    await migrateAsReleased(t.db, '014-share-revocation');
    const db = t.db.kysely as AnyKysely;
    const at = '2026-01-05T02:00:00.000Z';
    await db
      .insertInto('regions')
      .values({ id: 'r1', parent_id: null, level: 'county', name: '秀山县', path: '/r1/', created_at: at })
      .execute();
    await db
      .insertInto('agencies')
      .values({
        id: 'a1',
        region_id: 'r1',
        name: '某局',
        kind: 'statutory',
        legal_basis: '—',
        powers: '[]',
        doc_prefix: '某',
        created_at: at,
      })
      .execute();
    await db
      .insertInto('penalty_cases')
      .values({
        id: 'c1',
        agency_id: 'a1',
        region_path: '/r1/',
        procedure: 'general',
        status: 'investigating',
        suspended: 0,
        field: '综合行政执法',
        party_name: '王某',
        party_kind: 'citizen',
        officer_ids: ',',
        search_text: '',
        registered_on: '2026-01-05',
        fine_fen: 0,
        major: 0,
        heard: 0,
        created_by: 'u1',
        updated_at: at,
        action_count: 3,
        state: '{}',
      })
      .execute();
    const sha = 'a'.repeat(64);
    await db.insertInto('penalty_case_files').values({ sha256: sha, case_id: 'c1', seq: 2 }).execute();
    const share = {
      id: 's1',
      token_hash: 'b'.repeat(64),
      case_id: 'c1',
      seq: 2,
      sha256: sha,
      region_path: '/r1/',
      recipient: '秀山县人民法院',
      purpose: '举证',
      expires_at: '2026-01-12T02:00:00.000Z',
      created_by: 'u1',
      created_at: at,
      revoked_at: null,
      revoked_by: null,
    };
    await db.insertInto('evidence_shares').values(share).execute();

    expect(await migrate(t.db)).toEqual(expect.arrayContaining(['017-procedure-files', '018-evidence-of-any-procedure']));
    expect(await db.selectFrom('procedure_files').selectAll().execute()).toEqual([
      { sha256: sha, subject_type: 'penalty-case', subject_id: 'c1', seq: 2 },
    ]);
    expect((await db.introspection.getTables()).map((x) => x.name)).not.toContain('penalty_case_files');
    expect(await db.selectFrom('evidence_shares').selectAll().execute()).toEqual([share]);
    // A share names a record of the common table (any procedure's), and nothing else.
    await db
      .insertInto('procedure_cases')
      .values({
        id: 'q1',
        procedure: 'information-request',
        agency_id: 'a1',
        region_path: '/r1/',
        created_by: 'u1',
        status: 'received',
        title: '某申请',
        opened_on: '2026-01-05',
        updated_at: at,
        search_text: '',
        action_count: 1,
      })
      .execute();
    await db
      .insertInto('evidence_shares')
      .values({ ...share, id: 's2', token_hash: 'c'.repeat(64), case_id: 'q1' })
      .execute();
    await expect(
      db
        .insertInto('evidence_shares')
        .values({ ...share, id: 's3', token_hash: 'd'.repeat(64), case_id: 'nobody' })
        .execute(),
    ).rejects.toThrow(/foreign key/i);
  });
});

describe.each(ENGINES)('publications keyed by decision (migration 047) on %s', (engine) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await createTestDatabase(engine, { migrate: false });
  });
  afterAll(async () => t.drop());

  const facts = (o: Record<string, unknown> = {}) => ({
    rule: 'penalty.disclosure',
    number: '妙泉罚决字〔2026〕第1号',
    party: { kind: 'natural', name: '王小明', idNumber: null, phone: null, address: null, representative: null, minor: false },
    violationType: '林区野外用火',
    penalty: '警告',
    basis: '《森林防火条例》第五十条',
    agencyId: 'a1',
    agencyName: '妙泉镇人民政府',
    decidedOn: '2026-04-01',
    withdrawnBecause: null,
    ...o,
  });
  const row = (id: string, f: Record<string, unknown>) => {
    const r = {
      id,
      subject_type: 'penalty-case',
      subject_id: 'c1',
      agency_id: 'a1',
      region_path: '/r1/',
      status: 'released',
      rule: 'penalty.disclosure',
      decided_on: '2026-04-01',
      due_on: '2026-04-13',
      facts: JSON.stringify(f),
      party_kind: 'natural',
      violation_type: '林区野外用火',
      redactions: '[]',
      released_on: '2026-04-02',
      withdrawal_due: null,
      withdrawn_on: null,
      withdrawal_kind: null,
      withdrawal_reason: null,
    };
    return { ...r, ...searchRow(r) };
  };
  const found = async (q: string) =>
    (
      await withGrams(t.db.kysely.selectFrom('publications'), engine, gramsOf(q)!)
        .select('publications.id')
        .where(holdsText(q))
        .orderBy('id')
        .execute()
    ).map((r) => r.id);

  it('gives the rows there are the key `decision`, keeps them searchable, and allows one row per key of a record', async () => {
    const before = Object.fromEntries(Object.entries(MIGRATIONS).filter(([name]) => name < '047-publication-keys'));
    await migrateToLatest(t.db, before);
    const db = t.db.kysely as AnyKysely;
    await db.insertInto('publications').values(row('p1', facts())).execute();
    expect(await found('王某')).toEqual(['p1']);

    expect(await migrate(t.db)).toContain('047-publication-keys');
    const p1 = await db.selectFrom('publications').selectAll().where('id', '=', 'p1').executeTakeFirstOrThrow();
    expect(p1.key).toBe('decision');
    expect(JSON.parse(p1.facts)).toMatchObject({ key: 'decision', category: 'penalty', number: '妙泉罚决字〔2026〕第1号' });
    expect(await found('王某')).toEqual(['p1']);

    // A second decision of the same record, under its own key, is indexed as the first.
    const seizure = facts({ key: 'coercive-measure:4', category: 'coercive-measure', penalty: '查封、扣押：汽油 1 桶' });
    await db
      .insertInto('publications')
      .values({ ...row('p2', seizure), key: 'coercive-measure:4' })
      .execute();
    expect(await found('王某')).toEqual(['p1', 'p2']);
    expect(await found('汽油')).toEqual(['p2']);
    await expect(
      db
        .insertInto('publications')
        .values({ ...row('p3', seizure), key: 'coercive-measure:4' })
        .execute(),
    ).rejects.toThrow(/unique|duplicate/i);
  });
});
