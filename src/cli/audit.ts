// `postwire audit <queueMsgId | stream id> [--json]`: the full event history, readable or as JSON lines.
import { redactConfigSecrets } from '../config/secret-fields';
import { messageHistory, type HistoryEntry } from '../queue/message-history';
import { CliError, resolveDataBootstrap, type DataOptions } from './data-options';
import { describeEvent } from './describe-event';
import { openData } from './open-data';

export async function audit(id: string, options: DataOptions & { json?: boolean }, out: NodeJS.WritableStream): Promise<void> {
  const data = await openData(resolveDataBootstrap(options));
  try {
    let title: string;
    let entries: HistoryEntry[];
    if (/^\d+$/.test(id)) {
      const history = await messageHistory(data.store, data.readDb, Number(id));
      if (!history) throw new CliError(`no message with queue id ${id} (give a queue message id or a stream id such as account-postwire)`);
      title = `message ${id} of account ${history.account}`;
      entries = history.entries;
    } else {
      const events = await data.store.readStream(id);
      if (events.length === 0) throw new CliError(`stream ${id} has no events (give a queue message id or a stream id such as account-postwire)`);
      title = `stream ${id}`;
      entries = events.map((e) => ({ streamId: e.streamId, revision: e.revision, position: e.position, type: e.type, time: e.metadata.now, data: redactConfigSecrets(e).data }));
    }
    if (options.json) {
      for (const e of entries) out.write(`${JSON.stringify(e)}\n`);
      return;
    }
    out.write(`History of ${title}: ${entries.length} event${entries.length === 1 ? '' : 's'}\n`);
    const typeWidth = Math.max(...entries.map((e) => e.type.length));
    for (const e of entries) {
      out.write(`${e.time}  ${e.type.padEnd(typeWidth)}  ${describeEvent(e.type, e.data)}  [${e.streamId}@${e.revision}]\n`);
    }
  } finally {
    await data.close();
  }
}
