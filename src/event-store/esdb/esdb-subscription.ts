// A catch-up subscription to $all on EventStoreDB. The server sends the history after the given position,
// then live events; this side groups what has arrived into batches, hands each to the handler and waits
// for it. When the connection is lost it subscribes again after the last position handled, waiting
// 100 ms, then twice as long each time up to 10 s, so nothing is lost or handed over twice.
import type { Readable } from 'node:stream';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { excludeSystemEvents, START, streamNameFilter, type EventStoreDBClient, type ResolvedEvent } from '@eventstore/db-client';
import type { Logger } from '../../observability/logger';
import { isSystemEvent, type StoredEvent, type Subscription, type SubscriptionHandler } from '../event-store';
import { describe, invalidPosition, isInvalidPosition, isTransient, unavailable } from './esdb-errors';
import { positionOf, toStoredEvent } from './stored-events';

export interface ReconnectPolicy {
  initialDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RECONNECT: ReconnectPolicy = { initialDelayMs: 100, maxDelayMs: 10_000 };

export interface EsdbSubscriptionOptions {
  /** Deliver events after this position; -1 means from the start. */
  after: number;
  prefixes: string[];
  /** Only these event types (checked here, while reading). */
  eventTypes?: readonly string[];
  maxBatch: number;
  reconnect: ReconnectPolicy;
}

/** Why one connection's worth of subscription ended (a handler failure throws instead). */
interface Interruption {
  error?: unknown;
}

export class EsdbSubscription implements Subscription {
  readonly done: Promise<void>;
  private stopping = false;
  private current: Readable | undefined;
  private wake: (() => void) | undefined;

  constructor(
    private readonly client: EventStoreDBClient,
    private readonly handler: SubscriptionHandler,
    private readonly options: EsdbSubscriptionOptions,
    private readonly location: string,
    private readonly logger: Logger,
  ) {
    this.done = this.run();
    // Whoever awaits `done` still sees the rejection; this only keeps an unobserved one from crashing.
    this.done.catch(() => undefined);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.current?.destroy();
    this.wake?.();
    await this.done.catch(() => undefined);
  }

  private async run(): Promise<void> {
    const { initialDelayMs, maxDelayMs } = this.options.reconnect;
    let after = this.options.after;
    let delay = initialDelayMs;
    let attempt = 0;
    await nextTurn(); // the caller gets the subscription object before the first batch
    while (!this.stopping) {
      const interruption = await this.follow(
        after,
        (position) => (after = position),
        () => {
          if (attempt > 0) this.logger.info({ eventStore: this.location, after, attempts: attempt }, 'subscription to $all resumed');
          attempt = 0;
          delay = initialDelayMs;
        },
      );
      if (this.stopping) return;
      if (isInvalidPosition(interruption.error)) throw invalidPosition(this.location, 'subscribeToAll', after);
      if (interruption.error !== undefined && !isTransient(interruption.error)) {
        throw unavailable(this.location, 'the subscription to $all failed', interruption.error);
      }
      attempt += 1;
      const reason = interruption.error === undefined ? 'the node ended the subscription' : describe(interruption.error);
      this.logger.warn({ eventStore: this.location, after, attempt, retryInMs: delay, reason }, 'subscription to $all lost; subscribing again');
      await this.pause(delay);
      delay = Math.min(delay * 2, maxDelayMs);
    }
  }

  /** Subscribes once after `after` and delivers until the connection ends. */
  private async follow(after: number, advance: (position: number) => void, confirmed: () => void): Promise<Interruption> {
    const { prefixes, maxBatch } = this.options;
    const wanted = this.options.eventTypes ? new Set(this.options.eventTypes) : null;
    const subscription = this.client.subscribeToAll(
      {
        fromPosition: after < 0 ? START : { commit: BigInt(after), prepare: BigInt(after) },
        // Server-side filtering; a prefix filter still lets the node's own event types through ("$..."),
        // which the client-side check below removes.
        filter: prefixes.length > 0 ? streamNameFilter({ prefixes }) : excludeSystemEvents(),
      },
      { highWaterMark: maxBatch },
    );
    const state: Interruption = {};
    subscription.on('error', (error: unknown) => (state.error ??= error));
    subscription.on('confirmation', confirmed);
    this.current = subscription;
    try {
      for (;;) {
        if (this.stopping) return {};
        const batch = await nextBatch(subscription, maxBatch, state);
        if (!batch) return state;
        const events: StoredEvent[] = [];
        let scanned = after;
        for (const resolved of batch) {
          const position = positionOf(resolved);
          if (position === undefined || position <= after) continue; // EventStoreDB resumes after `after`; be sure
          scanned = position;
          const stored = toStoredEvent(resolved);
          if (stored && !isSystemEvent(stored.streamId, stored.type) && (wanted === null || wanted.has(stored.type))) events.push(stored);
        }
        if (events.length > 0 || (wanted !== null && scanned > after)) await this.handler(events, scanned);
        after = scanned;
        advance(after);
      }
    } finally {
      this.current = undefined;
      void subscription.unsubscribe().catch(() => undefined);
      subscription.destroy();
    }
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.wake = undefined;
        resolve();
      }, ms);
      this.wake = () => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
    });
  }
}

/**
 * Whatever has arrived, up to `max` events; waits when nothing has. Undefined once the stream has ended
 * or failed and everything it delivered before has been taken.
 */
async function nextBatch(stream: Readable, max: number, state: Interruption): Promise<ResolvedEvent[] | undefined> {
  for (;;) {
    const batch: ResolvedEvent[] = [];
    let item: ResolvedEvent | null;
    while (batch.length < max && (item = stream.read() as ResolvedEvent | null) !== null) batch.push(item);
    if (batch.length > 0) return batch;
    if (state.error !== undefined || stream.readableEnded || stream.destroyed) return undefined;
    await new Promise<void>((resolve) => {
      const signals = ['readable', 'end', 'close', 'error'] as const;
      const done = (): void => {
        for (const signal of signals) stream.off(signal, done);
        resolve();
      };
      for (const signal of signals) stream.on(signal, done);
    });
  }
}
