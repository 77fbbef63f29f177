// The live projection runner: one catch-up subscription feeds every projection; each batch is applied
// and checkpointed in one SQLite transaction, so a crash never leaves a read model ahead of or behind its
// checkpoint. Callers can wait until the read models have caught up with a position they appended at
// (read-your-writes for the API).
import type Database from 'better-sqlite3';
import type { EventStore, StoredEvent, Subscription } from '../event-store/event-store';
import type { ProjectionDefinition } from './projection';
import { ensureCatalog, needsRebuild, readAllCatalog, readCatalog, registerProjection, setCheckpoints, setError } from './projection-catalog';
import { ProjectionWriter } from './projection-writer';
import { rebuildProjections, type RebuildProgress } from './rebuild';

export interface ProjectionStatus {
  name: string;
  version: number;
  position: number;
  generation: number;
  error: string | null;
  rebuilding: RebuildProgress | null;
}

export interface RunnerHooks {
  onBatch?: (info: { events: number; position: number; durationMs: number }) => void;
  onError?: (projection: string, event: StoredEvent, error: unknown) => void;
}

interface LiveProjection {
  definition: ProjectionDefinition;
  writer: ProjectionWriter;
  position: number;
  generation: number;
  error: string | null;
}

interface Waiter {
  position: number;
  names: string[] | null;
  resolve: () => void;
  reject: (err: Error) => void;
  timer: NodeJS.Timeout;
}

export class ProjectionRunner {
  private readonly live = new Map<string, LiveProjection>();
  private readonly rebuilding = new Map<string, RebuildProgress>();
  private subscription: Subscription | null = null;
  private waiters: Waiter[] = [];
  private lastSeen = -1;
  private readonly appliedListeners = new Set<(events: StoredEvent[] | 'swapped') => void>();

  constructor(
    private readonly store: EventStore,
    private readonly db: Database.Database,
    private readonly definitions: ProjectionDefinition[],
    private readonly hooks: RunnerHooks = {},
  ) {
    const names = new Set<string>();
    for (const d of definitions) {
      if (names.has(d.name)) throw new Error(`two projections are named ${d.name}`);
      names.add(d.name);
    }
  }

  /** Registers new projections, rebuilds those whose version or tables changed, then subscribes. */
  async start(onRebuildProgress?: (p: RebuildProgress) => void): Promise<void> {
    ensureCatalog(this.db);
    for (const definition of this.definitions) {
      const entry = readCatalog(this.db, definition.name) ?? registerProjection(this.db, definition);
      // A projection stopped by a failing event gets another chance at every start (the code may be fixed).
      if (entry.error !== null) setError(this.db, definition.name, null);
      if (needsRebuild(entry, definition)) {
        await rebuildProjections(this.store, this.db, [definition], { onProgress: onRebuildProgress });
      }
      const current = readCatalog(this.db, definition.name)!;
      this.live.set(definition.name, {
        definition,
        writer: new ProjectionWriter(this.db, definition, (t) => t),
        position: current.position,
        generation: current.generation,
        error: current.error,
      });
    }
    const from = Math.min(...[...this.live.values()].map((p) => p.position));
    this.lastSeen = from;
    this.subscription = this.store.subscribeToAll((events) => this.applyBatch(events), {
      after: from < 0 ? undefined : from,
      maxBatch: 2_000,
    });
    this.subscription.done.catch((err) => this.failAll(err instanceof Error ? err : new Error(String(err))));
  }

  async stop(): Promise<void> {
    await this.subscription?.stop();
    this.subscription = null;
    this.failAll(new Error('projections stopped'));
  }

  /** Resolves when the named projections (all by default) have applied every event up to `position`. */
  waitFor(position: number, options: { names?: string[]; timeoutMs?: number } = {}): Promise<void> {
    const names = options.names ?? null;
    const problem = this.blocker(position, names);
    if (problem === null) return Promise.resolve();
    if (problem instanceof Error) return Promise.reject(problem);
    return new Promise<void>((resolve, reject) => {
      const timeoutMs = options.timeoutMs ?? 30_000;
      const waiter: Waiter = {
        position,
        names,
        resolve,
        reject,
        timer: setTimeout(() => {
          this.waiters = this.waiters.filter((w) => w !== waiter);
          reject(new Error(`read models did not reach position ${position} within ${timeoutMs} ms`));
        }, timeoutMs),
      };
      waiter.timer.unref?.();
      this.waiters.push(waiter);
    });
  }

  status(): ProjectionStatus[] {
    return readAllCatalog(this.db)
      .filter((e) => this.definitions.some((d) => d.name === e.name))
      .map((e) => ({
        name: e.name,
        version: e.version,
        position: this.live.get(e.name)?.position ?? e.position,
        generation: e.generation,
        error: this.live.get(e.name)?.error ?? e.error,
        rebuilding: this.rebuilding.get(e.name) ?? null,
      }));
  }

  /** Each running projection's checkpoint as this runner holds it, without reading the catalog (for metrics at every batch). */
  positions(): { name: string; position: number }[] {
    return [...this.live.values()].map((p) => ({ name: p.definition.name, position: p.position }));
  }

  /**
   * Called after each batch is committed with its events, or with 'swapped' when a projection's tables were
   * replaced by a rebuild: for caches of read-model data (the configuration view). Returns an unsubscribe.
   */
  onApplied(listener: (events: StoredEvent[] | 'swapped') => void): () => void {
    this.appliedListeners.add(listener);
    return () => this.appliedListeners.delete(listener);
  }

