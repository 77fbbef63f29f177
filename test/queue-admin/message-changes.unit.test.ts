// The pure parts of queue administration: what each operation decides for one message (no events when the
// message already is as asked), retention's expiry decision, the wire records and the history's redaction.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ApiError } from '../../src/api/api-error';
import { toDeliveryEvents } from '../../src/queue-admin/history-events';
import { dueNow, holdSet, nextAttemptAdd, nextAttemptSet, requireTLSSet, transportSet, type MessageChange } from '../../src/queue-admin/message-changes';
import type { AdminQueueRow } from '../../src/queue-admin/queue-records';
import { toMsg, toMsgRetired } from '../../src/queue-admin/queue-records';
import { expire } from '../../src/queue-admin/retired-message-cleaner';

const NOW = new Date('2025-06-02T08:00:00.000Z');

function message(over: Partial<AdminQueueRow> = {}): AdminQueueRow {
  return {
    ID: 7,
    BaseID: 0,
    Queued: '2025-06-02T07:00:00.000Z',
    Hold: false,
    SenderAccount: 'shop',
    SenderLocalpart: 'shop',
    SenderDomain: 'shop.example',
    SenderDomainStr: 'shop.example',
    SenderAddress: 'shop@shop.example',
    FromID: '',
    RecipientLocalpart: 'Bob',
    RecipientDomain: 'xn--74h.example',
    RecipientDomainStr: '☺.example',
    RecipientAddress: 'Bob@☺.example',
    RecipientAddr: 'Bob@☺.example',
    Attempts: 0,
    MaxAttempts: 0,
    NextAttempt: '2025-06-02T09:00:00.000Z',
    LastAttempt: null,
    Results: [],
    Has8bit: false,
    SMTPUTF8: true,
    Size: 1234,
    MessageID: '<m@shop.example>',
    Subject: 'hi',
    Transport: '',
    RequireTLS: null,
    Extra: { order: '1' },
    ContentSha256: 'a'.repeat(64),
    MsgPrefix: '',
    Revision: 3,
    InFlight: false,
    Retired: false,
    Success: false,
    LastActivity: '2025-06-02T07:00:00.000Z',
    DialedIPs: {},
    FutureReleaseRequest: '',
    Outcome: null,
    KeepUntil: null,
    ...over,
  };
}

describe('what each operation decides for one message', () => {
  const cases: [string, MessageChange, Partial<AdminQueueRow>, unknown[]][] = [
    ['hold an unheld message', holdSet(true), {}, [{ type: 'MessageHeld', data: { QueueMsgID: 7, RuleID: null } }]],
    ['hold a held message', holdSet(true), { Hold: true }, []],
    ['release a held message', holdSet(false), { Hold: true }, [{ type: 'MessageReleased', data: { QueueMsgID: 7 } }]],
    ['release an unheld message', holdSet(false), {}, []],
    ['next attempt in 10 minutes', nextAttemptSet(10), {}, [{ type: 'NextAttemptChanged', data: { QueueMsgID: 7, NextAttempt: '2025-06-02T08:10:00.000Z' } }]],
    ['next attempt already then', nextAttemptSet(60), {}, []],
    ['next attempt of a message in flight', nextAttemptSet(0), { InFlight: true }, []],
    ['add -90 minutes', nextAttemptAdd(-90), {}, [{ type: 'NextAttemptChanged', data: { QueueMsgID: 7, NextAttempt: '2025-06-02T07:30:00.000Z' } }]],
    ['add 0 minutes', nextAttemptAdd(0), {}, []],
    ['due now: waiting', dueNow, {}, [{ type: 'NextAttemptChanged', data: { QueueMsgID: 7, NextAttempt: NOW.toISOString() } }]],
    ['due now: held', dueNow, { Hold: true }, []],
    ['due now: due already', dueNow, { NextAttempt: '2025-06-02T07:59:00.000Z' }, []],
    ['due now: in flight', dueNow, { InFlight: true }, []],
    ['transport set', transportSet('smarthost'), {}, [{ type: 'TransportChanged', data: { QueueMsgID: 7, Transport: 'smarthost' } }]],
    ['transport back to normal routing', transportSet(''), { Transport: 'smarthost' }, [{ type: 'TransportChanged', data: { QueueMsgID: 7, Transport: '' } }]],
    ['transport unchanged', transportSet(''), {}, []],
    ['require TLS true', requireTLSSet(true), {}, [{ type: 'RequireTLSChanged', data: { QueueMsgID: 7, RequireTLS: true } }]],
    ['require TLS false from true', requireTLSSet(false), { RequireTLS: true }, [{ type: 'RequireTLSChanged', data: { QueueMsgID: 7, RequireTLS: false } }]],
    ['require TLS null from false', requireTLSSet(null), { RequireTLS: false }, [{ type: 'RequireTLSChanged', data: { QueueMsgID: 7, RequireTLS: null } }]],
    ['require TLS unchanged', requireTLSSet(null), {}, []],
  ];
  for (const [name, change, given, want] of cases) {
    it(name, () => assert.deepEqual(change(message(given), NOW), want));
  }

  it('a next attempt beyond the last representable time is a user error', () => {
    assert.throws(() => nextAttemptAdd(1_000_000_000)(message({ NextAttempt: '+275000-01-01T00:00:00.000Z' }), NOW), (err: unknown) => err instanceof ApiError && err.code === 'user');
  });
});

