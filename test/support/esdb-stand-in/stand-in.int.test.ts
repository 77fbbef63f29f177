// Checks the stand-in against EventStoreDB's documented behaviour, through the official client over a
// real socket. The expectations follow EventStoreDB's own client test suites (deleted_stream,
// append_to_stream, subscribe_to_all) and its storage writer's commit checks.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  MaxAppendSizeExceededError,
  START,
  StreamDeletedError,
  StreamNotFoundError,
  WrongExpectedVersionError,
  excludeSystemEvents,
  eventTypeFilter,
  jsonEvent,
  streamNameFilter,
  type ResolvedEvent,
} from '@eventstore/db-client';
import { DEFAULT_MAX_APPEND_SIZE, startEsdbStandIn, type EsdbStandIn, type EsdbStandInOptions } from './stand-in';

const TIMEOUT = { timeout: 20_000 };

async function withStandIn(options: EsdbStandInOptions, body: (client: EventStoreDBClient, standIn: EsdbStandIn) => Promise<void>): Promise<void> {
  const standIn = await startEsdbStandIn(options);
  const client = EventStoreDBClient.connectionString(standIn.url);
  try {
    await body(client, standIn);
  } finally {
    await client.dispose();
    await standIn.stop();
  }
}

function events(count: number, type = 'Tested'): ReturnType<typeof jsonEvent>[] {
  return Array.from({ length: count }, (_, i) => jsonEvent({ type, data: { i } }));
}

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

async function revisions(client: EventStoreDBClient, stream: string): Promise<bigint[]> {
  return (await collect(client.readStream(stream))).map((e) => e.event!.revision);
}

async function rejectsWith<T extends Error>(promise: Promise<unknown>, type: new (...args: never[]) => T): Promise<T> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof type, `expected ${type.name}, got ${String(error)}`);
    return error;
  }
  assert.fail(`expected ${type.name}, but it succeeded`);
}

/** Events until `count` have arrived, or fails after `ms`. */
async function firstEvents(subscription: AsyncIterable<ResolvedEvent>, count: number, ms = 5000): Promise<ResolvedEvent[]> {
  const got: ResolvedEvent[] = [];
  const timer = setTimeout(() => (subscription as unknown as { destroy(): void }).destroy(), ms);
  for await (const resolved of subscription) {
    got.push(resolved);
    if (got.length === count) break;
  }
  clearTimeout(timer);
  return got;
}

