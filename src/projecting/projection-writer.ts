// Applies events to one projection's tables through a row cache: a batch touches each row in memory and
// writes it once at flush, so a message's whole lifecycle in one batch costs one write, and a rebuild
// keeps recently used rows around between batches. Callers run apply+flush inside one SQLite
// transaction together with the checkpoint.
import type Database from 'better-sqlite3';
import type { StoredEvent } from '../event-store/event-store';
import type { ProjectionDefinition, Reducer, Row, RowKey } from './projection';
import { keyString, prepareTable, type TableStatements } from './table-sql';

interface CachedRow {
  key: RowKey;
  row: Row | null;
  dirty: boolean;
}

export class ProjectionWriter {
  private readonly tables = new Map<string, TableStatements>();
  private readonly cache = new Map<string, Map<string, CachedRow>>();
  /** The rows changed since the last flush, per table: a flush need not look at the whole cache. */
  private readonly changed = new Map<string, CachedRow[]>();
  private readonly handledTypes: ReadonlySet<string> | null;
  private cachedRows = 0;

  constructor(
    db: Database.Database,
    readonly definition: ProjectionDefinition,
    physicalName: (table: string) => string,
    private readonly maxCachedRows = 20_000,
  ) {
    for (const table of definition.tables) {
      this.tables.set(table.name, prepareTable(db, table, physicalName(table.name)));
      this.cache.set(table.name, new Map());
      this.changed.set(table.name, []);
    }
    this.handledTypes = definition.eventTypes === '*' ? null : new Set(definition.eventTypes);
  }

  handles(type: string): boolean {
    return this.handledTypes === null || this.handledTypes.has(type);
  }

  apply(event: StoredEvent): void {
    if (!this.handles(event.type)) return;
    for (const reducer of this.definition.reducers as Reducer[]) {
      for (const key of reducer.keysOf(event)) {
        const entry = this.load(reducer.table, key);
        entry.row = reducer.evolve(entry.row, event, key);
        if (!entry.dirty) {
          entry.dirty = true;
          this.changed.get(reducer.table)!.push(entry);
        }
      }
    }
  }

  /** Writes every changed row. Must run inside the caller's transaction. */
  flush(): void {
    for (const [tableName, entries] of this.changed) {
      const table = this.tables.get(tableName)!;
      for (const entry of entries) {
        if (entry.row === null) table.remove(entry.key);
        else table.put(entry.row);
        entry.dirty = false;
      }
      entries.length = 0;
    }
    this.trim();
  }

  /** Forgets everything cached: after a failed transaction or when the tables were swapped underneath. */
  discard(): void {
    for (const rows of this.cache.values()) rows.clear();
    for (const entries of this.changed.values()) entries.length = 0;
    this.cachedRows = 0;
  }

  private load(tableName: string, key: RowKey): CachedRow {
    const rows = this.cache.get(tableName)!;
    const k = keyString(key);
    let entry = rows.get(k);
    if (entry) {
      // refresh recency: Map keeps insertion order, trim() evicts from the front
      rows.delete(k);
      rows.set(k, entry);
      return entry;
    }
    entry = { key, row: this.tables.get(tableName)!.get(key), dirty: false };
    rows.set(k, entry);
    this.cachedRows++;
    return entry;
  }

  private trim(): void {
    if (this.cachedRows <= this.maxCachedRows) return;
    for (const rows of this.cache.values()) {
      for (const [k, entry] of rows) {
        if (this.cachedRows <= this.maxCachedRows / 2) return;
        if (entry.dirty) continue;
        rows.delete(k);
        this.cachedRows--;
      }
    }
  }
}
