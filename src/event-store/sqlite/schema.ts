// The file layout of the embedded event store (data/events.sqlite) and the checks made when it is opened.
//
// `position` is the global log order. AUTOINCREMENT (not a plain rowid) keeps it strictly increasing even
// after the newest events were deleted with their stream: a plain rowid would hand out the same number
// again and a subscriber whose checkpoint is past it would never see the new event.
import type Database from 'better-sqlite3';
import { EventStoreUnavailable } from '../event-store';

/** Bumped whenever the layout changes; a file with a higher number was written by a newer Postwire. */
export const SCHEMA_VERSION = 1;

/** Marks a SQLite file as a Postwire event store ("PWES"), so another SQLite file is not mistaken for one. */
export const APPLICATION_ID = 0x50574553;

/** `streams.state` values. */
export const StreamState = { live: 0, softDeleted: 1, tombstoned: 2 } as const;

const CREATE_SCHEMA = `
  CREATE TABLE events (
    position INTEGER PRIMARY KEY AUTOINCREMENT,
    stream_id TEXT NOT NULL,
    revision INTEGER NOT NULL,
    type TEXT NOT NULL,
    id TEXT NOT NULL UNIQUE,
    metadata TEXT NOT NULL,
    data TEXT NOT NULL
  );
  CREATE UNIQUE INDEX events_by_stream ON events (stream_id, revision);
  -- last_revision survives a soft delete: a recreated stream continues after it, as in EventStoreDB.
  CREATE TABLE streams (
    stream_id TEXT PRIMARY KEY,
    last_revision INTEGER NOT NULL,
    state INTEGER NOT NULL
  ) WITHOUT ROWID;
  PRAGMA application_id = ${APPLICATION_ID};
  PRAGMA user_version = ${SCHEMA_VERSION};
`;

/**
 * Switches the file to WAL and creates the schema when the file is new, or checks that an existing file is
 * an event store this version can use. Throws EventStoreUnavailable naming the file otherwise.
 */
export function prepareSchema(db: Database.Database, location: string): void {
  // WAL lets readers (subscriptions, a CLI command in another process) run while the writer commits.
  const mode = db.pragma('journal_mode = WAL', { simple: true });
  if (mode !== 'wal') {
    throw new EventStoreUnavailable(location, `cannot switch the file to write-ahead logging (journal mode stays "${String(mode)}")`);
  }
  if (readVersion(db) === 0) {
    // Two processes may open a new file at once: create under the write lock and look again inside it.
    db.transaction(() => {
      if (readVersion(db) !== 0) return;
      const tables = db.prepare(`SELECT count(*) AS n FROM sqlite_schema`).get() as { n: number };
      if (tables.n > 0) {
        throw new EventStoreUnavailable(location, 'is a SQLite database but not a Postwire event store (it has other tables and no event store schema)');
      }
      db.exec(CREATE_SCHEMA);
    }).immediate();
  }
  const version = readVersion(db);
  const applicationId = db.pragma('application_id', { simple: true });
  if (applicationId !== APPLICATION_ID) {
    throw new EventStoreUnavailable(location, `is a SQLite database but not a Postwire event store (application id ${String(applicationId)})`);
  }
  if (version > SCHEMA_VERSION) {
    throw new EventStoreUnavailable(
      location,
      `was written by a newer version of Postwire (event store schema version ${version}; this version understands up to ${SCHEMA_VERSION}); upgrade Postwire to open it`,
    );
  }
}

function readVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}
