// The WHERE clause of a listing, built from mox's filter fields (reference 3.8): only non-empty values
// apply, and they combine with AND. Column names come from the caller's code, never from a request;
// values always travel as parameters.
import { parseTimeFilter } from './times';

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function column(name: string): string {
  if (!IDENTIFIER.test(name)) throw new Error(`invalid column name: ${name}`);
  return `"${name}"`;
}

export interface SqlPart {
  sql: string;
  params: unknown[];
}

export class Where {
  private readonly parts: SqlPart[] = [];

  /** A condition written by the caller, with `?` placeholders. */
  raw(sql: string, ...params: unknown[]): this {
    this.parts.push({ sql, params });
    return this;
  }

  /** column = value, when value is not undefined/null (an empty string does apply: e.g. Transport ""). */
  equals(name: string, value: unknown): this {
    if (value === undefined || value === null) return this;
    return this.raw(`${column(name)} = ?`, typeof value === 'boolean' ? (value ? 1 : 0) : value);
  }

  /** column = value, when value is a non-empty string (mox applies Account only when set). */
  equalsNonEmpty(name: string, value: string | undefined | null): this {
    return value ? this.equals(name, value) : this;
  }

  /** column IN (ids), when the list is not empty. */
  inList(name: string, values: readonly unknown[] | undefined | null): this {
    if (!values || values.length === 0) return this;
    return this.raw(`${column(name)} IN (SELECT value FROM json_each(?))`, JSON.stringify(values));
  }

  /**
   * Case-sensitive substring of any of the columns (mox matches From and To with strings.Contains; when
   * both are given a row matches if either does). Pairs with an empty needle are left out.
   */
  containsAny(pairs: readonly [name: string, needle: string | undefined | null][]): this {
    const live = pairs.filter(([, needle]) => needle);
    if (live.length === 0) return this;
    const sql = live.map(([name]) => `instr(${column(name)}, ?) > 0`).join(' OR ');
    return this.raw(`(${sql})`, ...live.map(([, needle]) => needle));
  }

  /** A mox time filter ("<now", ">-1h") on a column holding stored RFC 3339 times. */
  time(field: string, name: string, filter: string | undefined | null, now: Date): this {
    const condition = parseTimeFilter(field, filter, now);
    if (!condition) return this;
    return this.raw(`${column(name)} ${condition.op} ?`, condition.at);
  }

  build(): SqlPart {
    if (this.parts.length === 0) return { sql: '', params: [] };
    return { sql: this.parts.map((p) => `(${p.sql})`).join(' AND '), params: this.parts.flatMap((p) => p.params) };
  }
}
