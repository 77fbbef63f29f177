// Every account's stored messages, one row per message: what the webapi message methods read. Expunged
// messages keep their row with `Expunged` set, as mox keeps the record, so a second delete can say "message
// was removed" instead of "no such message".
import type { StoredEvent } from '../../src/event-store/event-store';
import { orderedFlags } from '../../src/mailbox/flags';
import { accountOfMailboxStream, mailboxEventTypes, type MailboxEvent } from '../../src/mailbox/mailbox-events';
import { defineProjection, type Row, type RowKey } from '../../src/projecting/projection';

export const MAILBOX_MESSAGES_TABLE = 'mailbox_messages';

type Handled = Omit<StoredEvent, 'type' | 'data'> & MailboxEvent;

const without = (list: unknown, remove: readonly string[]): string[] => ((list as string[]) ?? []).filter((x) => !remove.includes(x));
const union = (list: unknown, add: readonly string[]): string[] => [...new Set([...((list as string[]) ?? []), ...add])];

export function evolveMailboxMessage(row: Row | null, event: Handled, key: RowKey): Row | null {
  if (event.type === 'MailboxMessageAdded') {
    // A repeated add of the same MsgID (an append retried after a crash) changes nothing.
    if (row) return row;
    const d = event.data;
    return {
      Account: key[0],
      MsgID: d.MsgID,
      Mailbox: d.Mailbox,
      ContentSha256: d.Content.Sha256,
      Size: d.Content.Size,
      Flags: orderedFlags(d.Flags),
      Keywords: [...d.Keywords].sort(),
      Received: d.Received,
      Meta: d.Meta,
      IdempotencyKey: d.IdempotencyKey,
      Expunged: false,
      Changed: event.metadata.now,
    };
  }
  // Changes to a message that is unknown or already expunged (two writers racing) are facts without effect.
  if (row === null || row.Expunged) return row;
  const changed = { ...row, Changed: event.metadata.now };
  switch (event.type) {
    case 'MailboxMessageFlagsChanged': {
      const d = event.data;
      const flags = orderedFlags(without(union(row.Flags, d.FlagsSet), d.FlagsCleared));
      const keywords = without(union(row.Keywords, d.KeywordsAdded), d.KeywordsRemoved).sort();
      return { ...changed, Flags: flags, Keywords: keywords };
    }
    case 'MailboxMessageMoved':
      return { ...changed, Mailbox: event.data.To };
    case 'MailboxMessageExpunged':
      return { ...changed, Expunged: true };
    default:
      return row;
  }
}

export const mailboxProjection = defineProjection({
  name: 'mailbox',
  version: 1,
  eventTypes: mailboxEventTypes,
  tables: [
    {
      name: MAILBOX_MESSAGES_TABLE,
      columns: {
        Account: 'TEXT',
        MsgID: 'INTEGER',
        Mailbox: 'TEXT',
        ContentSha256: 'TEXT',
        Size: 'INTEGER',
        Flags: 'JSON',
        Keywords: 'JSON',
        Received: 'TEXT',
        Meta: 'JSON',
        IdempotencyKey: 'TEXT',
        Expunged: 'BOOLEAN',
        Changed: 'TEXT',
      },
      primaryKey: ['Account', 'MsgID'],
      indexes: [
        ['Account', 'IdempotencyKey'],
        ['Account', 'Mailbox', 'MsgID'],
      ],
    },
  ],
  reducers: [
    {
      table: MAILBOX_MESSAGES_TABLE,
      keysOf: (event: Handled): RowKey[] => {
        const account = accountOfMailboxStream(event.streamId);
        return account === null ? [] : [[account, event.data.MsgID]];
      },
      evolve: evolveMailboxMessage,
    },
  ],
});
