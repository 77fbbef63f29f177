// Checks the arguments of the event store calls and serialises events, so that bad input is refused with a
// TypeError that says what is wrong before anything reaches the writer thread.
import type {
  AppendOptions,
  DeleteOptions,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  SubscribeOptions,
  SubscriptionHandler,
} from '../event-store';
import { isExpectedRevision } from './expected-revision';
import type { EncodedEvent, WriteOp } from './writer-protocol';

function checkStreamId(streamId: unknown, call: string): asserts streamId is string {
  if (typeof streamId !== 'string' || streamId === '') {
    throw new TypeError(`${call}: the stream id must be a non-empty string, got ${JSON.stringify(streamId)}`);
  }
}

function checkCount(value: unknown, what: string, min: number): void {
  if (value !== undefined && !(Number.isSafeInteger(value) && (value as number) >= min)) {
    throw new TypeError(`${what} must be an integer >= ${min}, got ${String(value)}`);
  }
}

function checkExpected(value: unknown, call: string, streamId: string): void {
  if (value !== undefined && !isExpectedRevision(value)) {
    throw new TypeError(
      `${call} ${streamId}: expectedRevision must be 'any', 'no_stream', 'stream_exists' or a revision >= 0, got ${JSON.stringify(value)}`,
    );
  }
}

function toJson(value: unknown, what: string): string {
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch (error) {
    throw new TypeError(`${what} cannot be stored as JSON: ${(error as Error).message}`);
  }
  if (json === undefined) throw new TypeError(`${what} cannot be stored as JSON (it is ${typeof value})`);
  return json;
}

export function encodeAppend(
  streamId: string,
  events: NewEvent[],
  options: AppendOptions,
  newId: () => string,
): { op: WriteOp; bytes: number } {
  checkStreamId(streamId, 'appendToStream');
  const where = `appendToStream ${streamId}`;
  if (!Array.isArray(events) || events.length === 0) throw new TypeError(`${where}: needs at least one event`);
  checkExpected(options.expectedRevision, 'appendToStream', streamId);
  const ids = new Set<string>();
  let bytes = 0;
  const encoded = events.map((event, index): EncodedEvent => {
    const what = `${where}: event ${index}`;
    if (typeof event !== 'object' || event === null) throw new TypeError(`${what} is not an object`);
    if (typeof event.type !== 'string' || event.type === '') throw new TypeError(`${what} needs a non-empty string type`);
    if (event.id !== undefined && (typeof event.id !== 'string' || event.id === '')) {
      throw new TypeError(`${what} (${event.type}): id must be a non-empty string when given`);
    }
    if (typeof event.metadata !== 'object' || event.metadata === null || Array.isArray(event.metadata)) {
      throw new TypeError(`${what} (${event.type}): metadata must be an object`);
    }
    const id = event.id ?? newId();
    if (ids.has(id)) throw new TypeError(`${what} (${event.type}): event id ${id} appears twice in this append`);
    ids.add(id);
    const data = toJson(event.data, `${what} (${event.type}) data`);
    const metadata = toJson(event.metadata, `${what} (${event.type}) metadata`);
    bytes += data.length + metadata.length;
    return { id, type: event.type, metadata, data };
  });
  const callerIds = events.every((e) => e.id !== undefined);
  return { op: { kind: 'append', streamId, expected: options.expectedRevision ?? 'any', callerIds, events: encoded }, bytes };
}

export function validateDelete(streamId: string, options: DeleteOptions): WriteOp {
  checkStreamId(streamId, 'deleteStream');
  checkExpected(options.expectedRevision, 'deleteStream', streamId);
  return { kind: 'delete', streamId, expected: options.expectedRevision ?? 'any', tombstone: options.tombstone === true };
}

export function validateReadStream(
  streamId: string,
  options: ReadStreamOptions,
): { fromRevision?: number; backwards: boolean; maxCount?: number } {
  checkStreamId(streamId, 'readStream');
  checkCount(options.fromRevision, `readStream ${streamId}: fromRevision`, 0);
  checkCount(options.maxCount, `readStream ${streamId}: maxCount`, 0);
  const direction = options.direction ?? 'forwards';
  if (direction !== 'forwards' && direction !== 'backwards') {
    throw new TypeError(`readStream ${streamId}: direction must be 'forwards' or 'backwards', got ${JSON.stringify(direction)}`);
  }
  return { fromRevision: options.fromRevision, backwards: direction === 'backwards', maxCount: options.maxCount };
}

export function validateReadAll(options: ReadAllOptions): { after: number; maxCount?: number; eventTypes?: readonly string[] } {
  checkCount(options.after, 'readAll: after', -1);
  checkCount(options.maxCount, 'readAll: maxCount', 0);
  if (options.eventTypes !== undefined && (!Array.isArray(options.eventTypes) || options.eventTypes.some((t) => typeof t !== 'string' || t === ''))) {
    throw new TypeError('readAll: eventTypes must be a list of event type names');
  }
  return { after: options.after ?? -1, maxCount: options.maxCount, eventTypes: options.eventTypes };
}

export function validateSubscribe(
  handler: SubscriptionHandler,
  options: SubscribeOptions,
): { after: number; prefixes: string[]; maxBatch?: number; eventTypes?: readonly string[] } {
  if (typeof handler !== 'function') throw new TypeError('subscribeToAll: the handler must be a function');
  checkCount(options.after, 'subscribeToAll: after', -1);
  checkCount(options.maxBatch, 'subscribeToAll: maxBatch', 1);
  const prefixes = options.streamPrefixes ?? [];
  if (!Array.isArray(prefixes) || prefixes.some((p) => typeof p !== 'string' || p === '')) {
    throw new TypeError('subscribeToAll: streamPrefixes must be a list of non-empty strings');
  }
  if (options.eventTypes !== undefined && (!Array.isArray(options.eventTypes) || options.eventTypes.some((t) => typeof t !== 'string' || t === ''))) {
    throw new TypeError('subscribeToAll: eventTypes must be a list of event type names');
  }
  return { after: options.after ?? -1, prefixes, maxBatch: options.maxBatch, eventTypes: options.eventTypes };
}
