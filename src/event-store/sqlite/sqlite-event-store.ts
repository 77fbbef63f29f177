// The embedded event store: one SQLite file (data/events.sqlite) in WAL mode. Writes go through a writer
// thread with group commit (group-committer.ts); reads and subscriptions use a read-only connection on the
// main thread. Another process (a CLI command) can read and append to the same file at the same time.
import { accessSync, constants, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import Database from 'better-sqlite3';
import {
  AppendOptions,
  AppendResult,
  DeleteOptions,
  EventStore,
  EventStoreUnavailable,
  ExpectedRevisionConflict,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  ScanOptions,
  StoredEvent,
  StreamDeleted,
  SubscribeOptions,
  Subscription,
  SubscriptionHandler,
} from '../event-store';
import { ChangeFeed } from './change-feed';
import { encodeAppend, validateDelete, validateReadAll, validateReadStream, validateSubscribe } from './input-checks';
import { EventReader } from './event-reader';
import { scanLog } from './log-scan';
import { checkScanOptions } from '../read-ahead-scan';
import { CommitInfo, GroupCommitter } from './group-committer';
import { prepareSchema } from './schema';
import { unavailable } from './sqlite-errors';
import { SqliteSubscription } from './sqlite-subscription';
import { timeOrderedId } from './time-ordered-id';
import type { WriteOp, WriteOutcome } from './writer-protocol';

export type { CommitInfo } from './group-committer';

export interface SqliteEventStoreOptions {
  /** How long a write waits for another process holding the file's write lock. Default 5000 ms. */
  busyTimeoutMs?: number;
  /** How often live subscriptions look for commits made by other processes. Default 200 ms. */
  pollIntervalMs?: number;
  /** Called after every commit, for metrics. Must not throw (a throw is ignored). */
  onCommit?: (info: CommitInfo) => void;
}

/** Page size of readAll when the caller gives no maxCount. */
export const DEFAULT_READ_ALL_COUNT = 1000;
const DEFAULT_MAX_BATCH = 500;

export class SqliteEventStore implements EventStore {
  readonly kind = 'sqlite' as const;
  private readonly subscriptions = new Set<SqliteSubscription>();
  private closing: Promise<void> | undefined;

  /** Use openSqliteEventStore. */
  constructor(
    readonly location: string,
    private readonly readDb: Database.Database,
    private readonly reader: EventReader,
    private readonly committer: GroupCommitter,
    private readonly feed: ChangeFeed,
    private readonly busyTimeoutMs: number,
  ) {}

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    const checked = validateReadStream(streamId, options);
    return this.read('read failed', () => this.reader.readStream(streamId, checked.fromRevision, checked.backwards, checked.maxCount));
  }

  async appendToStream(streamId: string, events: NewEvent[], options: AppendOptions = {}): Promise<AppendResult> {
    const { op, bytes } = encodeAppend(streamId, events, options, timeOrderedId);
    const outcome = await this.write(op, bytes);
    return { nextExpectedRevision: outcome.revision, position: outcome.position };
  }

  async readAll(options: ReadAllOptions = {}): Promise<StoredEvent[]> {
    const checked = validateReadAll(options);
    return this.read('read failed', () => this.reader.readAll(checked.after, checked.maxCount ?? DEFAULT_READ_ALL_COUNT, checked.eventTypes));
  }

  scanAll(options: ScanOptions = {}): AsyncIterableIterator<StoredEvent[]> {
    const scan = checkScanOptions(options);
    this.ensureOpen();
    return scanLog(this.location, scan, this.busyTimeoutMs);
  }

  subscribeToAll(handler: SubscriptionHandler, options: SubscribeOptions = {}): Subscription {
    const checked = validateSubscribe(handler, options);
    this.ensureOpen();
    const source = {
      page: (after: number, maxCount: number, prefixes: string[]) =>
        this.read('subscription read failed', () => this.reader.page(after, maxCount, prefixes, checked.eventTypes)),
    };
    const subscription = new SqliteSubscription(source, this.feed, handler, {
      after: checked.after,
      prefixes: checked.prefixes,
      maxBatch: checked.maxBatch ?? DEFAULT_MAX_BATCH,
      filtered: checked.eventTypes !== undefined,
    });
    this.subscriptions.add(subscription);
    const forget = (): void => void this.subscriptions.delete(subscription);
    subscription.done.then(forget, forget);
    return subscription;
  }

  async deleteStream(streamId: string, options: DeleteOptions = {}): Promise<void> {
    const op = validateDelete(streamId, options);
    await this.write(op, 0);
  }

  async headPosition(): Promise<number> {
    return this.read('read failed', () => this.reader.headPosition());
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      await Promise.all([...this.subscriptions].map((s) => s.stop()));
      this.feed.close();
      await this.committer.close();
      this.readDb.close();
    })();
    return this.closing;
  }

  private async write(op: WriteOp, bytes: number): Promise<Extract<WriteOutcome, { ok: true }>> {
    this.ensureOpen();
    const outcome = await this.committer.submit(op, bytes);
    if (outcome.ok) return outcome;
    switch (outcome.reason) {
      case 'conflict':
        throw new ExpectedRevisionConflict(op.streamId, op.expected, outcome.actual);
      case 'tombstoned':
        throw new StreamDeleted(op.streamId);
      case 'rejected':
        throw new Error(`event store ${this.location}: cannot append to stream ${op.streamId}: ${outcome.message}`);
    }
  }

  private read<T>(doing: string, fn: () => T): T {
    this.ensureOpen();
    try {
      return fn();
    } catch (error) {
      if (error instanceof StreamDeleted) throw error;
      throw unavailable(this.location, doing, error, this.busyTimeoutMs);
    }
  }

  private ensureOpen(): void {
    if (this.closing) throw new EventStoreUnavailable(this.location, 'the event store is closed');
  }
}

