/**
 * Keyset pagination: every list answers {items, next} and takes ?limit (≤ 200) and
 * ?cursor. The cursor is the last row's sort key, opaque to clients (base64url JSON).
 */
import { sql, type Expression, type SqlBool } from 'kysely';
import { z } from 'zod';
import { DomainError } from '../errors.js';

export const MAX_LIMIT = 200;

export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(MAX_LIMIT).default(50),
  cursor: z.string().max(500).optional(),
};

export interface Page<T> {
  items: T[];
  next: string | null;
}

export function encodeCursor(key: readonly (string | number)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

export function decodeCursor(cursor: string | undefined, arity: number): (string | number)[] | undefined {
  if (!cursor) return undefined;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.length === arity && key.every((k) => typeof k === 'string' || typeof k === 'number')) return key;
  } catch {
    /* fall through */
  }
  throw new DomainError('INVALID_INPUT', '分页游标无效，请从第一页重新查询');
}

/** Given limit+1 rows, the page and the cursor for the next one. */
export function pageOf<R, T>(rows: R[], limit: number, keyOf: (r: R) => (string | number)[], map: (r: R) => T): Page<T> {
  const more = rows.length > limit;
  const items = more ? rows.slice(0, limit) : rows;
  const last = items[items.length - 1];
  return { items: items.map(map), next: more && last ? encodeCursor(keyOf(last)) : null };
}

/**
 * The keyset condition "rows after the cursor": a row-value comparison, which SQLite
 * and PostgreSQL both evaluate (and use the matching index for).
 */
export function keysetAfter(
  columns: readonly string[],
  key: readonly (string | number)[],
  direction: 'asc' | 'desc' = 'asc',
): Expression<SqlBool> {
  const op = sql.raw(direction === 'asc' ? '>' : '<');
  return sql<SqlBool>`(${sql.join(columns.map((c) => sql.ref(c)))}) ${op} (${sql.join(key.map((k) => sql`${k}`))})`;
}
