// The webhooks read model, given events: mox's Hook and HookRetired records, the per-message index that
// outlives them, and the table of facts that replays start from.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { WEBHOOK_INDEX_TABLE, WEBHOOK_SOURCES_TABLE, WEBHOOKS_TABLE, webhooksProjection } from '../../../projections/webhooks';
import type { StoredEvent } from '../../../src/event-store/event-store';
import type { HookResult, WebhookQueuedData } from '../../../src/webhooks/webhook-events';
import { replay, stored } from '../replay';

const URL = 'https://app.example/hook';
const queuedData = (id: number, over: Partial<WebhookQueuedData> = {}): WebhookQueuedData => ({
  HookID: id, Account: 'shop', URL, Authorization: 'Bearer secret', IsIncoming: false, OutgoingEvent: 'delayed', QueueMsgID: 9, FromID: 'f', MessageID: '<m@x>', Subject: 's',
  Extra: { a: '1' }, Payload: '{"Version":0}', Submitted: '2025-03-14T09:00:00.000Z', NextAttempt: '2025-03-14T09:00:00.000Z',
  Cause: { StreamID: 'message-9', Revision: 2, Position: 1 }, Replay: false, ...over,
});
const r = (code: number, success: boolean, error = ''): HookResult => ({ Start: '2025-03-14T09:00:01.000Z', Duration: 5, URL, Success: success, Code: code, Error: error, Response: 'ok\n' });

function hookEvents(id: number, rev0 = 0) {
  let rev = rev0;
  const s = `webhook-h${id}`;
  const e = (type: string, data: unknown, now = '2025-03-14T09:00:02.000Z') => stored(s, type, { HookID: id, ...(data as object) }, now, rev++);
  return {
    queued: (over: Partial<WebhookQueuedData> = {}) => e('WebhookQueued', queuedData(id, over)),
    started: (attempt: number) => e('WebhookAttemptStarted', { Attempt: attempt, Start: '2025-03-14T09:00:01.000Z', NextAttempt: '2025-03-14T09:01:01.000Z', Node: 'n' }),
    attempted: (attempt: number, result: HookResult) => e('WebhookAttempted', { Attempt: attempt, Result: result }),
    delivered: () => e('WebhookDelivered', {}),
    superseded: (by: number) => e('WebhookSuperseded', { SupersededByID: by }),
    canceled: () => e('WebhookCanceled', { Result: { ...r(0, false, 'canceled by admin'), Response: '' } }),
    retired: (success: boolean, keep: string | null) => e('WebhookRetired', { Success: success, LastActivity: '2025-03-14T09:00:03.000Z', KeepUntil: keep }),
    expired: () => e('RetiredWebhookExpired', {}),
    rescheduled: (at: string) => e('WebhookNextAttemptChanged', { NextAttempt: at }),
  };
}

const rowsOf = (events: StoredEvent[], table = WEBHOOKS_TABLE) => [...replay(webhooksProjection, events).get(table)!.values()];

