// The stand-in's storage: one ordered log of records (EventStoreDB's $all) and, per stream, its events
// by revision. Writes go through checkCommit exactly as EventStoreDB's storage writer does, including
// the system records EventStoreDB itself writes: `$metadata` in `$$<stream>` for soft delete and
// recreation, `$streamDeleted` for a tombstone.
import { randomUUID } from 'node:crypto';
import { checkCommit, type CommitCheckIndex } from './commit-check';
import {
  DELETED_STREAM,
  METADATA_EVENT_TYPE,
  TOMBSTONE_EVENT_TYPE,
  isMetastream,
  metastreamOf,
  originalStreamOf,
  recordSize,
  type LogRecord,
  type ProposedEvent,
} from './records';

export type WriteOutcome =
  | { result: 'success'; lastEventNumber: bigint; position: bigint | undefined }
  | { result: 'wrong-expected-version'; currentVersion: bigint }
  | { result: 'stream-deleted' };

export type StreamRead =
  | { result: 'events'; events: LogRecord[] }
  | { result: 'not-found' }
  | { result: 'deleted' };

interface StreamState {
  events: LogRecord[];
  tombstone?: LogRecord;
}

export class StandInDatabase implements CommitCheckIndex {
  private readonly records: LogRecord[] = [];
  private readonly streams = new Map<string, StreamState>();
  private readonly committed = new Map<string, { streamId: string; revision: bigint }>();
  private readonly listeners = new Set<() => void>();
  private nextPosition = 0n;

  constructor() {
    // A fresh EventStoreDB node has written system records before any client connects.
    const json = (value: unknown): Uint8Array => Buffer.from(JSON.stringify(value));
    this.append('$epochs', 0n, { id: randomUUID(), type: '$epoch', contentType: 'application/json', data: json({ epochNumber: 0 }), metadata: new Uint8Array() });
    this.append('$settings', 0n, {
      id: randomUUID(),
      type: '$settings',
      contentType: 'application/json',
      data: json({ $userStreamAcl: { $r: '$all' }, $systemStreamAcl: { $r: '$admins' } }),
      metadata: new Uint8Array(),
    });
  }

  /** Every record in commit order. Append-only, so an index into it is a stable cursor. */
  get log(): readonly LogRecord[] {
    return this.records;
  }

