// Files the SQLite event store cannot use: each is refused with EventStoreUnavailable naming the file and
// saying what is wrong; bad arguments are refused with a TypeError saying which.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { EventStore, EventStoreUnavailable, NewEvent } from '../../../src/event-store/event-store';
import { openSqliteEventStore } from '../../../src/event-store/sqlite';

const EXTERNAL_APPENDER = join(__dirname, 'external-appender.js');
const event = (data: unknown = {}): NewEvent => ({ type: 'Tested', data, metadata: { now: '2024-05-01T12:00:00.000Z' } });

async function expectUnavailable(action: Promise<unknown>, file: string, reason: RegExp): Promise<void> {
  await assert.rejects(action, (error: unknown) => {
    assert.ok(error instanceof EventStoreUnavailable, `expected EventStoreUnavailable, got ${String(error)}`);
    assert.ok(error.message.includes(file), `"${error.message}" names ${file}`);
    assert.match(error.message, reason);
    return true;
  });
}

/** A store file with some events in it, closed again. */
async function filledStore(file: string, events: number): Promise<void> {
  const store = await openSqliteEventStore(file);
  for (let i = 0; i < events; i += 50) {
    await Promise.all(Array.from({ length: 50 }, (_, n) => store.appendToStream(`fill-${(i + n) % 17}`, [event({ i: i + n, pad: 'z'.repeat(300) })])));
  }
  await store.close();
}

function runExternalAppender(args: string[], options: { uid?: number; gid?: number; fileSizeLimitKiB?: number } = {}) {
  const command = options.fileSizeLimitKiB
    ? ['sh', ['-c', `ulimit -f ${options.fileSizeLimitKiB} && exec "$0" "$@"`, process.execPath, EXTERNAL_APPENDER, ...args]]
    : [process.execPath, [EXTERNAL_APPENDER, ...args]];
  const result = spawnSync(command[0] as string, command[1] as string[], { encoding: 'utf8', timeout: 60_000, uid: options.uid, gid: options.gid });
  assert.equal(result.status, 0, `external appender failed: ${result.stderr}`);
  return JSON.parse(result.stdout.trim()) as { acked: number; failure?: { name: string; message: string } };
}

