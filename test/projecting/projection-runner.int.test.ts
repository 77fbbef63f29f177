// The projection runner on a real SQLite event store and read-model file: batches and checkpoints,
// read-your-writes, a failing reducer stopping only its projection, rebuild aside + swap while live,
// version bumps rebuilding at start.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type Database from 'better-sqlite3';
import type { EventStore, StoredEvent } from '../../src/event-store/event-store';
import { openSqliteEventStore } from '../../src/event-store/sqlite';
import { defineProjection, type ProjectionDefinition, type Row } from '../../src/projecting/projection';
import { readCatalog } from '../../src/projecting/projection-catalog';
import { ProjectionRunner } from '../../src/projecting/projection-runner';
import { openReadModelDb } from '../../src/projecting/read-model-db';

const meta = { now: '2026-01-01T00:00:00.000Z' };

function counter(version = 1, failOn?: string): ProjectionDefinition {
  return defineProjection({
    name: 'counter',
    version,
    eventTypes: ['Counted', 'Reset'],
    tables: [{ name: 'counts', columns: { name: 'TEXT', total: 'INTEGER', tags: 'JSON', odd: 'BOOLEAN' }, primaryKey: ['name'], indexes: [['total']] }],
    reducers: [
      {
        table: 'counts',
        keysOf: (e: StoredEvent) => [[e.data.name]],
        evolve: (row: Row | null, e: StoredEvent): Row | null => {
          if (failOn && e.data.name === failOn) throw new Error(`cannot count ${failOn}`);
          if (e.type === 'Reset') return null;
          const total = ((row?.total as number) ?? 0) + (e.data.by as number);
          return { name: e.data.name, total, tags: [...((row?.tags as string[]) ?? []), e.data.tag], odd: total % 2 === 1 };
        },
      },
    ],
  });
}

async function count(store: EventStore, name: string, by: number, tag = 't') {
  return store.appendToStream(`count-${name}`, [{ type: 'Counted', data: { name, by, tag }, metadata: meta }]);
}

