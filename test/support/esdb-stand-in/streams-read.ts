// Streams.Read: reading a stream or $all (forwards or backwards, `count` events) and subscribing to
// either (count_option = subscription). A subscription answers with a confirmation, sends the history
// after the given point (exclusive), then `caught_up`, then live events as they are written; a filtered
// $all subscription also sends checkpoints so a client can remember how far the server has searched.
import { randomUUID } from 'node:crypto';
import type { ServerWritableStream } from '@grpc/grpc-js';
import { ReadReq, ReadResp } from '@eventstore/db-client/generated/streams_pb';
import type { StandInDatabase } from './database';
import { eventFilterOf, type EventFilter } from './event-filter';
import { eventResponse, streamIdentifier, streamNameOf } from './messages';
import { DELETED_STREAM, type LogRecord } from './records';
import { ResponseWriter } from './response-writer';
import { invalidArgumentError, invalidPositionError, streamDeletedError } from './rpc-errors';

const { StreamOptionCase, CountOptionCase, ReadDirection } = ReadReq.Options;
const StreamRevision = ReadReq.Options.StreamOptions.RevisionOptionCase;
const AllPosition = ReadReq.Options.AllOptions.AllOptionCase;

interface ReadContext {
  db: StandInDatabase;
  out: ResponseWriter<ReadResp>;
  structuredIds: boolean;
  filter: EventFilter | undefined;
  backwards: boolean;
  count: bigint;
}

export function readHandler(db: StandInDatabase) {
  return (call: ServerWritableStream<ReadReq, ReadResp>): void => {
    const out = new ResponseWriter(call);
    serveRead(db, call.request, out).then(
      () => out.end(),
      (error: unknown) => out.fail(error),
    );
  };
}

async function serveRead(db: StandInDatabase, request: ReadReq, out: ResponseWriter<ReadResp>): Promise<void> {
  const options = request.getOptions();
  if (!options) throw invalidArgumentError('ReadReq.options is required');
  let filter: EventFilter | undefined;
  try {
    filter = eventFilterOf(options);
  } catch (error) {
    throw invalidArgumentError(`invalid filter: ${error instanceof Error ? error.message : String(error)}`);
  }
  const subscribing = options.getCountOptionCase() === CountOptionCase.SUBSCRIPTION;
  const context: ReadContext = {
    db,
    out,
    structuredIds: options.getUuidOption()?.getContentCase() === ReadReq.Options.UUIDOption.ContentCase.STRUCTURED,
    filter,
    backwards: options.getReadDirection() === ReadDirection.BACKWARDS,
    count: subscribing ? 0n : BigInt(options.getCount() || '0'),
  };
  const stream = options.getStream();
  const all = options.getAll();
  if (options.getStreamOptionCase() === StreamOptionCase.STREAM && stream) {
    const streamId = streamNameOf(stream.getStreamIdentifier());
    return subscribing ? subscribeToStream(context, streamId, stream) : readStream(context, streamId, stream);
  }
  if (options.getStreamOptionCase() === StreamOptionCase.ALL && all) {
    return subscribing ? subscribeToAll(context, all) : readAll(context, all);
  }
  throw invalidArgumentError('ReadReq.options needs stream or all');
}

async function sendAll(context: ReadContext, records: Iterable<LogRecord>): Promise<void> {
  let left = context.count;
  for (const record of records) {
    if (left <= 0n) return;
    if (context.filter && !context.filter.matches(record)) continue;
    if (!(await context.out.send(eventResponse(record, context.structuredIds)))) return;
    left -= 1n;
  }
}

async function readStream(context: ReadContext, streamId: string, options: ReadReq.Options.StreamOptions): Promise<void> {
  const read = context.db.readStream(streamId);
  if (read.result === 'deleted') throw streamDeletedError(streamId);
  if (read.result === 'not-found') {
    const notFound = new ReadResp.StreamNotFound().setStreamIdentifier(streamIdentifier(streamId));
    await context.out.send(new ReadResp().setStreamNotFound(notFound));
    return;
  }
  const events = read.events;
  if (events.length === 0) return; // every event is before the stream's truncate-before point
  const from = (): bigint => {
    switch (options.getRevisionOptionCase()) {
      case StreamRevision.START:
        return context.backwards ? events[0]!.revision : 0n;
      case StreamRevision.END:
        return context.backwards ? events.at(-1)!.revision : events.at(-1)!.revision + 1n;
      case StreamRevision.REVISION:
        return BigInt(options.getRevision());
      default:
        throw invalidArgumentError('StreamOptions needs revision, start or end');
    }
  };
  const first = from();
  const selected = context.backwards ? events.filter((e) => e.revision <= first).reverse() : events.filter((e) => e.revision >= first);
  await sendAll(context, selected);
}

