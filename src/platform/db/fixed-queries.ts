/**
 * Queries whose shape never changes, compiled by Kysely once instead of built and
 * compiled on every call. A case action runs several on every request, and building them
 * was about a tenth of its CPU. The query is built once with a marker standing for each
 * value (`slot(i)` for values[i]); every call then sends the compiled SQL with its own
 * values in the markers' places.
 */
import { CompiledQuery, type Compilable, type Kysely } from 'kysely';
import type { Database } from './schema.js';
import { DEFERRED } from './pg-pipeline.js';

// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL delimits the slot markers, so no real parameter value can look like one
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
  const c = compiledOnce(executor, key, build, '');
  return (
    await executor.executeQuery<R>(
      CompiledQuery.raw(
        c.sql,
        c.slots.map((i) => values[i]),
      ),
    )
  ).rows;
}

/**
 * A fixed-shape write whose result is not read, inside a transaction: on PostgreSQL it is
 * sent with the transaction's next statement (see pg-pipeline.ts), and an error in it is
 * that statement's error; SQLite runs it at once.
 */
export async function deferFixed(
  executor: Kysely<Database>,
  key: string,
  build: (slot: <T>(i: number) => T) => Compilable<unknown>,
  values: readonly unknown[],
): Promise<void> {
  const c = compiledOnce(executor, key, build, DEFERRED);
  await executor.executeQuery(
    CompiledQuery.raw(
      c.sql,
      c.slots.map((i) => values[i]),
    ),
  );
}

/** A write whose result is not read, as deferFixed, for a query of changing shape. */
export async function deferWrite(executor: Kysely<Database>, query: Compilable<unknown>): Promise<void> {
  const c = query.compile();
  await executor.executeQuery(CompiledQuery.raw(DEFERRED + c.sql, [...c.parameters]));
}

/**
 * Under test every call rebuilds its query and compares it with the cached one, so a key
 * that names two shapes (a wrong cache key) fails the test instead of running the wrong
 * statement. Off in production, where the build is the cost being saved.
 */
export const verifyFixedQueries = { enabled: !!process.env.VITEST || process.env.YIFA_VERIFY_FIXED_QUERIES === '1' };

function compileWithSlots(key: string, build: (slot: <T>(i: number) => T) => Compilable<unknown>, prefix: string) {
  const q = build(<T>(i: number) => `\u0000slot${i}\u0000` as T).compile();
  const slots = q.parameters.map((p) => {
    const m = typeof p === 'string' ? MARKER.exec(p) : null;
    if (!m) throw new Error(`fixed query ${key}: it binds a value that is not a slot`);
    return Number(m[1]);
  });
  return { sql: prefix + q.sql, slots };
}

function compiledOnce(executor: Kysely<Database>, key: string, build: (slot: <T>(i: number) => T) => Compilable<unknown>, prefix: string) {
  const dialect = executor.getExecutor().adapter.constructor;
  let compiled = byDialect.get(dialect);
  if (!compiled) {
    compiled = new Map();
    byDialect.set(dialect, compiled);
  }
  const name = prefix + key;
  const c = compiled.get(name);
  if (!c) {
    const fresh = compileWithSlots(key, build, prefix);
    compiled.set(name, fresh);
    return fresh;
  }
  if (verifyFixedQueries.enabled) {
    const rebuilt = compileWithSlots(key, build, prefix);
    if (rebuilt.sql !== c.sql || rebuilt.slots.join() !== c.slots.join()) {
      throw new Error(
        `fixed query ${key}: the cached statement differs from the one built now — the key must name every shape (cached: ${c.sql.slice(0, 200)}; now: ${rebuilt.sql.slice(0, 200)})`,
      );
    }
  }
  return c;
}
