// A catch-up subscription to the whole log: reads pages from a position on, hands each to the handler and
// waits for it, then waits for the change feed once it has caught up. Live delivery is the same loop.
import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Subscription, SubscriptionHandler } from '../event-store';
import type { ChangeFeed } from './change-feed';
import type { LogPage } from './event-reader';

export interface LogSource {
  page(after: number, maxCount: number, prefixes: string[]): LogPage;
}

export interface SqliteSubscriptionOptions {
  after: number;
  prefixes: string[];
  maxBatch: number;
  /** A type filter is set: report progress over passed-over events too. */
  filtered: boolean;
}

export class SqliteSubscription implements Subscription {
  readonly done: Promise<void>;
  private stopping = false;
  private cancelWait: (() => void) | undefined;

  constructor(
    private readonly source: LogSource,
    private readonly feed: ChangeFeed,
    private readonly handler: SubscriptionHandler,
    private readonly options: SqliteSubscriptionOptions,
  ) {
    this.done = this.run();
    // Whoever awaits `done` still sees the rejection; this only keeps an unobserved failure from
    // crashing the process.
    this.done.catch(() => undefined);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.cancelWait?.();
    await this.done.catch(() => undefined);
  }

  private async run(): Promise<void> {
    let after = this.options.after;
    await nextTurn(); // the caller gets the subscription object before the first batch
    while (!this.stopping) {
      const seen = this.feed.current;
      const page = this.source.page(after, this.options.maxBatch, this.options.prefixes);
      if (page.events.length > 0 || (this.options.filtered && page.scannedTo > after)) await this.handler(page.events, page.scannedTo);
      after = page.scannedTo;
      if (page.more || page.events.length > 0) {
        await nextTurn(); // a long catch-up must not starve the rest of the process
        continue;
      }
      const wait = this.feed.changedSince(seen);
      this.cancelWait = wait.cancel;
      await wait.changed;
      this.cancelWait = undefined;
    }
  }
}
