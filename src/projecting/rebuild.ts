// Rebuild by replay, built aside and swapped: the projections' tables are rebuilt under other names from
// the whole event log while the live tables keep serving, then swapped in one transaction at exactly the
// checkpoint the live runner has reached. The live runner (in this process or another) then simply carries
// on from that checkpoint; it notices the new generation and drops its cached rows.
//
// Several projections are rebuilt in one pass over the log. Secondary indexes are created after the
// tables are filled, which is much faster than maintaining them row by row.
import type Database from 'better-sqlite3';
import type { EventStore, StoredEvent } from '../event-store/event-store';
import type { ProjectionDefinition } from './projection';
import { layoutOf, readCatalog, registerProjection } from './projection-catalog';
import { ProjectionWriter } from './projection-writer';
import { createIndexSql, createTableSql } from './table-sql';

export interface RebuildProgress {
  /** The projection(s) being rebuilt, comma-separated. */
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
  return rebuildProjections(store, db, [definition], options);
}

/**
 * Rebuilds the given projections in one pass. They must share a live checkpoint (the live runner moves
 * all healthy projections together); a projection whose checkpoint differs is rebuilt in a pass of its own.
 */
export async function rebuildProjections(
  store: EventStore,
  db: Database.Database,
  definitions: ProjectionDefinition[],
  options: RebuildOptions = {},
): Promise<RebuildProgress> {
  for (const d of definitions) if (!readCatalog(db, d.name)) registerProjection(db, d);
  const checkpoint = (d: ProjectionDefinition) => readCatalog(db, d.name)!.position;
  const first = checkpoint(definitions[0]);
  const together = definitions.filter((d) => checkpoint(d) === first);
  const apart = definitions.filter((d) => checkpoint(d) !== first);
  let last = await rebuildPass(store, db, together, options);
  for (const d of apart) last = await rebuildPass(store, db, [d], options);
  return last;
}

async function rebuildPass(store: EventStore, db: Database.Database, definitions: ProjectionDefinition[], options: RebuildOptions): Promise<RebuildProgress> {
  const pageSize = options.pageSize ?? 5_000;
  const label = definitions.map((d) => d.name).join(', ');
  const asides = definitions.map((definition) => {
    const generation = readCatalog(db, definition.name)!.generation + 1;
    const physical = (table: string) => `${table}__g${generation}`;
    return { definition, generation, physical };
  });

  db.transaction(() => {
    for (const { definition, physical } of asides) {
      for (const table of definition.tables) {
        db.exec(`DROP TABLE IF EXISTS "${physical(table.name)}"`);
        db.exec(createTableSql(table, physical(table.name)));
      }
    }
  })();

  const writers = asides.map(({ definition, physical }) => new ProjectionWriter(db, definition, physical, 5_000));
  // Each event goes only to the writers of the projections that handle its type.
  const routes = new Map<string, ProjectionWriter[]>();
  const writersFor = (type: string): ProjectionWriter[] => {
    let route = routes.get(type);
    if (!route) routes.set(type, (route = writers.filter((w) => w.handles(type))));
    return route;
  };
  const started = Date.now();
  let position = -1;
  let events = 0;
  let pending: StoredEvent[] = [];
  let indexed = false;
  const liveCheckpoint = () => readCatalog(db, definitions[0].name)!.position;
  // Only the event types these projections handle are read (undefined: one of them wants every type).
  const eventTypes = definitions.some((d) => d.eventTypes === '*') ? undefined : [...new Set(definitions.flatMap((d) => d.eventTypes as readonly string[]))];
  const firstTarget = Math.max(liveCheckpoint(), 0);
  const pages = new LogPages(store, { eventTypes, withoutData: typesReadWithoutData(definitions), pageSize });

  const report = (target: number, done: boolean): RebuildProgress => {
    const seconds = (Date.now() - started) / 1000;
    const rate = seconds > 0 ? events / seconds : 0;
    const share = target > 0 ? Math.min(1, Math.max(0, position) / target) : 1;
    const eta = done ? 0 : share > 0 ? (seconds / share) * (1 - share) : null;
    const progress = { projection: label, events, position, target, eventsPerSecond: Math.round(rate), etaSeconds: eta, done };
    options.onProgress?.(progress);
    return progress;
  };

  const applyUpTo = (target: number) => {
    let n = 0;
    while (n < pending.length && pending[n].position <= target) n++;
    if (n === 0) return;
    const batch = pending.slice(0, n);
    pending = pending.slice(n);
    db.transaction(() => {
      for (const event of batch) for (const writer of writersFor(event.type)) writer.apply(event);
      for (const writer of writers) writer.flush();
    })();
    position = batch[batch.length - 1].position;
    events += batch.length;
  };

  const createIndexes = () => {
    db.transaction(() => {
      for (const { definition, physical, generation } of asides) {
        for (const table of definition.tables) {
          for (const sql of createIndexSql(table, physical(table.name), `g${generation}`)) db.exec(sql);
        }
      }
    })();
    indexed = true;
  };

  try {
    for (;;) {
      if (options.signal?.aborted) throw new Error(`rebuild of ${label} stopped`);
      const target = liveCheckpoint();
      if (pending.length === 0 && position < target) {
        pending = await pages.after(position);
      }
      applyUpTo(target);
      report(Math.max(target, firstTarget), false);
      const caughtUp = position >= target || (pending.length === 0 && (await caughtUpToLog(store, position, eventTypes)));
      if (caughtUp) {
        if (!indexed) {
          // Indexes are built once, on the filled tables; the few events that follow update them as usual.
          createIndexes();
          continue;
        }
        // Swap only if the live checkpoint has not moved since: checked inside the write transaction,
        // which holds off the live runner's next batch.
        const swapped = db
          .transaction(() => {
            if (definitions.some((d) => readCatalog(db, d.name)!.position !== target)) return false;
            for (const { definition, physical, generation } of asides) {
              for (const table of definition.tables) {
                db.exec(`DROP TABLE IF EXISTS "${table.name}"`);
                db.exec(`ALTER TABLE "${physical(table.name)}" RENAME TO "${table.name}"`);
              }
              db.prepare('UPDATE _projections SET version = ?, layout = ?, generation = ?, error = NULL WHERE name = ?').run(
                definition.version,
                layoutOf(definition),
                generation,
                definition.name,
              );
            }
            return true;
          })
          .immediate();
        if (swapped) {
          await pages.close();
          return report(target, true);
        }
      }
      // Yield so a live runner in this process can take its next batch.
      await new Promise((resolve) => setImmediate(resolve));
    }
  } catch (err) {
    await pages.close().catch(() => undefined);
    db.transaction(() => {
      for (const { definition, physical } of asides) {
        for (const table of definition.tables) db.exec(`DROP TABLE IF EXISTS "${physical(table.name)}"`);
      }
    })();
    throw err;
  }
}

