// The catalog of projections in the read-model database: for each, its version, checkpoint (the global
// position of the last event applied), generation (bumped by every rebuild swap, so a runner in another
// process notices that the tables were replaced) and the table layout it was built with.
import type Database from 'better-sqlite3';
import type { ProjectionDefinition } from './projection';
import { createIndexSql, createTableSql } from './table-sql';

export interface CatalogEntry {
  name: string;
  version: number;
  position: number;
  generation: number;
  layout: string;
  error: string | null;
}

export function ensureCatalog(db: Database.Database): void {
  db.exec(`CREATE TABLE IF NOT EXISTS _projections (
    name TEXT PRIMARY KEY,
    version INTEGER NOT NULL,
    position INTEGER NOT NULL,
    generation INTEGER NOT NULL,
    layout TEXT NOT NULL,
    error TEXT
  )`);
}

export function layoutOf(definition: ProjectionDefinition): string {
  return JSON.stringify(definition.tables);
}

export function readCatalog(db: Database.Database, name: string): CatalogEntry | null {
  return (db.prepare('SELECT * FROM _projections WHERE name = ?').get(name) as CatalogEntry | undefined) ?? null;
}

export function readAllCatalog(db: Database.Database): CatalogEntry[] {
  return db.prepare('SELECT * FROM _projections ORDER BY name').all() as CatalogEntry[];
}

/** Creates the live tables of a projection never seen before, at checkpoint -1. */
export function registerProjection(db: Database.Database, definition: ProjectionDefinition): CatalogEntry {
  db.transaction(() => {
    for (const table of definition.tables) {
      db.exec(createTableSql(table, table.name));
      for (const sql of createIndexSql(table, table.name, 'g0')) db.exec(sql);
    }
    db.prepare('INSERT INTO _projections (name, version, position, generation, layout, error) VALUES (?, ?, -1, 0, ?, NULL)').run(
      definition.name,
      definition.version,
      layoutOf(definition),
    );
  })();
  return readCatalog(db, definition.name)!;
}

export function needsRebuild(entry: CatalogEntry, definition: ProjectionDefinition): boolean {
  return entry.version !== definition.version || entry.layout !== layoutOf(definition);
}

export function setCheckpoint(db: Database.Database, name: string, position: number): void {
  db.prepare('UPDATE _projections SET position = ? WHERE name = ?').run(position, name);
}

/** One statement for the projections a batch moved forward. */
export function setCheckpoints(db: Database.Database, names: string[], position: number): void {
  db.prepare('UPDATE _projections SET position = ? WHERE name IN (SELECT value FROM json_each(?))').run(position, JSON.stringify(names));
}

export function setError(db: Database.Database, name: string, error: string | null): void {
  db.prepare('UPDATE _projections SET error = ? WHERE name = ?').run(error, name);
}
