import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { ENGINES, createTestDatabase, type TestDatabase } from '../helpers/engines.js';
import { INSERT_ONLY_TABLES } from '../../src/platform/db/migrations/001-foundation.js';

describe.each(ENGINES)('schema on %s', (engine) => {
  let t: TestDatabase;
  beforeAll(async () => { t = await createTestDatabase(engine); });
  afterAll(async () => t.drop());

  it('creates the journal and refuses UPDATE and DELETE on insert-only tables', async () => {
    await t.db.kysely.insertInto('actions').values({
      seq: 0, id: 'a0', type: 'test', actor_user_id: null, actor_role: null, actor_agency_id: null,
      subject_type: null, subject_id: null, region_path: null, occurred_at: 'x', received_at: 'x',
      idempotency_key: null, payload: '{}', result: null, leaf_hash: 'ab', nodes: '',
    }).execute();
    await expect(sql`update actions set type = 'changed'`.execute(t.db.kysely)).rejects.toThrow(/insert-only/);
    await expect(sql`delete from actions`.execute(t.db.kysely)).rejects.toThrow(/insert-only/);
    if (engine === 'postgres') await expect(sql`truncate actions`.execute(t.db.kysely)).rejects.toThrow(/insert-only/);
    const rows = await t.db.kysely.selectFrom('actions').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.type).toBe('test');
    expect(INSERT_ONLY_TABLES).toContain('actions');
  });
});
