// Which webhook a fact calls for, pure: the account's current settings decide whether there is one (an
// outgoing URL whose Events include the event, or an incoming URL), and the URL and Authorization are
// copied into the webhook now, so later setting changes do not affect it (mox, reference 2.1).
import type { AccountConfig } from '../config/config-view';
import type { StoredEvent } from '../event-store/event-store';
import type { MailboxMessageAddedData } from '../mailbox/mailbox-events';
import { incomingPayload, outgoingHookFields, outgoingPayload, payloadJson, sortedMap, type OutgoingFact } from './payloads';
import type { WebhookQueuedData } from './webhook-events';

/** What to queue: the webhook's data without its HookID, and the key its stream is derived from. */
export interface HookRequest {
  /** The same key always gives the same stream (webhookStream), so queuing twice queues once. */
  key: string;
  data: Omit<WebhookQueuedData, 'HookID'>;
}

const causeOf = (event: StoredEvent) => ({ StreamID: event.streamId, Revision: event.revision, Position: event.position });

/** The key of the webhook a fact causes; replays add the replay's id so each replay queues anew. */
export const hookKey = (kind: 'outgoing' | 'incoming', event: StoredEvent, replayId?: string) =>
  replayId ? `replay:${replayId}:${kind}:${event.id}` : `${kind}:${event.id}`;

export function wantsOutgoing(account: AccountConfig | null, event: string): boolean {
  const hook = account?.OutgoingWebhook;
  if (!hook || hook.URL === '') return false;
  return hook.Events.length === 0 || hook.Events.includes(event);
}

export function outgoingHookRequest(fact: StoredEvent & OutgoingFact, account: AccountConfig | null, now: Date, replayId?: string): HookRequest | null {
  const fields = outgoingHookFields(fact);
  if (!account || !wantsOutgoing(account, fields.Event)) return null;
  const hook = account.OutgoingWebhook!;
  return {
    key: hookKey('outgoing', fact, replayId),
    data: {
      Account: account.Name,
      URL: hook.URL,
      Authorization: hook.Authorization,
      IsIncoming: false,
      OutgoingEvent: fields.Event,
      QueueMsgID: fields.QueueMsgID,
      FromID: fields.FromID,
      MessageID: fields.MessageID,
      Subject: fields.Subject,
      Extra: fields.Extra,
      Payload: payloadJson(outgoingPayload(fact)),
      Submitted: now.toISOString(),
      NextAttempt: now.toISOString(),
      Cause: causeOf(fact),
      Replay: replayId !== undefined,
    },
  };
}

export function wantsIncoming(account: AccountConfig | null): boolean {
  return !!account?.IncomingWebhook && account.IncomingWebhook.URL !== '';
}

/** Only mail received over SMTP is announced (mox: not SaveSent copies, DSN mails, API or IMAP adds). */
export function isReceivedOverSmtp(event: StoredEvent): boolean {
  return event.type === 'MailboxMessageAdded' && (event.data as MailboxMessageAddedData).Source === 'smtp';
}

export function incomingHookRequest(
  event: StoredEvent & { data: MailboxMessageAddedData },
  raw: Buffer,
  account: AccountConfig | null,
  now: Date,
  replayId?: string,
): HookRequest | null {
  if (!account || !wantsIncoming(account) || !isReceivedOverSmtp(event)) return null;
  const hook = account.IncomingWebhook!;
  const payload = incomingPayload(raw, event.data);
  return {
    key: hookKey('incoming', event, replayId),
    data: {
      Account: account.Name,
      URL: hook.URL,
      Authorization: hook.Authorization,
      IsIncoming: true,
      OutgoingEvent: '',
      QueueMsgID: 0,
      FromID: '',
      MessageID: payload.MessageID,
      Subject: payload.Subject,
      Extra: sortedMap({}),
      Payload: payloadJson(payload),
      Submitted: now.toISOString(),
      NextAttempt: now.toISOString(),
      Cause: causeOf(event),
      Replay: replayId !== undefined,
    },
  };
}
