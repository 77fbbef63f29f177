// The outgoing webhook payload (mox webhook.Outgoing, reference 2.3), built from the queue's facts
// without any lookup: each final or delayed outcome, and each DSN matched to a sent message, carries a
// MessageSummary with everything the payload needs. Pure.
//
// Deliberate differences from mox (DESIGN section 5): `delivered` carries the next hop's SMTP code from
// the attempt's result (mox: 0), and DSN-derived events carry the DSN's diagnostic in Error (mox: empty).
import type { MessageEvent, MessageSummary, MsgResult } from '../../queue/message-events';
import type { OutgoingEventName } from '../webhook-events';
import { sortedMap } from './sorted-map';

export interface Outgoing {
  Version: 0;
  Event: OutgoingEventName;
  DSN: boolean;
  Suppressing: boolean;
  QueueMsgID: number;
  FromID: string;
  MessageID: string;
  Subject: string;
  WebhookQueued: string;
  SMTPCode: number;
  SMTPEnhancedCode: string;
  Error: string;
  Extra: Record<string, string>;
}

/** The message facts that become outgoing webhooks. */
export const OUTGOING_FACT_TYPES = ['DeliveryDelayed', 'MessageDelivered', 'MessageFailed', 'MessageSuppressed', 'MessageCanceled', 'DsnReceived'] as const;
export type OutgoingFactType = (typeof OUTGOING_FACT_TYPES)[number];

export type OutgoingFact = Extract<MessageEvent, { type: OutgoingFactType }> & { metadata: { now: string } };

export function isOutgoingFact(event: { type: string }): event is OutgoingFact {
  return (OUTGOING_FACT_TYPES as readonly string[]).includes(event.type);
}

export function outgoingEventOf(fact: OutgoingFact): OutgoingEventName {
  switch (fact.type) {
    case 'DeliveryDelayed':
      return 'delayed';
    case 'MessageDelivered':
      return 'delivered';
    case 'MessageFailed':
      return 'failed';
    case 'MessageSuppressed':
      return 'suppressed';
    case 'MessageCanceled':
      return 'canceled';
    case 'DsnReceived':
      return fact.data.Event;
  }
}

/**
 * "<class>.<subject>.<detail>" as mox builds it: the code's class digit, then the stored short enhanced
 * code (RFC 3463 §2); empty when the reply had no enhanced code or there was no reply at all.
 */
export function enhancedCode(code: number, secode: string): string {
  if (secode === '' || code <= 0) return '';
  return `${Math.floor(code / 100)}.${secode}`;
}

/** The webhook-level fields of the hook record (mox Hook), which for DSN webhooks name the DSN itself. */
export interface OutgoingHookFields {
  Account: string;
  Event: OutgoingEventName;
  QueueMsgID: number;
  FromID: string;
  MessageID: string;
  Subject: string;
  Extra: Record<string, string>;
}

export function outgoingHookFields(fact: OutgoingFact): OutgoingHookFields {
  const m: MessageSummary = fact.data.Message;
  return {
    Account: m.SenderAccount,
    Event: outgoingEventOf(fact),
    QueueMsgID: m.QueueMsgID,
    FromID: m.FromID,
    // mox: hooks for incoming DSNs carry the incoming message's Message-Id (reference 2.8).
    MessageID: fact.type === 'DsnReceived' ? fact.data.IncomingMessageID : m.MessageID,
    Subject: m.Subject,
    Extra: sortedMap(m.Extra ?? {}),
  };
}

/**
 * The payload for a fact. WebhookQueued is the fact's own time, so the payload is a function of the fact
 * alone and a replay sends exactly what the first webhook sent.
 */
export function outgoingPayload(fact: OutgoingFact): Outgoing {
  const m = fact.data.Message;
  const result: MsgResult = fact.data.Result;
  const dsn = fact.type === 'DsnReceived';
  return {
    Version: 0,
    Event: outgoingEventOf(fact),
    DSN: dsn ? fact.data.DSN : false,
    Suppressing: fact.type === 'MessageFailed' || fact.type === 'DsnReceived' ? fact.data.Suppressing : false,
    QueueMsgID: m.QueueMsgID,
    FromID: m.FromID,
    MessageID: m.MessageID,
    Subject: m.Subject,
    WebhookQueued: fact.metadata.now,
    SMTPCode: result.Code,
    SMTPEnhancedCode: enhancedCode(result.Code, result.Secode),
    Error: result.Error,
    Extra: sortedMap(m.Extra ?? {}),
  };
}

/** The payload with mox's field order and sorted maps (Go's encoding/json sorts map keys). */
export function canonicalOutgoing(p: Outgoing): Outgoing {
  return {
    Version: 0,
    Event: p.Event,
    DSN: p.DSN,
    Suppressing: p.Suppressing,
    QueueMsgID: p.QueueMsgID,
    FromID: p.FromID,
    MessageID: p.MessageID,
    Subject: p.Subject,
    WebhookQueued: p.WebhookQueued,
    SMTPCode: p.SMTPCode,
    SMTPEnhancedCode: p.SMTPEnhancedCode,
    Error: p.Error,
    Extra: sortedMap(p.Extra ?? {}),
  };
}
