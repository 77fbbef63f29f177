// Queries on the `mailbox_messages` read model. Every lookup is by account and MsgID together, so a caller
// can never reach another account's message.
import type Database from 'better-sqlite3';
import { MAILBOX_MESSAGES_TABLE, mailboxProjection } from '../../projections/mailbox';
import { decodeRow } from '../projecting/table-sql';
import type { ReceivedMeta } from './mailbox-service';

export interface StoredMailboxMessage {
  Account: string;
  MsgID: number;
  Mailbox: string;
  ContentSha256: string;
  Size: number;
  Flags: string[];
  Keywords: string[];
  Received: string;
  Meta: ReceivedMeta;
  IdempotencyKey: string | null;
  Expunged: boolean;
  Changed: string;
}

const table = mailboxProjection.tables.find((t) => t.name === MAILBOX_MESSAGES_TABLE)!;

export class MailboxReadModel {
  constructor(private readonly db: Database.Database) {}

  /** The message, expunged or not; null when the account has no message with this id. */
  message(account: string, msgId: number): StoredMailboxMessage | null {
    const raw = this.db.prepare(`SELECT * FROM ${MAILBOX_MESSAGES_TABLE} WHERE Account = ? AND MsgID = ?`).get(account, msgId);
    return raw ? (decodeRow(table, raw as Record<string, unknown>) as unknown as StoredMailboxMessage) : null;
  }

  /** The first message appended with this idempotency key. */
  byIdempotencyKey(account: string, key: string): StoredMailboxMessage | null {
    const raw = this.db
      .prepare(`SELECT * FROM ${MAILBOX_MESSAGES_TABLE} WHERE Account = ? AND IdempotencyKey = ? ORDER BY MsgID LIMIT 1`)
      .get(account, key);
    return raw ? (decodeRow(table, raw as Record<string, unknown>) as unknown as StoredMailboxMessage) : null;
  }
}