/** The event types that every projection of the pass handling them reads without their data. */
export function typesReadWithoutData(definitions: ProjectionDefinition[]): string[] {
  const handles = (d: ProjectionDefinition, type: string) => d.eventTypes === '*' || d.eventTypes.includes(type);
  const candidates = new Set(definitions.flatMap((d) => d.ignoresDataOf ?? []));
  return [...candidates].filter((type) => definitions.every((d) => !handles(d, type) || (d.ignoresDataOf ?? []).includes(type)));
}

/**
 * The log after a position, page by page: first through the store's scan, which reads ahead while the
 * pages already read are applied, then (for the events appended since the scan reached the end) page by
 * page with readAll.
 */
class LogPages {
  private scan: AsyncIterableIterator<StoredEvent[]> | null = null;
  private scannedTo: number | null = null;
  private scanEnded = false;
  private readonly withoutData: ReadonlySet<string>;

  constructor(
    private readonly store: EventStore,
    private readonly options: { eventTypes: readonly string[] | undefined; withoutData: readonly string[]; pageSize: number },
  ) {
    this.withoutData = new Set(options.withoutData);
  }

  async after(position: number): Promise<StoredEvent[]> {
    if (!this.scanEnded && (this.scannedTo === null || this.scannedTo === position)) {
      this.scan ??= this.store.scanAll({ after: position, eventTypes: this.options.eventTypes, withoutData: this.options.withoutData, pageSize: this.options.pageSize });
      const step = await this.scan.next();
      if (!step.done) {
        this.scannedTo = step.value[step.value.length - 1].position;
        return step.value;
      }
    }
    await this.close();
    const page = await this.store.readAll({ after: position < 0 ? undefined : position, maxCount: this.options.pageSize, eventTypes: this.options.eventTypes });
    // The same events whichever way they were read.
    for (const event of page) if (this.withoutData.has(event.type)) event.data = null;
    return page;
  }

  async close(): Promise<void> {
    this.scanEnded = true;
    const scan = this.scan;
    this.scan = null;
    await scan?.return?.();
  }
}

/**
 * The live checkpoint can point past the last event a reader can see: a projection checkpointed at a
 * position whose event was later deleted, or (with a type filter) events of types nobody here handles.
 * When the log has nothing more for us after our position we are done.
 */
async function caughtUpToLog(store: EventStore, position: number, eventTypes: readonly string[] | undefined): Promise<boolean> {
  const next = await store.readAll({ after: position < 0 ? undefined : position, maxCount: 1, eventTypes });
  return next.length === 0;
}
