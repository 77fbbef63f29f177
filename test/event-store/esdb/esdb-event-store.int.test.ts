// The EventStoreDB adapter through the real client against the protocol-level stand-in: the places where
// EventStoreDB's own rules differ from the port's and the adapter has to translate.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  EventStoreUnavailable,
  ExpectedRevisionConflict,
  StreamDeleted,
  type EventStore,
  type ExpectedRevision,
  type NewEvent,
  type StoredEvent,
} from '../../../src/event-store/event-store';
import { nameBasedUuid } from '../../../src/event-store/esdb/event-ids';
import { openStandInStore } from './stand-in-store';

const TIMEOUT = { timeout: 20_000 };
const now = '2025-01-02T03:04:05Z';

function event(type: string, data: unknown = {}, id?: string): NewEvent {
  return { ...(id === undefined ? {} : { id }), type, data, metadata: { now, correlationId: 'c-1' } };
}

async function withStore(body: (store: EventStore, raw: Awaited<ReturnType<typeof openStandInStore>>) => Promise<void>): Promise<void> {
  const opened = await openStandInStore();
  try {
    await body(opened.store, opened);
  } finally {
    await opened.cleanup();
  }
}

async function conflictOf(promise: Promise<unknown>): Promise<ExpectedRevisionConflict> {
  const error = await promise.then(
    () => assert.fail('expected an ExpectedRevisionConflict'),
    (e: unknown) => e,
  );
  assert.ok(error instanceof ExpectedRevisionConflict, `got ${String(error)}`);
  return error;
}

