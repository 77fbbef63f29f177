// Applies one batch of appends and deletes in one SQLite transaction (one fsync for the whole batch).
// Each operation is checked against the state left by the operations before it, so appends to one stream
// within a batch see each other in order, and is all-or-nothing on its own (a savepoint when it has several
// statements), so one failing operation leaves the others untouched. Runs on the writer thread only.
import type Database from 'better-sqlite3';
import { expectationHolds } from './expected-revision';
import { StreamState } from './schema';
import type { WriteOp, WriteOutcome } from './writer-protocol';

interface StreamRow {
  last_revision: number;
  state: number;
}

interface EventLocation {
  stream_id: string;
  revision: number;
  position: number;
}

type AppendOp = Extract<WriteOp, { kind: 'append' }>;
type DeleteOp = Extract<WriteOp, { kind: 'delete' }>;

/** How many streams' states are remembered between batches before the memory is cleared. */
const MAX_KNOWN_STREAMS = 50_000;

export class BatchWriter {
  private readonly getStream: Database.Statement<[string], StreamRow>;
  private readonly findEvent: Database.Statement<[string], EventLocation>;
  private readonly insertEvent: Database.Statement<[string, number, string, string, string, string]>;
  private readonly saveStream: Database.Statement<[string, number, number]>;
  private readonly deleteEvents: Database.Statement<[string]>;
  private readonly applyInSavepoint: (op: WriteOp) => WriteOutcome;
  private readonly applyAll: Database.Transaction<(ops: WriteOp[]) => WriteOutcome[]>;
  private readonly dataVersion: Database.Statement<[], { data_version: number }>;
  /**
   * Stream states as last committed, so most appends skip a lookup. Valid only while no other connection
   * has written: PRAGMA data_version changes exactly when another connection committed
   * (https://www.sqlite.org/pragma.html#pragma_data_version), and then the memory is dropped.
   */
  private readonly known = new Map<string, StreamRow>();
  /** States changed by the batch being applied; they join `known` only once the batch committed. */
  private readonly staged = new Map<string, StreamRow>();
  private knownVersion = -1;

  constructor(db: Database.Database) {
    this.getStream = db.prepare(`SELECT last_revision, state FROM streams WHERE stream_id = ?`);
    this.findEvent = db.prepare(`SELECT stream_id, revision, position FROM events WHERE id = ?`);
    this.insertEvent = db.prepare(`INSERT INTO events (stream_id, revision, type, id, metadata, data) VALUES (?, ?, ?, ?, ?, ?)`);
    this.saveStream = db.prepare(
      `INSERT INTO streams (stream_id, last_revision, state) VALUES (?, ?, ?)
       ON CONFLICT (stream_id) DO UPDATE SET last_revision = excluded.last_revision, state = excluded.state`,
    );
    this.deleteEvents = db.prepare(`DELETE FROM events WHERE stream_id = ?`);
    // better-sqlite3 runs a transaction function called inside another one as a SAVEPOINT, rolled back
    // when it throws.
    this.applyInSavepoint = db.transaction((op: WriteOp) => (op.kind === 'append' ? this.append(op) : this.delete(op)));
    this.dataVersion = db.prepare('PRAGMA data_version');
    this.applyAll = db.transaction((ops: WriteOp[]) => {
      this.forgetIfOthersWrote();
      return ops.map((op) => this.applyOne(op));
    });
  }

  /** Commits the batch; throws (and commits nothing) when the transaction itself fails. */
  commit(ops: WriteOp[]): WriteOutcome[] {
    try {
      // IMMEDIATE takes the write lock up front, waiting up to busy_timeout for another process's writer.
      const outcomes = this.applyAll.immediate(ops);
      if (this.known.size + this.staged.size > MAX_KNOWN_STREAMS) this.known.clear();
      for (const [streamId, state] of this.staged) this.known.set(streamId, state);
      return outcomes;
    } catch (error) {
      this.known.clear();
      throw error;
    } finally {
      this.staged.clear();
    }
  }

