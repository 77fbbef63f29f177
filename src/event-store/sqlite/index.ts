// The embedded SQLite event store (one node on one machine).
export { openSqliteEventStore, SqliteEventStore, DEFAULT_READ_ALL_COUNT } from './sqlite-event-store';
export type { SqliteEventStoreOptions, CommitInfo } from './sqlite-event-store';
