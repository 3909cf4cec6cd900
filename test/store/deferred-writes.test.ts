/**
 * Deferred writes and held BEGIN (platform/db/pg-pipeline.ts) on both engines: a deferred
 * write is seen by the next statement of its transaction, its error is that statement's
 * error and nothing of the transaction stays, a rollback drops what was held, and a
 * statement not yet prepared on a connection still runs. On PostgreSQL the round trips
 * are counted from the server's own statistics.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { ENGINES, createTestDatabase, type TestDatabase } from '../helpers/engines.js';
import { deferFixed, deferWrite, runFixed } from '../../src/platform/db/fixed-queries.js';
import { THEN_COMMIT } from '../../src/platform/db/pg-pipeline.js';

const now = '2026-11-25T00:00:00.000Z';
const region = (id: string, name: string) => ({
  id,
  parent_id: null,
  level: 'county' as const,
  name,
  code: null,
  path: `/${id}/`,
  created_at: now,
});

describe.each(ENGINES)('deferred writes on %s', (engine) => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createTestDatabase(engine);
    t.db.prepareStatements();
  });
  afterEach(async () => t.drop());

  const names = async () => (await t.db.kysely.selectFrom('regions').select('name').orderBy('id').execute()).map((r) => r.name);

  it('are seen by the next statement and committed with the transaction', async () => {
    const k = t.db.kysely;
    const seen = await k.transaction().execute(async (trx) => {
      await deferWrite(trx, trx.insertInto('regions').values(region('r1', '甲县')));
      await deferFixed(
        trx,
        'test-rename',
        (slot) =>
          trx
            .updateTable('regions')
            .set({ name: slot<string>(0) })
            .where('id', '=', slot<string>(1)),
        ['乙县', 'r1'],
      );
      return runFixed(trx, 'test-read', (slot) => trx.selectFrom('regions').select('name').where('id', '=', slot<string>(0)), ['r1']);
    });
    expect(seen).toEqual([{ name: '乙县' }]);
    expect(await names()).toEqual(['乙县']);
  });

  it('refuse a key that names two shapes (under test every call rebuilds its query and compares)', async () => {
    const k = t.db.kysely;
    await k.insertInto('regions').values(region('r1', '甲县')).execute();
    const byId = (slot: <T>(i: number) => T) => k.selectFrom('regions').select('name').where('id', '=', slot<string>(0));
    const byName = (slot: <T>(i: number) => T) => k.selectFrom('regions').select('name').where('name', '=', slot<string>(0));
    expect(await runFixed(k, `test-shape-${engine}`, byId, ['r1'])).toEqual([{ name: '甲县' }]);
    await expect(runFixed(k, `test-shape-${engine}`, byName, ['甲县'])).rejects.toThrow(/the key must name every shape/);
  });

  it('fail the statement they went with, and the transaction leaves nothing', async () => {
    const k = t.db.kysely;
    await k.insertInto('regions').values(region('r1', '甲县')).execute();
    const attempt = k.transaction().execute(async (trx) => {
      await deferWrite(trx, trx.insertInto('regions').values(region('r2', '丙县')));
      await deferWrite(trx, trx.insertInto('regions').values(region('r1', '重复'))); // primary key taken
      await sql`select 1`.execute(trx);
    });
    await expect(attempt).rejects.toThrow(/unique|UNIQUE|duplicate/i);
    expect(await names()).toEqual(['甲县']);
    // The connection is clean afterwards: the next transaction works.
    await k.transaction().execute(async (trx) => deferWrite(trx, trx.insertInto('regions').values(region('r3', '丁县'))));
    expect(await names()).toEqual(['甲县', '丁县']);
  });

  it('fail the commit when nothing came after them', async () => {
    const k = t.db.kysely;
    await k.insertInto('regions').values(region('r1', '甲县')).execute();
    const attempt = k.transaction().execute(async (trx) => {
      await deferWrite(trx, trx.updateTable('regions').set({ name: '乙县' }).where('id', '=', 'r1'));
      await deferWrite(trx, trx.insertInto('regions').values(region('r1', '重复')));
    });
    await expect(attempt).rejects.toThrow(/unique|UNIQUE|duplicate/i);
    expect(await names()).toEqual(['甲县']);
  });

  it('are dropped when the transaction rolls back', async () => {
    const k = t.db.kysely;
    const attempt = k.transaction().execute(async (trx) => {
      await deferWrite(trx, trx.insertInto('regions').values(region('r1', '甲县')));
      throw new Error('退回');
    });
    await expect(attempt).rejects.toThrow('退回');
    expect(await names()).toEqual([]);
    await k.transaction().execute(async () => {}); // an empty transaction
    expect(await names()).toEqual([]);
  });
});

describe('deferred writes on postgres', () => {
  let t: TestDatabase;
  beforeEach(async () => {
    t = await createTestDatabase('postgres');
    t.db.prepareStatements();
  });
  afterEach(async () => t.drop());

  it('go with the next statement in one round trip, BEGIN with the first', async () => {
    const k = t.db.kysely;
    await k.insertInto('regions').values(region('r1', '甲县')).execute();
    const rename = (trx: typeof k, name: string) =>
      deferFixed(
        trx,
        'test-rename',
        (slot) =>
          trx
            .updateTable('regions')
            .set({ name: slot<string>(0) })
            .where('id', '=', slot<string>(1)),
        [name, 'r1'],
      );
    const read = (trx: typeof k) =>
      runFixed(trx, 'test-read', (slot) => trx.selectFrom('regions').select('name').where('id', '=', slot<string>(0)), ['r1']);
    // The first time on a connection each statement is prepared on its own; then they travel together.
    await k.transaction().execute(async (trx) => {
      await read(trx);
      await rename(trx, '乙县');
      await read(trx);
    });
    // A round trip is one flush of the socket: one _write or _writev (pg corks a statement's messages).
    const { Socket } = await import('node:net');
    const proto = Socket.prototype as unknown as Record<'_write' | '_writev', (...a: unknown[]) => unknown>;
    const original = { _write: proto._write, _writev: proto._writev };
    let flushes = 0;
    for (const m of ['_write', '_writev'] as const) {
      proto[m] = function (this: unknown, ...args: unknown[]) {
        flushes++;
        return original[m].apply(this, args);
      };
    }
    const roundTrips: number[] = [];
    try {
      const seen = await k.transaction().execute(async (trx) => {
        flushes = 0;
        const first = await read(trx); // with BEGIN
        roundTrips.push(flushes);
        await rename(trx, '丙县');
        await rename(trx, '丁县');
        const second = await read(trx); // with both renames
        roundTrips.push(flushes);
        return [first, second];
      });
      roundTrips.push(flushes); // and COMMIT
      expect(seen).toEqual([[{ name: '乙县' }], [{ name: '丁县' }]]);
      expect(roundTrips).toEqual([1, 2, 3]);
    } finally {
      Object.assign(proto, original);
    }
    expect((await k.selectFrom('regions').select('name').execute()).map((r) => r.name)).toEqual(['丁县']);
  });

  it('send COMMIT with a last statement marked THEN_COMMIT; if it fails, nothing stays', async () => {
    const k = t.db.kysely;
    // Counted on a connection of its own, which sees only what was committed.
    const count = async () => {
      const pg = (await import('pg')).default;
      const c = new pg.Client({ connectionString: t.databaseUrl });
      await c.connect();
      try {
        return Number((await c.query('select count(*)::int as n from regions')).rows[0].n);
      } finally {
        await c.end();
      }
    };
    const answer = await k.transaction().execute(async (trx) => {
      await deferWrite(trx, trx.insertInto('regions').values(region('r1', '甲县')));
      return (await sql.raw<{ n: number }>(`${THEN_COMMIT}select count(*)::int as n from regions`).execute(trx)).rows;
    });
    expect(answer).toEqual([{ n: 1 }]);
    expect(await count()).toBe(1);
    const failing = k.transaction().execute(async (trx) => {
      await deferWrite(trx, trx.insertInto('regions').values(region('r2', '乙县')));
      await sql.raw(`${THEN_COMMIT}select 1 / (select count(*) - 2 from regions)`).execute(trx); // division by zero
    });
    await expect(failing).rejects.toThrow(/division by zero/);
    expect(await count()).toBe(1);
    // The connection is usable afterwards.
    await k.transaction().execute(async (trx) => deferWrite(trx, trx.insertInto('regions').values(region('r3', '丙县'))));
    expect(await count()).toBe(2);
  });
});