/**
 * Opens (creating when missing) the event store file. Throws EventStoreUnavailable naming the file when it
 * cannot be used: missing directory, not a database, corrupt, from a newer version, read-only.
 */
export async function openSqliteEventStore(file: string, options: SqliteEventStoreOptions = {}): Promise<SqliteEventStore> {
  if (typeof file !== 'string' || file === '' || file === ':memory:') {
    throw new TypeError(`openSqliteEventStore needs the path of a file, got ${JSON.stringify(file)}`);
  }
  for (const name of ['busyTimeoutMs', 'pollIntervalMs'] as const) {
    const value = options[name];
    if (value !== undefined && !(Number.isSafeInteger(value) && value >= (name === 'pollIntervalMs' ? 1 : 0))) {
      throw new TypeError(`openSqliteEventStore: ${name} must be a whole number of milliseconds, got ${String(value)}`);
    }
  }
  const location = resolve(file);
  const busyTimeoutMs = options.busyTimeoutMs ?? 5000;
  checkPlace(location);
  const readDb = openReadConnection(location, busyTimeoutMs);
  try {
    const reader = new EventReader(readDb);
    reader.headPosition(); // touches the end of the log: a truncated file fails here, not later
    const feed = new ChangeFeed(() => reader.dataVersion(), options.pollIntervalMs ?? 200);
    const committer = await GroupCommitter.start({ file: location, busyTimeoutMs }, (info) => {
      feed.notify();
      try {
        options.onCommit?.(info);
      } catch {
        // metrics must never break appends
      }
    });
    return new SqliteEventStore(location, readDb, reader, committer, feed, busyTimeoutMs);
  } catch (error) {
    readDb.close();
    throw unavailable(location, 'cannot open', error, busyTimeoutMs);
  }
}

function checkPlace(location: string): void {
  const directory = dirname(location);
  const stat = statSync(directory, { throwIfNoEntry: false });
  if (!stat) throw new EventStoreUnavailable(location, `cannot open: the directory ${directory} does not exist`);
  if (!stat.isDirectory()) throw new EventStoreUnavailable(location, `cannot open: ${directory} is not a directory`);
  const file = statSync(location, { throwIfNoEntry: false });
  if (file?.isDirectory()) throw new EventStoreUnavailable(location, 'cannot open: it is a directory, not a file');
  if (file) {
    // SQLite would quietly open an unwritable file read-only and fail only at the first append.
    try {
      accessSync(location, constants.R_OK | constants.W_OK);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      throw new EventStoreUnavailable(
        location,
        code === 'EROFS' ? 'cannot open: the file system is read-only' : 'cannot open: the file is read-only or unreadable for this user; the event store needs to read and write it',
        { cause: error },
      );
    }
  }
}

function openReadConnection(location: string, busyTimeoutMs: number): Database.Database {
  let db: Database.Database | undefined;
  try {
    db = new Database(location);
    db.pragma(`busy_timeout = ${busyTimeoutMs}`);
    prepareSchema(db, location);
    // From here on this connection only reads; writes belong to the writer thread.
    db.pragma('query_only = ON');
    return db;
  } catch (error) {
    db?.close();
    throw unavailable(location, 'cannot open', error, busyTimeoutMs);
  }
}
