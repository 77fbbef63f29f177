// The events that claim an attempt and record its outcome, decided without I/O (given/when/then).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { plainError } from '../../src/delivery/attempt-error';
import { decideClaim, INTERRUPTED_TEXT, standingOf } from '../../src/delivery/claim';
import { adminFinalEvents, deliveredEvents, failedEvents, failureResult, suppressedEvents, type ClaimedAttempt } from '../../src/delivery/outcome-events';
import type { QueueRow } from '../../src/delivery/queue-queries';
import type { StoredEvent } from '../../src/event-store/event-store';
import type { MessageQueuedData } from '../../src/queue/message-events';
import { evolveMessage, initialMessageState } from '../../src/queue/message-state';

const NOW = new Date('2026-03-02T09:00:00.000Z');

function row(over: Partial<QueueRow> = {}): QueueRow {
  return {
    ID: 7, BaseID: 0, Queued: '2026-03-02T08:00:00.000Z', Hold: false, SenderAccount: 'shop', SenderLocalpart: 'shop', SenderDomain: 'sender.example',
    SenderDomainStr: 'sender.example', SenderAddress: 'shop@sender.example', FromID: '', RecipientLocalpart: 'anna', RecipientDomain: 'dest.example',
    RecipientDomainStr: 'dest.example', RecipientAddress: 'anna@dest.example', Attempts: 0, MaxAttempts: 0, NextAttempt: '2026-03-02T08:00:00.000Z',
    LastAttempt: null, Results: [], Has8bit: false, SMTPUTF8: false, Size: 110, MessageID: '<m@x>', Subject: 's', Transport: '', RequireTLS: null,
    Extra: { a: '1' }, ContentSha256: 'ab'.repeat(32), MsgPrefix: 'X-P: 1\r\n', Revision: -1, InFlight: false, Retired: false, Success: false, LastActivity: '',
    ...over,
  };
}

const claimAt = (attempt: number, over: Partial<QueueRow> = {}): ClaimedAttempt => ({
  row: row({ Attempts: attempt, ...over }),
  attempt,
  start: NOW.toISOString(),
  nextAttempt: new Date(NOW.getTime() + 450_000).toISOString(),
});

const transient = { ...plainError('x'), code: 451, secode: '3.0', text: 'delivering message to mx: remote smtp server sent unexpected response status code, transient: 451 4.3.0 later', lines: ['451 4.3.0 later'] };
const permanent = { ...transient, permanent: true, code: 550, secode: '1.1', text: 'x, permanent: 550 5.1.1 gone', lines: ['550 5.1.1 gone'] };
const none = { suppressing: false, reason: '' };
const types = (events: { type: string }[]) => events.map((e) => e.type);

describe('claims', () => {
  it('a fresh message: attempt 1, NextAttempt pushed out by the backoff', () => {
    const [started] = decideClaim(row(), NOW, 'node-a', 4);
    assert.deepEqual(started, { type: 'DeliveryAttemptStarted', data: { QueueMsgID: 7, Attempt: 1, Start: NOW.toISOString(), NextAttempt: new Date(NOW.getTime() + 454_000).toISOString(), Node: 'node-a' } });
  });

  it('after three attempts: attempt 4, eight times the wait', () => {
    const [started] = decideClaim(row({ Attempts: 3 }), NOW, 'node-a', 0);
    assert.equal((started.data as { Attempt: number }).Attempt, 4);
    assert.equal((started.data as { NextAttempt: string }).NextAttempt, new Date(NOW.getTime() + 8 * 450_000).toISOString());
  });

  it('a claim left in flight by a dead worker is recorded as interrupted first', () => {
    const events = decideClaim(row({ Attempts: 2, InFlight: true, LastAttempt: '2026-03-02T08:50:00.000Z' }), NOW, 'node-b', 0);
    assert.deepEqual(types(events), ['DeliveryAttempted', 'DeliveryAttemptStarted']);
    assert.deepEqual(events[0].data, { QueueMsgID: 7, Attempt: 2, Result: { Start: '2026-03-02T08:50:00.000Z', Duration: 0, Success: false, Code: 0, Secode: '', Error: INTERRUPTED_TEXT }, Permanent: false, RemoteHost: '' });
    assert.equal((events[1].data as { Attempt: number }).Attempt, 3);
  });

  it('an outcome still stands after an admin changed something else, not after a retirement or a newer claim', () => {
    const ev = (type: string, data: unknown, revision: number) => ({ type, data, revision }) as unknown as StoredEvent;
    const started = ev('DeliveryAttemptStarted', { Attempt: 2 }, 3);
    assert.deepEqual(standingOf([started, ev('MessageHeld', {}, 4)], 2), { revision: 4, current: true });
    assert.equal(standingOf([started, ev('MessageFailed', {}, 4), ev('MessageRetired', {}, 5)], 2).current, false);
    assert.equal(standingOf([started, ev('DeliveryAttempted', { Attempt: 2 }, 4), ev('DeliveryAttemptStarted', { Attempt: 3 }, 5)], 2).current, false);
  });
});

