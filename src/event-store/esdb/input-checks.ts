// Checks the arguments of the event store calls before anything goes over the wire, so that bad input is
// refused with a TypeError that says what is wrong (the same words as the embedded store uses).
import type { AppendOptions, DeleteOptions, ExpectedRevision, NewEvent, ReadAllOptions, ReadStreamOptions, SubscribeOptions } from '../event-store';

export function checkStreamId(streamId: unknown, call: string): asserts streamId is string {
  if (typeof streamId !== 'string' || streamId === '') {
    throw new TypeError(`${call}: the stream id must be a non-empty string, got ${JSON.stringify(streamId)}`);
  }
}

function checkCount(value: unknown, what: string, min: number): void {
  if (value !== undefined && !(Number.isSafeInteger(value) && (value as number) >= min)) {
    throw new TypeError(`${what} must be an integer >= ${min}, got ${String(value)}`);
  }
}

function isExpectedRevision(value: unknown): value is ExpectedRevision {
  return value === 'any' || value === 'no_stream' || value === 'stream_exists' || (Number.isSafeInteger(value) && (value as number) >= 0);
}

function checkExpected(value: unknown, call: string, streamId: string): ExpectedRevision {
  if (value === undefined) return 'any';
  if (!isExpectedRevision(value)) {
    throw new TypeError(`${call} ${streamId}: expectedRevision must be 'any', 'no_stream', 'stream_exists' or a revision >= 0, got ${JSON.stringify(value)}`);
  }
  return value;
}

function checkJson(value: unknown, what: string): void {
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch (error) {
    throw new TypeError(`${what} cannot be stored as JSON: ${(error as Error).message}`);
  }
  if (json === undefined) throw new TypeError(`${what} cannot be stored as JSON (it is ${typeof value})`);
}

export function checkAppend(streamId: unknown, events: unknown, options: AppendOptions): { expected: ExpectedRevision; events: NewEvent[] } {
  checkStreamId(streamId, 'appendToStream');
  const where = `appendToStream ${streamId}`;
  if (!Array.isArray(events) || events.length === 0) throw new TypeError(`${where}: needs at least one event`);
  const expected = checkExpected(options.expectedRevision, 'appendToStream', streamId);
  const ids = new Set<string>();
  (events as unknown[]).forEach((event, index) => {
    const what = `${where}: event ${index}`;
    if (typeof event !== 'object' || event === null) throw new TypeError(`${what} is not an object`);
    const e = event as NewEvent;
    if (typeof e.type !== 'string' || e.type === '') throw new TypeError(`${what} needs a non-empty string type`);
    if (e.id !== undefined && (typeof e.id !== 'string' || e.id === '')) {
      throw new TypeError(`${what} (${e.type}): id must be a non-empty string when given`);
    }
    if (typeof e.metadata !== 'object' || e.metadata === null || Array.isArray(e.metadata)) {
      throw new TypeError(`${what} (${e.type}): metadata must be an object`);
    }
    if (e.id !== undefined) {
      if (ids.has(e.id)) throw new TypeError(`${what} (${e.type}): event id ${e.id} appears twice in this append`);
      ids.add(e.id);
    }
    checkJson(e.data, `${what} (${e.type}) data`);
    checkJson(e.metadata, `${what} (${e.type}) metadata`);
  });
  return { expected, events: events as NewEvent[] };
}

export function checkDelete(streamId: unknown, options: DeleteOptions): ExpectedRevision {
  checkStreamId(streamId, 'deleteStream');
  return checkExpected(options.expectedRevision, 'deleteStream', streamId);
}

export function checkReadStream(streamId: unknown, options: ReadStreamOptions): void {
  checkStreamId(streamId, 'readStream');
  checkCount(options.fromRevision, `readStream ${streamId}: fromRevision`, 0);
  checkCount(options.maxCount, `readStream ${streamId}: maxCount`, 0);
  const direction = options.direction ?? 'forwards';
  if (direction !== 'forwards' && direction !== 'backwards') {
    throw new TypeError(`readStream ${streamId}: direction must be 'forwards' or 'backwards', got ${JSON.stringify(direction)}`);
  }
}

export function checkReadAll(options: ReadAllOptions): void {
  checkCount(options.after, 'readAll: after', -1);
  checkCount(options.maxCount, 'readAll: maxCount', 0);
}

export function checkSubscribe(handler: unknown, options: SubscribeOptions): void {
  if (typeof handler !== 'function') throw new TypeError('subscribeToAll: the handler must be a function');
  checkCount(options.after, 'subscribeToAll: after', -1);
  checkCount(options.maxBatch, 'subscribeToAll: maxBatch', 1);
  const prefixes = options.streamPrefixes ?? [];
  if (!Array.isArray(prefixes) || prefixes.some((p) => typeof p !== 'string' || p === '')) {
    throw new TypeError('subscribeToAll: streamPrefixes must be a list of non-empty strings');
  }
}
