// What a projection is: tables plus pure reducers. A reducer names the rows an event touches and folds
// the event into each row (`evolve(row | null, event) -> row | null`, null deleting it). Reducers never
// read the clock or do I/O, so replaying the same events always gives the same tables; that is what makes
// a rebuild safe and lets a test compare a rebuilt read model with the live one.
import type { StoredEvent } from '../event-store/event-store';

/** JSON columns hold objects/arrays as JSON text; BOOLEAN columns hold 0/1 and read back as booleans. */
export type ColumnType = 'INTEGER' | 'REAL' | 'TEXT' | 'JSON' | 'BOOLEAN';

export interface TableDefinition {
  name: string;
  columns: Record<string, ColumnType>;
  primaryKey: string[];
  /** Secondary indexes, each a list of columns (append ` DESC` to a column for descending order). */
  indexes?: string[][];
}

export type Row = Record<string, unknown>;
/** Primary key values in the table's primaryKey order. */
export type RowKey = readonly unknown[];

export interface Reducer<E extends StoredEvent = StoredEvent> {
  table: string;
  /** The rows this event touches (none: empty list). */
  keysOf(event: E): RowKey[];
  evolve(row: Row | null, event: E, key: RowKey): Row | null;
}

export interface ProjectionDefinition {
  name: string;
  /** Bump when reducers or tables change: the projection is rebuilt from the event log. */
  version: number;
  tables: TableDefinition[];
  /** Event types any reducer reacts to (`'*'`: every type); other events only advance the checkpoint. */
  eventTypes: readonly string[] | '*';
  reducers: Reducer<any>[];
  /**
   * Event types whose data no reducer reads (they use only the stream, position and metadata): a rebuild
   * reads them without it, which spares transferring and parsing large payloads such as content chunks.
   */
  ignoresDataOf?: readonly string[];
}

export function defineProjection(definition: ProjectionDefinition): ProjectionDefinition {
  const tableNames = new Set(definition.tables.map((t) => t.name));
  for (const reducer of definition.reducers) {
    if (!tableNames.has(reducer.table)) {
      throw new Error(`projection ${definition.name}: reducer writes unknown table ${reducer.table}`);
    }
  }
  for (const table of definition.tables) {
    for (const column of table.primaryKey) {
      if (!(column in table.columns)) throw new Error(`projection ${definition.name}: table ${table.name} has no key column ${column}`);
    }
  }
  return definition;
}
