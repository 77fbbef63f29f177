// Decisions about one webhook, given its history: claims with the backoff, outcomes, the 12-attempt
// limit, superseding and canceling (also during a call), rescheduling and expiry (reference 2.6-2.8).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hookBackoffMs, HOOK_INTERVALS_MS, MAX_HOOK_ATTEMPTS } from '../../src/webhooks/backoff';
import { decideCancel, decideClaim, decideExpire, decideNextAttempt, decideOutcome, decideSupersede, type HookDecided } from '../../src/webhooks/hook-decisions';
import { evolveHook, initialHookState } from '../../src/webhooks/hook-state';
import { CANCELED_BY_ADMIN, DELIVERING, INTERRUPTED, type HookResult, type WebhookQueuedData } from '../../src/webhooks/webhook-events';
import { specification } from '../config/decider-spec';

const T0 = new Date('2025-03-14T09:00:00.000Z');
const at = (ms: number) => new Date(T0.getTime() + ms);
const iso = (ms: number) => at(ms).toISOString();
const URL = 'https://app.example/hook';
const KEEP = '2025-03-17T09:00:00.000Z';

const queued: HookDecided = {
  type: 'WebhookQueued',
  data: {
    HookID: 5, Account: 'shop', URL, Authorization: 'Bearer x', IsIncoming: false, OutgoingEvent: 'delivered', QueueMsgID: 9, FromID: '', MessageID: '<m@x>', Subject: 's',
    Extra: {}, Payload: '{}', Submitted: iso(0), NextAttempt: iso(0), Cause: { StreamID: 'message-9', Revision: 3, Position: 40 }, Replay: false,
  } satisfies WebhookQueuedData,
};
const started = (attempt: number, ms: number, next: number): HookDecided => ({ type: 'WebhookAttemptStarted', data: { HookID: 5, Attempt: attempt, Start: iso(ms), NextAttempt: iso(next), Node: 'n1' } });
const result = (code: number, success: boolean, ms = 0): HookResult => ({ Start: iso(ms), Duration: 1000, URL, Success: success, Code: code, Error: success ? '' : `http status "${code}", expected 2xx`, Response: '' });
const attempted = (attempt: number, r: HookResult): HookDecided => ({ type: 'WebhookAttempted', data: { HookID: 5, Attempt: attempt, Result: r } });
const retired = (success: boolean, ms: number, keep: string | null = KEEP): HookDecided => ({ type: 'WebhookRetired', data: { HookID: 5, Success: success, LastActivity: iso(ms), KeepUntil: keep } });

const hook = { initialState: initialHookState, evolve: evolveHook };

/** The history of k failed attempts, each claimed and recorded. */
function failures(k: number): HookDecided[] {
  const events: HookDecided[] = [queued];
  for (let a = 1; a <= k; a++) events.push(started(a, a * 1000, a * 1000 + hookBackoffMs(a, 0)), attempted(a, result(500, false, a * 1000)));
  return events;
}

describe('the backoff', () => {
  it('is 1m, 2m, 4m, 7.5m, 15m, 30m, 1h, 2h, 4h, 8h, 16h with ±1 % jitter, 12 attempts', () => {
    assert.deepEqual(HOOK_INTERVALS_MS.map((ms) => ms / 60_000), [1, 2, 4, 7.5, 15, 30, 60, 120, 240, 480, 960]);
    assert.equal(MAX_HOOK_ATTEMPTS, 12);
    assert.equal(hookBackoffMs(1, 0.01), 60_600);
    assert.equal(hookBackoffMs(1, -0.01), 59_400);
    assert.equal(hookBackoffMs(1, 0.5), 60_600, 'jitter is bounded');
    assert.equal(hookBackoffMs(11, 0), 16 * 3_600_000);
    // Attempt times from the first: 0, 1m, 3m, 7m, 14.5m, 29.5m, 59.5m, 1h59.5m, ... 31h59.5m.
    let t = 0;
    const times = [0];
    for (let a = 1; a < 12; a++) times.push((t += hookBackoffMs(a, 0)));
    assert.deepEqual(times.map((ms) => ms / 60_000), [0, 1, 3, 7, 14.5, 29.5, 59.5, 119.5, 239.5, 479.5, 959.5, 1919.5]);
  });
});

describe('claims', () => {
  const spec = specification(hook, (input: { now: Date; jitter: number }, state) => decideClaim(state, input.now, 'n1', input.jitter, KEEP));

  it('the first attempt pushes NextAttempt out by 1m before the call', () => {
    spec.given([queued]).when({ now: at(0), jitter: 0 }).then([started(1, 0, 60_000)]);
  });

  it('with jitter', () => {
    spec.given([queued]).when({ now: at(0), jitter: 0.01 }).then([started(1, 0, 60_600)]);
  });

  it('the third attempt waits 4m after it', () => {
    spec.given(failures(2)).when({ now: at(500_000), jitter: 0 }).then([started(3, 500_000, 500_000 + 240_000)]);
  });

  it('an attempt claimed and never recorded (a crash) is recorded as interrupted first', () => {
    const interrupted = attempted(1, { Start: iso(60_000), Duration: 0, URL, Success: false, Code: 0, Error: INTERRUPTED, Response: '' });
    spec.given([queued, started(1, 0, 60_000)]).when({ now: at(60_000), jitter: 0 }).then([interrupted, started(2, 60_000, 180_000)]);
  });

  it('an interrupted 12th attempt fails the webhook', () => {
    const history = [...failures(11), started(12, 9e7, 9e7 + hookBackoffMs(12, 0))];
    const events = decideClaim(history.reduce((s, e, i) => evolveHook(s, { ...e, id: '', streamId: 'w', revision: i, position: i, metadata: { now: '' } }), initialHookState()), at(2e8), 'n1', 0, KEEP);
    assert.deepEqual(events.map((e) => e.type), ['WebhookAttempted', 'WebhookFailed', 'WebhookRetired']);
    assert.deepEqual(events[1].data, { HookID: 5, Attempts: 12 });
  });

  it('nothing to claim once retired', () => {
    spec.given([queued, started(1, 0, 60_000), attempted(1, result(200, true)), { type: 'WebhookDelivered', data: { HookID: 5 } }, retired(true, 0)]).when({ now: at(0), jitter: 0 }).then([]);
  });
});

