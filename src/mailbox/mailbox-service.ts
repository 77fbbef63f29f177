// How other capabilities put a message into an account's mailbox: SaveSent copies, DSN mails Postwire
// writes to the sender, and mail received over SMTP. Mailboxes are event-sourced (mailbox-<account>).

export const MAILBOX_NAMES = ['Inbox', 'Sent', 'Archive', 'Trash', 'Drafts', 'Junk'] as const;
export type MailboxName = (typeof MAILBOX_NAMES)[number] | (string & {});

/** What is known about how a message arrived (mox's MessageMeta / IncomingMeta). */
export interface ReceivedMeta {
  MailFrom: string;
  MailFromValidated: boolean;
  RcptTo: string;
  MsgFrom: string;
  MsgFromValidated: boolean;
  DKIMVerifiedDomains: string[];
  RemoteIP: string;
  /** The message was recognised as a DSN. */
  DSN: boolean;
}

/**
 * How a message came to be in the mailbox: `smtp`, received from another server over SMTP (the only
 * source that triggers the account's incoming webhook, as mox); `sent`, a SaveSent copy; `dsn`, a DSN or
 * reply matched to a sent message, or a DSN mail Postwire writes to a sender; `api`, added through an API.
 */
export type MailboxMessageSource = 'smtp' | 'sent' | 'dsn' | 'api';

export interface AppendToMailbox {
  account: string;
  mailbox: MailboxName;
  /** Raw message bytes; stored content-addressed. */
  raw: Buffer;
  /** System flags and keywords, lower-case (`\seen`, `$notjunk`, ...). */
  flags: string[];
  meta: ReceivedMeta;
  /** Absent: not mail received over SMTP (no incoming webhook). */
  source?: MailboxMessageSource;
  /**
   * Makes the append idempotent: a second append with the same key returns the first MsgID and stores
   * nothing (reactors may run twice after a crash).
   */
  idempotencyKey?: string;
  now: Date;
}

export abstract class MailboxService {
  /** Returns the account's MsgID of the stored message. */
  abstract append(request: AppendToMailbox): Promise<number>;
}
