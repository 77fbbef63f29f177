// Group commit of the SQLite event store: concurrent appends share transactions, and within one shared
// transaction every append is still checked and fails or succeeds on its own.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { EventStoreUnavailable, ExpectedRevisionConflict, NewEvent, StreamDeleted } from '../../../src/event-store/event-store';
import { CommitInfo, openSqliteEventStore, SqliteEventStore } from '../../../src/event-store/sqlite';

const now = '2024-05-01T12:00:00.000Z';
const event = (type: string, data: unknown = {}, id?: string): NewEvent => ({ id, type, data, metadata: { now } });

describe('SQLite event store group commit', () => {
  let directory: string;
  let file: string;
  let store: SqliteEventStore;
  const commits: CommitInfo[] = [];

  before(async () => {
    directory = mkdtempSync(join(tmpdir(), 'postwire-group-commit-'));
    file = join(directory, 'events.sqlite');
    store = await openSqliteEventStore(file, { onCommit: (info) => commits.push(info) });
  });
  after(async () => {
    await store.close();
    rmSync(directory, { recursive: true, force: true });
  });

  /** Runs `burst` and returns the commits it caused (the store is idle before and after). */
  async function commitsOf<T>(burst: () => Promise<T>): Promise<{ result: T; commits: CommitInfo[] }> {
    const from = commits.length;
    const result = await burst();
    return { result, commits: commits.slice(from) };
  }

  it('batches many concurrent appends into a few commits', async () => {
    const { result, commits: made } = await commitsOf(() =>
      Promise.all(Array.from({ length: 300 }, (_, n) => store.appendToStream(`many-${n}`, [event('Batched', { n })], { expectedRevision: 'no_stream' }))),
    );
    assert.equal(result.length, 300);
    assert.ok(made.length >= 1 && made.length <= 4, `300 concurrent appends took ${made.length} commits`);
    assert.equal(made.reduce((sum, c) => sum + c.batchSize, 0), 300);
    assert.equal(made.reduce((sum, c) => sum + c.events, 0), 300);
    assert.ok(made.every((c) => c.durationMs >= 0));
    const positions = result.map((r) => r.position);
    assert.equal(new Set(positions).size, 300, 'every append got its own position');
  });

  it('checks each append of a batch on its own: a conflict or a deleted stream fails only that append', async () => {
    const tombstoned = `gone-${randomUUID()}`;
    await store.appendToStream(tombstoned, [event('Before')]);
    await store.deleteStream(tombstoned, { tombstone: true });
    const existing = `existing-${randomUUID()}`;
    await store.appendToStream(existing, [event('First')]);

    const { result, commits: made } = await commitsOf(() =>
      Promise.allSettled([
        store.appendToStream(`ok-a-${randomUUID()}`, [event('Fine')], { expectedRevision: 'no_stream' }),
        store.appendToStream(existing, [event('Stale')], { expectedRevision: 5 }),
        store.appendToStream(`ok-b-${randomUUID()}`, [event('Fine'), event('Fine')], { expectedRevision: 'no_stream' }),
        store.appendToStream(tombstoned, [event('Late')]),
        store.appendToStream(existing, [event('Second')], { expectedRevision: 0 }),
      ]),
    );
    assert.equal(made.length, 1, 'the five appends shared one commit');
    assert.equal(made[0].batchSize, 5);
    assert.equal(made[0].events, 4);
    const [a, stale, b, late, second] = result;
    assert.equal(a.status, 'fulfilled');
    assert.equal(b.status, 'fulfilled');
    assert.equal(second.status, 'fulfilled');
    assert.ok(stale.status === 'rejected' && stale.reason instanceof ExpectedRevisionConflict && stale.reason.actual === 0);
    assert.ok(late.status === 'rejected' && late.reason instanceof StreamDeleted);
    assert.deepEqual((await store.readStream(existing)).map((e) => e.type), ['First', 'Second']);
  });

  it('lets appends to one stream within a batch see each other in order', async () => {
    const stream = `ordered-${randomUUID()}`;
    const { result, commits: made } = await commitsOf(() =>
      Promise.all(
        Array.from({ length: 20 }, (_, n) =>
          store.appendToStream(stream, [event('Step', { n })], { expectedRevision: n === 0 ? 'no_stream' : n - 1 }),
        ),
      ),
    );
    assert.equal(made.length, 1);
    assert.deepEqual(result.map((r) => r.nextExpectedRevision), Array.from({ length: 20 }, (_, n) => n));
    assert.deepEqual((await store.readStream(stream)).map((e) => e.data.n), Array.from({ length: 20 }, (_, n) => n));
  });

  it('rolls back a multi-event append that fails midway (an event id used elsewhere) and keeps the rest of the batch', async () => {
    const usedId = randomUUID();
    const owner = `owner-${randomUUID()}`;
    await store.appendToStream(owner, [event('Owned', {}, usedId)]);
    const victim = `victim-${randomUUID()}`;
    const bystander = `bystander-${randomUUID()}`;
    const [bad, good] = await Promise.allSettled([
      store.appendToStream(victim, [event('One', {}, randomUUID()), event('Two', {}, usedId), event('Three', {}, randomUUID())]),
      store.appendToStream(bystander, [event('Fine')]),
    ]);
    assert.ok(bad.status === 'rejected');
    assert.match(String(bad.reason.message), new RegExp(`${usedId}.*${owner}`));
    assert.ok(String(bad.reason.message).includes(file), 'the error names the file');
    assert.equal(good.status, 'fulfilled');
    assert.deepEqual(await store.readStream(victim), [], 'no event of the failed append was kept');
    assert.equal((await store.readStream(owner)).length, 1);
  });

  it('rejects every append of a batch whose commit fails, and writes none of them', async () => {
    const blocked = await openSqliteEventStore(join(directory, 'locked.sqlite'), { busyTimeoutMs: 150 });
    const locker = new Database(join(directory, 'locked.sqlite'));
    try {
      locker.exec('BEGIN IMMEDIATE'); // another connection holds the write lock past the busy timeout
      const results = await Promise.allSettled(
        Array.from({ length: 5 }, (_, n) => blocked.appendToStream(`locked-${n}`, [event('Blocked')], { expectedRevision: 'no_stream' })),
      );
      for (const r of results) {
        assert.ok(r.status === 'rejected' && r.reason instanceof EventStoreUnavailable, `got ${r.status}`);
        assert.match(r.reason.message, /locked/);
        assert.ok(r.reason.message.includes(join(directory, 'locked.sqlite')));
      }
      locker.exec('ROLLBACK');
      assert.deepEqual(await blocked.readStream('locked-0'), []);
      const retried = await blocked.appendToStream('locked-0', [event('Unblocked')], { expectedRevision: 'no_stream' });
      assert.equal(retried.nextExpectedRevision, 0);
    } finally {
      locker.close();
      await blocked.close();
    }
  });

  it('keeps appending when the metrics hook throws', async () => {
    const hooked = await openSqliteEventStore(join(directory, 'hook.sqlite'), {
      onCommit: () => {
        throw new Error('metrics broke');
      },
    });
    try {
      const results = await Promise.all([1, 2, 3].map((n) => hooked.appendToStream(`hook-${n}`, [event('Hooked')])));
      assert.deepEqual(results.map((r) => r.nextExpectedRevision), [0, 0, 0]);
      assert.equal((await hooked.readAll()).length, 3);
    } finally {
      await hooked.close();
    }
  });
});