for (const batchAppend of [true, false]) {
  const path = batchAppend ? 'BatchAppend' : 'Append';
  describe(`appending through ${path}`, () => {
    test('the client takes the path the server features offer', TIMEOUT, () =>
      withStandIn({ batchAppend }, async (client, standIn) => {
        await client.appendToStream('order-1', events(1));
        assert.equal(standIn.calls.get(`Streams.${path}`), 1);
        assert.equal(standIn.calls.get(`Streams.${batchAppend ? 'Append' : 'BatchAppend'}`), undefined);
      }),
    );

    test('revisions count from 0 and positions grow with every event', TIMEOUT, () =>
      withStandIn({ batchAppend }, async (client) => {
        const first = await client.appendToStream('order-1', events(2), { expectedRevision: 'no_stream' });
        const second = await client.appendToStream('order-1', events(1), { expectedRevision: 1n });
        assert.equal(first.nextExpectedRevision, 1n);
        assert.equal(second.nextExpectedRevision, 2n);
        assert.ok(second.position!.commit > first.position!.commit);
        assert.equal(second.position!.commit, second.position!.prepare);
        assert.deepEqual(await revisions(client, 'order-1'), [0n, 1n, 2n]);
      }),
    );

    const conflicts: [string, { setup: number; expected: 'no_stream' | 'stream_exists' | bigint; current: bigint | 'no_stream' }][] = [
      ['no_stream on a stream with events', { setup: 1, expected: 'no_stream', current: 0n }],
      ['stream_exists on a stream never written', { setup: 0, expected: 'stream_exists', current: 'no_stream' }],
      ['a revision behind the stream', { setup: 3, expected: 0n, current: 2n }],
      ['a revision ahead of the stream', { setup: 1, expected: 5n, current: 0n }],
    ];
    for (const [name, { setup, expected, current }] of conflicts) {
      test(`wrong expected version: ${name}`, TIMEOUT, () =>
        withStandIn({ batchAppend }, async (client) => {
          if (setup > 0) await client.appendToStream('order-1', events(setup));
          const error = await rejectsWith(client.appendToStream('order-1', events(1), { expectedRevision: expected }), WrongExpectedVersionError);
          assert.equal(error.actualVersion, current);
          assert.equal(error.expectedVersion, expected);
        }),
      );
    }

    test('a retried append with the same event ids is recognised and not written twice', TIMEOUT, () =>
      withStandIn({ batchAppend }, async (client) => {
        const batch = events(2);
        const first = await client.appendToStream('order-1', batch, { expectedRevision: 'no_stream' });
        await client.appendToStream('order-1', events(1));
        const retry = await client.appendToStream('order-1', batch, { expectedRevision: 'no_stream' });
        const retryAny = await client.appendToStream('order-1', batch, { expectedRevision: 'any' });
        assert.equal(retry.nextExpectedRevision, first.nextExpectedRevision);
        assert.equal(retry.position!.commit, first.position!.commit);
        assert.equal(retryAny.nextExpectedRevision, first.nextExpectedRevision);
        assert.deepEqual(await revisions(client, 'order-1'), [0n, 1n, 2n]);
        // Only part of the ids already written: not idempotent, a version error.
        await rejectsWith(client.appendToStream('order-1', [batch[0]!, ...events(1)], { expectedRevision: 'no_stream' }), WrongExpectedVersionError);
      }),
    );

    test(`an append over the maximum append size (${DEFAULT_MAX_APPEND_SIZE} bytes) is refused`, TIMEOUT, () =>
      withStandIn({ batchAppend }, async (client) => {
        const big = jsonEvent({ type: 'Big', data: { text: 'x'.repeat(DEFAULT_MAX_APPEND_SIZE) } });
        const error = await rejectsWith(client.appendToStream('content-1', big), MaxAppendSizeExceededError);
        assert.equal(error.maxAppendSize, DEFAULT_MAX_APPEND_SIZE);
        await rejectsWith(collect(client.readStream('content-1')), StreamNotFoundError);
      }),
    );
  });
}

describe('reading', () => {
  test('a stream never written is not found', TIMEOUT, () =>
    withStandIn({}, async (client) => {
      const error = await rejectsWith(collect(client.readStream('order-9')), StreamNotFoundError);
      assert.equal(error.streamName, 'order-9');
    }),
  );

  test('a stream reads forwards and backwards from a revision, up to a count', TIMEOUT, () =>
    withStandIn({}, async (client) => {
      await client.appendToStream('order-1', events(5));
      const read = async (options: Parameters<EventStoreDBClient['readStream']>[1]) =>
        (await collect(client.readStream('order-1', options))).map((e) => e.event!.revision);
      assert.deepEqual(await read({ fromRevision: 2n }), [2n, 3n, 4n]);
      assert.deepEqual(await read({ fromRevision: 1n, maxCount: 2 }), [1n, 2n]);
      assert.deepEqual(await read({ direction: BACKWARDS, fromRevision: END, maxCount: 2 }), [4n, 3n]);
      assert.deepEqual(await read({ direction: BACKWARDS, fromRevision: 2n }), [2n, 1n, 0n]);
      assert.deepEqual(await read({ fromRevision: END }), []);
    }),
  );

  test('$all holds the node\'s own records too; a forwards read from a position includes it, backwards excludes it', TIMEOUT, () =>
    withStandIn({}, async (client) => {
      await client.appendToStream('order-1', events(3));
      const all = await collect(client.readAll());
      assert.ok(all.some((e) => e.event!.streamId.startsWith('$')), 'a fresh node has system records');
      const ours = all.filter((e) => e.event!.streamId === 'order-1');
      const middle = ours[1]!.event!.position!;
      const forwards = await collect(client.readAll({ fromPosition: middle, direction: FORWARDS }));
      assert.deepEqual(forwards.map((e) => e.event!.revision), [1n, 2n]);
      const backwards = await collect(client.readAll({ fromPosition: middle, direction: BACKWARDS, maxCount: 1 }));
      assert.equal(backwards[0]!.event!.revision, 0n);
      const last = await collect(client.readAll({ fromPosition: END, direction: BACKWARDS, maxCount: 1 }));
      assert.equal(last[0]!.event!.revision, 2n);
    }),
  );
});

