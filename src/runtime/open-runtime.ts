// Opens a node's runtime: the event store, the read models (caught up before this returns, so the first
// request already sees every earlier fact), id sequences and the reactor runner (started by the server).
import { hostname } from 'node:os';
import { allProjections } from '../../projections';
import type { Bootstrap } from '../config/bootstrap';
import { ContentStore } from '../content/content-store';
import { systemClock, type Clock } from '../core/clock';
import { IdAllocator } from '../core/id-blocks';
import type { EventStore } from '../event-store/event-store';
import { createLogger, type Logger } from '../observability/logger';
import { Metrics } from '../observability/metrics';
import type { ProjectionDefinition } from '../projecting/projection';
import { ProjectionRunner } from '../projecting/projection-runner';
import { openReadModelDb } from '../projecting/read-model-db';
import { ReactorRunner } from '../projecting/reactor-runner';
import type { RebuildProgress } from '../projecting/rebuild';
import { readModelsFile } from './data-location';
import { openEventStore } from './open-event-store';
import { Runtime, type RunMode } from './runtime';

export interface OpenRuntimeOptions {
  mode: RunMode;
  bootstrap: Bootstrap;
  /** EVENTSTORE_URL or the bootstrap file's eventStore.url. */
  eventStoreUrl?: string | null;
  createDataDir?: boolean;
  clock?: Clock;
  logger?: Logger;
  metrics?: Metrics;
  projections?: ProjectionDefinition[];
  onRebuildProgress?: (p: RebuildProgress) => void;
}

export class NodeRuntime extends Runtime {
  constructor(
    readonly mode: RunMode,
    readonly bootstrap: Bootstrap,
    readonly store: EventStore,
    readonly readDb: import('better-sqlite3').Database,
    readonly projections: ProjectionRunner,
    readonly reactors: ReactorRunner,
    readonly clock: Clock,
    readonly logger: Logger,
    readonly metrics: Metrics,
  ) {
    super();
    this.content = new ContentStore(store);
    this.ids = {
      queueMsg: new IdAllocator(store, 'queuemsg'),
      hook: new IdAllocator(store, 'hook'),
      mailboxMsg: new IdAllocator(store, 'mailboxmsg'),
      suppression: new IdAllocator(store, 'suppression', 100),
      holdRule: new IdAllocator(store, 'holdrule', 10),
    };
  }
  readonly content: ContentStore;
  readonly node = `${hostname()}:${process.pid}`;
  readonly ids: Runtime['ids'];

  async close(): Promise<void> {
    await this.reactors.stop();
    await this.projections.stop();
    await this.store.close();
    this.readDb.close();
  }
}

export async function openRuntime(options: OpenRuntimeOptions): Promise<NodeRuntime> {
  const logger = options.logger ?? createLogger();
  const metrics = options.metrics ?? new Metrics();
  const eventStoreUrl = options.eventStoreUrl ?? process.env.EVENTSTORE_URL ?? options.bootstrap.eventStore?.url ?? null;
  const store = await openEventStore({ dataDir: options.bootstrap.dataDir, eventStoreUrl, createDataDir: options.createDataDir, metrics });
  let readDb;
  try {
    readDb = openReadModelDb(readModelsFile(options.bootstrap.dataDir));
  } catch (err) {
    await store.close();
    throw err;
  }
  const projections = new ProjectionRunner(store, readDb, options.projections ?? allProjections, {
    onBatch: ({ position, durationMs }) => {
      metrics.projectionBatchSeconds.observe(durationMs / 1000);
      for (const s of projections.positions()) {
        metrics.projectionPosition.set({ projection: s.name }, s.position);
        metrics.projectionLag.set({ projection: s.name }, Math.max(0, position - s.position));
      }
    },
    onError: (projection, event, err) => logger.error({ projection, position: event.position, type: event.type, err }, 'projection stopped'),
  });
  try {
    await projections.start(options.onRebuildProgress);
    await projections.waitFor(await store.headPosition(), { timeoutMs: 10 * 60_000 });
  } catch (err) {
    await projections.stop().catch(() => undefined);
    await store.close();
    readDb.close();
    throw err;
  }
  const reactors = new ReactorRunner(store, readDb, projections, logger);
  return new NodeRuntime(options.mode, options.bootstrap, store, readDb, projections, reactors, options.clock ?? systemClock, logger, metrics);
}
