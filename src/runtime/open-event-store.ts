// Opens the configured event store: EventStoreDB when a URL is given (EVENTSTORE_URL or the bootstrap
// file), else the embedded SQLite file in the data directory.
import { existsSync, mkdirSync } from 'node:fs';
import type { EventStore } from '../event-store/event-store';
import { openEsdbEventStore } from '../event-store/esdb/esdb-event-store';
import { openSqliteEventStore } from '../event-store/sqlite/sqlite-event-store';
import type { Metrics } from '../observability/metrics';
import { eventsFile } from './data-location';

export interface OpenStoreOptions {
  dataDir: string;
  eventStoreUrl: string | null;
  /** Create the data directory when missing (localserve, quickstart); otherwise a missing one is an error. */
  createDataDir?: boolean;
  metrics?: Metrics;
}

export async function openEventStore(options: OpenStoreOptions): Promise<EventStore> {
  if (!existsSync(options.dataDir)) {
    if (!options.createDataDir) throw new Error(`data directory ${options.dataDir} does not exist`);
    mkdirSync(options.dataDir, { recursive: true });
  }
  if (options.eventStoreUrl) return openEsdbEventStore(options.eventStoreUrl);
  const metrics = options.metrics;
  return openSqliteEventStore(eventsFile(options.dataDir), {
    onCommit: metrics
      ? ({ batchSize, events, durationMs }) => {
          metrics.appendBatchSize.observe(events);
          metrics.appendLatency.observe(durationMs / 1000);
          metrics.eventsAppended.inc(events);
          void batchSize;
        }
      : undefined,
  });
}