/** Waits until `check` holds, polling; fails after `ms`. */
async function eventually(check: () => boolean, ms = 5000): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) assert.fail('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('appending and reading', () => {
  test('events come back as appended: caller ids (UUID or not), type, data, metadata, revisions, positions', TIMEOUT, () =>
    withStore(async (store) => {
      const uuid = '0b4a3c1e-6f5d-4e2a-9c8b-7a6f5e4d3c2b';
      const first = await store.appendToStream('message-1', [event('MessageQueued', { to: 'a@example.org' }, uuid), event('MessageHeld', [1, 'x'], 'cmd-1:1')], {
        expectedRevision: 'no_stream',
      });
      const second = await store.appendToStream('message-1', [event('MessageReleased', 'text')], { expectedRevision: 1 });
      assert.equal(first.nextExpectedRevision, 1);
      assert.equal(second.nextExpectedRevision, 2);
      const read = await store.readStream('message-1');
      assert.deepEqual(
        read.map((e) => [e.id, e.revision, e.type, e.data]),
        [
          [uuid, 0, 'MessageQueued', { to: 'a@example.org' }],
          ['cmd-1:1', 1, 'MessageHeld', [1, 'x']],
          [read[2]!.id, 2, 'MessageReleased', 'text'],
        ],
      );
      assert.deepEqual(read[1]!.metadata, { now, correlationId: 'c-1' }, 'the mapped id does not leak into metadata');
      assert.equal(read[2]!.position, second.position);
      assert.ok(read[0]!.position < read[1]!.position && read[1]!.position < read[2]!.position);
      assert.deepEqual(await store.readStream('message-1', { direction: 'backwards', maxCount: 2 }).then((r) => r.map((e) => e.revision)), [2, 1]);
      assert.deepEqual(await store.readStream('message-1', { fromRevision: 1, maxCount: 1 }).then((r) => r.map((e) => e.revision)), [1]);
      assert.deepEqual(await store.readStream('message-2'), []);
    }),
  );

  test('a retried append with caller ids is a no-op that answers like the first one', TIMEOUT, () =>
    withStore(async (store, { standIn }) => {
      const batch = [event('WebhookQueued', {}, 'cmd-9:0'), event('WebhookAttempted', {}, 'cmd-9:1')];
      const first = await store.appendToStream('webhook-1', batch, { expectedRevision: 'no_stream' });
      const retried = await store.appendToStream('webhook-1', batch, { expectedRevision: 'no_stream' });
      const retriedAny = await store.appendToStream('webhook-1', batch);
      assert.deepEqual(retried, first);
      assert.deepEqual(retriedAny, first);
      assert.equal((await store.readStream('webhook-1')).length, 2);
      // On the wire the non-UUID ids became the same name-based UUIDs both times.
      const wireIds = standIn.database.log.filter((r) => r.streamId === 'webhook-1').map((r) => r.id);
      assert.deepEqual(wireIds, [nameBasedUuid('cmd-9:0'), nameBasedUuid('cmd-9:1')]);
    }),
  );

  const conflicts: [string, { existing: number; expected: ExpectedRevision; actual: number }][] = [
    ['no_stream on a stream with events', { existing: 2, expected: 'no_stream', actual: 1 }],
    ['stream_exists on a stream never written', { existing: 0, expected: 'stream_exists', actual: -1 }],
    ['a revision behind', { existing: 3, expected: 1, actual: 2 }],
    ['a revision ahead', { existing: 1, expected: 4, actual: 0 }],
    ['a revision on a stream never written', { existing: 0, expected: 0, actual: -1 }],
  ];
  for (const [name, { existing, expected, actual }] of conflicts) {
    test(`a conflict names the actual revision: ${name}`, TIMEOUT, () =>
      withStore(async (store) => {
        if (existing > 0) await store.appendToStream('message-1', Array.from({ length: existing }, () => event('MessageQueued')));
        const conflict = await conflictOf(store.appendToStream('message-1', [event('DeliveryAttempted')], { expectedRevision: expected }));
        assert.deepEqual([conflict.streamId, conflict.expected, conflict.actual], ['message-1', expected, actual]);
        assert.equal((await store.readStream('message-1')).length, existing);
      }),
    );
  }

  test('an append over EventStoreDB\'s maximum append size fails with a message saying so', TIMEOUT, () =>
    withStore(async (store) => {
      await assert.rejects(store.appendToStream('content-abc', [event('ContentChunkStored', { base64: 'A'.repeat(1_100_000) })]), /larger than the node's maximum append size \(1048576 bytes\)/);
    }),
  );

  test('bad input is refused before anything is sent', TIMEOUT, () =>
    withStore(async (store) => {
      await assert.rejects(store.appendToStream('', [event('X')]), /stream id must be a non-empty string/);
      await assert.rejects(store.appendToStream('s-1', []), /needs at least one event/);
      await assert.rejects(store.appendToStream('s-1', [event('X')], { expectedRevision: -3 as never }), /expectedRevision must be/);
      await assert.rejects(store.appendToStream('s-1', [{ type: 'X', data: undefined, metadata: { now } }]), /data cannot be stored as JSON/);
      await assert.rejects(store.appendToStream('s-1', [event('X', {}, 'a'), event('Y', {}, 'a')]), /appears twice/);
      await assert.rejects(store.readAll({ maxCount: -1 }), /maxCount must be an integer >= 0/);
      assert.throws(() => store.subscribeToAll(() => undefined, { streamPrefixes: [''] }), /streamPrefixes/);
    }),
  );
});