  /** Runs inside the write transaction, so nobody else can commit between this check and the batch. */
  private forgetIfOthersWrote(): void {
    const version = this.dataVersion.get()?.data_version ?? -1;
    if (version !== this.knownVersion) {
      this.known.clear();
      this.knownVersion = version;
    }
  }

  private streamState(streamId: string): StreamRow | undefined {
    const cached = this.staged.get(streamId) ?? this.known.get(streamId);
    if (cached) return cached;
    const row = this.getStream.get(streamId);
    if (row) this.known.set(streamId, row); // not changed by this batch (not staged): the committed state
    return row;
  }

  private saveState(streamId: string, lastRevision: number, state: number): void {
    this.saveStream.run(streamId, lastRevision, state);
    this.staged.set(streamId, { last_revision: lastRevision, state });
  }

  private applyOne(op: WriteOp): WriteOutcome {
    try {
      // One INSERT is atomic by itself (SQLite rolls back a failed statement), so only appends of several
      // events need a savepoint to be all-or-nothing within the batch.
      return op.kind === 'append' && op.events.length === 1 ? this.append(op) : this.applyInSavepoint(op);
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (code === 'SQLITE_CONSTRAINT_UNIQUE' && op.kind === 'append') {
        return { ok: false, reason: 'rejected', message: this.describeDuplicate(op) };
      }
      if (code === 'SQLITE_TOOBIG') {
        return { ok: false, reason: 'rejected', message: `an event of stream ${op.streamId} is larger than SQLite accepts` };
      }
      throw error; // the batch fails as a whole: disk full, I/O error, corruption
    }
  }

  private append(op: AppendOp): WriteOutcome {
    const stream = this.streamState(op.streamId);
    if (stream?.state === StreamState.tombstoned) return { ok: false, reason: 'tombstoned' };
    if (op.callerIds) {
      const replay = this.findReplay(op);
      if (replay) return replay;
    }
    const actual = stream && stream.state === StreamState.live ? stream.last_revision : -1;
    if (!expectationHolds(op.expected, actual)) return { ok: false, reason: 'conflict', actual };
    // After a soft delete numbering continues past the old last revision (EventStoreDB does the same).
    let revision = stream ? stream.last_revision : -1;
    let position = -1;
    for (const event of op.events) {
      revision += 1;
      const info = this.insertEvent.run(op.streamId, revision, event.type, event.id, event.metadata, event.data);
      position = Number(info.lastInsertRowid);
    }
    this.saveState(op.streamId, revision, StreamState.live);
    return { ok: true, revision, position, written: op.events.length };
  }

  /** A retried append: every event id is already in this stream. Answers as the first append did. */
  private findReplay(op: AppendOp): WriteOutcome | undefined {
    let last: EventLocation | undefined;
    for (const event of op.events) {
      const found = this.findEvent.get(event.id);
      if (!found || found.stream_id !== op.streamId) return undefined;
      if (!last || found.revision > last.revision) last = found;
    }
    return last && { ok: true, revision: last.revision, position: last.position, written: 0 };
  }

  private describeDuplicate(op: AppendOp): string {
    for (const event of op.events) {
      const found = this.findEvent.get(event.id);
      if (found) return `event id ${event.id} is already used by event ${found.revision} of stream ${found.stream_id}`;
    }
    return `an event id of this append to stream ${op.streamId} is already used`;
  }

  private delete(op: DeleteOp): WriteOutcome {
    const stream = this.streamState(op.streamId);
    if (stream?.state === StreamState.tombstoned) return { ok: false, reason: 'tombstoned' };
    const actual = stream && stream.state === StreamState.live ? stream.last_revision : -1;
    if (!expectationHolds(op.expected, actual)) return { ok: false, reason: 'conflict', actual };
    // Deleted events are removed for real: deleting message content relies on it.
    this.deleteEvents.run(op.streamId);
    if (op.tombstone) this.saveState(op.streamId, stream ? stream.last_revision : -1, StreamState.tombstoned);
    else if (stream) this.saveState(op.streamId, stream.last_revision, StreamState.softDeleted);
    return { ok: true, revision: actual, position: -1, written: 0 };
  }
}
