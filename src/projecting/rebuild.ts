// Rebuild by replay, built aside and swapped: the projection's tables are rebuilt under other names from
// the whole event log while the live tables keep serving, then swapped in one transaction at exactly the
// checkpoint the live runner has reached. The live runner (in this process or another) then simply carries
// on from that checkpoint; it notices the new generation and drops its cached rows.
import type Database from 'better-sqlite3';
import type { EventStore } from '../event-store/event-store';
import type { ProjectionDefinition } from './projection';
import { layoutOf, readCatalog, registerProjection } from './projection-catalog';
import { ProjectionWriter } from './projection-writer';
import { createTableSql } from './table-sql';

export interface RebuildProgress {
  projection: string;
  events: number;
  position: number;
  /** The position the rebuild is heading for; it moves while the live runner goes on. */
  target: number;
  eventsPerSecond: number;
  /** Estimated seconds left, from the share of the position range still to go. */
  etaSeconds: number | null;
  done: boolean;
}

export interface RebuildOptions {
  pageSize?: number;
  onProgress?: (progress: RebuildProgress) => void;
  /** Stop early (the swap does not happen). */
  signal?: AbortSignal;
}

export async function rebuildProjection(
  store: EventStore,
  db: Database.Database,
  definition: ProjectionDefinition,
  options: RebuildOptions = {},
): Promise<RebuildProgress> {
  const pageSize = options.pageSize ?? 5_000;
  const entry = readCatalog(db, definition.name) ?? registerProjection(db, definition);
  const generation = entry.generation + 1;
  const aside = (table: string) => `${table}__g${generation}`;

  db.transaction(() => {
    for (const table of definition.tables) {
      db.exec(`DROP TABLE IF EXISTS "${aside(table.name)}"`);
      for (const sql of createTableSql(table, aside(table.name), `g${generation}`)) db.exec(sql);
    }
  })();

  const writer = new ProjectionWriter(db, definition, aside, 100_000);
  const started = Date.now();
  let position = -1;
  let events = 0;
  let pending: Awaited<ReturnType<EventStore['readAll']>> = [];
  const liveCheckpoint = () => readCatalog(db, definition.name)!.position;
  const firstTarget = Math.max(liveCheckpoint(), 0);

  const report = (target: number, done: boolean): RebuildProgress => {
    const seconds = (Date.now() - started) / 1000;
    const rate = seconds > 0 ? events / seconds : 0;
    const share = target > 0 ? Math.min(1, Math.max(0, position) / target) : 1;
    const eta = share > 0 && !done ? (seconds / share) * (1 - share) : done ? 0 : null;
    const progress = { projection: definition.name, events, position, target, eventsPerSecond: Math.round(rate), etaSeconds: eta, done };
    options.onProgress?.(progress);
    return progress;
  };

  const applyUpTo = (target: number) => {
    const batch = pending.filter((e) => e.position <= target);
    pending = pending.slice(batch.length);
    if (batch.length === 0) return;
    db.transaction(() => {
      for (const event of batch) writer.apply(event);
      writer.flush();
    })();
    position = batch[batch.length - 1].position;
    events += batch.length;
  };

  try {
    for (;;) {
      if (options.signal?.aborted) throw new Error(`rebuild of ${definition.name} stopped`);
      const target = liveCheckpoint();
      if (pending.length === 0 && position < target) {
        pending = await store.readAll({ after: position < 0 ? undefined : position, maxCount: pageSize });
      }
      applyUpTo(target);
      report(Math.max(target, firstTarget), false);
      if (position >= target || (pending.length === 0 && position < target && (await caughtUpToLog(store, position)))) {
        // Swap only if the live checkpoint has not moved since: checked inside the write transaction,
        // which holds off the live runner's next batch.
        const swapped = db.transaction(() => {
          const now = readCatalog(db, definition.name)!;
          if (now.position !== target) return false;
          for (const table of definition.tables) {
            db.exec(`DROP TABLE IF EXISTS "${table.name}"`);
            db.exec(`ALTER TABLE "${aside(table.name)}" RENAME TO "${table.name}"`);
          }
          db.prepare('UPDATE _projections SET version = ?, layout = ?, generation = ?, error = NULL WHERE name = ?').run(
            definition.version,
            layoutOf(definition),
            generation,
            definition.name,
          );
          return true;
        }).immediate();
        if (swapped) return report(target, true);
      }
      // Yield so a live runner in this process can take its next batch.
      await new Promise((resolve) => setImmediate(resolve));
    }
  } catch (err) {
    db.transaction(() => {
      for (const table of definition.tables) db.exec(`DROP TABLE IF EXISTS "${aside(table.name)}"`);
    })();
    throw err;
  }
}

/**
 * The live checkpoint can point past the last event a reader can see (a projection checkpointed at a
 * position whose event was later deleted). When the log has nothing after our position we are done.
 */
async function caughtUpToLog(store: EventStore, position: number): Promise<boolean> {
  const next = await store.readAll({ after: position < 0 ? undefined : position, maxCount: 1 });
  return next.length === 0;
}
