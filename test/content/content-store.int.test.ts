// Content storage on both adapters: a 50 MiB message is chunked into appends small enough for
// EventStoreDB (the stand-in refuses appends over 1 MiB, as a real node does), read back streamed chunk by
// chunk, reused without being rewritten, and deleted only at the revision the caller decided on.
import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CHUNK_SIZE } from '../../src/content/content-events';
import { ContentNotFound, ContentStore } from '../../src/content/content-store';
import type { EventStore } from '../../src/event-store/event-store';
import { openEsdbEventStore } from '../../src/event-store/esdb/esdb-event-store';
import { openSqliteEventStore } from '../../src/event-store/sqlite';
import { silentLogger } from '../../src/observability/logger';
import { startEsdbStandIn } from '../support/esdb-stand-in/stand-in';

const adapters: [string, () => Promise<{ store: EventStore; cleanup(): Promise<void> }>][] = [
  [
    'SQLite',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'postwire-content-'));
      const store = await openSqliteEventStore(join(dir, 'events.sqlite'));
      return { store, cleanup: async () => (await store.close(), rmSync(dir, { recursive: true, force: true })) };
    },
  ],
  [
    'EventStoreDB (protocol stand-in, 1 MiB append limit)',
    async () => {
      const standIn = await startEsdbStandIn({ maxAppendSize: 1024 * 1024 });
      const store = await openEsdbEventStore(standIn.url, { logger: silentLogger() });
      return { store, cleanup: async () => (await store.close(), await standIn.stop()) };
    },
  ],
];

for (const [name, open] of adapters) {
  describe(`content storage on ${name}`, () => {
    it('stores a 50 MiB message in chunks, reads it back streamed, reuses it, deletes it', async () => {
      const { store, cleanup } = await open();
      try {
        const content = new ContentStore(store);
        const bytes = randomBytes(50 * 1024 * 1024);
        const ref = await content.put(bytes);
        assert.equal(ref.Size, bytes.length);
        assert.equal(ref.Sha256, createHash('sha256').update(bytes).digest('hex'));

        const hash = createHash('sha256');
        let chunks = 0;
        let largest = 0;
        for await (const chunk of content.read(ref.Sha256)) {
          chunks++;
          largest = Math.max(largest, chunk.length);
          hash.update(chunk);
        }
        assert.equal(hash.digest('hex'), ref.Sha256);
        assert.equal(chunks, Math.ceil(bytes.length / CHUNK_SIZE));
        assert.equal(largest <= CHUNK_SIZE, true);

        // Stored again: found, not rewritten (one small event moves the revision instead).
        const before = await content.revision(ref.Sha256);
        await content.put(bytes);
        assert.equal(await content.revision(ref.Sha256), before! + 1);

        // A delete decided on the old revision is refused; at the current one it goes through.
        assert.equal(await content.delete(ref.Sha256, before!), false);
        assert.equal(await content.delete(ref.Sha256, (await content.revision(ref.Sha256))!), true);
        assert.equal(await content.exists(ref.Sha256), false);
        await assert.rejects(content.get(ref.Sha256), ContentNotFound);
      } finally {
        await cleanup();
      }
    });

    it('writes content again after it was deleted, and completes what a crashed writer left', async () => {
      const { store, cleanup } = await open();
      try {
        const content = new ContentStore(store);
        const deleted = Buffer.from('deleted, then sent again\r\n');
        const first = await content.put(deleted);
        assert.equal(await content.delete(first.Sha256, (await content.revision(first.Sha256))!), true);
        await content.put(deleted);
        assert.deepEqual(await content.get(first.Sha256), deleted);

        // A writer that stopped after a chunk: the stream exists but is incomplete.
        const partial = Buffer.from('left incomplete by a crash\r\n');
        const sha256 = createHash('sha256').update(partial).digest('hex');
        await store.appendToStream(`content-${sha256}`, [{ type: 'ContentChunkStored', data: { Index: 0, Data: partial.toString('base64') }, metadata: { now: new Date().toISOString() } }]);
        assert.equal(await content.exists(sha256), false);
        await content.put(partial);
        assert.deepEqual(await content.get(sha256), partial);
      } finally {
        await cleanup();
      }
    });
  });
}
