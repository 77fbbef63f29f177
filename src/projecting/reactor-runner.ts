// Reactors turn facts into further facts with side effects: a final delivery outcome becomes a queued
// webhook, a suppression and a DSN mail. Each reactor follows the log from its own checkpoint (kept beside
// the read models), waits until the read models have caught up with the event it handles, and retries a
// failing event with backoff instead of skipping it, so nothing is lost. Delivery is at least once: after
// a crash an event may be handled again, so handlers make their appends idempotent (expected revision
// no_stream, or event ids derived from the cause).
import type Database from 'better-sqlite3';
import type { EventStore, StoredEvent, Subscription } from '../event-store/event-store';
import type { Logger } from '../observability/logger';
import type { ProjectionRunner } from './projection-runner';

export interface ReactorDefinition {
  name: string;
  eventTypes: readonly string[];
  handle(event: StoredEvent): Promise<void>;
}

interface RunningReactor {
  definition: ReactorDefinition;
  types: ReadonlySet<string>;
  position: number;
  subscription: Subscription | null;
  error: string | null;
  /** The position last written as the checkpoint, and when (performance.now()). */
  saved: number;
  savedAt: number;
}

/**
 * Every commit moves every reactor past events of other types. That progress is written at most this
 * often: after a crash a reactor passes over those events again, which handles nothing twice.
 */
const PASSED_OVER_SAVE_MS = 1_000;

export class ReactorRunner {
  private readonly running = new Map<string, RunningReactor>();
  private stopping = false;
  private readonly readCheckpoint: Database.Statement<[string], { position: number }>;
  private readonly writeCheckpoint: Database.Statement<[string, number]>;

  constructor(
    private readonly store: EventStore,
    private readonly db: Database.Database,
    private readonly projections: ProjectionRunner,
    private readonly logger: Logger,
    private readonly maxBackoffMs = 60_000,
  ) {
    db.exec('CREATE TABLE IF NOT EXISTS _reactors (name TEXT PRIMARY KEY, position INTEGER NOT NULL)');
    this.readCheckpoint = db.prepare('SELECT position FROM _reactors WHERE name = ?');
    this.writeCheckpoint = db.prepare('INSERT INTO _reactors (name, position) VALUES (?, ?) ON CONFLICT(name) DO UPDATE SET position = excluded.position');
  }

  start(definitions: ReactorDefinition[]): void {
    for (const definition of definitions) {
      if (this.running.has(definition.name)) throw new Error(`reactor ${definition.name} is already running`);
      const row = this.readCheckpoint.get(definition.name);
      // A new reactor starts at the log's current end: it reacts to what happens from now on, not to history.
      const reactor: RunningReactor = { definition, types: new Set(definition.eventTypes), position: row?.position ?? -2, subscription: null, error: null, saved: row?.position ?? -2, savedAt: 0 };
      this.running.set(definition.name, reactor);
      void this.begin(reactor);
    }
  }

  async stop(): Promise<void> {
    this.stopping = true;
    await Promise.all([...this.running.values()].map((r) => r.subscription?.stop()));
    for (const reactor of this.running.values()) {
      if (reactor.position > reactor.saved && this.db.open) this.saveCheckpoint(reactor);
    }
    this.running.clear();
  }

  status(): { name: string; position: number; error: string | null }[] {
    return [...this.running.values()].map((r) => ({ name: r.definition.name, position: r.position, error: r.error }));
  }

  private async begin(reactor: RunningReactor): Promise<void> {
    if (reactor.position === -2) {
      reactor.position = await this.store.headPosition();
      this.saveCheckpoint(reactor);
    }
    reactor.subscription = this.store.subscribeToAll((events, through) => this.handleBatch(reactor, events, through), {
      after: reactor.position < 0 ? undefined : reactor.position,
      maxBatch: 200,
      // The store passes over every other event (content chunks included) without handing it to us.
      eventTypes: reactor.definition.eventTypes,
    });
    reactor.subscription.done.catch((err) => {
      if (this.stopping) return;
      reactor.error = String(err);
      this.logger.error({ reactor: reactor.definition.name, err }, 'reactor subscription ended');
    });
  }

  private async handleBatch(reactor: RunningReactor, events: StoredEvent[], through: number): Promise<void> {
    for (const event of events) {
      if (this.stopping) throw new Error('stopping');
      if (reactor.types.has(event.type)) await this.handleWithRetry(reactor, event);
      reactor.position = event.position;
    }
    // Events of other types went by unread: the reactor is done with them too.
    if (through > reactor.position) reactor.position = through;
    if (events.length > 0 || performance.now() - reactor.savedAt >= PASSED_OVER_SAVE_MS) this.saveCheckpoint(reactor);
  }

  private async handleWithRetry(reactor: RunningReactor, event: StoredEvent): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        await this.projections.waitFor(event.position, { timeoutMs: 60_000 });
        await reactor.definition.handle(event);
        reactor.error = null;
        return;
      } catch (err) {
        if (this.stopping) throw err;
        const delay = Math.min(this.maxBackoffMs, 100 * 2 ** attempt);
        reactor.error = `${event.type} at position ${event.position}: ${(err as Error).message}`;
        this.logger.error({ reactor: reactor.definition.name, position: event.position, type: event.type, err, retryInMs: delay }, 'reactor failed to handle an event; retrying');
        await new Promise((resolve) => setTimeout(resolve, delay));
      }
    }
  }

  private saveCheckpoint(reactor: RunningReactor): void {
    this.writeCheckpoint.run(reactor.definition.name, reactor.position);
    reactor.saved = reactor.position;
    reactor.savedAt = performance.now();
  }
}
