/** Queries compiled once: each call binds its own values; a value that is not a slot is refused when compiled. */
import { describe, expect, it } from 'vitest';
import { Kysely, SqliteDialect, sql } from 'kysely';
import SQLite from 'better-sqlite3';
import { runFixed, verifyFixedQueries } from '../../src/platform/db/fixed-queries.js';
import type { Database } from '../../src/platform/db/schema.js';

describe('fixed queries', () => {
  it('compiles once and binds each call its own values, in the order of the slots', async () => {
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: new SQLite(':memory:') }) });
    await sql`create table regions (id text primary key, parent_id text, level text, name text, code text, path text, created_at text)`.execute(
      db,
    );
    await sql`insert into regions values ('a', null, 'town', '妙泉镇', null, '/a/', 'x'), ('b', null, 'town', '清溪场镇', null, '/b/', 'x')`.execute(
      db,
    );
    let builds = 0;
    const byName = (name: string, id: string) =>
      runFixed(
        db,
        'test-regions',
        (slot) => {
          builds++;
          // Slots used out of order: values[1] first, then values[0].
          return db.selectFrom('regions').select(['id', 'name']).where('id', '=', slot<string>(1)).where('name', '=', slot<string>(0));
        },
        [name, id],
      );
    // Compiled once in production; under test every call also rebuilds it to compare (see verifyFixedQueries).
    verifyFixedQueries.enabled = false;
    try {
      expect(await byName('妙泉镇', 'a')).toEqual([{ id: 'a', name: '妙泉镇' }]);
      expect(await byName('清溪场镇', 'b')).toEqual([{ id: 'b', name: '清溪场镇' }]);
      expect(await byName('妙泉镇', 'b')).toEqual([]);
      expect(builds).toBe(1);
    } finally {
      verifyFixedQueries.enabled = true;
    }
    await expect(
      runFixed(
        db,
        'test-literal',
        (slot) => db.selectFrom('regions').select('id').where('id', '=', slot<string>(0)).where('level', '=', 'town'),
        ['a'],
      ),
    ).rejects.toThrow(/not a slot/);
    await db.destroy();
  });
});
