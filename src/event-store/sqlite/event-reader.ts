// Reads of the embedded event store, on the main thread's own read-only connection. WAL gives each read
// a consistent snapshot while the writer thread (or another process) commits.
import type Database from 'better-sqlite3';
import { StoredEvent, StreamDeleted, type EventMetadata } from '../event-store';
import { StreamState } from './schema';

/**
 * A row as an array in COLUMNS order: reads use better-sqlite3's raw mode, which skips building an object
 * per row (a rebuild reads millions of them).
 */
type EventRow = [position: number, id: string, streamId: string, revision: number, type: string, metadata: string, data: string];

/** One step of a subscription: the matching events, and how far the log was looked at. */
export interface LogPage {
  events: StoredEvent[];
  /** Every matching event up to this position was returned; continue after it. */
  scannedTo: number;
  /** The log goes on past `scannedTo` (read again at once rather than waiting for a change). */
  more: boolean;
}

const COLUMNS = `position, id, stream_id, revision, type, metadata, data`;
// Streams and types starting with "$" belong to the store (event-store.ts isSystemEvent).
const NOT_SYSTEM = `substr(stream_id, 1, 1) <> '$' AND substr(type, 1, 1) <> '$'`;
/** How many positions one subscription step looks at, so a filtered catch-up never blocks the loop long. */
const SCAN_WINDOW = 20_000;
const NO_LIMIT = -1;
// Every statement here ends in `LIMIT +?`, not `LIMIT ?`: SQLite plans with the value bound to a bare
// LIMIT parameter, so it would compile the statement again at every run (the plans are the same).

export class EventReader {
  private readonly streamState: Database.Statement<[string], { state: number }>;
  private readonly forwards: Database.Statement<[string, number, number], EventRow>;
  private readonly backwards: Database.Statement<[string, number, number], EventRow>;
  private readonly all: Database.Statement<[number, number], EventRow>;
  private readonly head: Database.Statement<[], { head: number | null }>;
  private readonly filtered = new Map<string, Database.Statement<unknown[], EventRow>>();
  private readonly typed = new Map<number, Database.Statement<unknown[], EventRow>>();
  private readonly textPages = new Map<string, Database.Statement<unknown[], [position: number, rowText: string]>>();

  constructor(private readonly db: Database.Database) {
    this.streamState = db.prepare(`SELECT state FROM streams WHERE stream_id = ?`);
    this.forwards = db.prepare(`SELECT ${COLUMNS} FROM events WHERE stream_id = ? AND revision >= ? ORDER BY revision LIMIT +?`).raw(true) as never;
    this.backwards = db.prepare(`SELECT ${COLUMNS} FROM events WHERE stream_id = ? AND revision <= ? ORDER BY revision DESC LIMIT +?`).raw(true) as never;
    this.all = db.prepare(`SELECT ${COLUMNS} FROM events WHERE position > ? AND ${NOT_SYSTEM} ORDER BY position LIMIT +?`).raw(true) as never;
    this.head = db.prepare(`SELECT max(position) AS head FROM events`);
    // Transaction functions are made once: better-sqlite3 prepares their BEGIN/COMMIT statements each
    // time one is made, which costs more than the read itself.
    this.readStreamTx = db.transaction(this.readStreamTxBody);
    this.pageTx = db.transaction(this.pageTxBody);
  }

  readStream(streamId: string, fromRevision: number | undefined, backwards: boolean, maxCount: number | undefined): StoredEvent[] {
    return this.readStreamTx(streamId, fromRevision, backwards, maxCount);
  }

  private readonly readStreamTx: (streamId: string, fromRevision: number | undefined, backwards: boolean, maxCount: number | undefined) => StoredEvent[];
  private readonly readStreamTxBody = (streamId: string, fromRevision: number | undefined, backwards: boolean, maxCount: number | undefined): StoredEvent[] => {
    if (this.streamState.get(streamId)?.state === StreamState.tombstoned) throw new StreamDeleted(streamId);
    const limit = maxCount ?? NO_LIMIT;
    const rows = backwards
      ? this.backwards.all(streamId, fromRevision ?? Number.MAX_SAFE_INTEGER, limit)
      : this.forwards.all(streamId, fromRevision ?? 0, limit);
    return rows.map(toStoredEvent);
  };

  readAll(after: number, maxCount: number, eventTypes?: readonly string[]): StoredEvent[] {
    if (eventTypes === undefined) return this.all.all(after, maxCount).map(toStoredEvent);
    if (eventTypes.length === 0) return [];
    // A type filter is applied by SQLite, so the data of events nobody asked for is never read or parsed.
    const types = [...new Set(eventTypes)];
    let statement = this.typed.get(types.length);
    if (!statement) {
      statement = this.db.prepare(
        `SELECT ${COLUMNS} FROM events WHERE position > ? AND type IN (${types.map(() => '?').join(', ')}) AND ${NOT_SYSTEM} ORDER BY position LIMIT +?`,
      ).raw(true) as never;
      this.typed.set(types.length, statement);
    }
    return statement.all(after, ...types, maxCount).map(toStoredEvent);
  }