describe('SQLite event store errors', () => {
  let directory: string;
  before(() => {
    directory = mkdtempSync(join(tmpdir(), 'postwire-store-errors-'));
  });
  after(() => {
    rmSync(directory, { recursive: true, force: true });
  });

  it('refuses a file that is not a database', async () => {
    const file = join(directory, 'garbage.sqlite');
    writeFileSync(file, 'this is a text file, not a database\n'.repeat(200));
    await expectUnavailable(openSqliteEventStore(file), file, /not a SQLite database/);
  });

  it('refuses a truncated database file', async () => {
    const file = join(directory, 'truncated.sqlite');
    await filledStore(file, 2000);
    truncateSync(file, Math.floor(statSync(file).size / 2));
    await expectUnavailable(openSqliteEventStore(file), file, /corrupt or truncated/);
  });

  it('refuses a file in a directory that does not exist', async () => {
    const file = join(directory, 'no', 'such', 'dir', 'events.sqlite');
    await expectUnavailable(openSqliteEventStore(file), file, /directory .*no\/such\/dir does not exist/);
  });

  it('refuses a directory given as the file', async () => {
    const file = join(directory, 'a-directory');
    mkdirSync(file);
    await expectUnavailable(openSqliteEventStore(file), file, /is a directory/);
  });

  it('refuses a file written by a newer version', async () => {
    const file = join(directory, 'newer.sqlite');
    await filledStore(file, 1);
    const db = new Database(file);
    db.pragma('user_version = 99');
    db.close();
    await expectUnavailable(openSqliteEventStore(file), file, /newer version of Postwire \(event store schema version 99/);
  });

  it('refuses a SQLite database that is not an event store', async () => {
    const file = join(directory, 'other.sqlite');
    const db = new Database(file);
    db.exec('CREATE TABLE projections (name TEXT)');
    db.close();
    await expectUnavailable(openSqliteEventStore(file), file, /not a Postwire event store/);
  });

  it('refuses a read-only file, naming it', () => {
    const dir = join(directory, 'readonly');
    mkdirSync(dir);
    const file = join(dir, 'events.sqlite');
    writeFileSync(file, '');
    chmodSync(file, 0o444);
    chmodSync(directory, 0o755); // let an unprivileged user reach the file
    // root may write anywhere, so the check runs as an unprivileged user when the tests run as root.
    const asRoot = process.getuid?.() === 0;
    const outcome = runExternalAppender([file, 'ro', '1'], asRoot ? { uid: 65534, gid: 65534 } : {});
    assert.equal(outcome.acked, 0);
    assert.equal(outcome.failure?.name, 'EventStoreUnavailable');
    assert.ok(outcome.failure?.message.includes(file));
    assert.match(outcome.failure?.message ?? '', /read-only/);
  });

  it('rejects appends with a clear error when the file cannot grow (as on a full disk), keeping what was acknowledged', async () => {
    const file = join(directory, 'limited.sqlite');
    // ulimit -f caps the size of files the child writes, so SQLite's write fails as it would on a full disk.
    const outcome = runExternalAppender([file, 'limited', '1000', '40000'], { fileSizeLimitKiB: 1024 });
    assert.ok(outcome.acked > 0 && outcome.acked < 1000, `acked ${outcome.acked}`);
    assert.equal(outcome.failure?.name, 'EventStoreUnavailable');
    assert.ok(outcome.failure?.message.includes(file));
    assert.match(outcome.failure?.message ?? '', /disk is full|I\/O error/);
    const store = await openSqliteEventStore(file);
    try {
      const events = await store.readStream('limited');
      assert.ok(events.length >= outcome.acked, `${events.length} events kept of ${outcome.acked} acknowledged`);
      assert.deepEqual(events.map((e) => e.revision), events.map((_, i) => i));
    } finally {
      await store.close();
    }
  });

  it('fails a scan over a damaged event with an error naming the file and the positions, not a crash', async () => {
    const file = join(directory, 'damaged-event.sqlite');
    await filledStore(file, 100);
    const raw = new Database(file);
    raw.prepare(`UPDATE events SET data = '{"cut off' WHERE position = (SELECT min(position) + 60 FROM events)`).run();
    raw.close();
    const store = await openSqliteEventStore(file);
    try {
      let scanned = 0;
      const scan = async () => {
        for await (const page of store.scanAll({ pageSize: 25 })) scanned += page.length;
      };
      await expectUnavailable(scan(), file, /scan failed: an event after position \d+ \(up to \d+\) is not valid JSON/);
      assert.equal(scanned, 50, 'the pages before the damaged one were delivered');
      // The store goes on working.
      assert.equal((await store.readAll({ maxCount: 10 })).length, 10);
    } finally {
      await store.close();
    }
  });

  it('refuses calls after close', async () => {
    const file = join(directory, 'closed.sqlite');
    const store = await openSqliteEventStore(file);
    await store.close();
    await expectUnavailable(store.appendToStream('s', [event()]), file, /closed/);
    await expectUnavailable(store.readStream('s'), file, /closed/);
    assert.throws(() => store.scanAll(), (error: unknown) => error instanceof EventStoreUnavailable && /closed/.test(error.message));
    await store.close(); // closing twice is harmless
  });

  describe('bad arguments', () => {
    let store: EventStore;
    before(async () => {
      store = await openSqliteEventStore(join(directory, 'arguments.sqlite'));
    });
    after(async () => {
      await store.close();
    });
    const cases: Array<[string, { call: (s: EventStore) => unknown; message: RegExp }]> = [
      ['an empty stream id', { call: (s) => s.appendToStream('', [event()]), message: /stream id must be a non-empty string/ }],
      ['no events', { call: (s) => s.appendToStream('s', []), message: /at least one event/ }],
      ['an event without a type', { call: (s) => s.appendToStream('s', [{ ...event(), type: '' }]), message: /event 0 needs a non-empty string type/ }],
      ['data that is not JSON', { call: (s) => s.appendToStream('s', [event({ big: 1n })]), message: /data cannot be stored as JSON/ }],
      ['undefined data', { call: (s) => s.appendToStream('s', [{ ...event(), data: undefined }]), message: /data cannot be stored as JSON/ }],
      ['metadata that is not an object', { call: (s) => s.appendToStream('s', [{ ...event(), metadata: 'x' as never }]), message: /metadata must be an object/ }],
      ['one id twice', { call: (s) => s.appendToStream('s', [{ ...event(), id: 'x' }, { ...event(), id: 'x' }]), message: /appears twice/ }],
      ['a negative expected revision', { call: (s) => s.appendToStream('s', [event()], { expectedRevision: -1 }), message: /expectedRevision must be/ }],
      ['an unknown expected revision', { call: (s) => s.appendToStream('s', [event()], { expectedRevision: 'latest' as never }), message: /expectedRevision must be/ }],
      ['a fractional maxCount', { call: (s) => s.readStream('s', { maxCount: 1.5 }), message: /maxCount must be an integer/ }],
      ['an unknown direction', { call: (s) => s.readStream('s', { direction: 'up' as never }), message: /direction must be/ }],
      ['a negative readAll position', { call: (s) => s.readAll({ after: -5 }), message: /after must be an integer >= -1/ }],
      ['a maxBatch of 0', { call: (s) => s.subscribeToAll(() => undefined, { maxBatch: 0 }), message: /maxBatch must be an integer >= 1/ }],
      ['an empty prefix', { call: (s) => s.subscribeToAll(() => undefined, { streamPrefixes: [''] }), message: /streamPrefixes/ }],
    ];
    for (const [name, { call, message }] of cases) {
      it(`refuses ${name}`, async () => {
        await assert.rejects(async () => call(store), (error: unknown) => error instanceof TypeError && message.test(error.message));
      });
    }
  });
});
