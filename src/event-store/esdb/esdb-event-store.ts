// The event store on EventStoreDB (a cluster shared by several Postwire nodes), through the official gRPC
// client. Same semantics as the embedded store (event-store.ts), mapped onto EventStoreDB's own:
// expected revisions, idempotent appends by event id, soft delete (the stream reads as empty and can be
// written again, revisions continuing) and tombstones (the stream is gone for good).
import { randomUUID } from 'node:crypto';
import {
  BACKWARDS,
  END,
  ErrorType,
  EventStoreDBClient,
  FORWARDS,
  START,
  StreamDeletedError,
  StreamNotFoundError,
  WrongExpectedVersionError,
  isCommandError,
  jsonEvent,
  type AppendExpectedRevision,
  type ResolvedEvent,
} from '@eventstore/db-client';
import { createLogger, type Logger } from '../../observability/logger';
import {
  EventStoreUnavailable,
  ExpectedRevisionConflict,
  StreamDeleted,
  type AppendOptions,
  type AppendResult,
  type DeleteOptions,
  type EventStore,
  type ExpectedRevision,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type ScanOptions,
  type StoredEvent,
  type SubscribeOptions,
  type Subscription,
  type SubscriptionHandler,
} from '../event-store';
import { DEFAULT_READ_ALL_COUNT, lastPosition, readAllAfter } from './all-reader';
import { parseConnectionString } from './connection-string';
import { invalidPosition, isInvalidPosition, unavailable } from './esdb-errors';
import { esdbEventId, ORIGINAL_ID_KEY } from './event-ids';
import { DEFAULT_RECONNECT, EsdbSubscription, type ReconnectPolicy } from './esdb-subscription';
import { checkAppend, checkDelete, checkReadAll, checkReadStream, checkSubscribe } from './input-checks';
import { toStoredEvent } from './stored-events';
import { checkScanOptions, readAheadScan } from '../read-ahead-scan';

export interface EsdbEventStoreOptions {
  /** How long opening keeps trying to reach the node before it gives up. Default 10 000 ms. */
  connectTimeoutMs?: number;
  /** Where reconnects and other operational events are logged. Default: the Postwire logger, on stderr. */
  logger?: Logger;
  /** Delays between subscription reconnects. Default 100 ms doubling up to 10 s. */
  reconnect?: Partial<ReconnectPolicy>;
}

const DEFAULT_MAX_BATCH = 500;
const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;

export class EsdbEventStore implements EventStore {
  readonly kind = 'eventstoredb' as const;
  private readonly subscriptions = new Set<EsdbSubscription>();
  private closing: Promise<void> | undefined;

