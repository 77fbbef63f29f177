// The event store contract: every promise of the port (src/event-store/event-store.ts), checked against a
// real store. Each adapter runs it (sqlite.int.test.ts, and the EventStoreDB run when EVENTSTORE_URL is set).
//
// The store may be shared with other tests and hold other data, so every test uses its own streams and
// looks only at them, and only what EventStoreDB guarantees too is asserted: positions strictly increase but
// need not be consecutive, and deleted events may still be in the log ($all) until it is scavenged.
import assert from 'node:assert/strict';
import { randomBytes, randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import {
  EventStore,
  ExpectedRevision,
  ExpectedRevisionConflict,
  NewEvent,
  StoredEvent,
  StreamDeleted,
  SubscribeOptions,
  Subscription,
} from '../../src/event-store/event-store';

export interface OpenedStore {
  store: EventStore;
  cleanup(): Promise<void>;
}

const WAIT_MS = 10_000;

/** A stream id no other test uses: `<category>-<uuid>`. */
function streamId(category: string): string {
  return `${category}-${randomUUID()}`;
}

function event(type: string, data: unknown, id?: string): NewEvent {
  return { id, type, data, metadata: { now: '2024-05-01T12:00:00.000Z', correlationId: 'contract' } };
}

function numbered(count: number, type = 'ThingHappened'): NewEvent[] {
  return Array.from({ length: count }, (_, n) => event(type, { n }, randomUUID()));
}

function assertIncreasing(positions: number[]): void {
  for (let i = 1; i < positions.length; i++) {
    assert.ok(positions[i] > positions[i - 1], `positions must strictly increase: ${positions.join(', ')}`);
  }
}

async function expectConflict(action: Promise<unknown>, stream: string, expected: ExpectedRevision, actual: number): Promise<void> {
  await assert.rejects(action, (error: unknown) => {
    assert.ok(error instanceof ExpectedRevisionConflict, `expected ExpectedRevisionConflict, got ${String(error)}`);
    assert.equal(error.streamId, stream);
    assert.equal(error.expected, expected);
    assert.equal(error.actual, actual);
    return true;
  });
}

async function expectStreamDeleted(action: Promise<unknown>, stream: string): Promise<void> {
  await assert.rejects(action, (error: unknown) => {
    assert.ok(error instanceof StreamDeleted, `expected StreamDeleted, got ${String(error)}`);
    assert.equal(error.streamId, stream);
    return true;
  });
}

/** Resolves once `condition` holds, checking every 10 ms; fails the test after WAIT_MS. */
async function eventually(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + WAIT_MS;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${WAIT_MS} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** A subscription that records what it receives; only events of `ownStreams` count (the store is shared). */
function recorder(store: EventStore, options: SubscribeOptions, ownStreams: (id: string) => boolean) {
  const batches: StoredEvent[][] = [];
  const events: StoredEvent[] = [];
  const subscription: Subscription = store.subscribeToAll((batch) => {
    batches.push(batch);
    events.push(...batch.filter((e) => ownStreams(e.streamId)));
  }, options);
  return {
    batches,
    events,
    subscription,
    until: (count: number) => eventually(() => events.length >= count, `${count} events by subscription (got ${events.length})`),
  };
}

/** Reads the log after `from` page by page until `count` events of our own streams were seen. */
async function readOwnFromLog(store: EventStore, from: number, ownStreams: (id: string) => boolean, count: number, pageSize: number) {
  const own: StoredEvent[] = [];
  const pages: StoredEvent[][] = [];
  let position = from;
  for (let guard = 0; own.length < count && guard < 10_000; guard++) {
    const page = await store.readAll({ after: position, maxCount: pageSize });
    if (page.length === 0) break;
    pages.push(page);
    own.push(...page.filter((e) => ownStreams(e.streamId)));
    position = page[page.length - 1].position;
  }
  return { own, pages };
}

export function eventStoreContract(label: string, open: () => Promise<OpenedStore>): void {
  describe(label, () => {
    let store: EventStore;
    let cleanup: () => Promise<void>;

    before(async () => {
      ({ store, cleanup } = await open());
    });
    after(async () => {
      await cleanup?.();
    });

    it('names its kind and location', () => {
      assert.ok(store.kind === 'sqlite' || store.kind === 'eventstoredb');
      assert.equal(typeof store.location, 'string');
      assert.ok(store.location.length > 0);
    });

    it('appends events and reads them back with type, data, metadata, ids, revisions and positions', async () => {
      const stream = streamId('roundtrip');
      const ids = [randomUUID(), randomUUID()];
      const first = await store.appendToStream(stream, [
        { id: ids[0], type: 'OrderPlaced', data: { order: 7, lines: [{ sku: 'a', qty: 2 }], note: null }, metadata: { now: '2024-05-01T12:00:00.000Z', commandId: 'c1', correlationId: 'r1', extra: { deep: [1, 2] } } },
        { id: ids[1], type: 'OrderPaid', data: { amount: 12.5, paid: true }, metadata: { now: '2024-05-01T12:00:01.000Z' } },
      ], { expectedRevision: 'no_stream' });
      assert.equal(first.nextExpectedRevision, 1);
      const second = await store.appendToStream(stream, [event('OrderShipped', { carrier: 'post' })], { expectedRevision: 1 });
      assert.equal(second.nextExpectedRevision, 2);
      assert.ok(second.position > first.position);

      const read = await store.readStream(stream);
      assert.deepEqual(read.map((e) => [e.streamId, e.revision, e.type]), [
        [stream, 0, 'OrderPlaced'],
        [stream, 1, 'OrderPaid'],
        [stream, 2, 'OrderShipped'],
      ]);
      assert.deepEqual(read.slice(0, 2).map((e) => e.id), ids);
      assert.deepEqual(read[0].data, { order: 7, lines: [{ sku: 'a', qty: 2 }], note: null });
      assert.deepEqual(read[0].metadata, { now: '2024-05-01T12:00:00.000Z', commandId: 'c1', correlationId: 'r1', extra: { deep: [1, 2] } });
      assert.deepEqual(read[1].data, { amount: 12.5, paid: true });
      assertIncreasing(read.map((e) => e.position));
      assert.equal(read[1].position, first.position);
      assert.equal(read[2].position, second.position);
    });

    it('gives events appended without an id an id of their own', async () => {
      const stream = streamId('noid');
      await store.appendToStream(stream, [event('A', {}), event('B', {})]);
      const [a, b] = await store.readStream(stream);
      assert.ok(typeof a.id === 'string' && a.id.length > 0);
      assert.ok(typeof b.id === 'string' && b.id.length > 0);
      assert.notEqual(a.id, b.id);
    });

    const expectations: Array<[string, { existing: number; expected: ExpectedRevision; conflictActual?: number }]> = [
      ['any on a new stream', { existing: 0, expected: 'any' }],
      ['any on an existing stream', { existing: 2, expected: 'any' }],
      ['no_stream on a new stream', { existing: 0, expected: 'no_stream' }],
      ['no_stream on an existing stream', { existing: 2, expected: 'no_stream', conflictActual: 1 }],
      ['stream_exists on a new stream', { existing: 0, expected: 'stream_exists', conflictActual: -1 }],
      ['stream_exists on an existing stream', { existing: 1, expected: 'stream_exists' }],
      ['the exact last revision', { existing: 3, expected: 2 }],
      ['a revision behind the last', { existing: 3, expected: 1, conflictActual: 2 }],
      ['a revision past the last', { existing: 3, expected: 5, conflictActual: 2 }],
      ['revision 0 on a new stream', { existing: 0, expected: 0, conflictActual: -1 }],
    ];
    for (const [name, { existing, expected, conflictActual }] of expectations) {
      it(`checks the expected revision: ${name}`, async () => {
        const stream = streamId('expect');
        if (existing > 0) await store.appendToStream(stream, numbered(existing));
        const append = store.appendToStream(stream, [event('Checked', {})], { expectedRevision: expected });
        if (conflictActual === undefined) {
          assert.equal((await append).nextExpectedRevision, existing);
          assert.equal((await store.readStream(stream)).length, existing + 1);
        } else {
          await expectConflict(append, stream, expected, conflictActual);
          assert.equal((await store.readStream(stream)).length, existing, 'a refused append writes nothing');
        }
      });
    }

    it('appends several events atomically: all of them or none', async () => {
      const stream = streamId('atomic');
      const result = await store.appendToStream(stream, numbered(3), { expectedRevision: 'no_stream' });
      assert.equal(result.nextExpectedRevision, 2);
      await expectConflict(store.appendToStream(stream, numbered(4), { expectedRevision: 0 }), stream, 0, 2);
      const unserialisable = [event('Fine', { ok: 1 }), event('Broken', { amount: 10n })];
      await assert.rejects(store.appendToStream(stream, unserialisable, { expectedRevision: 2 }));
      const read = await store.readStream(stream);
      assert.deepEqual(read.map((e) => e.data), [{ n: 0 }, { n: 1 }, { n: 2 }]);
      assert.deepEqual(read.map((e) => e.revision), [0, 1, 2]);
    });

    it('treats a retried append with the same event ids as already done', async () => {
      const stream = streamId('retry');
      const events = numbered(2);
      const first = await store.appendToStream(stream, events, { expectedRevision: 'no_stream' });
      const retried = await store.appendToStream(stream, events, { expectedRevision: 'no_stream' });
      assert.equal(retried.nextExpectedRevision, first.nextExpectedRevision);
      const retriedAny = await store.appendToStream(stream, events, { expectedRevision: 'any' });
      assert.equal(retriedAny.nextExpectedRevision, first.nextExpectedRevision);
      assert.equal((await store.readStream(stream)).length, 2, 'a retry writes nothing');
      const next = await store.appendToStream(stream, numbered(1), { expectedRevision: 1 });
      assert.equal(next.nextExpectedRevision, 2);
    });

    const readCases: Array<[string, { options: Parameters<EventStore['readStream']>[1]; want: number[] }]> = [
      ['everything forwards', { options: {}, want: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9] }],
      ['everything backwards', { options: { direction: 'backwards' }, want: [9, 8, 7, 6, 5, 4, 3, 2, 1, 0] }],
      ['forwards from a revision', { options: { fromRevision: 6 }, want: [6, 7, 8, 9] }],
      ['forwards from a revision, at most 3', { options: { fromRevision: 4, maxCount: 3 }, want: [4, 5, 6] }],
      ['backwards from a revision, at most 3', { options: { direction: 'backwards', fromRevision: 5, maxCount: 3 }, want: [5, 4, 3] }],
      ['backwards, at most 2', { options: { direction: 'backwards', maxCount: 2 }, want: [9, 8] }],
      ['forwards, at most 1', { options: { maxCount: 1 }, want: [0] }],
      ['forwards from past the end', { options: { fromRevision: 10 }, want: [] }],
    ];
    describe('reads a stream of 10 events', () => {
      const stream = streamId('reading');
      before(async () => {
        await store.appendToStream(stream, numbered(10), { expectedRevision: 'no_stream' });
      });
      for (const [name, { options, want }] of readCases) {
        it(name, async () => {
          const read = await store.readStream(stream, options);
          assert.deepEqual(read.map((e) => e.revision), want);
          assert.deepEqual(read.map((e) => (e.data as { n: number }).n), want);
        });
      }
    });

    it('reads a stream that was never written as empty', async () => {
      assert.deepEqual(await store.readStream(streamId('never')), []);
      assert.deepEqual(await store.readStream(streamId('never'), { direction: 'backwards' }), []);
    });

    it('pages through the log with after and maxCount, in append order', async () => {
      const start = await store.headPosition();
      const a = streamId('pagedA');
      const b = streamId('pagedB');
      await store.appendToStream(a, [event('P', { k: 1 })]);
      await store.appendToStream(b, [event('P', { k: 2 }), event('P', { k: 3 })]);
      await store.appendToStream(a, [event('P', { k: 4 })]);
      const last = await store.appendToStream(b, [event('P', { k: 5 })]);
      const own = (id: string) => id === a || id === b;
      const { own: seen, pages } = await readOwnFromLog(store, start, own, 5, 2);
      assert.deepEqual(seen.map((e) => (e.data as { k: number }).k), [1, 2, 3, 4, 5]);
      assert.ok(pages.every((p) => p.length <= 2), 'no page is longer than maxCount');
      assertIncreasing(pages.flat().map((e) => e.position));
      assert.equal(seen[4].position, last.position);
      const afterLast = await store.readAll({ after: last.position, maxCount: 100 });
      assert.ok(afterLast.every((e) => !own(e.streamId)), 'after is exclusive');
      assert.ok(afterLast.every((e) => e.position > last.position));
    });

    it('reads only the asked event types, passing over the others', async () => {
      const start = await store.headPosition();
      const s = streamId('typed');
      const kinds = ['Kept', 'Skipped', 'AlsoKept', 'Skipped', 'Kept', 'Skipped', 'Skipped', 'AlsoKept'];
      const result = await store.appendToStream(s, kinds.map((type, i) => event(type, { i })));
      const seen: StoredEvent[] = [];
      let after: number | undefined = start < 0 ? undefined : start;
      for (let guard = 0; guard < 100; guard++) {
        const page = await store.readAll({ after, maxCount: 2, eventTypes: ['Kept', 'AlsoKept'] });
        if (page.length === 0) break;
        assert.ok(page.length <= 2);
        seen.push(...page.filter((e) => e.streamId === s));
        after = page[page.length - 1].position;
      }
      assert.deepEqual(seen.map((e) => [e.type, (e.data as { i: number }).i]), [['Kept', 0], ['AlsoKept', 2], ['Kept', 4], ['AlsoKept', 7]]);
      assert.equal(seen[3].position, result.position);
      assertIncreasing(seen.map((e) => e.position));
      assert.deepEqual(await store.readAll({ after: start < 0 ? undefined : start, eventTypes: [] }), []);
    });

    it('scans the log page by page: the events readAll gives, in order, with pages of at most pageSize', async () => {
      const start = await store.headPosition();
      const a = streamId('scanA');
      // Names are text the page's JSON must quote: quotes, backslash, tab, a control character, non-BMP.
      const b = streamId('scanB "q" \\ \t \u0001 é😀');
      await store.appendToStream(a, [event('S', { k: 1, text: 'é \u2028 "quoted" \\ 😀' })]);
      await store.appendToStream(b, [event('S', { k: 2 }), event('S "odd" \\ \u0002 😀', { k: 3 })]);
      const last = await store.appendToStream(a, [event('S', { k: 4 }), event('S', { k: 5 })]);
      const own = (e: StoredEvent) => e.streamId === a || e.streamId === b;
      const pages: StoredEvent[][] = [];
      for await (const page of store.scanAll({ after: start < 0 ? undefined : start, pageSize: 2 })) pages.push(page);
      assert.ok(pages.length >= 3, 'five events in pages of two');
      assert.ok(pages.every((p) => p.length >= 1 && p.length <= 2), 'no page is empty or longer than pageSize');
      const scanned = pages.flat();
      assertIncreasing(scanned.map((e) => e.position));
      const mine = scanned.filter(own);
      assert.deepEqual(mine.map((e) => (e.data as { k: number }).k), [1, 2, 3, 4, 5]);
      assert.equal(mine[4].position, last.position);
      // The same events, field for field, as a read of the log gives them.
      const read = (await readOwnFromLog(store, start, (id) => id === a || id === b, 5, 100)).own;
      assert.deepEqual(mine, read);
    });

    it('scans only the asked types, leaves out the data of withoutData types, and ends at the end of the log', async () => {
      const start = await store.headPosition();
      const s = streamId('scanTyped');
      await store.appendToStream(s, [event('Chunk', { payload: 'x'.repeat(5000) }), event('Other', { i: 1 }), event('Done', { size: 5000 }), event('Chunk', { payload: 'y' })]);
      const seen: StoredEvent[] = [];
      for await (const page of store.scanAll({ after: start < 0 ? undefined : start, eventTypes: ['Chunk', 'Done'], withoutData: ['Chunk'], pageSize: 1 })) {
        seen.push(...page.filter((e) => e.streamId === s));
      }
      assert.deepEqual(seen.map((e) => [e.type, e.data]), [['Chunk', null], ['Done', { size: 5000 }], ['Chunk', null]]);
      assert.deepEqual(seen[0].metadata, { now: '2024-05-01T12:00:00.000Z', correlationId: 'contract' }, 'metadata stays');
      assert.deepEqual(seen.map((e) => e.revision), [0, 2, 3]);
      const none: StoredEvent[][] = [];
      for await (const page of store.scanAll({ eventTypes: [] })) none.push(page);
      assert.deepEqual(none, []);
    });

    it('stops scanning when the caller leaves the loop, and can scan again', async () => {
      const start = await store.headPosition();
      const s = streamId('scanEarly');
      await store.appendToStream(s, numbered(30, 'Early'));
      const after = start < 0 ? undefined : start;
      let pagesTaken = 0;
      for await (const page of store.scanAll({ after, eventTypes: ['Early'], pageSize: 3 })) {
        assert.ok(page.length > 0);
        if (++pagesTaken === 2) break;
      }
      assert.equal(pagesTaken, 2);
      let total = 0;
      for await (const page of store.scanAll({ after, eventTypes: ['Early'], pageSize: 7 })) total += page.filter((e) => e.streamId === s).length;
      assert.equal(total, 30);
    });

    it('refuses scan options that make no sense', () => {
      assert.throws(() => store.scanAll({ pageSize: 0 }), /pageSize/);
      assert.throws(() => store.scanAll({ after: -2 }), /after/);
      assert.throws(() => store.scanAll({ withoutData: [''] }), /withoutData/);
    });

    it('hides system events from readAll and subscriptions', async () => {
      const start = await store.headPosition();
      const soft = streamId('sysSoft');
      const hard = streamId('sysHard');
      await store.appendToStream(soft, [event('S', {})]);
      await store.appendToStream(hard, [event('S', {})]);
      await store.deleteStream(soft);
      await store.deleteStream(hard, { tombstone: true });
      const marker = streamId('sysMarker');
      const markerAppend = await store.appendToStream(marker, [event('Marker', {})]);
      const isSystem = (e: StoredEvent) => e.streamId.startsWith('$') || e.type.startsWith('$');
      const { pages } = await readOwnFromLog(store, start, (id) => id === marker, 1, 50);
      assert.ok(pages.flat().length > 0);
      assert.deepEqual(pages.flat().filter(isSystem), []);
      const rec = recorder(store, { after: start }, (id) => id === marker);
      try {
        await rec.until(1);
        assert.deepEqual(rec.batches.flat().filter(isSystem), []);
        assert.ok(rec.events.some((e) => e.position === markerAppend.position));
      } finally {
        await rec.subscription.stop();
      }
    });

    it('subscribes to the log: history first, then live appends', async () => {
      const start = await store.headPosition();
      const prefix = `live${randomUUID().slice(0, 8)}-`;
      const stream = `${prefix}${randomUUID()}`;
      await store.appendToStream(stream, numbered(3, 'Before'));
      const rec = recorder(store, { after: start, streamPrefixes: [prefix] }, (id) => id === stream);
      try {
        await rec.until(3);
        await store.appendToStream(stream, numbered(2, 'After'), { expectedRevision: 2 });
        await rec.until(5);
        assert.deepEqual(rec.events.map((e) => [e.revision, e.type]), [
          [0, 'Before'],
          [1, 'Before'],
          [2, 'Before'],
          [3, 'After'],
          [4, 'After'],
        ]);
        assertIncreasing(rec.events.map((e) => e.position));
        assert.ok(rec.batches.every((b) => b.length > 0), 'no empty batches');
      } finally {
        await rec.subscription.stop();
      }
    });

    it('subscribes from a position (exclusive)', async () => {
      const stream = streamId('fromPos');
      await store.appendToStream(stream, numbered(2));
      const second = await store.appendToStream(stream, numbered(1));
      await store.appendToStream(stream, numbered(2));
      const rec = recorder(store, { after: second.position }, (id) => id === stream);
      try {
        await rec.until(2);
        await new Promise((r) => setTimeout(r, 100)); // give a wrong extra delivery the chance to show
        assert.deepEqual(rec.events.map((e) => e.revision), [3, 4]);
      } finally {
        await rec.subscription.stop();
      }
    });

    it('delivers only streams with one of the given prefixes', async () => {
      const start = await store.headPosition();
      const tag = randomUUID().slice(0, 8);
      const wanted = [`pfa${tag}-1`, `pfb${tag}-2`];
      const unwanted = [`pfc${tag}-3`, `xpfa${tag}-4`];
      for (const s of [...unwanted, ...wanted]) await store.appendToStream(s, [event('Tagged', { s })]);
      const rec = recorder(store, { after: start, streamPrefixes: [`pfa${tag}-`, `pfb${tag}-`] }, (id) => id.includes(tag));
      try {
        await rec.until(2);
        await store.appendToStream(unwanted[0], [event('Tagged', { late: true })]);
        await store.appendToStream(wanted[0], [event('Tagged', { late: true })]);
        await rec.until(3);
        assert.deepEqual(rec.events.map((e) => e.streamId), [wanted[0], wanted[1], wanted[0]]);
        assert.ok(rec.batches.flat().every((e) => e.streamId.startsWith(`pfa${tag}-`) || e.streamId.startsWith(`pfb${tag}-`)));
      } finally {
        await rec.subscription.stop();
      }
    });

    it('delivers only the asked event types to a subscription', async () => {
      const start = await store.headPosition();
      const s = streamId('subTyped');
      const got: StoredEvent[] = [];
      let through = -1;
      const sub = store.subscribeToAll(
        (events, upTo) => {
          got.push(...events);
          assert.ok(events.every((e) => e.position <= upTo), 'through is at least every delivered position');
          through = Math.max(through, upTo);
        },
        { after: start < 0 ? undefined : start, eventTypes: ['Wanted'] },
      );
      try {
        await store.appendToStream(s, [event('Wanted', { i: 0 }), event('Other', { i: 1 })]);
        await store.appendToStream(s, [event('Other', { i: 2 }), event('Wanted', { i: 3 })]);
        const last = await store.appendToStream(s, [event('Other', { i: 4 })]);
        for (let i = 0; i < 200 && (got.filter((e) => e.streamId === s).length < 2 || through < last.position); i++) await new Promise((r) => setTimeout(r, 25));
        assert.deepEqual(got.filter((e) => e.streamId === s).map((e) => (e.data as { i: number }).i), [0, 3]);
        assert.ok(got.every((e) => e.type === 'Wanted'));
        assert.ok(through >= last.position, 'progress is reported over events of other types');
      } finally {
        await sub.stop();
      }
    });

    it('hands batches of at most maxBatch in order, one at a time', async () => {
      const start = await store.headPosition();
      const prefix = `batch${randomUUID().slice(0, 8)}-`;
      const stream = `${prefix}s`;
      for (let i = 0; i < 4; i++) await store.appendToStream(stream, numbered(3));
      let running = 0;
      let overlapped = false;
      const sizes: number[] = [];
      const seen: StoredEvent[] = [];
      const subscription = store.subscribeToAll(
        async (batch) => {
          running += 1;
          if (running > 1) overlapped = true;
          sizes.push(batch.length);
          seen.push(...batch);
          await new Promise((r) => setTimeout(r, 15));
          running -= 1;
        },
        { after: start, streamPrefixes: [prefix], maxBatch: 5 },
      );
      try {
        await eventually(() => seen.length >= 12, '12 events in batches');
        assert.equal(overlapped, false, 'the next batch waits for the handler');
        assert.ok(sizes.every((n) => n >= 1 && n <= 5), `batch sizes ${sizes.join(',')}`);
        assert.deepEqual(seen.map((e) => e.revision), [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
        assertIncreasing(seen.map((e) => e.position));
      } finally {
        await subscription.stop();
      }
    });

    it('stops the subscription and rejects done when the handler throws', async () => {
      const start = await store.headPosition();
      const prefix = `throw${randomUUID().slice(0, 8)}-`;
      const failure = new Error('projection broke');
      let calls = 0;
      const subscription = store.subscribeToAll(
        () => {
          calls += 1;
          throw failure;
        },
        { after: start, streamPrefixes: [prefix] },
      );
      await store.appendToStream(`${prefix}a`, [event('Boom', {})]);
      await assert.rejects(subscription.done, (error) => error === failure);
      await store.appendToStream(`${prefix}a`, [event('Boom', {})]);
      await new Promise((r) => setTimeout(r, 300));
      assert.equal(calls, 1, 'the handler is not called again');
      await subscription.stop(); // stopping a failed subscription is harmless
    });

    it('stop() waits for the batch being handled and delivers nothing more', async () => {
      const start = await store.headPosition();
      const prefix = `stop${randomUUID().slice(0, 8)}-`;
      let entered = false;
      let finished = false;
      let later = 0;
      const subscription = store.subscribeToAll(
        async (batch) => {
          if (entered) {
            later += batch.length;
            return;
          }
          entered = true;
          await new Promise((r) => setTimeout(r, 200));
          finished = true;
        },
        { after: start, streamPrefixes: [prefix] },
      );
      await store.appendToStream(`${prefix}a`, [event('First', {})]);
      await eventually(() => entered, 'the first batch');
      await subscription.stop();
      assert.equal(finished, true, 'stop resolved only after the running batch finished');
      await store.appendToStream(`${prefix}a`, [event('Second', {})]);
      await new Promise((r) => setTimeout(r, 300));
      assert.equal(later, 0);
      await subscription.done; // resolves: stopping is not a failure
    });

    it('lets exactly one of several concurrent appends with the same expected revision win', async () => {
      const stream = streamId('race');
      await store.appendToStream(stream, numbered(1), { expectedRevision: 'no_stream' });
      const attempts = Array.from({ length: 10 }, (_, n) => store.appendToStream(stream, [event('Raced', { n })], { expectedRevision: 0 }));
      const results = await Promise.allSettled(attempts);
      const won = results.filter((r) => r.status === 'fulfilled');
      const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
      assert.equal(won.length, 1);
      assert.equal(lost.length, 9);
      for (const r of lost) {
        assert.ok(r.reason instanceof ExpectedRevisionConflict);
        assert.equal(r.reason.actual, 1);
      }
      assert.equal((await store.readStream(stream)).length, 2);
    });

    it('soft-deletes a stream: it reads empty and can be recreated with revisions continuing after the old ones', async () => {
      const stream = streamId('soft');
      await store.appendToStream(stream, numbered(3));
      await store.deleteStream(stream);
      assert.deepEqual(await store.readStream(stream), []);
      const recreated = await store.appendToStream(stream, [event('Recreated', {})], { expectedRevision: 'no_stream' });
      assert.equal(recreated.nextExpectedRevision, 3);
      const read = await store.readStream(stream);
      assert.deepEqual(read.map((e) => [e.revision, e.type]), [[3, 'Recreated']]);
      const again = await store.appendToStream(stream, [event('Again', {})], { expectedRevision: 3 });
      assert.equal(again.nextExpectedRevision, 4);
    });

    it('tombstones a stream: reading, appending and deleting it again fail with StreamDeleted', async () => {
      const stream = streamId('tomb');
      await store.appendToStream(stream, numbered(2));
      await store.deleteStream(stream, { tombstone: true });
      await expectStreamDeleted(store.readStream(stream), stream);
      await expectStreamDeleted(store.appendToStream(stream, [event('Late', {})]), stream);
      await expectStreamDeleted(store.appendToStream(stream, [event('Late', {})], { expectedRevision: 'no_stream' }), stream);
      await expectStreamDeleted(store.deleteStream(stream, { tombstone: true }), stream);
    });

    it('refuses a delete whose expected revision does not hold, and keeps the stream', async () => {
      const stream = streamId('delexp');
      await store.appendToStream(stream, numbered(2));
      await expectConflict(store.deleteStream(stream, { expectedRevision: 0 }), stream, 0, 1);
      assert.equal((await store.readStream(stream)).length, 2);
      await store.deleteStream(stream, { expectedRevision: 1 });
      assert.deepEqual(await store.readStream(stream), []);
    });

    it('reports the head position of the log', async () => {
      const before = await store.headPosition();
      assert.ok(Number.isSafeInteger(before) && before >= -1);
      const appended = await store.appendToStream(streamId('head'), numbered(2));
      const head = await store.headPosition();
      assert.ok(head >= appended.position, `head ${head} is at least the last append ${appended.position}`);
      assert.ok(head > before);
    });

    it('stores a large event (about 700 KB of JSON) unchanged', async () => {
      const stream = streamId('large');
      const blob = randomBytes(525 * 1024).toString('base64'); // 700 KiB of text
      const data = { content: blob, size: blob.length };
      await store.appendToStream(stream, [event('ChunkStored', data)]);
      const [read] = await store.readStream(stream);
      assert.equal(read.data.content.length, blob.length);
      assert.equal(read.data.content, blob);
    });

    it('stores Unicode in stream ids, data and metadata unchanged', async () => {
      const stream = `unicodé-${randomUUID()}-日本語`;
      const text = 'Grüße, 你好, مرحبا, שלום, 🙂👍🏽, e\u0301, \u0000 \n\t "quotes" \\ \u2028 \ud800';
      const newEvent: NewEvent = { type: 'UnicodeChecked', data: { text, [text]: 'key' }, metadata: { now: '2024-05-01T12:00:00.000Z', who: 'Zoë 🧪' } };
      await store.appendToStream(stream, [newEvent]);
      const [read] = await store.readStream(stream);
      assert.equal(read.streamId, stream);
      assert.deepEqual(read.data, { text, [text]: 'key' });
      assert.equal(read.metadata.who, 'Zoë 🧪');
    });
  });
}
