// Events of the outgoing queue. A submission (one Send, one SMTP submission, one DSN mail) is queued by a
// single `MessageQueued` event in its `submission-<id>` stream, holding every recipient: one append, so
// all recipients are queued atomically or none (an append to several streams at once is not atomic on
// EventStoreDB). Everything that later happens to one recipient's message goes to `message-<QueueMsgID>`,
// the consistency boundary that makes each delivery attempt happen once across nodes.
//
// Field names follow mox's queue records (reference: mox queue.Msg, MsgResult), so the read models map
// onto the wire types without renaming.
import type { ContentRef } from '../content/content-events';

export const submissionStream = (submissionId: string) => `submission-${submissionId}`;
export const messageStream = (queueMsgId: number) => `message-${queueMsgId}`;

/** One delivery attempt's outcome, as mox's MsgResult. */
export interface MsgResult {
  Start: string;
  /** Nanoseconds, as mox. */
  Duration: number;
  Success: boolean;
  Code: number;
  /** Short enhanced code without the class digit, e.g. "1.1". */
  Secode: string;
  Error: string;
}

/** The per-recipient part of a submission. */
export interface QueuedRecipient {
  QueueMsgID: number;
  /** Equal to the first recipient's id when several share identical bytes and sender (one SMTP transaction). */
  BaseID: number;
  /** Unique id in the MAIL FROM localpart, "" when fromid is not active. */
  FromID: string;
  SenderLocalpart: string;
  /** ASCII (IDNA) form. */
  SenderDomain: string;
  SenderDomainStr: string;
  RecipientLocalpart: string;
  RecipientDomain: string;
  RecipientDomainStr: string;
  /** The recipient as the caller wrote it (original case, Unicode domain): suppression and DSN matching. */
  RecipientAddress: string;
  /** Headers prepended to the stored content for this recipient (Received, DKIM-Signature), CRLF-terminated. */
  MsgPrefix: string;
  /** Held at queue time because a hold rule matched. */
  Hold: boolean;
}

export interface MessageQueuedData {
  SubmissionID: string;
  SenderAccount: string;
  /** How the message entered: the webapi, SMTP submission, or Postwire itself (DSN mails). */
  Source: 'webapi' | 'submission' | 'internal';
  Queued: string;
  NextAttempt: string;
  MessageID: string;
  Subject: string;
  Extra: Record<string, string>;
  Content: ContentRef;
  Has8bit: boolean;
  SMTPUTF8: boolean;
  RequireTLS: boolean | null;
  /** mox's `until;<RFC 3339>` text for FutureRelease, "" otherwise. */
  FutureReleaseRequest: string;
  /** 0: the default of 8. */
  MaxAttempts: number;
  Transport: string;
  Recipients: QueuedRecipient[];
  /** Set when the caller sent an Idempotency-Key: a repeat within 24 h answers with `Result`. */
  IdempotencyKey: string | null;
  /** What the caller was told (SendResult for the webapi), kept for idempotent repeats. */
  Result: unknown;
}

/** What every final event carries about the message, so consumers (webhooks, DSN mails) need no lookup. */
export interface MessageSummary {
  QueueMsgID: number;
  SenderAccount: string;
  FromID: string;
  MessageID: string;
  Subject: string;
  Extra: Record<string, string>;
  RecipientAddress: string;
  SenderAddress: string;
  Content: ContentRef;
  MsgPrefix: string;
  Queued: string;
  Attempts: number;
}

export type FinalOutcome = 'delivered' | 'failed' | 'suppressed' | 'canceled';

export type MessageEvent =
  | { type: 'MessageHeld'; data: { QueueMsgID: number; RuleID: number | null } }
  | { type: 'MessageReleased'; data: { QueueMsgID: number } }
  | { type: 'NextAttemptChanged'; data: { QueueMsgID: number; NextAttempt: string } }
  | { type: 'TransportChanged'; data: { QueueMsgID: number; Transport: string } }
  | { type: 'RequireTLSChanged'; data: { QueueMsgID: number; RequireTLS: boolean | null } }
  | {
      // Claims the attempt: appended with the expected revision before connecting, so two workers or
      // nodes never make the same attempt, and NextAttempt is already pushed out (a crash mid-attempt
      // is retried after the backoff, not in a hot loop).
      type: 'DeliveryAttemptStarted';
      data: { QueueMsgID: number; Attempt: number; Start: string; NextAttempt: string; Node: string };
    }
  | {
      type: 'DeliveryAttempted';
      data: {
        QueueMsgID: number;
        Attempt: number;
        Result: MsgResult;
        Permanent: boolean;
        RemoteHost: string;
        /** The remote's full SMTP reply, one entry per line, when the failure was a reply (DSN Diagnostic-Code). */
        SMTPLines?: string[];
      };
    }
  | {
      // A temporary failure that will be retried; the `delayed` webhook. DelayDSN: the delayed-DSN mail
      // goes to the sender now (after attempt 5, as mox).
      type: 'DeliveryDelayed';
      data: { Message: MessageSummary; Result: MsgResult; NextAttempt: string; DelayDSN: boolean };
    }
  | {
      // Final outcomes: each is followed in the same append by MessageRetired.
      type: 'MessageDelivered';
      data: { Message: MessageSummary; Result: MsgResult };
    }
  | {
      type: 'MessageFailed';
      data: {
        Message: MessageSummary;
        Result: MsgResult;
        /** permanent: an SMTP 5xx or a permanent error; attempts: MaxAttempts reached; admin: QueueFail. */
        Reason: 'permanent' | 'attempts' | 'admin';
        /** This failure puts the recipient on the suppression list now. */
        Suppressing: boolean;
        SuppressionReason: string;
      };
    }
  | { type: 'MessageSuppressed'; data: { Message: MessageSummary; Result: MsgResult } }
  | { type: 'MessageCanceled'; data: { Message: MessageSummary; Result: MsgResult } }
  | {
      type: 'MessageRetired';
      data: {
        QueueMsgID: number;
        Outcome: FinalOutcome;
        Success: boolean;
        LastActivity: string;
        /** Null: the account keeps no retired messages; the retired record goes at once. */
        KeepUntil: string | null;
      };
    }
  | {
      // A DSN or reply that came back for this message (fromid matched), after or before retirement.
      type: 'DsnReceived';
      data: {
        QueueMsgID: number;
        Message: MessageSummary;
        /** The outgoing webhook event it maps to. */
        Event: 'delivered' | 'delayed' | 'failed' | 'relayed' | 'expanded' | 'unrecognized';
        DSN: boolean;
        Result: MsgResult;
        Suppressing: boolean;
        SuppressionReason: string;
        /** Mailbox message holding the DSN itself. */
        MailboxMsgID: number | null;
        IncomingMessageID: string;
      };
    }
  | { type: 'RetiredMessageExpired'; data: { QueueMsgID: number } };

export type MessageEventType = MessageEvent['type'];

export const finalEventTypes = ['MessageDelivered', 'MessageFailed', 'MessageSuppressed', 'MessageCanceled'] as const;
