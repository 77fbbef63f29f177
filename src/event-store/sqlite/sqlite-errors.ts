// Turns SQLite failures into EventStoreUnavailable errors that name the file and say what is wrong in words
// an operator can act on. Result codes: https://www.sqlite.org/rescode.html
import { EventStoreUnavailable } from '../event-store';

/** The part of a SQLite error that crosses the writer thread boundary. */
export interface SqliteFailure {
  code?: string;
  message: string;
}

export function toSqliteFailure(error: unknown): SqliteFailure {
  if (error instanceof Error) {
    const code = (error as { code?: unknown }).code;
    return { code: typeof code === 'string' ? code : undefined, message: error.message };
  }
  return { message: String(error) };
}

/** "SQLITE_IOERR_WRITE" -> "SQLITE_IOERR": extended codes refine a primary code (rescode.html section 3). */
function primaryCode(code: string): string {
  const match = /^SQLITE_[A-Z]+/.exec(code);
  return match ? match[0] : code;
}

function explain(failure: SqliteFailure, busyTimeoutMs: number): string {
  const code = failure.code ?? '';
  const detail = `(${code ? `${code}: ` : ''}${failure.message})`;
  switch (primaryCode(code)) {
    case 'SQLITE_NOTADB':
      return `the file is not a SQLite database ${detail}`;
    case 'SQLITE_CORRUPT':
      return `the database file is corrupt or truncated; restore it from a backup ${detail}`;
    case 'SQLITE_FULL':
      return `the disk is full or the file reached its size limit; free space and try again ${detail}`;
    case 'SQLITE_CANTOPEN':
      return `the file cannot be opened; check that its directory exists and is writable ${detail}`;
    case 'SQLITE_READONLY':
      return `the file is read-only; the event store needs write access to the file and its directory (for the -wal and -shm files) ${detail}`;
    case 'SQLITE_PERM':
    case 'SQLITE_AUTH':
      return `permission denied ${detail}`;
    case 'SQLITE_IOERR':
      return `an I/O error occurred reading or writing the file (failing disk, or a full or read-only file system) ${detail}`;
    case 'SQLITE_BUSY':
    case 'SQLITE_LOCKED':
      return `the file stayed locked by another connection for more than ${busyTimeoutMs} ms ${detail}`;
    case 'SQLITE_NOMEM':
      return `out of memory ${detail}`;
    default:
      return `SQLite failed ${detail}`;
  }
}

/** `doing` says what was attempted ("cannot open", "append failed"), so the message reads as one sentence. */
export function unavailable(location: string, doing: string, error: unknown, busyTimeoutMs: number): EventStoreUnavailable {
  if (error instanceof EventStoreUnavailable) return error;
  const failure = isFailure(error) ? error : toSqliteFailure(error);
  return new EventStoreUnavailable(location, `${doing}: ${explain(failure, busyTimeoutMs)}`, { cause: error });
}

function isFailure(value: unknown): value is SqliteFailure {
  return typeof value === 'object' && value !== null && !(value instanceof Error) && typeof (value as SqliteFailure).message === 'string';
}
