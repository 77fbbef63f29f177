// Sorting and keyset pagination as mox does them (reference 3.8): rows ordered by (Field, ID), ascending
// or descending (Asc false, Go's zero value, is descending); the next page starts strictly after the
// last row seen, given as LastID and Last (that row's Field value as an RFC 3339 string); Max 0 means no
// limit.
import type Database from 'better-sqlite3';
import { userError } from '../api/api-error';
import { storedTime } from './times';
import { column, type SqlPart, type Where } from './where';

export interface ListSort {
  Field?: string;
  LastID?: number;
  Last?: string | null;
  Asc?: boolean;
}

export interface ListingTable {
  table: string;
  /** The tie-breaking id column. */
  id: string;
  /** Sort field names as the API spells them, each mapped to its column (a stored RFC 3339 time). */
  sortFields: Record<string, string>;
  /** Used when Sort.Field is empty. */
  defaultField: string;
}

export interface ListQuery {
  where: Where;
  sort?: ListSort | null;
  /** 0 or absent: no limit. */
  max?: number | null;
}

/** The keyset condition and ORDER BY for a sort; `user` errors for an unknown field or a bad Last. */
export function orderAndKeyset(spec: ListingTable, sort: ListSort | null | undefined): { order: string; keyset: SqlPart | null } {
  const field = sort?.Field || spec.defaultField;
  if (!Object.hasOwn(spec.sortFields, field)) {
    throw userError(`Sort.Field: unknown field "${field}"; use ${Object.keys(spec.sortFields).join(' or ')}`);
  }
  const col = column(spec.sortFields[field]);
  const id = column(spec.id);
  const asc = sort?.Asc === true;
  const order = asc ? `${col} ASC, ${id} ASC` : `${col} DESC, ${id} DESC`;
  const lastId = sort?.LastID ?? 0;
  if (lastId === 0) return { order, keyset: null };
  if (sort?.Last === undefined || sort.Last === null || sort.Last === '') {
    throw userError('Sort.Last: required with Sort.LastID, as the last row\'s value of the sort field');
  }
  const last = storedTime(sort.Last);
  if (last === null) throw userError(`Sort.Last: "${sort.Last}" is not an RFC 3339 time such as 2025-03-14T09:26:54.016Z`);
  // A row value, (Field, ID) > (Last, LastID): the same rows as "Field > Last OR (Field = Last AND ID >
  // LastID)", written so SQLite starts an index range there instead of stepping over the rows before it.
  const cmp = asc ? '>' : '<';
  return { order, keyset: { sql: `(${col}, ${id}) ${cmp} (?, ?)`, params: [last, lastId] } };
}

/** The SELECT for one page. */
export function listSql(spec: ListingTable, query: ListQuery, columns = '*'): SqlPart {
  const { order, keyset } = orderAndKeyset(spec, query.sort);
  if (keyset) query.where.raw(keyset.sql, ...keyset.params);
  const where = query.where.build();
  const max = query.max ?? 0;
  if (!Number.isSafeInteger(max) || max < 0) throw userError(`Max: ${max} must be 0 (no limit) or a positive number`);
  const sql = `SELECT ${columns} FROM ${column(spec.table)}${where.sql ? ` WHERE ${where.sql}` : ''} ORDER BY ${order}${max > 0 ? ' LIMIT +?' : ''}`;
  return { sql, params: max > 0 ? [...where.params, max] : where.params };
}

/** Runs the page query and returns the raw rows. */
export function listRows(db: Database.Database, spec: ListingTable, query: ListQuery): Record<string, unknown>[] {
  const { sql, params } = listSql(spec, query);
  return db.prepare(sql).all(...params) as Record<string, unknown>[];
}
