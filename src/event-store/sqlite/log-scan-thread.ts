// Entry point of a log scan's reading thread: reads pages of the log on its own read-only connection, at
// most `ahead` pages in front of the main thread, and sends each page as one JSON text.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { EventReader } from './event-reader';
import type { FromScanThread, ScanSettings, ToScanThread } from './log-scan-protocol';
import { toSqliteFailure } from './sqlite-errors';

const port = parentPort;
if (!port) throw new Error('log-scan-thread.js runs only as a worker thread of the SQLite event store');
const settings = workerData as ScanSettings;
const send = (message: FromScanThread): void => port.postMessage(message);

let reader: EventReader | undefined;
let db: Database.Database | undefined;
let after = settings.after;
let credit = settings.ahead;
let finished = false;

function finish(message: FromScanThread): void {
  finished = true;
  send(message);
  db?.close();
}

function readPages(): void {
  try {
    if (!reader) {
      db = new Database(settings.file, { fileMustExist: true });
      db.pragma(`busy_timeout = ${settings.busyTimeoutMs}`);
      db.pragma('query_only = ON');
      reader = new EventReader(db);
    }
    while (credit > 0 && !finished) {
      const page = reader.readAllText(after, settings.pageSize, settings.eventTypes, settings.withoutData, settings.maxPageChars);
      if (page.count === 0) return finish({ kind: 'end' });
      after = page.last;
      credit--;
      send({ kind: 'page', text: page.text, count: page.count, last: page.last });
    }
  } catch (error) {
    finish({ kind: 'failed', failure: toSqliteFailure(error) });
  }
}

port.on('message', (message: ToScanThread) => {
  if (message === 'taken') credit++;
  readPages();
});
readPages();
