// The event store contract on a real EventStoreDB node, when EVENTSTORE_URL names one (for example
// esdb://localhost:2113?tls=false with `docker compose up eventstoredb`). The contract only touches
// streams of its own, so the node may hold other data.
import { test } from 'node:test';
import { openEsdbEventStore } from '../../src/event-store/esdb/esdb-event-store';
import { withoutCredentials } from '../../src/event-store/esdb/connection-string';
import { silentLogger } from '../../src/observability/logger';
import { eventStoreContract } from './event-store-contract';

const url = process.env.EVENTSTORE_URL;

if (url) {
  eventStoreContract(`EventStoreDB at ${withoutCredentials(url)}`, async () => {
    const store = await openEsdbEventStore(url, { logger: silentLogger() });
    return { store, cleanup: () => store.close() };
  });
} else {
  test('EventStoreDB contract skipped: EVENTSTORE_URL is unset', { skip: 'EVENTSTORE_URL is unset' }, () => undefined);
}
