// The whole recorded life of one message, for auditors (`postwire audit`) and apps (`DeliveryHistory`):
// its submission (narrowed to this recipient), every event of its own stream, and the webhooks it caused.
import type Database from 'better-sqlite3';
import type { EventStore, StoredEvent } from '../event-store/event-store';
import { MESSAGE_INDEX_TABLE } from '../../projections/queue';
import type { MessageQueuedData } from './message-events';
import { messageStream } from './message-events';

export interface HistoryEntry {
  streamId: string;
  revision: number;
  position: number;
  type: string;
  time: string;
  data: unknown;
}

export interface MessageHistory {
  queueMsgId: number;
  account: string;
  entries: HistoryEntry[];
}

/** Other streams that belong to a message's history (webhooks register theirs here). */
export type RelatedStreamFinder = (readDb: Database.Database, queueMsgId: number) => string[];
const relatedFinders: RelatedStreamFinder[] = [];
export function registerRelatedStreams(finder: RelatedStreamFinder): void {
  relatedFinders.push(finder);
}

const entry = (e: StoredEvent): HistoryEntry => ({ streamId: e.streamId, revision: e.revision, position: e.position, type: e.type, time: e.metadata.now, data: e.data });

export async function messageHistory(store: EventStore, readDb: Database.Database, queueMsgId: number): Promise<MessageHistory | null> {
  const index = readDb.prepare(`SELECT SubmissionStream, Position, SenderAccount FROM ${MESSAGE_INDEX_TABLE} WHERE ID = ?`).get(queueMsgId) as
    | { SubmissionStream: string; Position: number; SenderAccount: string }
    | undefined;
  if (!index) return null;
  const entries: HistoryEntry[] = [];
  const submission = (await store.readStream(index.SubmissionStream)).find((e) => e.position === index.Position);
  if (submission) {
    const data = submission.data as MessageQueuedData;
    entries.push({ ...entry(submission), data: { ...data, Recipients: data.Recipients.filter((r) => r.QueueMsgID === queueMsgId) } });
  }
  for (const e of await store.readStream(messageStream(queueMsgId))) entries.push(entry(e));
  for (const streamId of relatedFinders.flatMap((f) => f(readDb, queueMsgId))) {
    for (const e of await store.readStream(streamId)) entries.push(entry(e));
  }
  entries.sort((a, b) => a.position - b.position);
  return { queueMsgId, account: index.SenderAccount, entries };
}
