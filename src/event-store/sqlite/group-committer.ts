// Group commit: every write submitted while the writer thread is busy (or within the same tick when it is
// idle) goes into the next batch, which the writer commits in one transaction with one fsync. Under load the
// batches grow by themselves, so many concurrent appenders share each fsync instead of waiting for their own.
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { EventStoreUnavailable } from '../event-store';
import { unavailable } from './sqlite-errors';
import { FromWriter, outcomeAt, packOps, ToWriter, WriteOp, WriteOutcome, WriterSettings } from './writer-protocol';

/** Reported after every commit (metrics). `batchSize` counts operations, `events` the events written. */
export interface CommitInfo {
  batchSize: number;
  events: number;
  durationMs: number;
}

interface Pending {
  op: WriteOp;
  bytes: number;
  resolve(outcome: WriteOutcome): void;
  reject(error: Error): void;
}

/** Bounds on one batch, so one huge burst does not become one huge transaction and message. */
const MAX_BATCH_OPS = 4096;
const MAX_BATCH_BYTES = 16 * 1024 * 1024;
/**
 * Two batches may be with the writer at once: while it commits one, the next is already waiting, so the
 * writer does not sit idle while this thread acknowledges appends and gathers new ones.
 */
const MAX_IN_FLIGHT = 2;
/** Below this many waiting writes an idle writer gets them in one batch rather than two. */
const MIN_SPLIT = 32;

export class GroupCommitter {
  private queue: Pending[] = [];
  /** Batches sent to the writer and not answered yet, oldest first. */
  private inFlight: Array<{ seq: number; batch: Pending[] }> = [];
  private flushScheduled = false;
  private seq = 0;
  private failure: EventStoreUnavailable | undefined;
  private closed = false;
  private readonly drainWaiters: Array<() => void> = [];
  private closedWaiter: (() => void) | undefined;

  private constructor(
    private readonly worker: Worker,
    private readonly location: string,
    private readonly busyTimeoutMs: number,
    private readonly onCommitted: (info: CommitInfo) => void,
  ) {
    worker.on('message', (message: FromWriter) => this.receive(message));
    worker.on('error', (error) => this.breakDown(unavailable(location, 'the writer thread failed', error, busyTimeoutMs)));
    worker.on('exit', (code) => {
      this.closedWaiter?.();
      if (!this.closed) this.breakDown(new EventStoreUnavailable(location, `the writer thread stopped unexpectedly (exit code ${code})`));
    });
    worker.unref();
  }

  /** Starts the writer thread and waits until its connection is open. */
  static async start(settings: WriterSettings, onCommitted: (info: CommitInfo) => void): Promise<GroupCommitter> {
    const worker = new Worker(join(__dirname, 'writer-thread.js'), { workerData: settings });
    const location = settings.file;
    await new Promise<void>((resolve, reject) => {
      const fail = (error: unknown): void => {
        cleanup();
        void worker.terminate();
        reject(unavailable(location, 'cannot open', error, settings.busyTimeoutMs));
      };
      const onMessage = (message: FromWriter): void => {
        if (message.kind === 'ready') {
          cleanup();
          resolve();
        } else if (message.kind === 'open-failed') fail(message.failure);
      };
      const onExit = (code: number): void => fail(new Error(`the writer thread exited during start (exit code ${code})`));
      const cleanup = (): void => {
        worker.off('message', onMessage);
        worker.off('error', fail);
        worker.off('exit', onExit);
      };
      worker.on('message', onMessage);
      worker.on('error', fail);
      worker.on('exit', onExit);
    });
    return new GroupCommitter(worker, location, settings.busyTimeoutMs, onCommitted);
  }

  submit(op: WriteOp, bytes: number): Promise<WriteOutcome> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.closed) return Promise.reject(new EventStoreUnavailable(this.location, 'the event store is closed'));
    return new Promise<WriteOutcome>((resolve, reject) => {
      this.queue.push({ op, bytes, resolve, reject });
      this.scheduleFlush();
    });
  }

  /** Finishes every submitted write, then closes the writer connection. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await new Promise<void>((resolve) => {
      if (!this.busy()) resolve();
      else this.drainWaiters.push(resolve);
    });
    if (this.failure) {
      await this.worker.terminate();
      return;
    }
    const exited = new Promise<void>((resolve) => (this.closedWaiter = resolve));
    this.worker.ref();
    this.post({ kind: 'close' });
    await exited;
  }

  private busy(): boolean {
    return this.inFlight.length > 0 || this.queue.length > 0;
  }

  private scheduleFlush(): void {
    if (this.flushScheduled || this.inFlight.length >= MAX_IN_FLIGHT) return;
    this.flushScheduled = true;
    // setImmediate, not a microtask: appends issued anywhere in the current tick join this batch.
    setImmediate(() => {
      this.flushScheduled = false;
      this.flush();
    });
  }

  private flush(): void {
    if (this.failure) return;
    if (this.inFlight.length === 0 && this.queue.length >= MIN_SPLIT) {
      // An idle writer gets half now and half right behind it, so that from here on one batch is always
      // being gathered while the other commits.
      this.send(Math.ceil(this.queue.length / 2));
    }
    while (this.inFlight.length < MAX_IN_FLIGHT && this.queue.length > 0) this.send(this.queue.length);
  }

  private send(wanted: number): void {
    let count = 0;
    let bytes = 0;
    const limit = Math.min(wanted, this.queue.length, MAX_BATCH_OPS);
    while (count < limit && (count === 0 || bytes + this.queue[count].bytes <= MAX_BATCH_BYTES)) {
      bytes += this.queue[count].bytes;
      count += 1;
    }
    const batch = this.queue.splice(0, count);
    this.seq += 1;
    this.inFlight.push({ seq: this.seq, batch });
    this.worker.ref(); // an acknowledged write must not be cut off by the process exiting
    this.post({ kind: 'batch', seq: this.seq, ops: packOps(batch.map((p) => p.op)) });
  }

  private post(message: ToWriter): void {
    this.worker.postMessage(message);
  }

  private receive(message: FromWriter): void {
    if (message.kind === 'closed') return;
    if (message.kind !== 'committed' && message.kind !== 'batch-failed') return;
    // The writer answers batches in the order it got them.
    if (this.inFlight[0]?.seq !== message.seq) return;
    const { batch } = this.inFlight.shift()!;
    if (message.kind === 'committed') {
      let events = 0;
      batch.forEach((pending, i) => {
        const outcome = outcomeAt(message.outcomes, i);
        if (outcome.ok) events += outcome.written;
        pending.resolve(outcome);
      });
      this.onCommitted({ batchSize: batch.length, events, durationMs: message.durationMs });
    } else {
      // Nothing of the batch was committed, so no append in it may be acknowledged.
      const error = unavailable(this.location, 'append failed', message.failure, this.busyTimeoutMs);
      for (const pending of batch) pending.reject(error);
    }
    this.afterBatch();
  }

  private afterBatch(): void {
    if (this.busy() && !this.failure) {
      this.scheduleFlush();
      return;
    }
    this.worker.unref();
    for (const waiter of this.drainWaiters.splice(0)) waiter();
  }

  private breakDown(error: EventStoreUnavailable): void {
    if (this.failure) return;
    this.failure = error;
    const pending = [...this.inFlight.flatMap((f) => f.batch), ...this.queue];
    this.inFlight = [];
    this.queue = [];
    for (const p of pending) p.reject(error);
    this.afterBatch();
  }
}