test('reading or subscribing to $all from inside a record is refused as an invalid position', TIMEOUT, () =>
  withStandIn({}, async (client) => {
    await client.appendToStream('order-1', events(2));
    const [first] = await collect(client.readStream('order-1'));
    const inside = { commit: first!.event!.position!.commit + 1n, prepare: first!.event!.position!.commit + 1n };
    await assert.rejects(collect(client.readAll({ fromPosition: inside })), /invalid position/);
    await assert.rejects(collect(client.readAll({ fromPosition: inside, direction: BACKWARDS })), /invalid position/);
    const subscription = client.subscribeToAll({ fromPosition: inside });
    await assert.rejects(collect(subscription), /invalid position/);
    const end = { commit: 10n ** 12n, prepare: 10n ** 12n };
    assert.deepEqual(await collect(client.readAll({ fromPosition: end })), [], 'past the end of the log is just empty');
  }),
);

describe('deleting', () => {
  test('a soft-deleted stream is not found, and its first new write may expect no stream; revisions continue', TIMEOUT, () =>
    withStandIn({}, async (client) => {
      const written = await client.appendToStream('order-1', events(1), { expectedRevision: 'no_stream' });
      await client.deleteStream('order-1', { expectedRevision: written.nextExpectedRevision });
      await rejectsWith(collect(client.readStream('order-1')), StreamNotFoundError);
      const recreated = await client.appendToStream('order-1', events(3), { expectedRevision: 'no_stream' });
      assert.equal(recreated.nextExpectedRevision, 3n);
      assert.deepEqual(await revisions(client, 'order-1'), [1n, 2n, 3n]);
      assert.equal((await client.getStreamMetadata('order-1')).metadata?.truncateBefore, 1);
      // "No stream" is allowed for the first write after the delete only.
      await rejectsWith(client.appendToStream('order-1', events(1), { expectedRevision: 'no_stream' }), WrongExpectedVersionError);
    }),
  );

  test('a soft-deleted stream can also be written expecting its old last revision', TIMEOUT, () =>
    withStandIn({}, async (client) => {
      await client.appendToStream('order-1', events(2));
      await client.deleteStream('order-1', { expectedRevision: 1n });
      const recreated = await client.appendToStream('order-1', events(1), { expectedRevision: 1n });
      assert.equal(recreated.nextExpectedRevision, 2n);
      assert.deepEqual(await revisions(client, 'order-1'), [2n]);
    }),
  );

  test('"stream exists" on a soft-deleted stream is answered with StreamDeleted', TIMEOUT, () =>
    withStandIn({}, async (client) => {
      await client.appendToStream('order-1', events(1));
      await client.deleteStream('order-1');
      await rejectsWith(client.appendToStream('order-1', events(1), { expectedRevision: 'stream_exists' }), StreamDeletedError);
    }),
  );

  test('a delete with the wrong expected revision is refused', TIMEOUT, () =>
    withStandIn({}, async (client) => {
      await client.appendToStream('order-1', events(2));
      const error = await rejectsWith(client.deleteStream('order-1', { expectedRevision: 0n }), WrongExpectedVersionError);
      assert.equal(error.actualVersion, 1n);
      assert.deepEqual(await revisions(client, 'order-1'), [0n, 1n]);
    }),
  );

  test('a tombstoned stream can never be read or written again, and the tombstone shows in $all', TIMEOUT, () =>
    withStandIn({}, async (client) => {
      await client.appendToStream('order-1', events(1));
      await client.tombstoneStream('order-1');
      const error = await rejectsWith(collect(client.readStream('order-1')), StreamDeletedError);
      assert.equal(error.streamName, 'order-1');
      await rejectsWith(client.appendToStream('order-1', events(1)), StreamDeletedError);
      await rejectsWith(client.deleteStream('order-1'), StreamDeletedError);
      const tombstones = (await collect(client.readAll())).filter((e) => e.event!.type === '$streamDeleted');
      assert.deepEqual(tombstones.map((e) => e.event!.streamId), ['order-1']);
    }),
  );
});