describe('projection runner', () => {
  let dir: string;
  let store: EventStore;
  let db: Database.Database;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'postwire-proj-'));
    store = await openSqliteEventStore(join(dir, 'events.sqlite'));
    db = openReadModelDb(join(dir, 'projections.sqlite'));
  });
  after(async () => {
    await store.close();
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('applies history and live events, and waitFor gives read-your-writes', async () => {
    await count(store, 'a', 1);
    await count(store, 'a', 2);
    const runner = new ProjectionRunner(store, db, [counter()]);
    await runner.start();
    const written = await count(store, 'b', 5, 'x');
    await runner.waitFor(written.position, { timeoutMs: 5000 });
    const rows = db.prepare('SELECT * FROM counts ORDER BY name').all();
    assert.deepEqual(rows, [
      { name: 'a', total: 3, tags: '["t","t"]', odd: 1 },
      { name: 'b', total: 5, tags: '["x"]', odd: 1 },
    ]);
    assert.equal(readCatalog(db, 'counter')!.position, written.position);
    await runner.stop();
  });

  it('waitFor rejects after its timeout when the position never comes', async () => {
    const runner = new ProjectionRunner(store, db, [counter()]);
    await runner.start();
    await assert.rejects(runner.waitFor(10_000_000, { timeoutMs: 100 }), /did not reach position 10000000/);
    await runner.stop();
  });

  it('a failing reducer stops only its projection, with the event named, and retries at the next start', async () => {
    const healthy = defineProjection({ ...counter(), name: 'healthy', tables: [{ ...counter().tables[0], name: 'healthy_counts' }], reducers: [{ ...counter().reducers[0], table: 'healthy_counts' }] });
    const failing = counter(1, 'boom');
    const runner = new ProjectionRunner(store, db, [failing, healthy]);
    await runner.start();
    const bad = await count(store, 'boom', 1);
    const good = await count(store, 'c', 1);
    await runner.waitFor(good.position, { names: ['healthy'], timeoutMs: 5000 });
    await assert.rejects(runner.waitFor(good.position, { names: ['counter'], timeoutMs: 5000 }), /stopped at position/);
    const status = runner.status().find((s) => s.name === 'counter')!;
    assert.match(status.error!, new RegExp(`position ${bad.position} \\(Counted in count-boom\\): cannot count boom`));
    assert.equal(status.position < bad.position, true);
    await runner.stop();

    // Fixed code: the next start clears the error and goes on from the checkpoint.
    const fixed = new ProjectionRunner(store, db, [counter(1), healthy]);
    await fixed.start();
    await fixed.waitFor(good.position, { timeoutMs: 5000 });
    assert.equal((db.prepare("SELECT total FROM counts WHERE name = 'boom'").get() as { total: number }).total, 1);
    await fixed.stop();
  });

  it('rebuilds aside while live appends continue, and the swapped tables equal the live ones', async () => {
    const runner = new ProjectionRunner(store, db, [counter()]);
    await runner.start();
    for (let i = 0; i < 300; i++) await count(store, `r${i % 7}`, i);
    const writing = (async () => {
      for (let i = 0; i < 200; i++) await count(store, `w${i % 5}`, 1);
    })();
    const before = readCatalog(db, 'counter')!.generation;
    const result = await runner.rebuild(['counter']);
    await writing;
    assert.equal(result.done, true);
    const head = await store.headPosition();
    await runner.waitFor(head, { timeoutMs: 5000 });
    assert.equal(readCatalog(db, 'counter')!.generation, before + 1);
    const live = db.prepare('SELECT * FROM counts ORDER BY name').all();
    await runner.stop();

    // A second, independent rebuild from scratch in a fresh read-model file gives the same rows.
    const fresh = openReadModelDb(join(dir, 'fresh.sqlite'));
    const replay = new ProjectionRunner(store, fresh, [counter()]);
    await replay.start();
    await replay.waitFor(head, { timeoutMs: 5000 });
    await replay.stop();
    const rebuilt = fresh.prepare('SELECT * FROM counts ORDER BY name').all();
    fresh.close();
    assert.equal(live.length > 10, true);
    assert.deepEqual(rebuilt, live);
  });

  it('a rebuild reads without their data the types every projection of the pass ignores the data of', async () => {
    // `seen` records whether the data arrived; `blobs` reads it. Real reducers never look at data they
    // declare they ignore: a live runner gives it to them.
    const seen = defineProjection({
      name: 'seen',
      version: 1,
      eventTypes: ['Blob'],
      ignoresDataOf: ['Blob'],
      tables: [{ name: 'seen', columns: { id: 'TEXT', withData: 'BOOLEAN', at: 'TEXT' }, primaryKey: ['id'] }],
      reducers: [{ table: 'seen', keysOf: (e: StoredEvent) => [[e.streamId]], evolve: (_: Row | null, e: StoredEvent) => ({ id: e.streamId, withData: e.data !== null, at: e.metadata.now }) }],
    });
    const blobs = defineProjection({
      name: 'blobs',
      version: 1,
      eventTypes: ['Blob'],
      tables: [{ name: 'blobs', columns: { id: 'TEXT', length: 'INTEGER' }, primaryKey: ['id'] }],
      reducers: [{ table: 'blobs', keysOf: (e: StoredEvent) => [[e.streamId]], evolve: (_: Row | null, e: StoredEvent) => ({ id: e.streamId, length: (e.data.bytes as string).length }) }],
    });
    for (let i = 0; i < 12; i++) await store.appendToStream(`blob-${i}`, [{ type: 'Blob', data: { bytes: 'b'.repeat(1000 + i) }, metadata: meta }]);
    const rebuildDb = openReadModelDb(join(dir, 'without-data.sqlite'));
    const runner = new ProjectionRunner(store, rebuildDb, [seen, blobs]);
    try {
      await runner.start();
      await runner.waitFor(await store.headPosition(), { timeoutMs: 5000 });
      const live = rebuildDb.prepare('SELECT withData FROM seen').all() as { withData: number }[];
      assert.ok(live.length === 12 && live.every((r) => r.withData === 1), 'applied live, events come whole');
      await runner.rebuild(['seen']);
      const alone = rebuildDb.prepare('SELECT withData, at FROM seen').all() as { withData: number; at: string }[];
      assert.equal(alone.length, 12);
      assert.ok(alone.every((r) => r.withData === 0 && r.at === meta.now), 'data left out, metadata kept');
      await runner.rebuild(['seen', 'blobs']);
      const together = rebuildDb.prepare('SELECT withData FROM seen').all() as { withData: number }[];
      assert.ok(together.length === 12 && together.every((r) => r.withData === 1), 'another projection of the pass needs the data, so it is read');
      const lengths = (rebuildDb.prepare('SELECT length FROM blobs ORDER BY length').all() as { length: number }[]).map((r) => r.length);
      assert.deepEqual(lengths, Array.from({ length: 12 }, (_, i) => 1000 + i));
    } finally {
      await runner.stop();
      rebuildDb.close();
    }
  });

  it('a version bump rebuilds at start', async () => {
    const runner = new ProjectionRunner(store, db, [counter(2)]);
    await runner.start();
    const entry = readCatalog(db, 'counter')!;
    assert.equal(entry.version, 2);
    const rows = db.prepare('SELECT COUNT(*) AS n FROM counts').get() as { n: number };
    assert.equal(rows.n > 0, true);
    await runner.stop();
  });

  it('two runners on the same read-model file (a server and a CLI command) never apply an event twice', async () => {
    const other = openReadModelDb(join(dir, 'projections.sqlite'));
    const first = new ProjectionRunner(store, db, [counter(2)]);
    const second = new ProjectionRunner(store, other, [counter(2)]);
    await first.start();
    await second.start();
    const before = (db.prepare("SELECT total FROM counts WHERE name = 'twice'").get() as { total: number } | undefined)?.total ?? 0;
    let last = 0;
    for (let i = 0; i < 50; i++) last = (await count(store, 'twice', 1)).position;
    await first.waitFor(last, { timeoutMs: 5000 });
    await second.waitFor(last, { timeoutMs: 5000 });
    const after = (db.prepare("SELECT total FROM counts WHERE name = 'twice'").get() as { total: number }).total;
    assert.equal(after - before, 50);
    await first.stop();
    await second.stop();
    other.close();
  });
});