  /**
   * A page of the log as the JSON text of an array of rows (position, id, stream, revision, type, metadata,
   * data), for a scan on another thread: one string crosses the thread boundary instead of thousands of
   * objects. The stored metadata and data are JSON already, so SQLite builds each row's text by joining
   * (json_quote for the strings), which costs a third less than handing seven values per row to JavaScript.
   * Events of the `withoutData` types carry null data. The page ends after maxCount events or once its
   * text reaches maxChars (at least one event), whichever comes first.
   */
  readAllText(
    after: number,
    maxCount: number,
    eventTypes: readonly string[] | undefined,
    withoutData: readonly string[],
    maxChars = Number.MAX_SAFE_INTEGER,
  ): { text: string; count: number; last: number } {
    if (eventTypes?.length === 0) return { text: '[]', count: 0, last: after };
    const types = eventTypes ? [...new Set(eventTypes)] : [];
    const bare = [...new Set(withoutData)];
    const key = `${eventTypes ? types.length : -1}:${bare.length}`;
    let statement = this.textPages.get(key);
    if (!statement) {
      const data = bare.length > 0 ? `CASE WHEN type IN (${bare.map(() => '?').join(', ')}) THEN 'null' ELSE data END` : 'data';
      const rowText = `'[' || position || ',' || json_quote(id) || ',' || json_quote(stream_id) || ',' || revision || ',' || json_quote(type) || ',' || metadata || ',' || ${data} || ']'`;
      statement = this.db.prepare(
        `SELECT position, ${rowText} FROM events WHERE position > ? AND ${NOT_SYSTEM}` +
          (eventTypes ? ` AND type IN (${types.map(() => '?').join(', ')})` : '') +
          ` ORDER BY position LIMIT +?`,
      ).raw(true) as never;
      this.textPages.set(key, statement);
    }
    // Row by row, so a page of large events (content chunks) ends early at maxChars instead of being held whole.
    let text = '[';
    let count = 0;
    let last = after;
    for (const [position, row] of statement.iterate(...bare, after, ...types, maxCount)) {
      text += count === 0 ? row : ',' + row;
      count++;
      last = position;
      if (text.length >= maxChars) break;
    }
    return { text: text + ']', count, last };
  }

  headPosition(): number {
    return this.head.get()?.head ?? -1;
  }

  page(after: number, maxCount: number, prefixes: string[], eventTypes?: readonly string[]): LogPage {
    return this.pageTx(after, maxCount, prefixes, eventTypes);
  }

  private readonly pageTx: (after: number, maxCount: number, prefixes: string[], eventTypes?: readonly string[]) => LogPage;
  private readonly pageTxBody = (after: number, maxCount: number, prefixes: string[], eventTypes?: readonly string[]): LogPage => {
    const head = this.headPosition();
    const upTo = Math.min(after + SCAN_WINDOW, head);
    if (upTo <= after) return { events: [], scannedTo: after, more: false };
    const types = eventTypes ? [...new Set(eventTypes)] : [];
    if (eventTypes && types.length === 0) return { events: [], scannedTo: upTo, more: upTo < head };
    const rows = this.filteredStatement(prefixes.length, eventTypes ? types.length : -1).all(after, upTo, ...prefixes.flatMap((p) => [p, p]), ...types, maxCount);
    const scannedTo = rows.length === maxCount ? rows[rows.length - 1][0] : upTo;
    return { events: rows.map(toStoredEvent), scannedTo, more: scannedTo < head };
  };

  dataVersion(): number {
    return this.db.pragma('data_version', { simple: true }) as number;
  }

  /** typeCount -1: no type filter. */
  private filteredStatement(prefixCount: number, typeCount: number): Database.Statement<unknown[], EventRow> {
    const key = `${prefixCount}:${typeCount}`;
    let statement = this.filtered.get(key);
    if (!statement) {
      // substr and length both count characters, so the comparison is exact for any Unicode prefix.
      const prefixTest = Array.from({ length: prefixCount }, () => `substr(stream_id, 1, length(?)) = ?`).join(' OR ');
      // A type filter runs in SQL: the data of events of other types is never read into JavaScript.
      const typeTest = Array.from({ length: Math.max(0, typeCount) }, () => '?').join(', ');
      statement = this.db.prepare(
        `SELECT ${COLUMNS} FROM events WHERE position > ? AND position <= ? AND ${NOT_SYSTEM}` +
          (prefixCount > 0 ? ` AND (${prefixTest})` : '') +
          (typeCount >= 0 ? ` AND type IN (${typeTest})` : '') +
          ` ORDER BY position LIMIT +?`,
      ).raw(true) as never;
      this.filtered.set(key, statement);
    }
    return statement;
  }
}

/** The rows of a readAllText page, parsed. */
export function eventsOfText(text: string): StoredEvent[] {
  const rows = JSON.parse(text) as [position: number, id: string, streamId: string, revision: number, type: string, metadata: EventMetadata, data: unknown][];
  const events = new Array<StoredEvent>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    events[i] = { id: row[1], streamId: row[2], revision: row[3], position: row[0], type: row[4], data: row[6], metadata: row[5] };
  }
  return events;
}

function toStoredEvent(row: EventRow): StoredEvent {
  return {
    id: row[1],
    streamId: row[2],
    revision: row[3],
    position: row[0],
    type: row[4],
    data: JSON.parse(row[6]),
    metadata: JSON.parse(row[5]),
  };
}
