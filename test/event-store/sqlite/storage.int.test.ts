// What the SQLite event store keeps in its file, beyond the port's contract: the schema marks, physical
// removal of deleted events, positions never handed out twice, system events, ids unique across the store.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import type { NewEvent, StoredEvent } from '../../../src/event-store/event-store';
import { openSqliteEventStore, SqliteEventStore } from '../../../src/event-store/sqlite';
import { APPLICATION_ID, SCHEMA_VERSION } from '../../../src/event-store/sqlite/schema';

const event = (type: string, data: unknown = {}, id?: string): NewEvent => ({ id, type, data, metadata: { now: '2024-05-01T12:00:00.000Z' } });

describe('SQLite event store file', () => {
  let directory: string;
  let file: string;
  let store: SqliteEventStore;
  /** A second, plain connection to look at the file directly. */
  let raw: Database.Database;

  before(async () => {
    directory = mkdtempSync(join(tmpdir(), 'postwire-store-file-'));
    file = join(directory, 'events.sqlite');
    store = await openSqliteEventStore(file);
    raw = new Database(file, { readonly: true });
  });
  after(async () => {
    raw.close();
    await store.close();
    rmSync(directory, { recursive: true, force: true });
  });

  const rowsOf = (streamId: string) => (raw.prepare('SELECT count(*) AS n FROM events WHERE stream_id = ?').get(streamId) as { n: number }).n;

  it('marks the file with its schema version and application id, in WAL mode', () => {
    assert.equal(raw.pragma('user_version', { simple: true }), SCHEMA_VERSION);
    assert.equal(raw.pragma('application_id', { simple: true }), APPLICATION_ID);
    assert.equal(raw.pragma('journal_mode', { simple: true }), 'wal');
  });

  it('removes the events of a soft-deleted or tombstoned stream from the file', async () => {
    const soft = `soft-${randomUUID()}`;
    const hard = `hard-${randomUUID()}`;
    await store.appendToStream(soft, [event('A'), event('B')]);
    await store.appendToStream(hard, [event('A'), event('B')]);
    assert.equal(rowsOf(soft), 2);
    await store.deleteStream(soft);
    await store.deleteStream(hard, { tombstone: true });
    assert.equal(rowsOf(soft), 0);
    assert.equal(rowsOf(hard), 0);
  });

  it('never hands out a position twice, even after the newest events were deleted', async () => {
    const doomed = `doomed-${randomUUID()}`;
    const gone = await store.appendToStream(doomed, [event('Newest')]);
    await store.deleteStream(doomed);
    const next = await store.appendToStream(`after-${randomUUID()}`, [event('Next')]);
    assert.ok(next.position > gone.position, `${next.position} > ${gone.position}`);
  });

  it('keeps events of $ streams and $ types out of readAll and subscriptions, but readable by stream', async () => {
    const start = await store.headPosition();
    const systemStream = `$internal-${randomUUID()}`;
    const userStream = `user-${randomUUID()}`;
    await store.appendToStream(systemStream, [event('Recorded')]);
    await store.appendToStream(userStream, [event('$Internal'), event('Visible')]);
    const all = await store.readAll({ after: start, maxCount: 100 });
    assert.deepEqual(all.map((e) => [e.streamId, e.type]), [[userStream, 'Visible']]);
    const seen: StoredEvent[] = [];
    const subscription = store.subscribeToAll((batch) => void seen.push(...batch), { after: start });
    try {
      const deadline = Date.now() + 5000;
      while (seen.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
      await new Promise((r) => setTimeout(r, 50));
      assert.deepEqual(seen.map((e) => e.type), ['Visible']);
    } finally {
      await subscription.stop();
    }
    assert.equal((await store.readStream(systemStream)).length, 1);
    assert.deepEqual((await store.readStream(userStream)).map((e) => e.type), ['$Internal', 'Visible']);
  });

  it('answers a retried append with the revision and position of the first one', async () => {
    const stream = `retry-${randomUUID()}`;
    const events = [event('A', {}, randomUUID()), event('B', {}, randomUUID())];
    const first = await store.appendToStream(stream, events);
    await store.appendToStream(stream, [event('C')]);
    const retried = await store.appendToStream(stream, events, { expectedRevision: 'no_stream' });
    assert.deepEqual(retried, first);
    assert.equal((await store.readStream(stream)).length, 3);
  });

  it('refuses an event id that another stream already uses', async () => {
    const id = randomUUID();
    const owner = `owner-${randomUUID()}`;
    await store.appendToStream(owner, [event('Owned', {}, id)]);
    const other = `other-${randomUUID()}`;
    await assert.rejects(store.appendToStream(other, [event('Copied', {}, id)]), new RegExp(`event id ${id} is already used by event 0 of stream ${owner}`));
    assert.deepEqual(await store.readStream(other), []);
  });

  it('keeps everything across close and reopen, and continues each stream where it ended', async () => {
    const path = join(directory, 'reopen.sqlite');
    const first = await openSqliteEventStore(path);
    await first.appendToStream('kept', [event('One'), event('Two')]);
    await first.close();
    const second = await openSqliteEventStore(path);
    try {
      assert.deepEqual((await second.readStream('kept')).map((e) => [e.revision, e.type]), [[0, 'One'], [1, 'Two']]);
      assert.equal((await second.appendToStream('kept', [event('Three')], { expectedRevision: 1 })).nextExpectedRevision, 2);
    } finally {
      await second.close();
    }
  });

  it('gives events without an id a time-ordered UUID (version 7)', async () => {
    const stream = `ids-${randomUUID()}`;
    await store.appendToStream(stream, [event('A'), event('B')]);
    const ids = (await store.readStream(stream)).map((e) => e.id);
    for (const id of ids) assert.match(id, /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const millis = parseInt(ids[0].replace(/-/g, '').slice(0, 12), 16);
    assert.ok(Math.abs(millis - Date.now()) < 60_000, 'the id starts with the current time');
  });
  it('scans large events in short pages (about 1 MB of text each), losing none', async () => {
    const start = await store.headPosition();
    const stream = `big-${randomUUID()}`;
    for (let i = 0; i < 12; i++) await store.appendToStream(stream, [event('BigChunk', { i, data: String(i % 10).repeat(300_000) })]);
    const pages: StoredEvent[][] = [];
    for await (const page of store.scanAll({ after: start, eventTypes: ['BigChunk'], pageSize: 100 })) pages.push(page);
    const mine = pages.flat().filter((e) => e.streamId === stream);
    assert.deepEqual(mine.map((e) => (e.data as { i: number }).i), Array.from({ length: 12 }, (_, i) => i));
    assert.ok(mine.every((e) => (e.data as { data: string }).data.length === 300_000));
    assert.ok(pages.length >= 3, `12 events of 300 KB in pages of about 1 MB, not one page of 100 (got ${pages.length} pages)`);
    assert.ok(pages.every((p) => p.length <= 4));
  });
});