  /** Calls `listener` after every write; returns the function that removes it. */
  onWrite(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves at the next write, or as soon as `signal` aborts. */
  nextWrite(signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        remove();
        signal.removeEventListener('abort', done);
        resolve();
      };
      const remove = this.onWrite(done);
      if (signal.aborted) done();
      else signal.addEventListener('abort', done);
    });
  }

  lastEventNumber(streamId: string): bigint {
    const stream = this.streams.get(streamId);
    if (!stream) return -1n;
    if (stream.tombstone) return DELETED_STREAM;
    return BigInt(stream.events.length) - 1n;
  }

  isSoftDeleted(streamId: string): boolean {
    return this.truncateBefore(streamId) === DELETED_STREAM;
  }

  committedEvent(eventId: string): { streamId: string; revision: bigint } | undefined {
    return this.committed.get(eventId);
  }

  eventIdAt(streamId: string, revision: bigint): string | undefined {
    return this.streams.get(streamId)?.events[Number(revision)]?.id;
  }

  /** `$tb` from the stream's metadata: events before it are hidden (truncated). */
  truncateBefore(streamId: string): bigint | undefined {
    const meta = this.streams.get(metastreamOf(streamId))?.events.at(-1);
    if (!meta) return undefined;
    // Read the digits directly: DELETED_STREAM does not survive a trip through a JS number.
    const match = /"\$tb"\s*:\s*(\d+)/.exec(Buffer.from(meta.data).toString('utf8'));
    return match ? BigInt(match[1]!) : undefined;
  }

  writeEvents(streamId: string, expectedVersion: bigint, events: readonly ProposedEvent[]): WriteOutcome {
    const check = checkCommit(this, streamId, expectedVersion, events.map((e) => e.id));
    switch (check.decision) {
      case 'deleted':
        return { result: 'stream-deleted' };
      case 'wrong-expected-version':
        return { result: 'wrong-expected-version', currentVersion: check.currentVersion };
      case 'idempotent': {
        const last = this.streams.get(streamId)?.events[Number(check.lastEventNumber)];
        return { result: 'success', lastEventNumber: check.lastEventNumber, position: last?.position };
      }
      case 'ok':
        break;
    }
    const undeleteOriginal = isMetastream(streamId) && this.isSoftDeleted(originalStreamOf(streamId));
    let position: bigint | undefined;
    events.forEach((event, i) => {
      position = this.append(streamId, check.currentVersion + 1n + BigInt(i), event).position;
    });
    if (check.isSoftDeleted) this.softUndelete(streamId, check.currentVersion + 1n);
    if (undeleteOriginal) {
      const original = originalStreamOf(streamId);
      this.softUndelete(original, this.lastEventNumber(original) + 1n);
    }
    this.notify();
    return { result: 'success', lastEventNumber: check.currentVersion + BigInt(events.length), position };
  }

  /** Soft delete writes `$tb` = DELETED_STREAM to the metastream; a tombstone ends the stream for good. */
  deleteStream(streamId: string, expectedVersion: bigint, hard: boolean): WriteOutcome {
    const check = checkCommit(this, streamId, expectedVersion, [randomUUID()]);
    if (check.decision === 'deleted') return { result: 'stream-deleted' };
    if (check.decision !== 'ok') return { result: 'wrong-expected-version', currentVersion: check.currentVersion };
    const record = hard
      ? this.append(streamId, DELETED_STREAM, {
          id: randomUUID(),
          type: TOMBSTONE_EVENT_TYPE,
          contentType: 'application/octet-stream',
          data: new Uint8Array(),
          metadata: new Uint8Array(),
        })
      : this.writeMetadata(streamId, `{"$tb":${DELETED_STREAM}}`);
    this.notify();
    return { result: 'success', lastEventNumber: check.currentVersion, position: record.position };
  }

  readStream(streamId: string): StreamRead {
    if (this.lastEventNumber(streamId) === DELETED_STREAM) return { result: 'deleted' };
    if (isMetastream(streamId) && this.lastEventNumber(originalStreamOf(streamId)) === DELETED_STREAM) return { result: 'deleted' };
    const stream = this.streams.get(streamId);
    const truncateBefore = this.truncateBefore(streamId) ?? 0n;
    if (!stream || stream.events.length === 0 || truncateBefore === DELETED_STREAM) return { result: 'not-found' };
    return { result: 'events', events: stream.events.filter((e) => e.revision >= truncateBefore) };
  }

  /**
   * EventStoreDB can only start reading $all at a record boundary (or at the end of the log); anywhere
   * else it refuses with "invalid position" (23.10 and later; older versions misbehave).
   */
  isRecordBoundary(position: bigint): boolean {
    return position >= this.nextPosition || this.records[this.indexAtOrAfter(position)]?.position === position;
  }

  /** Index of the first record at or after `position` (binary search: positions only grow). */
  indexAtOrAfter(position: bigint): number {
    let low = 0;
    let high = this.records.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.records[mid]!.position < position) low = mid + 1;
      else high = mid;
    }
    return low;
  }

  private append(streamId: string, revision: bigint, event: ProposedEvent): LogRecord {
    const record: LogRecord = { ...event, streamId, revision, position: this.nextPosition, created: BigInt(Date.now()) * 10_000n };
    this.nextPosition += recordSize(streamId, event);
    this.records.push(record);
    const stream = this.streams.get(streamId) ?? { events: [] };
    this.streams.set(streamId, stream);
    if (revision === DELETED_STREAM) stream.tombstone = record;
    else stream.events.push(record);
    this.committed.set(event.id, { streamId, revision });
    return record;
  }

  private writeMetadata(streamId: string, json: string): LogRecord {
    const metastream = metastreamOf(streamId);
    return this.append(metastream, this.lastEventNumber(metastream) + 1n, {
      id: randomUUID(),
      type: METADATA_EVENT_TYPE,
      contentType: 'application/json',
      data: Buffer.from(json),
      metadata: new Uint8Array(),
    });
  }

  /** Recreating a soft-deleted stream keeps its metadata but moves `$tb` to the first new event. */
  private softUndelete(streamId: string, recreateFrom: bigint): void {
    const current = this.streams.get(metastreamOf(streamId))?.events.at(-1);
    let meta: Record<string, unknown> = {};
    try {
      meta = current ? (JSON.parse(Buffer.from(current.data).toString('utf8')) as Record<string, unknown>) : {};
    } catch {
      return; // EventStoreDB leaves unreadable metadata alone
    }
    const json = JSON.stringify({ ...meta, $tb: '\u0000' }).replace('"\\u0000"', recreateFrom.toString());
    this.writeMetadata(streamId, json);
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }
}