  /** Use openEsdbEventStore. */
  constructor(
    /** The connection string without credentials. */
    readonly location: string,
    private readonly client: EventStoreDBClient,
    private readonly logger: Logger,
    private readonly reconnect: ReconnectPolicy,
  ) {}

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    checkReadStream(streamId, options);
    this.ensureOpen();
    if (options.maxCount === 0) return [];
    const backwards = options.direction === 'backwards';
    const events: StoredEvent[] = [];
    try {
      const reading = this.client.readStream(streamId, {
        direction: backwards ? BACKWARDS : FORWARDS,
        fromRevision: options.fromRevision !== undefined ? BigInt(options.fromRevision) : backwards ? END : START,
        ...(options.maxCount !== undefined ? { maxCount: options.maxCount } : {}),
      });
      for await (const resolved of reading) {
        const stored = toStoredEvent(resolved as ResolvedEvent);
        if (stored) events.push(stored);
      }
      return events;
    } catch (error) {
      // Never written, or soft-deleted: both read as an empty stream.
      if (error instanceof StreamNotFoundError) return [];
      if (error instanceof StreamDeletedError) throw new StreamDeleted(streamId);
      throw unavailable(this.location, `cannot read stream ${streamId}`, error);
    }
  }

  async appendToStream(streamId: string, events: NewEvent[], options: AppendOptions = {}): Promise<AppendResult> {
    const checked = checkAppend(streamId, events, options);
    this.ensureOpen();
    const proposed = checked.events.map((event) => {
      const { uuid, original } = esdbEventId(event.id ?? randomUUID());
      return jsonEvent({
        id: uuid,
        type: event.type,
        data: event.data as never,
        metadata: (original === undefined ? event.metadata : { ...event.metadata, [ORIGINAL_ID_KEY]: original }) as never,
      });
    });
    try {
      const result = await this.client.appendToStream(streamId, proposed, { expectedRevision: toClientRevision(checked.expected) });
      const revision = Number(result.nextExpectedRevision);
      // An idempotent retry may be answered without a position (older nodes do): look the event up.
      const position = result.position ? Number(result.position.commit) : await this.positionOfRevision(streamId, revision);
      return { nextExpectedRevision: revision, position };
    } catch (error) {
      throw await this.translateWriteError(error, streamId, checked.expected, 'append to');
    }
  }

  async readAll(options: ReadAllOptions = {}): Promise<StoredEvent[]> {
    checkReadAll(options);
    this.ensureOpen();
    try {
      return await readAllAfter(this.client, options.after ?? -1, options.maxCount ?? DEFAULT_READ_ALL_COUNT, options.eventTypes);
    } catch (error) {
      if (isInvalidPosition(error)) throw invalidPosition(this.location, 'readAll', options.after ?? -1);
      throw unavailable(this.location, 'cannot read $all', error);
    }
  }

  scanAll(options: ScanOptions = {}): AsyncIterableIterator<StoredEvent[]> {
    const scan = checkScanOptions(options);
    this.ensureOpen();
    return readAheadScan(scan, (after, maxCount) => this.readAll({ after, maxCount, eventTypes: scan.eventTypes }));
  }

  subscribeToAll(handler: SubscriptionHandler, options: SubscribeOptions = {}): Subscription {
    checkSubscribe(handler, options);
    this.ensureOpen();
    const subscription = new EsdbSubscription(
      this.client,
      handler,
      { after: options.after ?? -1, prefixes: options.streamPrefixes ?? [], eventTypes: options.eventTypes, maxBatch: options.maxBatch ?? DEFAULT_MAX_BATCH, reconnect: this.reconnect },
      this.location,
      this.logger,
    );
    this.subscriptions.add(subscription);
    const forget = (): void => void this.subscriptions.delete(subscription);
    subscription.done.then(forget, forget);
    return subscription;
  }

  async deleteStream(streamId: string, options: DeleteOptions = {}): Promise<void> {
    const expected = checkDelete(streamId, options);
    this.ensureOpen();
    try {
      if (options.tombstone === true) {
        // The client's types omit "stream_exists" for tombstones, but it sends it (TombstoneReq has it).
        await this.client.tombstoneStream(streamId, { expectedRevision: toClientRevision(expected) as bigint });
      } else if (expected === 'stream_exists') {
        await this.softDeleteExisting(streamId);
      } else {
        await this.client.deleteStream(streamId, { expectedRevision: expected === 'any' || expected === 'no_stream' ? expected : BigInt(expected) });
      }
    } catch (error) {
      throw await this.translateWriteError(error, streamId, expected, 'delete');
    }
  }

  async headPosition(): Promise<number> {
    this.ensureOpen();
    try {
      return await lastPosition(this.client);
    } catch (error) {
      throw unavailable(this.location, 'cannot read $all', error);
    }
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      await Promise.all([...this.subscriptions].map((s) => s.stop()));
      await this.client.dispose();
    })();
    return this.closing;
  }

  /**
   * The client's soft delete has no "stream exists" expectation, so it is checked against the last
   * revision and that exact revision is expected; when someone appends in between, the check repeats.
   */
  private async softDeleteExisting(streamId: string): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      const last = await this.lastRevision(streamId);
      if (last < 0) throw new ExpectedRevisionConflict(streamId, 'stream_exists', -1);
      try {
        await this.client.deleteStream(streamId, { expectedRevision: BigInt(last) });
        return;
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError) || attempt >= 2) throw error;
      }
    }
  }

  /** Last revision that reads back, -1 when the stream reads as empty (never written or soft-deleted). */
  private async lastRevision(streamId: string): Promise<number> {
    const [last] = await this.readStream(streamId, { direction: 'backwards', maxCount: 1 });
    return last ? last.revision : -1;
  }

  private async positionOfRevision(streamId: string, revision: number): Promise<number> {
    const [event] = await this.readStream(streamId, { fromRevision: revision, maxCount: 1 });
    return event?.position ?? -1;
  }

  /** Maps the client's write failures onto the port's errors. */
  private async translateWriteError(error: unknown, streamId: string, expected: ExpectedRevision, doing: string): Promise<Error> {
    if (error instanceof ExpectedRevisionConflict || error instanceof StreamDeleted || error instanceof EventStoreUnavailable) return error;
    if (error instanceof WrongExpectedVersionError) {
      const reported = typeof error.actualVersion === 'bigint' ? Number(error.actualVersion) : -1;
      // EventStoreDB reports a soft-deleted stream's old last revision; for the port it has no events (-1).
      const softDeleted = reported >= 0 && (await this.lastRevision(streamId).catch(() => reported)) < 0;
      const actual = softDeleted ? -1 : reported;
      return new ExpectedRevisionConflict(streamId, expected, actual);
    }
    if (error instanceof StreamDeletedError) {
      // EventStoreDB answers "stream exists" on a soft-deleted stream with StreamDeleted; for the port
      // the stream simply has no events. Only a tombstoned stream is deleted for good.
      if (expected === 'stream_exists' && !(await this.isTombstoned(streamId))) return new ExpectedRevisionConflict(streamId, expected, -1);
      return new StreamDeleted(streamId);
    }
    if (error instanceof Error && isCommandError(error) && error.type === ErrorType.MAXIMUM_APPEND_SIZE_EXCEEDED) {
      return new Error(`event store ${this.location}: cannot ${doing} stream ${streamId}: the events are larger than the node's maximum append size (${error.maxAppendSize} bytes)`, { cause: error });
    }
    return unavailable(this.location, `cannot ${doing} stream ${streamId}`, error);
  }

  private async isTombstoned(streamId: string): Promise<boolean> {
    try {
      await this.readStream(streamId, { maxCount: 1 });
      return false;
    } catch (error) {
      return error instanceof StreamDeleted;
    }
  }

  private ensureOpen(): void {
    if (this.closing) throw new EventStoreUnavailable(this.location, 'the event store is closed');
  }
}

