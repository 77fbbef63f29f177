// Everything a running node shares: the event store, the read models and their runner, reactors,
// message content, the clock, logs and metrics. Nest provides it to every capability; CLI commands that
// need no HTTP open it directly.
import type Database from 'better-sqlite3';
import type { Bootstrap } from '../config/bootstrap';
import type { ContentStore } from '../content/content-store';
import type { Clock } from '../core/clock';
import type { IdAllocator } from '../core/id-blocks';
import type { EventStore } from '../event-store/event-store';
import type { Logger } from '../observability/logger';
import type { Metrics } from '../observability/metrics';
import type { ProjectionRunner } from '../projecting/projection-runner';
import type { ReactorRunner } from '../projecting/reactor-runner';

export type RunMode = 'serve' | 'localserve' | 'cli' | 'test';

export abstract class Runtime {
  abstract readonly mode: RunMode;
  abstract readonly bootstrap: Bootstrap;
  abstract readonly store: EventStore;
  abstract readonly readDb: Database.Database;
  abstract readonly projections: ProjectionRunner;
  abstract readonly reactors: ReactorRunner;
  abstract readonly content: ContentStore;
  abstract readonly clock: Clock;
  abstract readonly logger: Logger;
  abstract readonly metrics: Metrics;
  /** Id sequences: queue message ids, webhook ids, mailbox message ids, suppression ids, hold rule ids. */
  abstract readonly ids: {
    queueMsg: IdAllocator;
    hook: IdAllocator;
    mailboxMsg: IdAllocator;
    suppression: IdAllocator;
    holdRule: IdAllocator;
  };
  /** Name of this node, recorded in claims so an operator sees who made an attempt. */
  abstract readonly node: string;
}
