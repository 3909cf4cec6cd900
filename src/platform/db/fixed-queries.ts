/**
 * Queries whose shape never changes, compiled by Kysely once instead of built and
 * compiled on every call. A case action runs several on every request, and building them
 * was about a tenth of its CPU. The query is built once with a marker standing for each
 * value (`slot(i)` for values[i]); every call then sends the compiled SQL with its own
 * values in the markers' places.
 */
import { CompiledQuery, type Compilable, type Kysely } from 'kysely';
import type { Database } from './schema.js';

const MARKER = /^\u0000slot(\d+)\u0000$/;
/** By dialect (its adapter's class): SQLite and PostgreSQL compile the same query apart. */
const byDialect = new WeakMap<object, Map<string, { sql: string; slots: number[] }>>();

/**
 * Runs the query named `key` (name every shape apart: list length, lock …).
 * `build` receives `slot` and must use a slot for every value it binds.
 */
export async function runFixed<R>(
  executor: Kysely<Database>,
  key: string,
  build: (slot: <T>(i: number) => T) => Compilable<R>,
  values: readonly unknown[],
): Promise<R[]> {
  const dialect = executor.getExecutor().adapter.constructor;
  let compiled = byDialect.get(dialect);
  if (!compiled) byDialect.set(dialect, (compiled = new Map()));
  let c = compiled.get(key);
  if (!c) {
    const q = build(<T>(i: number) => `\u0000slot${i}\u0000` as T).compile();
    const slots = q.parameters.map((p) => {
      const m = typeof p === 'string' ? MARKER.exec(p) : null;
      if (!m) throw new Error(`fixed query ${key}: it binds a value that is not a slot`);
      return Number(m[1]);
    });
    c = { sql: q.sql, slots };
    compiled.set(key, c);
  }
  const slots = c.slots;
  return (await executor.executeQuery<R>(CompiledQuery.raw(c.sql, slots.map((i) => values[i])))).rows;
}
