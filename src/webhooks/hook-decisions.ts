// Every decision about a pending webhook, pure: state and inputs in (time, jitter, retention), events out.
// An empty list means there is nothing to do (the webhook is retired already, or the attempt is not ours).
import type { DecidedEvent } from '../core/command-handling';
import { hookBackoffMs, MAX_HOOK_ATTEMPTS } from './backoff';
import type { HookState } from './hook-state';
import { CANCELED_BY_ADMIN, INTERRUPTED, type HookResult, type WebhookEvent } from './webhook-events';

export type HookDecided = DecidedEvent<WebhookEvent['type'], WebhookEvent['data']>;

const idOf = (state: HookState): number => {
  if (!state.queued) throw new Error('no such webhook: its stream has no WebhookQueued event');
  return state.queued.HookID;
};

const retired = (state: HookState, success: boolean, now: Date, keepUntil: string | null): HookDecided => ({
  type: 'WebhookRetired',
  data: { HookID: idOf(state), Success: success, LastActivity: now.toISOString(), KeepUntil: keepUntil },
});

function interrupted(state: HookState, attempt: number): HookDecided {
  const result: HookResult = { Start: state.NextAttempt, Duration: 0, URL: state.queued!.URL, Success: false, Code: 0, Error: INTERRUPTED, Response: '' };
  return { type: 'WebhookAttempted', data: { HookID: idOf(state), Attempt: attempt, Result: result } };
}

/**
 * Claims the next attempt (mox hookDeliver): the attempt count and the next attempt time (now + backoff)
 * are recorded before the call. An attempt that was claimed and never recorded (its node stopped) is
 * recorded as interrupted first; if it was the last allowed one, the webhook fails instead.
 */
export function decideClaim(state: HookState, now: Date, node: string, jitter: number, keepUntil: string | null): HookDecided[] {
  if (!state.queued || state.end !== null) return [];
  const events: HookDecided[] = [];
  if (state.inFlight !== null) {
    events.push(interrupted(state, state.inFlight));
    if (state.Attempts >= MAX_HOOK_ATTEMPTS) {
      return [...events, { type: 'WebhookFailed', data: { HookID: idOf(state), Attempts: state.Attempts } }, retired(state, false, now, keepUntil)];
    }
  }
  const attempt = state.Attempts + 1;
  const nextAttempt = new Date(now.getTime() + hookBackoffMs(attempt, jitter)).toISOString();
  events.push({ type: 'WebhookAttemptStarted', data: { HookID: idOf(state), Attempt: attempt, Start: now.toISOString(), NextAttempt: nextAttempt, Node: node } });
  return events;
}

/**
 * Records a call's result. Success retires the webhook; a failure of the 12th attempt retires it as
 * failed; other failures leave it for the NextAttempt the claim set. When the webhook was superseded or
 * canceled during the call, the result is still recorded, its error marked as mox does ("(superseded)").
 */
export function decideOutcome(state: HookState, attempt: number, result: HookResult, now: Date, keepUntil: string | null): HookDecided[] {
  if (!state.queued || state.inFlight !== attempt) return [];
  const hookId = idOf(state);
  if (state.end !== null) {
    const marked = { ...result, Error: `${result.Error}${result.Error ? ' ' : ''}(${state.end})` };
    return [{ type: 'WebhookAttempted', data: { HookID: hookId, Attempt: attempt, Result: marked } }];
  }
  const attempted: HookDecided = { type: 'WebhookAttempted', data: { HookID: hookId, Attempt: attempt, Result: result } };
  if (result.Success) return [attempted, { type: 'WebhookDelivered', data: { HookID: hookId } }, retired(state, true, now, keepUntil)];
  if (attempt >= MAX_HOOK_ATTEMPTS) {
    return [attempted, { type: 'WebhookFailed', data: { HookID: hookId, Attempts: attempt } }, retired(state, false, now, keepUntil)];
  }
  return [attempted];
}

/** A newer webhook for the same message replaces this pending one (mox hookInsert, reference 2.7). */
export function decideSupersede(state: HookState, supersededById: number, now: Date, keepUntil: string | null): HookDecided[] {
  if (!state.queued || state.end !== null) return [];
  return [{ type: 'WebhookSuperseded', data: { HookID: idOf(state), SupersededByID: supersededById } }, retired(state, false, now, keepUntil)];
}

/** The admin's cancel (mox HookCancel): the result "canceled by admin", then retired as unsuccessful. */
export function decideCancel(state: HookState, now: Date, keepUntil: string | null): HookDecided[] {
  if (!state.queued || state.end !== null) return [];
  const result: HookResult = { Start: now.toISOString(), Duration: 0, URL: state.queued.URL, Success: false, Code: 0, Error: CANCELED_BY_ADMIN, Response: '' };
  return [{ type: 'WebhookCanceled', data: { HookID: idOf(state), Result: result } }, retired(state, false, now, keepUntil)];
}

/** The admin's HookNextAttemptSet / HookNextAttemptAdd; every pending webhook counts, as in mox. */
export function decideNextAttempt(state: HookState, nextAttempt: Date): HookDecided[] {
  if (!state.queued || state.end !== null) return [];
  return [{ type: 'WebhookNextAttemptChanged', data: { HookID: idOf(state), NextAttempt: nextAttempt.toISOString() } }];
}

/** The retention period of a retired webhook is over. */
export function decideExpire(state: HookState, now: Date): HookDecided[] {
  if (!state.queued || state.end === null || state.expired || state.KeepUntil === null) return [];
  if (state.KeepUntil > now.toISOString()) return [];
  return [{ type: 'RetiredWebhookExpired', data: { HookID: idOf(state) } }];
}
