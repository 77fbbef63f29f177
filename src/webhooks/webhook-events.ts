// Events of the webhook queue. Each webhook (mox: a Hook) is its own stream, `webhook-<key>`, the
// consistency boundary that makes each call attempt happen once across workers and nodes. The key is
// derived from the fact that caused the webhook, so a reactor that handles a fact twice (after a crash)
// finds the stream already there instead of queuing a second webhook. Every event names its HookID, the
// number receivers see as X-Mox-Webhook-ID.
//
// Field names follow mox's Hook, HookRetired and HookResult (reference 2.8), so the read model maps onto
// the wire types without renaming.
import { createHash } from 'node:crypto';

export const WEBHOOK_STREAM_PREFIX = 'webhook-';

/** The stream of the webhook caused by `cause` (e.g. `outgoing:<event id>`); the same cause, the same stream. */
export function webhookStream(cause: string): string {
  return `${WEBHOOK_STREAM_PREFIX}${createHash('sha256').update(cause).digest('hex').slice(0, 32)}`;
}

/** One call of a webhook (mox's HookResult). */
export interface HookResult {
  Start: string;
  /** Nanoseconds, as mox. */
  Duration: number;
  URL: string;
  /** Any 2xx (mox: exactly 200; DESIGN section 5). */
  Success: boolean;
  /** HTTP status; 0 when no response arrived. */
  Code: number;
  Error: string;
  /** The first 512 bytes of the response body. */
  Response: string;
}

export const OUTGOING_EVENTS = ['delivered', 'suppressed', 'delayed', 'failed', 'relayed', 'expanded', 'canceled', 'unrecognized'] as const;
export type OutgoingEventName = (typeof OUTGOING_EVENTS)[number];

/** Where a webhook came from, for replay and audit: the fact's stream, revision and global position. */
export interface HookCause {
  StreamID: string;
  Revision: number;
  Position: number;
}

export interface WebhookQueuedData {
  HookID: number;
  Account: string;
  /** Copied from the account's settings when queued; later changes do not affect this webhook (mox). */
  URL: string;
  Authorization: string;
  IsIncoming: boolean;
  /** "" for incoming webhooks. */
  OutgoingEvent: OutgoingEventName | '';
  /** 0 for incoming webhooks. */
  QueueMsgID: number;
  FromID: string;
  /** The sent message's Message-ID; for incoming and DSN webhooks the received message's (mox). */
  MessageID: string;
  Subject: string;
  Extra: Record<string, string>;
  /** The JSON body, produced once at queue time. */
  Payload: string;
  Submitted: string;
  NextAttempt: string;
  Cause: HookCause;
  /** Queued again by WebhookReplay: neither supersedes nor is superseded. */
  Replay: boolean;
}

export type WebhookEvent =
  | { type: 'WebhookQueued'; data: WebhookQueuedData }
  | {
      // Claims the attempt before the call, with the stream's expected revision: whoever appends first
      // makes the call, and NextAttempt is already pushed out by the backoff, so a crash during the call
      // is retried after that wait, never in a hot loop (mox hookDeliver).
      type: 'WebhookAttemptStarted';
      data: { HookID: number; Attempt: number; Start: string; NextAttempt: string; Node: string };
    }
  | { type: 'WebhookAttempted'; data: { HookID: number; Attempt: number; Result: HookResult } }
  | { type: 'WebhookNextAttemptChanged'; data: { HookID: number; NextAttempt: string } }
  // Final outcomes; each is followed in the same append by WebhookRetired.
  | { type: 'WebhookDelivered'; data: { HookID: number } }
  | { type: 'WebhookFailed'; data: { HookID: number; Attempts: number } }
  | { type: 'WebhookSuperseded'; data: { HookID: number; SupersededByID: number } }
  | { type: 'WebhookCanceled'; data: { HookID: number; Result: HookResult } }
  | {
      type: 'WebhookRetired';
      data: {
        HookID: number;
        Success: boolean;
        LastActivity: string;
        /** Null: the account keeps no retired webhooks (KeepRetiredWebhookPeriod 0); the record goes at once. */
        KeepUntil: string | null;
      };
    }
  | { type: 'RetiredWebhookExpired'; data: { HookID: number } };

export type WebhookEventType = WebhookEvent['type'];

export const webhookEventTypes: readonly WebhookEventType[] = [
  'WebhookQueued',
  'WebhookAttemptStarted',
  'WebhookAttempted',
  'WebhookNextAttemptChanged',
  'WebhookDelivered',
  'WebhookFailed',
  'WebhookSuperseded',
  'WebhookCanceled',
  'WebhookRetired',
  'RetiredWebhookExpired',
];

/** The placeholder result of an attempt in progress (mox appends one with this text). */
export const DELIVERING = 'delivering...';
export const CANCELED_BY_ADMIN = 'canceled by admin';
export const INTERRUPTED = 'webhook call interrupted: the node making it stopped before recording the outcome';
