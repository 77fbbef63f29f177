// `postwire events export [--from POS] [--stream PREFIX]`: the event log as JSON lines, for auditors.
import { redactConfigSecrets } from '../config/secret-fields';
import type { StoredEvent } from '../event-store/event-store';
import { CliError, resolveDataBootstrap, type DataOptions } from './data-options';
import { openData } from './open-data';

export function exportLine(stored: StoredEvent, includeSecrets = false): string {
  const event = includeSecrets ? stored : redactConfigSecrets(stored);
  return JSON.stringify({
    position: event.position,
    streamId: event.streamId,
    revision: event.revision,
    id: event.id,
    type: event.type,
    time: event.metadata.now,
    data: event.data,
    metadata: event.metadata,
  });
}

export async function eventsExport(options: DataOptions & { from?: string; stream?: string; includeSecrets?: boolean }, out: NodeJS.WritableStream): Promise<void> {
  const from = options.from === undefined ? 0 : Number(options.from);
  if (!Number.isSafeInteger(from) || from < 0) throw new CliError(`--from must be a position (a whole number >= 0), not ${options.from}`);
  const data = await openData(resolveDataBootstrap(options));
  let closed = false;
  out.on('error', () => {
    closed = true; // the reader went away (e.g. `| head`): stop quietly
  });
  try {
    // EventStoreDB only resumes after the position of an existing event, so there the log is read from the
    // start and earlier events are skipped; SQLite positions are dense and can start right before POS.
    const exact = data.store.kind === 'sqlite';
    let after: number | undefined = exact && from > 0 ? from - 1 : undefined;
    while (!closed) {
      const page = await data.store.readAll({ after, maxCount: 1000 });
      if (page.length === 0) break;
      let chunk = '';
      for (const event of page) {
        if (event.position < from) continue;
        if (options.stream && !event.streamId.startsWith(options.stream)) continue;
        chunk += `${exportLine(event, options.includeSecrets)}\n`;
      }
      if (chunk && !out.write(chunk)) await new Promise((resolve) => out.once('drain', resolve));
      after = page[page.length - 1].position;
    }
  } finally {
    await data.close();
  }
}
