// SQL for projection tables: DDL, row (de)serialisation and the prepared statements a reducer needs.
import type Database from 'better-sqlite3';
import type { ColumnType, Row, RowKey, TableDefinition } from './projection';

const identifier = /^[A-Za-z_][A-Za-z0-9_]*$/;
function quote(name: string): string {
  if (!identifier.test(name)) throw new Error(`invalid SQL identifier: ${name}`);
  return `"${name}"`;
}

const sqlType: Record<ColumnType, string> = {
  INTEGER: 'INTEGER',
  REAL: 'REAL',
  TEXT: 'TEXT',
  JSON: 'TEXT',
  BOOLEAN: 'INTEGER',
};

/** DDL for a table stored under `physicalName`. */
export function createTableSql(table: TableDefinition, physicalName: string): string {
  const columns = Object.entries(table.columns).map(([name, type]) => `${quote(name)} ${sqlType[type]}`);
  return `CREATE TABLE IF NOT EXISTS ${quote(physicalName)} (${columns.join(', ')}, PRIMARY KEY (${table.primaryKey.map(quote).join(', ')})) WITHOUT ROWID`;
}

/** DDL for a table's secondary indexes; index names carry `suffix` so a rebuild aside never collides. */
export function createIndexSql(table: TableDefinition, physicalName: string, suffix: string): string[] {
  return (table.indexes ?? []).map((cols, i) => {
    const parts = cols.map((c) => {
      const [name, dir] = c.split(' ');
      return dir ? `${quote(name)} ${dir.toUpperCase() === 'DESC' ? 'DESC' : 'ASC'}` : quote(name);
    });
    return `CREATE INDEX IF NOT EXISTS ${quote(`ix_${table.name}_${i}_${suffix}`)} ON ${quote(physicalName)} (${parts.join(', ')})`;
  });
}

export function encodeRow(table: TableDefinition, row: Row): unknown[] {
  return rowEncoder(table)(row);
}

/** A function that encodes rows of `table`, with the column list worked out once (rebuilds write millions). */
export function rowEncoder(table: TableDefinition): (row: Row) => unknown[] {
  const names = Object.keys(table.columns);
  const types = names.map((n) => table.columns[n]);
  return (row) => {
    const values = new Array<unknown>(names.length);
    for (let i = 0; i < names.length; i++) values[i] = encodeValue(types[i], row[names[i]]);
    return values;
  };
}

function encodeValue(type: ColumnType, value: unknown): unknown {
  if (value === undefined || value === null) return null;
  switch (type) {
    case 'JSON':
      return JSON.stringify(value);
    case 'BOOLEAN':
      return value ? 1 : 0;
    case 'INTEGER':
      return typeof value === 'boolean' ? (value ? 1 : 0) : value;
    default:
      return value;
  }
}

export function decodeRow(table: TableDefinition, raw: Record<string, unknown>): Row {
  const row: Row = {};
  for (const [name, type] of Object.entries(table.columns)) {
    const value = raw[name];
    if (value === null || value === undefined) row[name] = null;
    else if (type === 'JSON') row[name] = JSON.parse(value as string);
    else if (type === 'BOOLEAN') row[name] = value === 1;
    else row[name] = value;
  }
  return row;
}

export interface TableStatements {
  table: TableDefinition;
  get(key: RowKey): Row | null;
  put(row: Row): void;
  remove(key: RowKey): void;
}

export function prepareTable(db: Database.Database, table: TableDefinition, physicalName: string): TableStatements {
  const name = quote(physicalName);
  const columns = Object.keys(table.columns);
  const where = table.primaryKey.map((c) => `${quote(c)} = ?`).join(' AND ');
  const select = db.prepare(`SELECT * FROM ${name} WHERE ${where}`);
  const upsert = db.prepare(
    `INSERT OR REPLACE INTO ${name} (${columns.map(quote).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`,
  );
  const del = db.prepare(`DELETE FROM ${name} WHERE ${where}`);
  const encode = rowEncoder(table);
  return {
    table,
    get(key) {
      const raw = select.get(...(key as unknown[])) as Record<string, unknown> | undefined;
      return raw ? decodeRow(table, raw) : null;
    },
    put(row) {
      upsert.run(encode(row));
    },
    remove(key) {
      del.run(...(key as unknown[]));
    },
  };
}

export function keyOfRow(table: TableDefinition, row: Row): RowKey {
  return table.primaryKey.map((c) => row[c]);
}

/** A stable string for a key, for in-memory maps. */
export function keyString(key: RowKey): string {
  return key.length === 1 ? `${typeof key[0]}:${String(key[0])}` : JSON.stringify(key);
}
