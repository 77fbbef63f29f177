// Child process for the multi-process tests: opens the store file as a second process would (a CLI command)
// and appends `count` single events to one stream, one after the other with exact expected revisions, each
// with `payloadBytes` of data. Prints one JSON line: how many appends were acknowledged and the error that
// stopped it, if any.
//
//   node external-appender.js <file> <streamId> <count> [payloadBytes]
import { openSqliteEventStore } from '../../../src/event-store/sqlite';

async function main(): Promise<void> {
  const [file, streamId, count, payloadBytes = '16'] = process.argv.slice(2);
  let acked = 0;
  let failure: { name: string; message: string } | undefined;
  try {
    const store = await openSqliteEventStore(file, { busyTimeoutMs: 10_000 });
    try {
      const existing = await store.readStream(streamId, { direction: 'backwards', maxCount: 1 });
      let revision = existing.length > 0 ? existing[0].revision : -1;
      for (let i = 0; i < Number(count); i++) {
        const data = { from: 'external', i, pad: 'p'.repeat(Number(payloadBytes)) };
        const result = await store.appendToStream(streamId, [{ type: 'ExternallyAppended', data, metadata: { now: new Date().toISOString() } }], {
          expectedRevision: revision < 0 ? 'no_stream' : revision,
        });
        revision = result.nextExpectedRevision;
        acked += 1;
      }
    } finally {
      await store.close().catch(() => undefined);
    }
  } catch (error) {
    failure = { name: (error as Error).name, message: (error as Error).message };
  }
  process.stdout.write(`${JSON.stringify({ acked, failure })}\n`);
}

void main();