async function readAll(context: ReadContext, options: ReadReq.Options.AllOptions): Promise<void> {
  const log = context.db.log;
  let index: number; // forwards: first record to send; backwards: one past the first record to send
  switch (options.getAllOptionCase()) {
    case AllPosition.START:
      index = 0;
      break;
    case AllPosition.END:
      index = log.length;
      break;
    case AllPosition.POSITION:
      // Forwards the position is inclusive (a pre-position); backwards it is exclusive (a post-position).
      index = context.db.indexAtOrAfter(checkedPosition(context.db, options));
      break;
    default:
      throw invalidArgumentError('AllOptions needs position, start or end');
  }
  const records = context.backwards ? log.slice(0, index).reverse() : log.slice(index);
  await sendAll(context, records);
}

function checkedPosition(db: StandInDatabase, options: ReadReq.Options.AllOptions): bigint {
  const position = BigInt(options.getPosition()!.getCommitPosition());
  if (!db.isRecordBoundary(position)) throw invalidPositionError();
  return position;
}

async function confirm(out: ResponseWriter<ReadResp>): Promise<boolean> {
  const confirmation = new ReadResp.SubscriptionConfirmation().setSubscriptionId(randomUUID());
  return out.send(new ReadResp().setConfirmation(confirmation));
}

/** Walks the log from `index` forever: history first, then each new record as it is written. */
async function follow(context: ReadContext, index: number, deliver: (record: LogRecord) => Promise<boolean>): Promise<void> {
  const { db, out } = context;
  let caughtUp = false;
  while (!out.closed) {
    if (index < db.log.length) {
      if (!(await deliver(db.log[index++]!))) return;
      continue;
    }
    if (!caughtUp) {
      caughtUp = true;
      if (!(await out.send(new ReadResp().setCaughtUp(new ReadResp.CaughtUp())))) return;
    }
    await db.nextWrite(out.signal);
  }
}

async function subscribeToAll(context: ReadContext, options: ReadReq.Options.AllOptions): Promise<void> {
  const { db, out, filter } = context;
  let start: number;
  switch (options.getAllOptionCase()) {
    case AllPosition.START:
      start = 0;
      break;
    case AllPosition.END:
      start = db.log.length;
      break;
    case AllPosition.POSITION:
      // A subscription resumes after the given position: the event there was already seen.
      start = db.indexAtOrAfter(checkedPosition(db, options) + 1n);
      break;
    default:
      throw invalidArgumentError('AllOptions needs position, start or end');
  }
  if (!(await confirm(out))) return;
  let considered = 0;
  await follow(context, start, async (record) => {
    if ((!filter || filter.matches(record)) && !(await out.send(eventResponse(record, context.structuredIds)))) return false;
    if (filter && ++considered % filter.checkpointInterval === 0) {
      const position = record.position.toString();
      const checkpoint = new ReadResp.Checkpoint().setCommitPosition(position).setPreparePosition(position);
      return out.send(new ReadResp().setCheckpoint(checkpoint));
    }
    return true;
  });
}

async function subscribeToStream(context: ReadContext, streamId: string, options: ReadReq.Options.StreamOptions): Promise<void> {
  const { db, out } = context;
  if (db.lastEventNumber(streamId) === DELETED_STREAM) throw streamDeletedError(streamId);
  let after: bigint; // deliver revisions greater than this
  let start = 0;
  switch (options.getRevisionOptionCase()) {
    case StreamRevision.START:
      after = -1n;
      break;
    case StreamRevision.END:
      after = db.lastEventNumber(streamId);
      start = db.log.length;
      break;
    case StreamRevision.REVISION:
      after = BigInt(options.getRevision());
      break;
    default:
      throw invalidArgumentError('StreamOptions needs revision, start or end');
  }
  if (!(await confirm(out))) return;
  let deleted = false;
  await follow(context, start, async (record) => {
    if (record.streamId !== streamId || record.revision <= after) return true;
    if (record.revision === DELETED_STREAM) {
      deleted = true;
      return false;
    }
    if (record.revision < (db.truncateBefore(streamId) ?? 0n)) return true; // soft-deleted history stays hidden
    return out.send(eventResponse(record, context.structuredIds));
  });
  if (deleted) throw streamDeletedError(streamId);
}
