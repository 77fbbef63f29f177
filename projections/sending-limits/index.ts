// What an account has sent, for its sending limits (mox's store.Outgoing records, kept here for webapi
// sends too: DESIGN §5): per submission the number of recipient messages and when, and per recipient
// when the account first sent to it. Messages Postwire queues itself (DSN mails) do not count.
import type { StoredEvent } from '../../src/event-store/event-store';
import { defineProjection, type Row, type RowKey } from '../../src/projecting/projection';
import type { MessageQueuedData, QueuedRecipient } from '../../src/queue/message-events';
import { localpartText } from '../../src/sending/smtp-address';

export const SENDS_TABLE = 'sending_sends';
export const RECIPIENTS_TABLE = 'sending_recipients';

type Handled = StoredEvent<'MessageQueued', MessageQueuedData>;

/** How a recipient is compared: mox's Path.XString(true), the localpart as written and the Unicode domain. */
export function recipientKey(localpart: string, unicodeDomain: string): string {
  return `${localpartText(localpart)}@${unicodeDomain.toLowerCase()}`;
}

const keyOf = (r: QueuedRecipient) => recipientKey(r.RecipientLocalpart, r.RecipientDomainStr);
const counts = (e: Handled) => e.data.Source !== 'internal';

export const sendingLimitsProjection = defineProjection({
  name: 'sending-limits',
  version: 1,
  eventTypes: ['MessageQueued'],
  tables: [
    {
      name: SENDS_TABLE,
      columns: { Position: 'INTEGER', Account: 'TEXT', Submitted: 'TEXT', Count: 'INTEGER' },
      primaryKey: ['Position'],
      indexes: [['Account', 'Submitted']],
    },
    {
      name: RECIPIENTS_TABLE,
      columns: { Account: 'TEXT', Recipient: 'TEXT', FirstSubmitted: 'TEXT' },
      primaryKey: ['Account', 'Recipient'],
      indexes: [['Account', 'FirstSubmitted']],
    },
  ],
  reducers: [
    {
      table: SENDS_TABLE,
      keysOf: (e: Handled): RowKey[] => (counts(e) ? [[e.position]] : []),
      evolve: (row: Row | null, e: Handled): Row =>
        row ?? { Position: e.position, Account: e.data.SenderAccount, Submitted: e.data.Queued, Count: e.data.Recipients.length },
    },
    {
      table: RECIPIENTS_TABLE,
      keysOf: (e: Handled): RowKey[] => (counts(e) ? [...new Set(e.data.Recipients.map(keyOf))].map((k) => [e.data.SenderAccount, k]) : []),
      evolve: (row: Row | null, e: Handled, key: RowKey): Row => row ?? { Account: key[0], Recipient: key[1], FirstSubmitted: e.data.Queued },
    },
  ],
});
