// Entry point of the event store's writer thread: owns the only write connection of this process and
// commits the batches the main thread sends, one at a time, in order.
import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { BatchWriter } from './batch-writer';
import { toSqliteFailure } from './sqlite-errors';
import { FromWriter, packOutcomes, ToWriter, unpackOps, WriterSettings } from './writer-protocol';

const port = parentPort;
if (!port) throw new Error('writer-thread.js runs only as a worker thread of the SQLite event store');
const settings = workerData as WriterSettings;
const send = (message: FromWriter): void => {
  // The outcome numbers move to the main thread instead of being copied.
  port.postMessage(message, message.kind === 'committed' ? [message.outcomes.numbers.buffer as ArrayBuffer] : []);
};

function openConnection(): { db: Database.Database; writer: BatchWriter } {
  const db = new Database(settings.file, { fileMustExist: true });
  try {
    db.pragma(`busy_timeout = ${settings.busyTimeoutMs}`);
    // FULL: the WAL is fsynced at every commit, so an acknowledged append survives power loss
    // (https://www.sqlite.org/pragma.html#pragma_synchronous); NORMAL would only survive a process crash.
    db.pragma('synchronous = FULL');
    // Checkpoint (copy the WAL into the database file) every 16384 pages (64 MiB) instead of SQLite's 1000:
    // the same hot index pages are rewritten by every commit, and a checkpoint copies each page once, so
    // rarer checkpoints copy far less. The WAL file is cut back to 64 MiB after each one.
    db.pragma('wal_autocheckpoint = 16384');
    db.pragma('journal_size_limit = 67108864');
    db.pragma('cache_size = -32768');
    return { db, writer: new BatchWriter(db) };
  } catch (error) {
    db.close();
    throw error;
  }
}

let connection: ReturnType<typeof openConnection> | undefined;
try {
  connection = openConnection();
  send({ kind: 'ready' });
} catch (error) {
  send({ kind: 'open-failed', failure: toSqliteFailure(error) });
}

port.on('message', (message: ToWriter) => {
  if (message.kind === 'close') {
    connection?.db.close();
    connection = undefined;
    send({ kind: 'closed' });
    port.close();
    return;
  }
  if (!connection) {
    send({ kind: 'batch-failed', seq: message.seq, failure: { message: 'the writer connection is not open' } });
    return;
  }
  const started = performance.now();
  try {
    const outcomes = connection.writer.commit(unpackOps(message.ops));
    const durationMs = performance.now() - started;
    send({ kind: 'committed', seq: message.seq, outcomes: packOutcomes(outcomes), durationMs });
  } catch (error) {
    send({ kind: 'batch-failed', seq: message.seq, failure: toSqliteFailure(error) });
  }
});