describe('outcomes', () => {
  const spec = specification(hook, (input: { attempt: number; result: HookResult; keep?: string | null }, state) => decideOutcome(state, input.attempt, input.result, at(1000), input.keep === undefined ? KEEP : input.keep));

  it('any 2xx delivers and retires (DESIGN 5)', () => {
    for (const code of [200, 201, 204, 299]) {
      spec.given([queued, started(1, 0, 60_000)]).when({ attempt: 1, result: result(code, true) }).then([attempted(1, result(code, true)), { type: 'WebhookDelivered', data: { HookID: 5 } }, retired(true, 1000)]);
    }
  });

  it('without retention the retirement carries KeepUntil null', () => {
    spec.given([queued, started(1, 0, 60_000)]).when({ attempt: 1, result: result(200, true), keep: null }).then([attempted(1, result(200, true)), { type: 'WebhookDelivered', data: { HookID: 5 } }, retired(true, 1000, null)]);
  });

  it('a failure before the 12th attempt only records the result', () => {
    spec.given([...failures(10), started(11, 0, 1)]).when({ attempt: 11, result: result(500, false) }).then([attempted(11, result(500, false))]);
  });

  it('the 12th failure retires the webhook as failed (10.34)', () => {
    spec.given([...failures(11), started(12, 0, 1)]).when({ attempt: 12, result: result(500, false) }).then([attempted(12, result(500, false)), { type: 'WebhookFailed', data: { HookID: 5, Attempts: 12 } }, retired(false, 1000)]);
  });

  it('a result for an attempt that is not in flight is not recorded', () => {
    spec.given(failures(1)).when({ attempt: 1, result: result(500, false) }).then([]);
  });

  it('superseded during the call: the result is recorded, marked "(superseded)" (reference 2.7)', () => {
    const superseded: HookDecided[] = [{ type: 'WebhookSuperseded', data: { HookID: 5, SupersededByID: 6 } }, retired(false, 500)];
    const marked = { ...result(500, false), Error: 'http status "500", expected 2xx (superseded)' };
    spec.given([queued, started(1, 0, 60_000), ...superseded]).when({ attempt: 1, result: result(500, false) }).then([attempted(1, marked)]);
    const ok = { ...result(200, true), Error: '(superseded)' };
    spec.given([queued, started(1, 0, 60_000), ...superseded]).when({ attempt: 1, result: result(200, true) }).then([attempted(1, ok)]);
  });
});

describe('admin and retention', () => {
  it('supersedes a pending webhook, not a retired one', () => {
    const spec = specification(hook, (by: number, state) => decideSupersede(state, by, at(5), KEEP));
    spec.given([queued]).when(6).then([{ type: 'WebhookSuperseded', data: { HookID: 5, SupersededByID: 6 } }, retired(false, 5)]);
    spec.given([queued, { type: 'WebhookSuperseded', data: { HookID: 5, SupersededByID: 6 } }, retired(false, 5)]).when(7).then([]);
  });

  it('cancels with the result "canceled by admin"', () => {
    const spec = specification(hook, (_: null, state) => decideCancel(state, at(9), KEEP));
    spec.given([queued]).when(null).then([
      { type: 'WebhookCanceled', data: { HookID: 5, Result: { Start: iso(9), Duration: 0, URL, Success: false, Code: 0, Error: CANCELED_BY_ADMIN, Response: '' } } },
      retired(false, 9),
    ]);
  });

  it('reschedules pending webhooks only', () => {
    const spec = specification(hook, (when: Date, state) => decideNextAttempt(state, when));
    spec.given([queued]).when(at(60_000)).then([{ type: 'WebhookNextAttemptChanged', data: { HookID: 5, NextAttempt: iso(60_000) } }]);
    spec.given([queued, { type: 'WebhookCanceled', data: { HookID: 5, Result: result(0, false) } }, retired(false, 1)]).when(at(60_000)).then([]);
  });

  it('expires a retired webhook once KeepUntil has passed', () => {
    const done = [queued, started(1, 0, 60_000), attempted(1, result(200, true)), { type: 'WebhookDelivered', data: { HookID: 5 } } as HookDecided, retired(true, 0)];
    const spec = specification(hook, (now: Date, state) => decideExpire(state, now));
    spec.given(done).when(new Date('2025-03-17T08:59:59.999Z')).then([]);
    spec.given(done).when(new Date(KEEP)).then([{ type: 'RetiredWebhookExpired', data: { HookID: 5 } }]);
    spec.given([queued]).when(new Date('2030-01-01T00:00:00Z')).then([]);
  });

  it('the placeholder text of an attempt in progress is mox\'s', () => {
    assert.equal(DELIVERING, 'delivering...');
  });
});
