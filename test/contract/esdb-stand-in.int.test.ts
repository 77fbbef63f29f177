// The event store contract on the EventStoreDB adapter, through the real client, against the
// protocol-level stand-in (test/support/esdb-stand-in): once on BatchAppend, as the client talks to
// EventStoreDB 21.10 and later, once on Append, as it talks to older nodes.
import { openEsdbEventStore } from '../../src/event-store/esdb/esdb-event-store';
import { silentLogger } from '../../src/observability/logger';
import { startEsdbStandIn } from '../support/esdb-stand-in/stand-in';
import { eventStoreContract } from './event-store-contract';

for (const batchAppend of [true, false]) {
  eventStoreContract(`EventStoreDB adapter on the protocol stand-in (${batchAppend ? 'BatchAppend' : 'Append'})`, async () => {
    const standIn = await startEsdbStandIn({ batchAppend });
    const store = await openEsdbEventStore(standIn.url, { logger: silentLogger() });
    return {
      store,
      cleanup: async () => {
        await store.close();
        await standIn.stop();
      },
    };
  });
}
