// Opens the event store and read models for a data-reading command, without starting the live runner:
// commands must not fight a running server, only read (and, for rebuilds, swap tables the server follows).
import type Database from 'better-sqlite3';
import type { Bootstrap } from '../config/bootstrap';
import type { EventStore } from '../event-store/event-store';
import { openReadModelDb } from '../projecting/read-model-db';
import { readModelsFile } from '../runtime/data-location';
import { openEventStore } from '../runtime/open-event-store';

export interface OpenedData {
  store: EventStore;
  readDb: Database.Database;
  close(): Promise<void>;
}

export async function openData(bootstrap: Bootstrap): Promise<OpenedData> {
  const store = await openEventStore({
    dataDir: bootstrap.dataDir,
    eventStoreUrl: process.env.EVENTSTORE_URL ?? bootstrap.eventStore?.url ?? null,
  });
  let readDb: Database.Database;
  try {
    readDb = openReadModelDb(readModelsFile(bootstrap.dataDir));
  } catch (err) {
    await store.close();
    throw err;
  }
  return {
    store,
    readDb,
    async close() {
      readDb.close();
      await store.close();
    },
  };
}