describe('deleting', () => {
  test('a soft-deleted stream reads as empty; it has no events for expectations, and revisions continue', TIMEOUT, () =>
    withStore(async (store) => {
      await store.appendToStream('message-1', [event('MessageQueued'), event('MessageDelivered')]);
      await store.deleteStream('message-1', { expectedRevision: 1 });
      assert.deepEqual(await store.readStream('message-1'), []);
      assert.equal((await conflictOf(store.appendToStream('message-1', [event('X')], { expectedRevision: 'stream_exists' }))).actual, -1);
      assert.equal((await conflictOf(store.appendToStream('message-1', [event('X')], { expectedRevision: 0 }))).actual, -1);
      assert.equal((await conflictOf(store.deleteStream('message-1', { expectedRevision: 'stream_exists' }))).actual, -1);
      assert.equal((await conflictOf(store.deleteStream('message-1', { expectedRevision: 'stream_exists', tombstone: true }))).actual, -1);
      const recreated = await store.appendToStream('message-1', [event('MessageQueued')], { expectedRevision: 'no_stream' });
      assert.equal(recreated.nextExpectedRevision, 2);
      assert.deepEqual((await store.readStream('message-1')).map((e) => e.revision), [2]);
    }),
  );

  test('"stream exists" deletes an existing stream, and conflicts on one never written', TIMEOUT, () =>
    withStore(async (store) => {
      await store.appendToStream('suppressions-a', [event('AddressSuppressed')]);
      await store.deleteStream('suppressions-a', { expectedRevision: 'stream_exists' });
      assert.deepEqual(await store.readStream('suppressions-a'), []);
      assert.equal((await conflictOf(store.deleteStream('suppressions-b', { expectedRevision: 'stream_exists' }))).actual, -1);
      assert.equal((await conflictOf(store.deleteStream('suppressions-c', { expectedRevision: 3 }))).actual, -1);
    }),
  );

  test('a tombstoned stream can never be read, written or deleted again', TIMEOUT, () =>
    withStore(async (store) => {
      await store.appendToStream('content-1', [event('ContentStored')]);
      await store.deleteStream('content-1', { tombstone: true, expectedRevision: 0 });
      await assert.rejects(store.readStream('content-1'), StreamDeleted);
      await assert.rejects(store.appendToStream('content-1', [event('ContentStored')]), StreamDeleted);
      await assert.rejects(store.deleteStream('content-1'), StreamDeleted);
      await assert.rejects(store.deleteStream('content-1', { tombstone: true, expectedRevision: 'stream_exists' }), StreamDeleted);
    }),
  );
});

describe('the global log', () => {
  test('readAll skips the node\'s own records (seeded, $metadata, $streamDeleted), after is exclusive', TIMEOUT, () =>
    withStore(async (store, { standIn }) => {
      assert.deepEqual(await store.readAll(), []);
      assert.equal(await store.headPosition(), -1);
      for (let i = 0; i < 6; i++) {
        await store.appendToStream(`message-${i}`, [event('MessageQueued', { i })]);
        await store.deleteStream(`message-x${i}`); // a $metadata record between every two events
      }
      await store.deleteStream('message-0', { tombstone: true });
      const all = await store.readAll();
      assert.deepEqual(all.map((e) => e.data), [0, 1, 2, 3, 4, 5].map((i) => ({ i })));
      assert.ok(standIn.database.log.length > all.length + 6, 'the log really holds system records');
      const page = await store.readAll({ after: all[1]!.position, maxCount: 2 });
      assert.deepEqual(page.map((e) => e.data), [{ i: 2 }, { i: 3 }]);
      assert.deepEqual(await store.readAll({ after: all[5]!.position }), []);
      assert.deepEqual(await store.readAll({ after: -1, maxCount: 0 }), []);
      assert.equal(await store.headPosition(), all[5]!.position, 'the tombstone record after it does not count');
    }),
  );

  test('a position that is not an event\'s is refused, by readAll and by subscribeToAll', TIMEOUT, () =>
    withStore(async (store) => {
      const { position } = await store.appendToStream('message-1', [event('MessageQueued')]);
      await assert.rejects(store.readAll({ after: position + 1 }), (error: Error) => error instanceof TypeError && /after \d+ is not a position in esdb:\/\/127\.0\.0\.1:\d+/.test(error.message));
      const subscription = store.subscribeToAll(() => undefined, { after: position + 1 });
      await assert.rejects(subscription.done, (error: Error) => error instanceof TypeError && /subscribeToAll: after/.test(error.message));
      assert.equal((await store.readAll({ after: 0 })).length, 1, 'the start of the log is a position');
    }),
  );

  test('readAll pages through long runs of system records', TIMEOUT, () =>
    withStore(async (store) => {
      await store.appendToStream('holdrules', [event('HoldRuleAdded')]);
      for (let i = 0; i < 40; i++) await store.deleteStream(`gone-${i}`);
      await store.appendToStream('holdrules', [event('HoldRuleAdded')]);
      const [first, second] = await store.readAll();
      assert.deepEqual([first?.revision, second?.revision], [0, 1]);
      assert.deepEqual((await store.readAll({ after: first!.position, maxCount: 1 })).map((e) => e.revision), [1]);
    }),
  );
});