describe('webhooks projection', () => {
  it('a queued webhook is a pending Hook row with mox\'s fields', () => {
    const h = hookEvents(1);
    const [row] = rowsOf([h.queued()]);
    assert.equal(row.ID, 1);
    assert.equal(row.Retired, false);
    assert.equal(row.Attempts, 0);
    assert.deepEqual(row.Results, []);
    assert.equal(row.Authorization, 'Bearer secret');
    assert.equal(row.StreamID, 'webhook-h1');
  });

  it('an attempt shows "delivering..." until its result replaces it; a failure keeps it pending', () => {
    const h = hookEvents(1);
    const q = h.queued();
    const s = h.started(1);
    assert.deepEqual((rowsOf([q, s])[0].Results as HookResult[]).map((x) => x.Error), ['delivering...']);
    const [row] = rowsOf([q, s, h.attempted(1, r(500, false, 'http status "500", expected 2xx'))]);
    assert.deepEqual((row.Results as HookResult[]).map((x) => x.Code), [500]);
    assert.equal(row.Attempts, 1);
    assert.equal(row.NextAttempt, '2025-03-14T09:01:01.000Z');
    assert.equal(row.InFlight, false);
    assert.equal(row.Retired, false);
  });

  it('retired with retention: a HookRetired row without the Authorization value', () => {
    const h = hookEvents(1);
    const [row] = rowsOf([h.queued(), h.started(1), h.attempted(1, r(200, true)), h.delivered(), h.retired(true, '2025-03-17T09:00:03.000Z')]);
    assert.equal(row.Retired, true);
    assert.equal(row.Success, true);
    assert.equal(row.Authorization, '');
    assert.equal(row.HasAuthorization, true);
    assert.equal(row.KeepUntil, '2025-03-17T09:00:03.000Z');
    assert.equal(row.LastActivity, '2025-03-14T09:00:03.000Z');
  });

  it('retired without retention: the record goes, the message index stays (10.35)', () => {
    const h = hookEvents(1);
    const events = [h.queued(), h.started(1), h.attempted(1, r(200, true)), h.delivered(), h.retired(true, null)];
    assert.deepEqual(rowsOf(events), []);
    assert.deepEqual(rowsOf(events, WEBHOOK_INDEX_TABLE), [{ HookID: 1, QueueMsgID: 9, StreamID: 'webhook-h1' }]);
  });

  it('superseded during a call: retired with SupersededByID, then the call\'s result is added (reference 2.7)', () => {
    const h = hookEvents(1);
    const [row] = rowsOf([h.queued(), h.started(1), h.superseded(2), h.retired(false, '2025-03-17T00:00:00.000Z'), h.attempted(1, r(200, true, '(superseded)'))]);
    assert.equal(row.SupersededByID, 2);
    assert.equal(row.Retired, true);
    assert.equal(row.Success, false);
    assert.deepEqual((row.Results as HookResult[]).map((x) => x.Error), ['(superseded)']);
  });

  it('canceled: the admin result is the last one; expiry removes the record', () => {
    const h = hookEvents(1);
    const events = [h.queued(), h.rescheduled('2025-03-14T10:00:00.000Z'), h.canceled(), h.retired(false, '2025-03-15T00:00:00.000Z')];
    const [row] = rowsOf(events);
    assert.deepEqual((row.Results as HookResult[]).map((x) => x.Error), ['canceled by admin']);
    assert.equal(row.NextAttempt, '2025-03-14T10:00:00.000Z');
    assert.deepEqual(rowsOf([...events, h.expired()]), []);
  });

  it('a WebhookQueued delivered twice changes nothing', () => {
    const h = hookEvents(1);
    const q = h.queued();
    const s = h.started(1);
    assert.equal(rowsOf([q, s, { ...q, position: q.position + 1000 }])[0].Attempts, 1);
  });

  it('indexes the facts replays start from: outgoing outcomes by sender account, SMTP mail by receiving account', () => {
    const message = { SenderAccount: 'shop', QueueMsgID: 9 };
    const events = [
      stored('message-9', 'MessageDelivered', { Message: message, Result: r(250, true) }, '2025-03-14T09:00:00.000Z'),
      stored('message-9', 'DsnReceived', { Message: message, Event: 'relayed', Result: r(0, false) }, '2025-03-14T09:00:01.000Z'),
      stored('message-9', 'DeliveryAttempted', { QueueMsgID: 9 }),
      stored('mailbox-shop', 'MailboxMessageAdded', { MsgID: 1, Source: 'smtp' }, '2025-03-14T09:00:02.000Z'),
      stored('mailbox-shop', 'MailboxMessageAdded', { MsgID: 2, Source: 'sent' }),
      stored('mailbox-shop', 'MailboxMessageAdded', { MsgID: 3 }),
    ];
    const sources = rowsOf(events, WEBHOOK_SOURCES_TABLE).map((s) => [s.Account, s.Event, s.Time, s.StreamID]);
    assert.deepEqual(sources, [
      ['shop', 'delivered', '2025-03-14T09:00:00.000Z', 'message-9'],
      ['shop', 'relayed', '2025-03-14T09:00:01.000Z', 'message-9'],
      ['shop', 'incoming', '2025-03-14T09:00:02.000Z', 'mailbox-shop'],
    ]);
  });
});