describe('retention', () => {
  const cases: [string, Partial<AdminQueueRow>, boolean][] = [
    ['retired, KeepUntil passed', { Retired: true, KeepUntil: '2025-06-02T07:59:59.999Z' }, true],
    ['retired, KeepUntil now', { Retired: true, KeepUntil: NOW.toISOString() }, true],
    ['retired, KeepUntil ahead', { Retired: true, KeepUntil: '2025-06-02T08:00:00.001Z' }, false],
    ['queued', { KeepUntil: null }, false],
  ];
  for (const [name, given, expired] of cases) {
    it(name, () => assert.deepEqual(expire(message(given), NOW), expired ? [{ type: 'RetiredMessageExpired', data: { QueueMsgID: 7 } }] : []));
  }
});

describe('records and history', () => {
  it('Msg and MsgRetired carry mox\'s fields only', () => {
    const msg = toMsg(message());
    assert.deepEqual(Object.keys(msg).sort(), [
      'Attempts', 'BaseID', 'DialedIPs', 'Extra', 'FromID', 'FutureReleaseRequest', 'Has8bit', 'Hold', 'ID', 'LastAttempt', 'MaxAttempts', 'MessageID',
      'NextAttempt', 'Queued', 'RecipientDomain', 'RecipientDomainStr', 'RecipientLocalpart', 'RequireTLS', 'Results', 'SMTPUTF8', 'SenderAccount',
      'SenderDomain', 'SenderDomainStr', 'SenderLocalpart', 'Size', 'Subject', 'Transport',
    ]);
    const retired = toMsgRetired(message({ Retired: true, Success: true, KeepUntil: '2025-06-05T08:00:00.000Z' }));
    assert.equal(retired.KeepUntil, '2025-06-05T08:00:00.000Z');
    assert.equal(retired.RecipientAddress, 'Bob@☺.example');
    assert.equal(retired.Success, true);
    assert.equal('Hold' in retired || 'NextAttempt' in retired || 'SenderDomain' in retired, false);
  });

  it('history events keep webhook credentials out and leave the log\'s data otherwise as it is', () => {
    const entries = [
      { streamId: 'message-7', revision: 0, position: 10, type: 'MessageHeld', time: NOW.toISOString(), data: { QueueMsgID: 7, RuleID: null } },
      { streamId: 'webhook-x', revision: 0, position: 11, type: 'WebhookQueued', time: NOW.toISOString(), data: { HookID: 1, Authorization: 'Bearer s3cret', URL: 'https://app.example/h' } },
      { streamId: 'webhook-y', revision: 0, position: 12, type: 'WebhookQueued', time: NOW.toISOString(), data: { HookID: 2, Authorization: '' } },
    ];
    assert.deepEqual(toDeliveryEvents(entries), [
      { Type: 'MessageHeld', Time: NOW.toISOString(), Data: { QueueMsgID: 7, RuleID: null } },
      { Type: 'WebhookQueued', Time: NOW.toISOString(), Data: { HookID: 1, Authorization: '(secret)', URL: 'https://app.example/h' } },
      { Type: 'WebhookQueued', Time: NOW.toISOString(), Data: { HookID: 2, Authorization: '' } },
    ]);
    assert.equal(entries[1].data.Authorization, 'Bearer s3cret', 'the entry itself is not changed');
  });
});