describe('subscribing', () => {
  test('history then live events, in order, in batches of at most maxBatch, each awaited', TIMEOUT, () =>
    withStore(async (store) => {
      for (let i = 0; i < 7; i++) await store.appendToStream(`message-${i}`, [event('MessageQueued', { i })]);
      const batches: StoredEvent[][] = [];
      let inHandler = 0;
      let overlapped = false;
      const subscription = store.subscribeToAll(
        async (events) => {
          overlapped ||= inHandler > 0;
          inHandler++;
          batches.push(events);
          await new Promise((resolve) => setTimeout(resolve, 5));
          inHandler--;
        },
        { maxBatch: 3 },
      );
      await eventually(() => batches.flat().length === 7);
      await store.appendToStream('message-7', [event('MessageQueued', { i: 7 })]);
      await eventually(() => batches.flat().length === 8);
      await subscription.stop();
      await subscription.done;
      const delivered = batches.flat();
      assert.deepEqual(delivered.map((e) => (e.data as { i: number }).i), [0, 1, 2, 3, 4, 5, 6, 7]);
      assert.ok(batches.every((b) => b.length >= 1 && b.length <= 3));
      assert.ok(delivered.every((e, i) => i === 0 || e.position > delivered[i - 1]!.position));
      assert.equal(overlapped, false, 'the next batch waits for the handler');
    }),
  );

  test('after is exclusive; stream prefixes leave out other streams and the node\'s own event types', TIMEOUT, () =>
    withStore(async (store) => {
      const first = await store.appendToStream('message-1', [event('MessageQueued')]);
      await store.appendToStream('webhook-1', [event('WebhookQueued')]);
      await store.appendToStream('message-2', [event('MessageQueued')]);
      await store.deleteStream('message-2', { tombstone: true }); // $streamDeleted in a "message-" stream
      await store.appendToStream('message-3', [event('MessageQueued')]);
      const seen: string[] = [];
      const subscription = store.subscribeToAll((events) => void seen.push(...events.map((e) => e.streamId)), {
        after: first.position,
        streamPrefixes: ['message-', 'suppressions-'],
      });
      await eventually(() => seen.length >= 2);
      await store.appendToStream('suppressions-a', [event('AddressSuppressed')]);
      await eventually(() => seen.length >= 3);
      await subscription.stop();
      assert.deepEqual(seen, ['message-2', 'message-3', 'suppressions-a']);
    }),
  );

  test('a failing handler stops the subscription and done rejects with its error', TIMEOUT, () =>
    withStore(async (store) => {
      await store.appendToStream('message-1', [event('MessageQueued')]);
      const subscription = store.subscribeToAll(() => {
        throw new Error('projection broke');
      });
      await assert.rejects(subscription.done, /projection broke/);
      await subscription.stop(); // stopping a stopped subscription is fine
    }),
  );

  test('a closed store refuses calls, naming where it was', TIMEOUT, async () => {
    const opened = await openStandInStore();
    const subscription = opened.store.subscribeToAll(() => undefined);
    await opened.cleanup();
    await subscription.done; // close stops subscriptions
    await assert.rejects(opened.store.readStream('message-1'), (error: Error) => error instanceof EventStoreUnavailable && error.message.includes(opened.standIn.url));
  });
});
