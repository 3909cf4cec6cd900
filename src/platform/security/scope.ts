/**
 * Data scopes (数据权限) on the region tree. Every read and write of a scoped record
 * goes through these two functions: `scopeFilter` for SQL and `inScope` for one
 * record in hand. Both fail closed: an unknown scope kind matches nothing.
 *
 *   all      全部         everything
 *   subtree  本级及下级   the user's region and every region below it
 *   level    本级         the user's region only (a town, not its villages)
 *   self     仅本人       records the user created, and the user's own person record
 */
import { sql, type Expression, type SqlBool } from 'kysely';
import type { DataScope } from '../db/schema.js';

export const DATA_SCOPES = {
  all: '全部数据',
  subtree: '本级及下级',
  level: '本级',
  self: '仅本人',
} as const satisfies Record<DataScope, string>;

export interface Scope {
  readonly kind: DataScope;
  /** Materialized path of the user's region, e.g. `/c1/t7/` */
  readonly regionPath: string;
  readonly userId: string;
  readonly personId: string | null;
}

/** What a scoped record exposes to the scope check. */
export interface ScopedRecord {
  regionPath: string;
  createdBy?: string | null;
  personId?: string | null;
}

export function inScope(scope: Scope, rec: ScopedRecord): boolean {
  switch (scope.kind) {
    case 'all':
      return true;
    case 'subtree':
      return rec.regionPath.startsWith(scope.regionPath);
    case 'level':
      return rec.regionPath === scope.regionPath;
    case 'self':
      return (rec.createdBy != null && rec.createdBy === scope.userId) || (rec.personId != null && rec.personId === scope.personId);
    default:
      return false;
  }
}

/** Column names of a scoped table, as the query sees them. */
export interface ScopeColumns {
  path: string;
  createdBy?: string;
  personId?: string;
}

/** A WHERE condition that keeps only rows in scope. */
export function scopeFilter(scope: Scope, cols: ScopeColumns): Expression<SqlBool> {
  const ref = (c: string) => sql.ref(c);
  switch (scope.kind) {
    case 'all':
      return sql<SqlBool>`1 = 1`;
    case 'subtree':
      // A path prefix match; the escape keeps LIKE wildcards in ids from widening it.
      return sql<SqlBool>`${ref(cols.path)} like ${escapeLike(scope.regionPath) + '%'} escape '!'`;
    case 'level':
      return sql<SqlBool>`${ref(cols.path)} = ${scope.regionPath}`;
    case 'self': {
      const parts: Expression<SqlBool>[] = [];
      if (cols.createdBy) parts.push(sql<SqlBool>`${ref(cols.createdBy)} = ${scope.userId}`);
      if (cols.personId && scope.personId) parts.push(sql<SqlBool>`${ref(cols.personId)} = ${scope.personId}`);
      return parts.length ? sql<SqlBool>`(${sql.join(parts, sql` or `)})` : sql<SqlBool>`1 = 0`;
    }
    default:
      return sql<SqlBool>`1 = 0`;
  }
}

function escapeLike(s: string): string {
  return s.replace(/[!%_]/g, (c) => `!${c}`);
}
