// The event store contract on the embedded SQLite store, in a temporary file.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteEventStore } from '../../src/event-store/sqlite';
import { eventStoreContract } from './event-store-contract';

eventStoreContract('SQLite event store', async () => {
  const directory = mkdtempSync(join(tmpdir(), 'postwire-contract-sqlite-'));
  const store = await openSqliteEventStore(join(directory, 'events.sqlite'));
  return {
    store,
    cleanup: async () => {
      await store.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
});
