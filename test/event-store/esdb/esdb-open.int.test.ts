// Opening the adapter: a node that is not there is a clear error naming its address (never the
// password), a malformed connection string is refused before any connection is tried.
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { test } from 'node:test';
import { EventStoreUnavailable } from '../../../src/event-store/event-store';
import { openEsdbEventStore } from '../../../src/event-store/esdb/esdb-event-store';
import { capturingLogger } from './stand-in-store';

/** A port on 127.0.0.1 that nothing listens on: bind one, then let it go. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

test('an unreachable node fails to open with EventStoreUnavailable naming the address, not the password', { timeout: 20_000 }, async () => {
  const port = await closedPort();
  const started = Date.now();
  const error = await openEsdbEventStore(`esdb://admin:hunter2@127.0.0.1:${port}?tls=false`, {
    connectTimeoutMs: 500,
    logger: capturingLogger().logger,
  }).then(
    () => assert.fail('opening must fail'),
    (e: unknown) => e,
  );
  assert.ok(error instanceof EventStoreUnavailable, `got ${String(error)}`);
  assert.equal(error.location, `esdb://127.0.0.1:${port}?tls=false`);
  assert.match(error.message, new RegExp(`^event store esdb://127\\.0\\.0\\.1:${port}\\?tls=false: cannot reach EventStoreDB: `));
  assert.doesNotMatch(error.message, /hunter2/);
  assert.ok(Date.now() - started < 10_000, 'gives up after the connect timeout');
});

test('a malformed connection string is a TypeError that says what is wrong', async () => {
  await assert.rejects(openEsdbEventStore('postgres://db:5432'), (error: Error) => error instanceof TypeError && /must start with esdb:\/\//.test(error.message));
  await assert.rejects(openEsdbEventStore('esdb://u:hunter2@db:2113?tsl=false'), (error: Error) => /unknown option "tsl"/.test(error.message) && !/hunter2/.test(error.message));
});