describe('subscribing', () => {
  test('to $all: a confirmation, the history after a position (exclusive), caught up, then live events', TIMEOUT, () =>
    withStandIn({}, async (client) => {
      await client.appendToStream('order-1', events(2));
      await client.deleteStream('order-2'); // puts a $metadata record in $all
      const [first] = await collect(client.readStream('order-1'));
      const subscription = client.subscribeToAll({ fromPosition: first!.event!.position!, filter: excludeSystemEvents() });
      let confirmed = false;
      subscription.on('confirmation', () => (confirmed = true));
      const caughtUp = new Promise<void>((resolve) => subscription.once('caughtUp', () => resolve()));
      const delivered = firstEvents(subscription, 2);
      await caughtUp;
      await client.appendToStream('order-3', events(1));
      assert.deepEqual((await delivered).map((e) => `${e.event!.streamId}@${e.event!.revision}`), ['order-1@1', 'order-3@0']);
      assert.ok(confirmed);
    }),
  );

  test('to $all by stream prefix: other streams are left out, the node\'s own event types in those streams are not', TIMEOUT, () =>
    withStandIn({}, async (client) => {
      await client.appendToStream('order-1', events(1));
      await client.appendToStream('invoice-1', events(1));
      await client.tombstoneStream('order-1');
      await client.appendToStream('order-2', events(1));
      const subscription = client.subscribeToAll({ fromPosition: START, filter: streamNameFilter({ prefixes: ['order-'] }) });
      const delivered = await firstEvents(subscription, 3);
      assert.deepEqual(delivered.map((e) => `${e.event!.streamId}/${e.event!.type}`), ['order-1/Tested', 'order-1/$streamDeleted', 'order-2/Tested']);
    }),
  );

  test('to $all by event type regex, with a checkpoint every window x multiplier records searched', TIMEOUT, () =>
    withStandIn({}, async (client) => {
      for (let i = 0; i <= 10; i++) await client.appendToStream(`order-${i}`, events(1, i % 5 === 0 ? 'Rare' : 'Common'));
      const checkpoints: bigint[] = [];
      const filter = eventTypeFilter({
        regex: '^Rare$',
        maxSearchWindow: 2,
        checkpointInterval: 2,
        checkpointReached: (_subscription, position) => void checkpoints.push(position.commit),
      });
      const delivered = await firstEvents(client.subscribeToAll({ fromPosition: START, filter }), 3);
      assert.deepEqual(delivered.map((e) => e.event!.streamId), ['order-0', 'order-5', 'order-10']);
      // The log starts with 2 records of the node's own, so records 4, 8 and 12 are order-1, -5 and -9.
      const log = await collect(client.readAll());
      assert.deepEqual(checkpoints, [3, 7, 11].map((i) => log[i]!.event!.position!.commit));
      assert.deepEqual([3, 7, 11].map((i) => log[i]!.event!.streamId), ['order-1', 'order-5', 'order-9']);
    }),
  );

  test('to a stream: the history after a revision, then live events of that stream only', TIMEOUT, () =>
    withStandIn({}, async (client) => {
      await client.appendToStream('order-1', events(3));
      const subscription = client.subscribeToStream('order-1', { fromRevision: 0n });
      const caughtUp = new Promise<void>((resolve) => subscription.once('caughtUp', () => resolve()));
      const delivered = firstEvents(subscription, 3);
      await caughtUp;
      await client.appendToStream('order-2', events(1));
      await client.appendToStream('order-1', events(1));
      assert.deepEqual((await delivered).map((e) => e.event!.revision), [1n, 2n, 3n]);
    }),
  );
});

describe('connecting', () => {
  test('a multi-host connection string discovers the node through gossip', TIMEOUT, async () => {
    const standIn = await startEsdbStandIn();
    const client = EventStoreDBClient.connectionString(`esdb://127.0.0.1:${standIn.port},127.0.0.1:${standIn.port}?tls=false`);
    try {
      await client.appendToStream('order-1', events(1));
      assert.deepEqual(await revisions(client, 'order-1'), [0n]);
      assert.ok((standIn.calls.get('Gossip.Read') ?? 0) >= 1);
    } finally {
      await client.dispose();
      await standIn.stop();
    }
  });

  test('a restarted stand-in on the same port keeps its events when given the same database', TIMEOUT, async () => {
    const first = await startEsdbStandIn();
    const before = EventStoreDBClient.connectionString(first.url);
    await before.appendToStream('order-1', events(2));
    await before.dispose();
    await first.stop();
    const second = await startEsdbStandIn({ port: first.port, database: first.database });
    const after = EventStoreDBClient.connectionString(second.url);
    try {
      assert.equal(second.url, first.url);
      assert.deepEqual(await revisions(after, 'order-1'), [0n, 1n]);
    } finally {
      await after.dispose();
      await second.stop();
    }
  });
});