  private notifyApplied(events: StoredEvent[] | 'swapped'): void {
    for (const listener of this.appliedListeners) {
      try {
        listener(events);
      } catch {
        // a cache must never break the runner
      }
    }
  }

  /** Position of the last event this runner has seen (applied or skipped). */
  get position(): number {
    return this.lastSeen;
  }

  /** Rebuilds projections (all when no names are given) aside while this runner keeps serving, then swaps. */
  async rebuild(names: string[] = [], onProgress?: (p: RebuildProgress) => void): Promise<RebuildProgress> {
    const definitions = names.length === 0 ? this.definitions : names.map((name) => {
      const definition = this.definitions.find((d) => d.name === name);
      if (!definition) throw new Error(`no projection named ${name}`);
      return definition;
    });
    const busy = definitions.find((d) => this.rebuilding.has(d.name));
    if (busy) throw new Error(`projection ${busy.name} is already being rebuilt`);
    const initial: RebuildProgress = { projection: definitions.map((d) => d.name).join(', '), events: 0, position: -1, target: 0, eventsPerSecond: 0, etaSeconds: null, done: false };
    for (const d of definitions) this.rebuilding.set(d.name, initial);
    try {
      return await rebuildProjections(this.store, this.db, definitions, {
        onProgress: (p) => {
          for (const d of definitions) this.rebuilding.set(d.name, p);
          onProgress?.(p);
        },
      });
    } finally {
      for (const d of definitions) this.rebuilding.delete(d.name);
    }
  }

  private applyBatch(events: StoredEvent[]): void {
    if (events.length === 0) return;
    const started = performance.now();
    const last = events[events.length - 1].position;
    this.applyTx(events, last);
    for (const projection of this.live.values()) {
      if (projection.error === null && projection.position < last) projection.position = last;
    }
    this.lastSeen = last;
    this.notifyApplied(events);
    this.hooks.onBatch?.({ events: events.length, position: last, durationMs: performance.now() - started });
    this.settleWaiters();
  }

  // Made once (better-sqlite3 prepares BEGIN/COMMIT for each transaction function it makes).
  private readonly applyTx = (events: StoredEvent[], last: number): void => this.applyTxFn(events, last);
  private readonly applyTxFn = (() => {
    const body = (events: StoredEvent[], last: number) => {
      this.noticeSwaps();
      const advanced: string[] = [];
      for (const projection of this.live.values()) {
        if (projection.error !== null || projection.position >= last) continue;
        if (!events.some((e) => e.position > projection.position && projection.writer.handles(e.type))) {
          // Nothing here for it: only its checkpoint moves.
          advanced.push(projection.definition.name);
          continue;
        }
        try {
          // A nested transaction is a savepoint: one failing projection rolls back alone.
          this.savepoint(projection, events);
          advanced.push(projection.definition.name);
        } catch (err) {
          projection.writer.discard();
          this.stopProjection(projection, events, err);
        }
      }
      if (advanced.length > 0) setCheckpoints(this.db, advanced, last);
    };
    let tx: ((events: StoredEvent[], last: number) => void) | null = null;
    return (events: StoredEvent[], last: number) => {
      tx ??= this.db.transaction(body).immediate;
      tx(events, last);
    };
  })();

  private savepointTx: ((projection: LiveProjection, events: StoredEvent[]) => void) | null = null;
  private savepoint(projection: LiveProjection, events: StoredEvent[]): void {
    this.savepointTx ??= this.db.transaction((p: LiveProjection, batch: StoredEvent[]) => {
      for (const event of batch) {
        if (event.position > p.position) p.writer.apply(event);
      }
      p.writer.flush();
    });
    this.savepointTx(projection, events);
  }

  /**
   * The catalog is the truth about what a projection has applied. Another process may have applied
   * batches (a CLI command running a runner on the same files) or swapped in rebuilt tables: then our
   * cached rows are stale, and events up to its checkpoint must not be applied twice.
   */
  private noticeSwaps(): void {
    for (const entry of readAllCatalog(this.db)) {
      const projection = this.live.get(entry.name);
      if (!projection) continue;
      if (projection.generation === entry.generation && projection.position === entry.position) continue;
      const swapped = projection.generation !== entry.generation;
      projection.writer.discard();
      projection.generation = entry.generation;
      projection.position = entry.position;
      projection.error = entry.error;
      if (swapped) this.notifyApplied('swapped');
    }
  }

  private stopProjection(projection: LiveProjection, events: StoredEvent[], err: unknown): void {
    const failing = events.find((e) => e.position > projection.position) ?? events[0];
    const message = `stopped at position ${failing.position} (${failing.type} in ${failing.streamId}): ${err instanceof Error ? err.message : String(err)}`;
    projection.error = message;
    setError(this.db, projection.definition.name, message);
    this.hooks.onError?.(projection.definition.name, failing, err);
  }

  private blocker(position: number, names: string[] | null): Error | true | null {
    for (const projection of this.live.values()) {
      if (names && !names.includes(projection.definition.name)) continue;
      if (projection.error !== null) return new Error(`projection ${projection.definition.name} is ${projection.error}`);
      if (projection.position < position) return true;
    }
    if (this.live.size === 0) return new Error('projections are not running');
    return null;
  }

  private settleWaiters(): void {
    this.waiters = this.waiters.filter((w) => {
      const problem = this.blocker(w.position, w.names);
      if (problem === true) return true;
      clearTimeout(w.timer);
      if (problem === null) w.resolve();
      else w.reject(problem);
      return false;
    });
  }

  private failAll(err: Error): void {
    for (const w of this.waiters) {
      clearTimeout(w.timer);
      w.reject(err);
    }
    this.waiters = [];
  }
}
