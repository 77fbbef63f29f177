// Events of an account's mailboxes (`mailbox-<account>`): one stream per account, like mox's per-account
// message database. MsgIDs come from the node-wide allocator (runtime.ids.mailboxMsg), so appends need no
// expected revision; what must happen once (an idempotent append, an expunge) gets a deterministic event id.
import type { ContentRef } from '../content/content-events';
import type { MailboxMessageSource, ReceivedMeta } from './mailbox-service';

export const MAILBOX_STREAM_PREFIX = 'mailbox-';

export const mailboxStream = (account: string) => `${MAILBOX_STREAM_PREFIX}${account}`;

/** The account of a `mailbox-<account>` stream (account names may contain dashes). */
export function accountOfMailboxStream(streamId: string): string | null {
  return streamId.startsWith(MAILBOX_STREAM_PREFIX) ? streamId.slice(MAILBOX_STREAM_PREFIX.length) : null;
}

export interface MailboxMessageAddedData {
  MsgID: number;
  Mailbox: string;
  Content: ContentRef;
  /** System flags, lower-case, in mox's order. */
  Flags: string[];
  /** Keywords, lower-case, sorted. */
  Keywords: string[];
  /** When the message was stored (RFC 3339). */
  Received: string;
  Meta: ReceivedMeta;
  /** The caller's key that made the append idempotent, or null. */
  IdempotencyKey: string | null;
  /** How the message arrived; absent in events written before it was recorded, and for non-SMTP sources. */
  Source?: MailboxMessageSource;
}

/** Only the flags that actually changed are listed; setting a flag that is set already is no event at all. */
export interface MailboxMessageFlagsChangedData {
  MsgID: number;
  FlagsSet: string[];
  FlagsCleared: string[];
  KeywordsAdded: string[];
  KeywordsRemoved: string[];
}

export interface MailboxMessageMovedData {
  MsgID: number;
  From: string;
  To: string;
}

/** Permanently removed (mox: Expunged). Carries the content so the content references drop without a lookup. */
export interface MailboxMessageExpungedData {
  MsgID: number;
  Mailbox: string;
  Content: ContentRef;
}

export type MailboxEvent =
  | { type: 'MailboxMessageAdded'; data: MailboxMessageAddedData }
  | { type: 'MailboxMessageFlagsChanged'; data: MailboxMessageFlagsChangedData }
  | { type: 'MailboxMessageMoved'; data: MailboxMessageMovedData }
  | { type: 'MailboxMessageExpunged'; data: MailboxMessageExpungedData };

export type MailboxEventType = MailboxEvent['type'];

export const mailboxEventTypes: readonly MailboxEventType[] = [
  'MailboxMessageAdded',
  'MailboxMessageFlagsChanged',
  'MailboxMessageMoved',
  'MailboxMessageExpunged',
];
