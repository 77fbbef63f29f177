// Messages between a log scan (log-scan.ts, main thread) and its reading thread (log-scan-thread.ts).
import type { SqliteFailure } from './sqlite-errors';

export interface ScanSettings {
  file: string;
  busyTimeoutMs: number;
  after: number;
  eventTypes?: readonly string[];
  withoutData: readonly string[];
  pageSize: number;
  /** A page also ends once its text is this long: pages of large events stay small in memory. */
  maxPageChars: number;
  /** Pages the thread may read before the main thread has taken them: bounds the memory a scan holds. */
  ahead: number;
}

export type FromScanThread =
  | { kind: 'page'; text: string; count: number; last: number }
  | { kind: 'end' }
  | { kind: 'failed'; failure: SqliteFailure };

/** The main thread took a page: the thread may read one more. */
export type ToScanThread = 'taken';
