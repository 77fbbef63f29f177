// The state of one queued message as commands see it: the immutable facts from its submission plus the
// fold of its own stream. Pure; time only from events.
import type { StoredEvent } from '../event-store/event-store';
import type { FinalOutcome, MessageEvent, MessageQueuedData, MsgResult, QueuedRecipient } from './message-events';

export interface MessageState {
  /** Revision of the message stream; -1 before its first event. */
  revision: number;
  queued: MessageQueuedData;
  recipient: QueuedRecipient;
  hold: boolean;
  nextAttempt: string;
  attempts: number;
  lastAttempt: string | null;
  results: MsgResult[];
  transport: string;
  requireTLS: boolean | null;
  /** An attempt was claimed and its outcome is not recorded yet. */
  attemptInFlight: number | null;
  retired: FinalOutcome | null;
}

export function initialMessageState(queued: MessageQueuedData, recipient: QueuedRecipient): MessageState {
  return {
    revision: -1,
    queued,
    recipient,
    hold: recipient.Hold,
    nextAttempt: queued.NextAttempt,
    attempts: 0,
    lastAttempt: null,
    results: [],
    transport: queued.Transport,
    requireTLS: queued.RequireTLS,
    attemptInFlight: null,
    retired: null,
  };
}

export const DELIVERING = 'delivering...';

export function evolveMessage(state: MessageState, stored: StoredEvent): MessageState {
  const event = stored as unknown as MessageEvent;
  const next = { ...state, revision: stored.revision };
  switch (event.type) {
    case 'MessageHeld':
      return { ...next, hold: true };
    case 'MessageReleased':
      return { ...next, hold: false };
    case 'NextAttemptChanged':
      return { ...next, nextAttempt: event.data.NextAttempt };
    case 'TransportChanged':
      return { ...next, transport: event.data.Transport };
    case 'RequireTLSChanged':
      return { ...next, requireTLS: event.data.RequireTLS };
    case 'DeliveryAttemptStarted':
      // mox shows an attempt in progress as a result whose Error is "delivering..."
      return {
        ...next,
        attempts: event.data.Attempt,
        lastAttempt: event.data.Start,
        nextAttempt: event.data.NextAttempt,
        attemptInFlight: event.data.Attempt,
        results: [...state.results, { Start: event.data.Start, Duration: 0, Success: false, Code: 0, Secode: '', Error: DELIVERING }],
      };
    case 'DeliveryAttempted':
      return { ...next, attemptInFlight: null, results: replaceInFlight(state.results, event.data.Result) };
    case 'DeliveryDelayed':
      return { ...next, nextAttempt: event.data.NextAttempt };
    case 'MessageDelivered':
    case 'MessageFailed':
    case 'MessageSuppressed':
    case 'MessageCanceled': {
      // Usually DeliveryAttempted in the same append has recorded this result already.
      const results = lastIsSame(state.results, event.data.Result)
        ? state.results
        : state.attemptInFlight !== null
          ? replaceInFlight(state.results, event.data.Result)
          : [...state.results, event.data.Result];
      return { ...next, attemptInFlight: null, results, lastAttempt: state.lastAttempt ?? event.data.Result.Start };
    }
    case 'MessageRetired':
      return { ...next, retired: event.data.Outcome };
    default:
      return next;
  }
}

function replaceInFlight(results: MsgResult[], result: MsgResult): MsgResult[] {
  const last = results[results.length - 1];
  if (last && last.Error === DELIVERING) return [...results.slice(0, -1), result];
  return [...results, result];
}

function lastIsSame(results: MsgResult[], result: MsgResult): boolean {
  const last = results[results.length - 1];
  return last !== undefined && last.Start === result.Start && last.Error === result.Error && last.Code === result.Code;
}
