// A second process (a CLI command) using the same store file: both can append at once, and a live
// subscription in this process sees the other process's appends.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ExpectedRevisionConflict, StoredEvent } from '../../../src/event-store/event-store';
import { openSqliteEventStore, SqliteEventStore } from '../../../src/event-store/sqlite';

const EXTERNAL_APPENDER = join(__dirname, 'external-appender.js');

function appendFromAnotherProcess(file: string, streamId: string, count: number): Promise<{ acked: number; failure?: { message: string } }> {
  const child = spawn(process.execPath, [EXTERNAL_APPENDER, file, streamId, String(count)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.on('data', (c: Buffer) => (out += c.toString()));
  child.stderr.on('data', (c: Buffer) => (err += c.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
  return new Promise((resolve, reject) =>
    child.on('close', (code) => {
      clearTimeout(timer);
      if (code !== 0) reject(new Error(`external appender exited with ${code}: ${err}`));
      else resolve(JSON.parse(out.trim()));
    }),
  );
}

async function eventually(condition: () => boolean, what: string, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

describe('SQLite event store shared by two processes', () => {
  let directory: string;
  let file: string;
  let store: SqliteEventStore;

  before(async () => {
    directory = mkdtempSync(join(tmpdir(), 'postwire-two-processes-'));
    file = join(directory, 'events.sqlite');
    store = await openSqliteEventStore(file, { pollIntervalMs: 100 });
  });
  after(async () => {
    await store.close();
    rmSync(directory, { recursive: true, force: true });
  });

  it('appends from both processes at once and delivers the other process\'s events to a live subscription', async () => {
    const received: StoredEvent[] = [];
    const subscription = store.subscribeToAll((batch) => void received.push(...batch), { streamPrefixes: ['external-'] });
    try {
      // Both processes write at the same time: the busy timeout makes them take turns.
      const external = appendFromAnotherProcess(file, 'external-1', 60);
      const ours = [];
      for (let i = 0; i < 60; i++) ours.push(await store.appendToStream('internal-1', [{ type: 'InternallyAppended', data: { i }, metadata: { now: new Date().toISOString() } }]));
      const outcome = await external;
      assert.equal(outcome.failure, undefined);
      assert.equal(outcome.acked, 60);
      await eventually(() => received.length >= 60, `60 external events (got ${received.length})`);

      // Now only the other process writes, so nothing in this process announces the commits: the
      // subscription must find them by itself.
      const idleOutcome = await appendFromAnotherProcess(file, 'external-1', 5);
      assert.equal(idleOutcome.acked, 5);
      await eventually(() => received.length >= 65, `65 external events (got ${received.length})`);

      assert.deepEqual(received.map((e) => e.revision), Array.from({ length: 65 }, (_, i) => i));
      assert.ok(received.every((e) => e.streamId === 'external-1' && e.type === 'ExternallyAppended'));
      assert.equal((await store.readStream('internal-1')).length, 60);
      const all = await store.readAll({ maxCount: 1000 });
      assert.equal(all.length, 125);
      assert.equal(new Set(all.map((e) => e.position)).size, 125, 'the processes never share a position');
    } finally {
      await subscription.stop();
    }
  });

  it('sees appends the other process made to a stream this process wrote, for expected revisions too', async () => {
    const stream = 'shared-1';
    const meta = { now: new Date().toISOString() };
    await store.appendToStream(stream, [{ type: 'Ours', data: {}, metadata: meta }], { expectedRevision: 'no_stream' });
    const outcome = await appendFromAnotherProcess(file, stream, 3);
    assert.equal(outcome.acked, 3);
    await assert.rejects(
      store.appendToStream(stream, [{ type: 'Stale', data: {}, metadata: meta }], { expectedRevision: 0 }),
      (error: unknown) => error instanceof ExpectedRevisionConflict && error.actual === 3,
    );
    const next = await store.appendToStream(stream, [{ type: 'Ours', data: {}, metadata: meta }], { expectedRevision: 3 });
    assert.equal(next.nextExpectedRevision, 4);
    assert.deepEqual((await store.readStream(stream)).map((e) => e.revision), [0, 1, 2, 3, 4]);
  });
});
