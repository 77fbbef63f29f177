// The node goes away and comes back on the same address: the subscription waits with growing delays,
// subscribes again after the last event it handled, and delivers everything exactly once.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EventStoreUnavailable, type NewEvent } from '../../../src/event-store/event-store';
import { startEsdbStandIn } from '../../support/esdb-stand-in/stand-in';
import { openStandInStore } from './stand-in-store';

const event = (n: number): NewEvent => ({ id: `append-${n}`, type: 'MessageQueued', data: { n }, metadata: { now: '2025-01-02T03:04:05Z' } });

async function eventually(check: () => boolean, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (!check()) {
    if (Date.now() > until) assert.fail('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

test('a subscription survives the node restarting: nothing lost, nothing repeated, reconnects logged with backoff', { timeout: 30_000 }, async () => {
  const opened = await openStandInStore();
  let standIn = opened.standIn;
  const { store, lines } = opened;
  const seen: number[] = [];
  const subscription = store.subscribeToAll((events) => void seen.push(...events.map((e) => (e.data as { n: number }).n)), { streamPrefixes: ['message-'] });
  try {
    for (let n = 0; n < 5; n++) await store.appendToStream(`message-${n}`, [event(n)]);
    await eventually(() => seen.length === 5, 5000);

    await standIn.stop();
    const outage = await store.appendToStream('message-lost', [event(-1)]).then(
      () => assert.fail('an append cannot succeed while the node is down'),
      (error: unknown) => error,
    );
    assert.ok(outage instanceof EventStoreUnavailable);
    assert.match(outage.message, new RegExp(`127\\.0\\.0\\.1:${standIn.port}`));

    await new Promise((resolve) => setTimeout(resolve, 700)); // several reconnect attempts fail meanwhile
    standIn = await startEsdbStandIn({ port: standIn.port, database: standIn.database });
    // Appends made before the subscription is back must arrive too; the client reconnects on use.
    for (let n = 5; n < 10; n++) {
      for (let attempt = 0; ; attempt++) {
        try {
          await store.appendToStream(`message-${n}`, [event(n)]);
          break;
        } catch (error) {
          if (!(error instanceof EventStoreUnavailable) || attempt > 50) throw error;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      }
    }
    await eventually(() => seen.length >= 10, 15_000);
    await new Promise((resolve) => setTimeout(resolve, 200)); // a repeat would show up by now
    assert.deepEqual(seen, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);

    const retries = lines.filter((l) => l.msg === 'subscription to $all lost; subscribing again');
    assert.ok(retries.length >= 3, `expected several reconnect attempts, got ${retries.length}`);
    assert.deepEqual(
      retries.slice(0, 3).map((l) => l.retryInMs),
      [100, 200, 400],
    );
    assert.ok(retries.every((l) => l.eventStore === standIn.url && typeof l.reason === 'string'));
    assert.ok(lines.some((l) => l.msg === 'subscription to $all resumed'));
  } finally {
    await subscription.stop();
    await store.close();
    await standIn.stop();
  }
});

test('the reconnect delay doubles up to its ceiling while the node stays away', { timeout: 30_000 }, async () => {
  const opened = await openStandInStore({}, { reconnect: { initialDelayMs: 20, maxDelayMs: 80 } });
  const subscription = opened.store.subscribeToAll(() => undefined);
  try {
    await new Promise((resolve) => setTimeout(resolve, 100));
    await opened.standIn.stop();
    const retries = () => opened.lines.filter((l) => l.msg === 'subscription to $all lost; subscribing again');
    await eventually(() => retries().length >= 6, 10_000);
    assert.deepEqual(retries().slice(0, 6).map((l) => l.retryInMs), [20, 40, 80, 80, 80, 80]);
  } finally {
    await subscription.stop();
    await opened.store.close();
  }
});