function toClientRevision(expected: ExpectedRevision): AppendExpectedRevision {
  return typeof expected === 'number' ? BigInt(expected) : expected;
}

/**
 * Connects to EventStoreDB and checks that the node answers, retrying until `connectTimeoutMs`.
 * A malformed connection string is a TypeError; a node that cannot be reached is EventStoreUnavailable.
 * Neither message contains the password.
 */
export async function openEsdbEventStore(connectionString: string, options: EsdbEventStoreOptions = {}): Promise<EsdbEventStore> {
  const { location, full } = parseConnectionString(connectionString);
  const logger = options.logger ?? createLogger({ name: 'event-store', destination: 2 });
  const client = EventStoreDBClient.connectionString(full);
  const deadline = Date.now() + (options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS);
  for (let delay = 100; ; delay = Math.min(delay * 2, 2000)) {
    try {
      for await (const _ of client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1 })) void _;
      break;
    } catch (error) {
      if (Date.now() + delay > deadline || (error instanceof Error && isCommandError(error) && error.type === ErrorType.ACCESS_DENIED)) {
        await client.dispose().catch(() => undefined);
        throw unavailable(location, 'cannot reach EventStoreDB', error);
      }
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
  return new EsdbEventStore(location, client, logger, { ...DEFAULT_RECONNECT, ...options.reconnect });
}