describe('outcomes', () => {
  it('delivered: attempt, delivered with the summary, retired with Success', () => {
    const result = { Start: NOW.toISOString(), Duration: 5, Success: true, Code: 250, Secode: '0.0', Error: '' };
    const events = deliveredEvents(claimAt(1), result, 'mx.dest.example', NOW, '2026-03-05T09:00:00.000Z');
    assert.deepEqual(types(events), ['DeliveryAttempted', 'MessageDelivered', 'MessageRetired']);
    const message = (events[1].data as { Message: { Content: { Size: number }; Attempts: number; Extra: unknown } }).Message;
    assert.equal(message.Content.Size, 110 - 8, 'the content without the prefix');
    assert.equal(message.Attempts, 1);
    assert.deepEqual(events[2].data, { QueueMsgID: 7, Outcome: 'delivered', Success: true, LastActivity: NOW.toISOString(), KeepUntil: '2026-03-05T09:00:00.000Z' });
  });

  const cases: [string, { attempt: number; error: typeof transient; maxAttempts?: number; want: string[]; reason?: string; delayDSN?: boolean }][] = [
    ['temporary, attempt 1: delayed', { attempt: 1, error: transient, want: ['DeliveryAttempted', 'DeliveryDelayed'], delayDSN: false }],
    ['temporary, attempt 5: delayed with the delayed DSN', { attempt: 5, error: transient, want: ['DeliveryAttempted', 'DeliveryDelayed'], delayDSN: true }],
    ['temporary, attempt 8 of 8: failed (attempts)', { attempt: 8, error: transient, want: ['DeliveryAttempted', 'MessageFailed', 'MessageRetired'], reason: 'attempts' }],
    ['temporary, attempt 3 of MaxAttempts 3: failed (attempts)', { attempt: 3, maxAttempts: 3, error: transient, want: ['DeliveryAttempted', 'MessageFailed', 'MessageRetired'], reason: 'attempts' }],
    ['permanent, attempt 1: failed (permanent)', { attempt: 1, error: permanent, want: ['DeliveryAttempted', 'MessageFailed', 'MessageRetired'], reason: 'permanent' }],
  ];
  for (const [name, { attempt, error, maxAttempts, want, reason, delayDSN }] of cases) {
    it(name, () => {
      const claim = claimAt(attempt, { MaxAttempts: maxAttempts ?? 0 });
      const events = failedEvents(claim, error, failureResult(claim.start, 1, error), 'mx', NOW, null, none);
      assert.deepEqual(types(events), want);
      const attempted = events[0].data as { Permanent: boolean; SMTPLines: string[]; Result: { Code: number; Error: string } };
      assert.equal(attempted.Permanent, error.permanent);
      assert.deepEqual(attempted.SMTPLines, error.lines);
      assert.equal(attempted.Result.Code, error.code);
      if (reason) assert.equal((events[1].data as { Reason: string }).Reason, reason);
      if (delayDSN !== undefined) {
        assert.equal((events[1].data as { DelayDSN: boolean }).DelayDSN, delayDSN);
        assert.equal((events[1].data as { NextAttempt: string }).NextAttempt, claim.nextAttempt);
      }
    });
  }

  it('a final failure carries the suppression decision', () => {
    const claim = claimAt(1);
    const events = failedEvents(claim, permanent, failureResult(claim.start, 1, permanent), 'mx', NOW, null, { suppressing: true, reason: 'because' });
    assert.deepEqual({ ...(events[1].data as object), Message: undefined, Result: undefined }, { Message: undefined, Result: undefined, Reason: 'permanent', Suppressing: true, SuppressionReason: 'because' });
  });

  it('suppressed: permanent, code 0, retired as suppressed', () => {
    const claim = claimAt(1);
    const error = plainError('not delivering to recipient address anna@dest.example: address is on suppression list, permanent', true);
    const events = suppressedEvents(claim, failureResult(claim.start, 0, error), NOW, null);
    assert.deepEqual(types(events), ['DeliveryAttempted', 'MessageSuppressed', 'MessageRetired']);
    assert.equal((events[0].data as { Permanent: boolean }).Permanent, true);
    assert.equal((events[2].data as { Outcome: string }).Outcome, 'suppressed');
  });

  it('admin fail and drop: "delivery canceled by admin", code 0', () => {
    const fail = adminFinalEvents(row({ Attempts: 2 }), 'fail', NOW, null);
    assert.deepEqual(types(fail), ['MessageFailed', 'MessageRetired']);
    assert.deepEqual({ ...(fail[0].data as object), Message: undefined }, {
      Message: undefined,
      Result: { Start: NOW.toISOString(), Duration: 0, Success: false, Code: 0, Secode: '', Error: 'delivery canceled by admin' },
      Reason: 'admin',
      Suppressing: false,
      SuppressionReason: '',
    });
    const drop = adminFinalEvents(row(), 'drop', NOW, '2026-03-03T09:00:00.000Z');
    assert.deepEqual(types(drop), ['MessageCanceled', 'MessageRetired']);
    assert.deepEqual(drop[1].data, { QueueMsgID: 7, Outcome: 'canceled', Success: false, LastActivity: NOW.toISOString(), KeepUntil: '2026-03-03T09:00:00.000Z' });
  });

  it('the message state folds an attempt and its outcome into one result', () => {
    const claim = claimAt(1);
    const failed = failedEvents(claim, permanent, failureResult(claim.start, 1, permanent), 'mx', NOW, null, none);
    const stored = [...decideClaim(row(), NOW, 'n', 0), ...failed].map((e, i) => ({ ...e, id: String(i), streamId: 'message-7', revision: i, position: i, metadata: { now: NOW.toISOString() } }) as StoredEvent);
    const queued = { NextAttempt: NOW.toISOString(), Transport: '', RequireTLS: null } as unknown as MessageQueuedData;
    const state = stored.reduce(evolveMessage, initialMessageState(queued, { Hold: false } as never));
    assert.equal(state.results.length, 1);
    assert.equal(state.results[0].Code, 550);
    assert.equal(state.retired, 'failed');
    assert.equal(state.attemptInFlight, null);
  });
});
