// scanAll of the embedded store: a worker thread reads the log (SQLite's stepping and the text of each
// row) while the main thread parses and applies the pages it already has. Reading is about half of a
// rebuild's work when done on one thread.
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { EventStoreUnavailable, type StoredEvent } from '../event-store';
import type { CheckedScan } from '../read-ahead-scan';
import { eventsOfText } from './event-reader';
import type { FromScanThread, ScanSettings, ToScanThread } from './log-scan-protocol';
import { unavailable } from './sqlite-errors';

/**
 * Pages read ahead of the caller. Applying a page takes longer than reading one, so one page ahead keeps
 * both threads busy; more only holds more memory (measured: a rebuild's peak RSS grew by 30-60 MB at 3).
 */
const PAGES_AHEAD = 1;
/** About 1 MB of text per page: small pages keep the peaks of both threads' heaps low whatever the events' size. */
const MAX_PAGE_CHARS = 1_000_000;

export async function* scanLog(file: string, scan: CheckedScan, busyTimeoutMs: number): AsyncIterableIterator<StoredEvent[]> {
  if (scan.eventTypes?.length === 0) return;
  const settings: ScanSettings = {
    file,
    busyTimeoutMs,
    after: scan.after,
    eventTypes: scan.eventTypes,
    withoutData: [...scan.withoutData],
    pageSize: scan.pageSize,
    maxPageChars: MAX_PAGE_CHARS,
    ahead: PAGES_AHEAD,
  };
  // A small young generation: the thread's garbage is page-sized strings that die at once, and a rebuild
  // (the main user) is held to a memory budget.
  const worker = new Worker(join(__dirname, 'log-scan-thread.js'), { workerData: settings, resourceLimits: { maxYoungGenerationSizeMb: 8 } });
  const inbox: FromScanThread[] = [];
  let threadError: Error | null = null;
  let wake: (() => void) | null = null;
  const notify = (): void => {
    wake?.();
    wake = null;
  };
  worker.on('message', (message: FromScanThread) => {
    inbox.push(message);
    notify();
  });
  worker.on('error', (error) => {
    threadError = error;
    notify();
  });
  worker.on('exit', (code) => {
    threadError ??= new Error(`the reading thread stopped (exit code ${code})`);
    notify();
  });
  let last = scan.after;
  try {
    for (;;) {
      if (inbox.length === 0 && threadError === null) {
        // Referenced only while waiting: an abandoned scan never keeps the process alive.
        worker.ref();
        await new Promise<void>((resolve) => (wake = resolve));
        worker.unref();
        continue;
      }
      const message = inbox.shift();
      if (message === undefined) throw unavailable(file, 'scan failed', threadError, busyTimeoutMs);
      if (message.kind === 'end') return;
      if (message.kind === 'failed') throw unavailable(file, 'scan failed', message.failure, busyTimeoutMs);
      worker.postMessage('taken' satisfies ToScanThread);
      let events: StoredEvent[];
      try {
        events = eventsOfText(message.text);
      } catch (error) {
        throw new EventStoreUnavailable(file, `scan failed: an event after position ${last} (up to ${message.last}) is not valid JSON; the file is damaged`, { cause: error });
      }
      last = message.last;
      yield events;
    }
  } finally {
    worker.removeAllListeners();
    await worker.terminate();
  }
}
