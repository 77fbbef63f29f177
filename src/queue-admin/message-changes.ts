// What each admin operation on queued messages decides for one message (mox queue.HoldSet,
// NextAttemptSet, NextAttemptAdd, TransportSet, RequireTLSSet, reference 3.7), pure: the message as the
// read model shows it and the time in, the events out; no events when the message already is as asked,
// so the operation's Count only counts messages it changed. None of these causes a webhook.
import { userError } from '../api/api-error';
import type { DecidedEvent } from '../core/command-handling';
import type { MessageEvent } from '../queue/message-events';
import type { AdminQueueRow } from './queue-records';

export type MessageDecided = DecidedEvent<MessageEvent['type'], MessageEvent['data']>;
export type MessageChange = (row: AdminQueueRow, now: Date) => MessageDecided[];

const MINUTE_MS = 60_000;

/** Holding or releasing; a release leaves NextAttempt as it is (mox), so an overdue message goes at once. */
export const holdSet =
  (onHold: boolean): MessageChange =>
  (row) => {
    if (row.Hold === onHold) return [];
    return onHold ? [{ type: 'MessageHeld', data: { QueueMsgID: row.ID, RuleID: null } }] : [{ type: 'MessageReleased', data: { QueueMsgID: row.ID } }];
  };

function nextAttemptAt(row: AdminQueueRow, at: Date): MessageDecided[] {
  // The attempt in flight sets NextAttempt itself when it ends; moving it now could let another node
  // start a second attempt of the same message meanwhile.
  if (row.InFlight) return [];
  if (Number.isNaN(at.getTime())) throw userError(`Minutes: the next attempt of message ${row.ID} would be beyond the last representable time`);
  const next = at.toISOString();
  return next === row.NextAttempt ? [] : [{ type: 'NextAttemptChanged', data: { QueueMsgID: row.ID, NextAttempt: next } }];
}

/** NextAttempt = now + minutes (the admin pages pass minutes; 0 is now). */
export const nextAttemptSet =
  (minutes: number): MessageChange =>
  (row, now) =>
    nextAttemptAt(row, new Date(now.getTime() + minutes * MINUTE_MS));

/** NextAttempt += minutes; negative moves it earlier. */
export const nextAttemptAdd =
  (minutes: number): MessageChange =>
  (row) =>
    nextAttemptAt(row, new Date(Date.parse(row.NextAttempt) + minutes * MINUTE_MS));

/** DueNow: a message waiting for a later attempt becomes due now; held and due ones stay as they are. */
export const dueNow: MessageChange = (row, now) => (row.Hold || row.NextAttempt <= now.toISOString() ? [] : nextAttemptAt(row, now));

/** The transport used from the next attempt; "" is normal routing. */
export const transportSet =
  (transport: string): MessageChange =>
  (row) =>
    row.Transport === transport ? [] : [{ type: 'TransportChanged', data: { QueueMsgID: row.ID, Transport: transport } }];

/** RequireTLS from the next attempt: null follows the recipient domain's policy (RFC 8689). */
export const requireTLSSet =
  (requireTLS: boolean | null): MessageChange =>
  (row) =>
    row.RequireTLS === requireTLS ? [] : [{ type: 'RequireTLSChanged', data: { QueueMsgID: row.ID, RequireTLS: requireTLS } }];
