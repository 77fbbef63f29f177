// Child process of the crash test (crash.int.test.ts): appends to the store as fast as it can from many
// concurrent appenders, each append three events tagged with one append number, and prints the number of
// every acknowledged append on its own line. The parent kills it with SIGKILL at some point.
//
//   node crash-appender.js <file> <appenders>
import { randomUUID } from 'node:crypto';
import { openSqliteEventStore } from '../../../src/event-store/sqlite';

async function main(): Promise<void> {
  const [file, appenders = '32'] = process.argv.slice(2);
  const store = await openSqliteEventStore(file);
  let next = 0;
  const appender = async (worker: number): Promise<void> => {
    const streamId = `crash-${worker}`;
    for (let revision = -1; ; revision += 3) {
      const append = next++;
      // Sizes vary so that some events spill into overflow pages.
      const pad = 'x'.repeat((append * 7919) % 6000);
      const events = [0, 1, 2].map((part) => ({
        id: randomUUID(),
        type: 'CrashTested',
        data: { append, part, pad },
        metadata: { now: new Date().toISOString() },
      }));
      await store.appendToStream(streamId, events, { expectedRevision: revision < 0 ? 'no_stream' : revision });
      process.stdout.write(`${append}\n`);
    }
  };
  await Promise.all(Array.from({ length: Number(appenders) }, (_, n) => appender(n)));
}

main().catch((error) => {
  process.stderr.write(`${String(error)}\n`);
  process.exitCode = 1;
});
