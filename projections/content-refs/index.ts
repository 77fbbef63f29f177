// References to each stored message content, so content is deleted once nothing refers to it any more.
// The queue refers to a submission's content once per recipient, from MessageQueued until the message is
// retired (mox drops the queued file at retirement); a mailbox message refers to its content from
// MailboxMessageAdded until MailboxMessageExpunged. Each row also keeps when the count last changed, and
// when its content stream was last written: the collector only deletes content unreferenced for a grace
// period, which covers a writer that stored content and has yet to append the event referring to it.
//
// A message is retired in the same append as its final outcome (MessageDelivered, MessageFailed,
// MessageSuppressed, MessageCanceled, see src/queue/message-events.ts); the outcome event names the content,
// MessageRetired does not, and a reducer cannot look rows up in another table, so the queue's reference is
// released at the outcome event.
import { CONTENT_GC_STREAM, type ContentDeletedData } from '../../src/content/content-gc-events';
import type { ContentRef } from '../../src/content/content-events';
import type { StoredEvent } from '../../src/event-store/event-store';
import { defineProjection, type Row, type RowKey } from '../../src/projecting/projection';
import { finalEventTypes, type MessageQueuedData, type MessageSummary } from '../../src/queue/message-events';

export const CONTENT_REFS_TABLE = 'content_refs';

const CONTENT_STREAM_PREFIX = 'content-';
const contentEventTypes = ['ContentChunkStored', 'ContentStored', 'ContentReused'] as const;
const finalTypes: readonly string[] = finalEventTypes;

type Delta = { queue: number; mailbox: number };

/** The content row an event touches and how it changes the counts; null when it touches none. */
export function contentChangeOf(event: StoredEvent): { sha256: string; delta: Delta | null } | null {
  if ((contentEventTypes as readonly string[]).includes(event.type)) {
    if (!event.streamId.startsWith(CONTENT_STREAM_PREFIX)) return null;
    return { sha256: event.streamId.slice(CONTENT_STREAM_PREFIX.length), delta: null };
  }
  if (event.type === 'MessageQueued') {
    const data = event.data as MessageQueuedData;
    return { sha256: data.Content.Sha256, delta: { queue: data.Recipients.length, mailbox: 0 } };
  }
  if (finalTypes.includes(event.type)) {
    const message = (event.data as { Message: MessageSummary }).Message;
    return { sha256: message.Content.Sha256, delta: { queue: -1, mailbox: 0 } };
  }
  if (event.type === 'MailboxMessageAdded') return { sha256: (event.data.Content as ContentRef).Sha256, delta: { queue: 0, mailbox: 1 } };
  if (event.type === 'MailboxMessageExpunged') return { sha256: (event.data.Content as ContentRef).Sha256, delta: { queue: 0, mailbox: -1 } };
  if (event.type === 'ContentDeleted' && event.streamId === CONTENT_GC_STREAM) return { sha256: (event.data as ContentDeletedData).Sha256, delta: null };
  return null;
}

/** Event times as one format, so the collector can compare them as text (most already are). */
const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const isoTime = (now: string): string => (ISO_UTC.test(now) ? now : new Date(now).toISOString());

export function evolveContentRefs(row: Row | null, event: StoredEvent, key: RowKey): Row | null {
  if (event.type === 'ContentDeleted') {
    // Content stored again after the deletion has newer events: that row stays.
    if (row === null) return null;
    return (row.ContentPosition as number) <= (event.data as ContentDeletedData).Position ? null : row;
  }
  const change = contentChangeOf(event)!;
  const current: Row = row ?? { Sha256: key[0], QueueRefs: 0, MailboxRefs: 0, Refs: 0, Size: null, ContentPosition: -1, LastChange: isoTime(event.metadata.now) };
  const next: Row = { ...current, LastChange: isoTime(event.metadata.now) };
  if (change.delta === null) {
    next.ContentPosition = event.position;
    if (event.type === 'ContentStored') next.Size = event.data.Size;
    return next;
  }
  next.QueueRefs = (current.QueueRefs as number) + change.delta.queue;
  next.MailboxRefs = (current.MailboxRefs as number) + change.delta.mailbox;
  next.Refs = (next.QueueRefs as number) + (next.MailboxRefs as number);
  return next;
}

export const contentRefsProjection = defineProjection({
  name: 'content-refs',
  version: 1,
  eventTypes: [...contentEventTypes, 'MessageQueued', ...finalEventTypes, 'MailboxMessageAdded', 'MailboxMessageExpunged', 'ContentDeleted'],
  // A chunk's base64 or a reuse's details are never read here: the content's hash is the stream's name.
  ignoresDataOf: ['ContentChunkStored', 'ContentReused'],
  tables: [
    {
      name: CONTENT_REFS_TABLE,
      columns: {
        Sha256: 'TEXT',
        Refs: 'INTEGER',
        QueueRefs: 'INTEGER',
        MailboxRefs: 'INTEGER',
        Size: 'INTEGER',
        /** Position of the last event of the content stream seen here; -1 when none was. */
        ContentPosition: 'INTEGER',
        /** Time (RFC 3339, UTC) of the last change to the counts or to the content stream. */
        LastChange: 'TEXT',
      },
      primaryKey: ['Sha256'],
      indexes: [['Refs', 'LastChange']],
    },
  ],
  reducers: [
    {
      table: CONTENT_REFS_TABLE,
      keysOf: (event: StoredEvent): RowKey[] => {
        const change = contentChangeOf(event);
        return change ? [[change.sha256]] : [];
      },
      evolve: evolveContentRefs,
    },
  ],
});
