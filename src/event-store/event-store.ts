// The event store port: the only source of truth in Postwire. Every adapter (SQLite, EventStoreDB)
// implements exactly these semantics, checked by one contract suite (test/contract/).
//
// Numbering follows EventStoreDB: a stream's first event has revision 0; `position` is the event's place
// in the global log ($all), strictly increasing with commit order. Positions are plain numbers: an
// EventStoreDB commit position is a byte offset in its log and stays below 2^53 (8 PiB).

export interface EventMetadata {
  /** When the deciding command ran (RFC 3339). Decide and evolve functions read time only from here. */
  now: string;
  /** Id of the command that caused the event. */
  commandId?: string;
  /** Id shared by everything that one outside request set in motion. */
  correlationId?: string;
  [key: string]: unknown;
}

/** An event about to be appended. `id` makes a retried append recognisable (a UUID, or derived from the command id). */
export interface NewEvent<Type extends string = string, Data = unknown> {
  id?: string;
  type: Type;
  data: Data;
  metadata: EventMetadata;
}

export interface StoredEvent<Type extends string = string, Data = any> {
  id: string;
  streamId: string;
  revision: number;
  position: number;
  type: Type;
  data: Data;
  metadata: EventMetadata;
}

/**
 * What the caller believes about the stream before appending:
 * - `any`: no check;
 * - `no_stream`: the stream has no events (never written, or deleted);
 * - `stream_exists`: the stream has at least one event;
 * - a number: the revision of the stream's last event.
 */
export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | number;

export interface AppendOptions {
  expectedRevision?: ExpectedRevision;
}

export interface AppendResult {
  /** Revision of the last event appended. */
  nextExpectedRevision: number;
  /** Global position of the last event appended. */
  position: number;
}

export interface ReadStreamOptions {
  /** First revision to return (inclusive). Default 0 forwards, the end backwards. */
  fromRevision?: number;
  direction?: 'forwards' | 'backwards';
  maxCount?: number;
}

export interface ReadAllOptions {
  /** Return events after this position (exclusive). Undefined: from the beginning. */
  after?: number;
  maxCount?: number;
  /**
   * Only events of these types (a rebuild reads only what its projections handle). The page still ends
   * at `maxCount` matching events; events of other types in between are passed over.
   */
  eventTypes?: readonly string[];
}

export interface ScanOptions {
  /** Start after this position (exclusive). Undefined: from the beginning. */
  after?: number;
  /** Only events of these types, as in readAll. */
  eventTypes?: readonly string[];
  /**
   * Events of these types come with `data: null`: the caller needs only their stream, position and
   * metadata, and large payloads (content chunks) are then neither transferred nor parsed.
   */
  withoutData?: readonly string[];
  /** Events per page. */
  pageSize?: number;
}

export interface SubscribeOptions {
  /** Deliver events after this position (exclusive). Undefined: from the beginning. */
  after?: number;
  /** Only streams whose id starts with one of these prefixes. */
  streamPrefixes?: string[];
  /** Only events of these types (a reactor that handles a few types need not read every event). */
  eventTypes?: readonly string[];
  /** Largest batch handed to the handler at once. */
  maxBatch?: number;
}

export interface DeleteOptions {
  expectedRevision?: ExpectedRevision;
  /** A tombstoned stream can never be written or read again; a soft-deleted one can be recreated. */
  tombstone?: boolean;
}

/**
 * A running catch-up subscription. The handler receives events in position order, in batches, first the
 * history and then live appends; the next batch waits for the handler's promise. If the handler throws,
 * the subscription stops and `done` rejects with that error.
 */
export interface Subscription {
  stop(): Promise<void>;
  readonly done: Promise<void>;
}

/**
 * `through`: the log has been examined up to this position (at least the last event's). With an
 * `eventTypes` filter the handler is also called with no events when only other types went by, so a
 * consumer can keep its checkpoint moving.
 */
export type SubscriptionHandler = (events: StoredEvent[], through: number) => Promise<void> | void;

export interface EventStore {
  readonly kind: 'sqlite' | 'eventstoredb';
  /** Where the store lives, for error messages and logs (a file path or a URL without credentials). */
  readonly location: string;

  /** Events of one stream. A stream that does not exist, or was soft-deleted, reads as empty. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<StoredEvent[]>;
  /**
   * Appends atomically: all events or none. Throws ExpectedRevisionConflict when the expectation does not
   * hold. Appending events whose ids were all already appended to this stream is a no-op that succeeds
   * (idempotent retry).
   */
  appendToStream(streamId: string, events: NewEvent[], options?: AppendOptions): Promise<AppendResult>;
  /** One page of the global log, skipping system events. */
  readAll(options?: ReadAllOptions): Promise<StoredEvent[]>;
  /**
   * The global log from a position to its end, page by page (the pages readAll would give), with the
   * next pages read ahead while the caller works on the current one: a rebuild's reading and applying
   * overlap. The scan ends where the log ended when the last page was read; events appended later are
   * for the caller to read after it. Leaving the loop early stops the reading.
   */
  scanAll(options?: ScanOptions): AsyncIterableIterator<StoredEvent[]>;
  subscribeToAll(handler: SubscriptionHandler, options?: SubscribeOptions): Subscription;
  deleteStream(streamId: string, options?: DeleteOptions): Promise<void>;
  /** Position of the last event in the global log, or -1 when empty. */
  headPosition(): Promise<number>;
  close(): Promise<void>;
}

/** The expectation about a stream's revision did not hold: someone else appended first. */
export class ExpectedRevisionConflict extends Error {
  override readonly name = 'ExpectedRevisionConflict';
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedRevision,
    /** The stream's actual last revision, or -1 when it has no events. */
    readonly actual: number,
  ) {
    super(`stream ${streamId}: expected revision ${String(expected)}, actual ${actual}`);
  }
}

/** The stream was tombstoned; it can never be used again. */
export class StreamDeleted extends Error {
  override readonly name = 'StreamDeleted';
  constructor(readonly streamId: string) {
    super(`stream ${streamId} is deleted permanently (tombstoned)`);
  }
}

/** The store cannot be reached or used (file unreadable, disk full, connection lost). Names the place. */
export class EventStoreUnavailable extends Error {
  override readonly name = 'EventStoreUnavailable';
  constructor(readonly location: string, message: string, options?: { cause?: unknown }) {
    super(`event store ${location}: ${message}`, options);
  }
}

/** Streams and event types starting with `$` belong to the store itself and are never delivered. */
export function isSystemEvent(streamId: string, type: string): boolean {
  return streamId.startsWith('$') || type.startsWith('$');
}
