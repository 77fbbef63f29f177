// One attempt of one webhook, as mox's hookDeliver makes it: claim (attempt count and next attempt time
// recorded first, with the stream's expected revision, so only one worker on one node makes the call and
// a crash never causes a hot retry), call, record the result. A conflict on the claim means someone else
// acted first (another worker, an admin, a newer event superseding it) and the attempt is skipped.
import { performance } from 'node:perf_hooks';
import type { AccountConfig, ConfigView } from '../config/config-view';
import { appendDecided, newCommandContext } from '../core/command-handling';
import { ExpectedRevisionConflict } from '../event-store/event-store';
import type { Runtime } from '../runtime/runtime';
import { decideClaim, decideOutcome, type HookDecided } from './hook-decisions';
import type { HookRow } from './hook-queries';
import { foldHook, type HookState } from './hook-state';
import type { WebhookClient } from './http/webhook-client';
import { webhookHeaders } from './http/webhook-headers';
import { keepUntilFor } from './retention';
import type { HookResult, WebhookQueuedData } from './webhook-events';

export interface AttemptReport {
  /** Someone else changed the webhook since the read model's row; nothing was done. */
  conflict: boolean;
  /** Global position of the last event appended, -1 when none. */
  position: number;
  result: HookResult | null;
}

/** The state the read model's row shows, enough to decide a claim without reading the stream. */
export function stateOfRow(row: HookRow): HookState {
  const queued = { HookID: row.ID, URL: row.URL, Account: row.Account, QueueMsgID: row.QueueMsgID } as WebhookQueuedData;
  return {
    queued,
    Attempts: row.Attempts,
    NextAttempt: row.NextAttempt,
    inFlight: row.InFlight ? row.Attempts : null,
    end: row.Retired ? 'delivered' : null,
    KeepUntil: row.KeepUntil,
    expired: false,
    revision: row.Revision,
  };
}

export interface AttemptContext {
  runtime: Runtime;
  config: ConfigView;
  client: WebhookClient;
  jitter: () => number;
}

/** Appends the claim; null when the stream moved on since the row (someone else acted). */
export async function claimHook(c: AttemptContext, row: HookRow, now: Date, account: AccountConfig | null = c.config.account(row.Account)): Promise<{ events: HookDecided[]; revision: number; position: number } | null> {
  const events = decideClaim(stateOfRow(row), now, c.runtime.node, c.jitter(), keepUntilFor(account, now));
  if (events.length === 0) return null;
  try {
    const appended = await appendDecided(c.runtime.store, row.StreamID, events, newCommandContext(now), row.Revision < 0 ? 'no_stream' : row.Revision);
    return { events, revision: appended!.nextExpectedRevision, position: appended!.position };
  } catch (err) {
    if (err instanceof ExpectedRevisionConflict) return null;
    throw err;
  }
}

/**
 * Claims, calls and records. `onCallEnded` runs as soon as the HTTP call is over, before its result is
 * recorded: the next call to the same URL may start then, and its claim shares the store's commit with
 * this result.
 */
export async function attemptHook(c: AttemptContext, row: HookRow, signal?: AbortSignal, onCallEnded: () => void = () => undefined): Promise<AttemptReport> {
  const claimedAt = c.runtime.clock.now();
  // The account's settings as they are now: retention for a final outcome, the secret for signing.
  const account = c.config.account(row.Account);
  const claim = await claimHook(c, row, claimedAt, account);
  if (!claim) return { conflict: true, position: -1, result: null };
  const started = claim.events.find((e) => e.type === 'WebhookAttemptStarted');
  // The interrupted last attempt ended the webhook: there is no call to make.
  if (!started) return { conflict: false, position: claim.position, result: null };
  const attempt = (started.data as { Attempt: number }).Attempt;

  const start = c.runtime.clock.now();
  const t0 = performance.now();
  const secret = account?.WebhookSecret ?? '';
  const headers = webhookHeaders({ hookId: row.ID, attempt, authorization: row.Authorization, secret, body: row.Payload, now: start });
  const outcome = await c.client.post(row.URL, row.Payload, headers, signal);
  onCallEnded();
  const result: HookResult = {
    Start: start.toISOString(),
    Duration: Math.round((performance.now() - t0) * 1e6),
    URL: row.URL,
    Success: outcome.success,
    Code: outcome.code,
    Error: outcome.error,
    Response: outcome.response,
  };
  const position = await recordOutcome(c, row, account, attempt, result, { ...stateOfRow(row), Attempts: attempt, inFlight: attempt, revision: claim.revision });
  return { conflict: false, position, result };
}

/**
 * Appends the result. On a conflict (the admin rescheduled or canceled it, a newer event superseded it
 * meanwhile) the stream is read and the result decided again on what it says now.
 */
async function recordOutcome(c: AttemptContext, row: HookRow, account: AccountConfig | null, attempt: number, result: HookResult, known: HookState): Promise<number> {
  let state = known;
  for (let tries = 0; tries < 5; tries++) {
    const now = c.runtime.clock.now();
    const events = decideOutcome(state, attempt, result, now, keepUntilFor(account, now));
    if (events.length === 0) return -1;
    try {
      const appended = await appendDecided(c.runtime.store, row.StreamID, events, newCommandContext(now), state.revision);
      return appended!.position;
    } catch (err) {
      if (!(err instanceof ExpectedRevisionConflict)) throw err;
      state = foldHook(await c.runtime.store.readStream(row.StreamID));
    }
  }
  throw new Error(`webhook ${row.ID}: could not record attempt ${attempt}, its stream keeps changing`);
}
