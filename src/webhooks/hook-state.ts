// One webhook's state, folded from its stream: what every decision about it (claim, outcome, supersede,
// cancel, reschedule, expiry) is made on.
import type { StoredEvent } from '../event-store/event-store';
import type { WebhookEvent, WebhookQueuedData } from './webhook-events';

export type HookEnd = 'delivered' | 'failed' | 'superseded' | 'canceled';

export interface HookState {
  queued: WebhookQueuedData | null;
  Attempts: number;
  NextAttempt: string;
  /** The attempt claimed and not yet recorded, or null. */
  inFlight: number | null;
  /** How it ended; null while pending. */
  end: HookEnd | null;
  KeepUntil: string | null;
  expired: boolean;
  /** The stream's last revision; -1 when it has no events. */
  revision: number;
}

export const initialHookState = (): HookState => ({
  queued: null,
  Attempts: 0,
  NextAttempt: '',
  inFlight: null,
  end: null,
  KeepUntil: null,
  expired: false,
  revision: -1,
});

export function evolveHook(state: HookState, stored: StoredEvent): HookState {
  const event = stored as unknown as WebhookEvent;
  const s: HookState = { ...state, revision: stored.revision };
  switch (event.type) {
    case 'WebhookQueued':
      return { ...s, queued: event.data, NextAttempt: event.data.NextAttempt };
    case 'WebhookAttemptStarted':
      return { ...s, Attempts: event.data.Attempt, NextAttempt: event.data.NextAttempt, inFlight: event.data.Attempt };
    case 'WebhookAttempted':
      return { ...s, inFlight: s.inFlight === event.data.Attempt ? null : s.inFlight };
    case 'WebhookNextAttemptChanged':
      return { ...s, NextAttempt: event.data.NextAttempt };
    case 'WebhookDelivered':
      return { ...s, end: 'delivered' };
    case 'WebhookFailed':
      return { ...s, end: 'failed' };
    case 'WebhookSuperseded':
      return { ...s, end: 'superseded' };
    case 'WebhookCanceled':
      return { ...s, end: 'canceled' };
    case 'WebhookRetired':
      return { ...s, KeepUntil: event.data.KeepUntil };
    case 'RetiredWebhookExpired':
      return { ...s, expired: true };
    default:
      return s;
  }
}

export const foldHook = (events: StoredEvent[]): HookState => events.reduce(evolveHook, initialHookState());
