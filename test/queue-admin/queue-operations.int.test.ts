// The admin operations on queued messages over HTTP (reference 3.7): Count only counts messages changed,
// each change is one event on the message's stream, a released message keeps its NextAttempt, transports
// must be configured, and the table of effects: only Fail (failure DSN mail into the sender's Inbox and a
// `failed` webhook with SMTPCode 0) and Drop (a `canceled` webhook, no DSN) cause anything beyond the
// change itself. Reference 10.25: Fail and Drop retire the message and its content goes.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SUPPRESSIONS_TABLE } from '../../projections/suppressions';
import { ContentCollector } from '../../src/content/content-collector';
import { ContentNotFound } from '../../src/content/content-store';
import type { TestNode } from '../support/test-node';
import { addSender, admin, adminJson, hooksOfMessage, inboxDsns, queuedRow, quiet, row, sendTo, startSendNode, streamTypes, type Sender } from './queue-admin-fixtures';

const T = new Date('2025-06-02T08:00:00.000Z');
const MINUTE = 60_000;

async function count(node: TestNode, method: string, request: unknown): Promise<number> {
  const { status, json } = await adminJson(node, method, request);
  assert.equal(status, 200, `${method}: ${JSON.stringify(json)}`);
  return json.Count;
}

describe('queue operations', () => {
  let node: TestNode;
  let shop: Sender;

  before(async () => {
    node = await startSendNode({ listen: true, now: T, bootstrap: { transports: { smarthost: { host: '127.0.0.1', port: 2525 } } } });
    shop = await addSender(node, { account: 'shop', address: 'shop@shop.example', keepRetired: '24h', webhookURL: 'http://127.0.0.1:9/hooks' });
  });
  after(() => node.stop());

  it('Count counts only the messages an operation changed', async () => {
    const ids = await sendTo(node, shop, ['a@count.example', 'b@count.example', 'c@count.example']);
    const all = { IDs: ids };
    assert.equal(await count(node, 'QueueHoldSet', { Filter: { IDs: ids.slice(0, 2) }, OnHold: true }), 2);
    assert.equal(await count(node, 'QueueHoldSet', { Filter: { IDs: ids.slice(0, 2) }, OnHold: true }), 0, 'already held');
    assert.equal(await count(node, 'QueueHoldSet', { Filter: all, OnHold: true }), 1, 'only the third was not held');
    assert.equal(await count(node, 'QueueHoldSet', { Filter: all, OnHold: false }), 3);
    assert.equal(await count(node, 'QueueHoldSet', { Filter: all, OnHold: false }), 0);
    assert.equal(await count(node, 'QueueNextAttemptSet', { Filter: all, Minutes: 10 }), 3);
    assert.equal(await count(node, 'QueueNextAttemptSet', { Filter: all, Minutes: 10 }), 0, 'already at now + 10 minutes');
    assert.equal(await count(node, 'QueueNextAttemptAdd', { Filter: all, Minutes: 0 }), 0);
    assert.equal(await count(node, 'QueueNextAttemptAdd', { Filter: all, Minutes: -5 }), 3);
    assert.equal(await count(node, 'QueueTransportSet', { Filter: all, Transport: 'smarthost' }), 3);
    assert.equal(await count(node, 'QueueTransportSet', { Filter: all, Transport: 'smarthost' }), 0);
    assert.equal(await count(node, 'QueueTransportSet', { Filter: { IDs: [ids[0]] }, Transport: '' }), 1);
    assert.equal(await count(node, 'QueueRequireTLSSet', { Filter: all, RequireTLS: true }), 3);
    assert.equal(await count(node, 'QueueRequireTLSSet', { Filter: all, RequireTLS: true }), 0);
    assert.equal(await count(node, 'QueueRequireTLSSet', { Filter: all, RequireTLS: null }), 3);
    assert.equal(await count(node, 'QueueFail', { Filter: { IDs: [ids[0]] } }), 1);
    assert.equal(await count(node, 'QueueFail', { Filter: { IDs: [ids[0]] } }), 0, 'retired already');
    assert.equal(await count(node, 'QueueDrop', { Filter: all }), 2);
    assert.equal(await count(node, 'QueueDrop', { Filter: all }), 0);
    // One event per change, nothing for the operations that changed nothing.
    assert.deepEqual(await streamTypes(node, ids[0]), [
      'MessageHeld',
      'MessageReleased',
      'NextAttemptChanged',
      'NextAttemptChanged',
      'TransportChanged',
      'TransportChanged',
      'RequireTLSChanged',
      'RequireTLSChanged',
      'MessageFailed',
      'MessageRetired',
    ]);
    assert.deepEqual(await streamTypes(node, ids[2]), [
      'MessageHeld',
      'MessageReleased',
      'NextAttemptChanged',
      'NextAttemptChanged',
      'TransportChanged',
      'RequireTLSChanged',
      'RequireTLSChanged',
      'MessageCanceled',
      'MessageRetired',
    ]);
  });

  it('Max limits how many messages an operation changes, lowest IDs first', async () => {
    const ids = await sendTo(node, shop, ['a@max.example', 'b@max.example', 'c@max.example']);
    assert.equal(await count(node, 'QueueHoldSet', { Filter: { To: '@max.example', Max: 2 }, OnHold: true }), 2);
    assert.deepEqual(ids.map((id) => queuedRow(node, id).Hold), [true, true, false]);
    await admin(node).drop({ IDs: ids });
  });

  it('NextAttemptSet is now + minutes, NextAttemptAdd adds (negative: earlier), a release keeps NextAttempt', async () => {
    const [id] = await sendTo(node, shop, ['next@attempt.example']);
    const filter = { IDs: [id] };
    assert.equal(queuedRow(node, id).NextAttempt, T.toISOString(), 'due at once after Send');
    assert.equal(await count(node, 'QueueNextAttemptSet', { Filter: filter, Minutes: 30 }), 1);
    assert.equal(queuedRow(node, id).NextAttempt, new Date(T.getTime() + 30 * MINUTE).toISOString());
    assert.equal(await count(node, 'QueueNextAttemptAdd', { Filter: filter, Minutes: -45 }), 1);
    assert.equal(queuedRow(node, id).NextAttempt, new Date(T.getTime() - 15 * MINUTE).toISOString());
    assert.equal(await count(node, 'QueueNextAttemptAdd', { Filter: filter, Minutes: 75 }), 1);
    const before = queuedRow(node, id).NextAttempt;
    assert.equal(before, new Date(T.getTime() + 60 * MINUTE).toISOString());
    await count(node, 'QueueHoldSet', { Filter: filter, OnHold: true });
    node.clock.advance(2 * 60 * MINUTE);
    assert.equal(await count(node, 'QueueHoldSet', { Filter: filter, OnHold: false }), 1);
    assert.equal(queuedRow(node, id).NextAttempt, before, 'released with its NextAttempt, overdue now');
    assert.equal(queuedRow(node, id).Hold, false);
    node.clock.set(T);
    await admin(node).drop(filter);
  });

  it('QueueTransportSet needs a configured transport or ""; RequireTLS takes null, true and false', async () => {
    const [id] = await sendTo(node, shop, ['tls@transport.example']);
    const filter = { IDs: [id] };
    const { status, json } = await adminJson(node, 'QueueTransportSet', { Filter: filter, Transport: 'bogus' });
    assert.equal(status, 400);
    assert.equal(json.Code, 'user');
    assert.match(json.Message, /no transport named "bogus".*"smarthost"/);
    assert.equal(queuedRow(node, id).Transport, '');
    assert.equal(await count(node, 'QueueTransportSet', { Filter: filter, Transport: 'smarthost' }), 1);
    assert.equal(queuedRow(node, id).Transport, 'smarthost');
    for (const value of [true, false, null]) {
      assert.equal(await count(node, 'QueueRequireTLSSet', { Filter: filter, RequireTLS: value }), 1);
      assert.equal(queuedRow(node, id).RequireTLS, value);
    }
    const bad = await adminJson(node, 'QueueRequireTLSSet', { Filter: filter, RequireTLS: 'yes' });
    assert.equal(bad.json.Code, 'protocol');
    const noFilter = await adminJson(node, 'QueueDrop', {});
    assert.equal(noFilter.json.Code, 'protocol', 'Filter is required');
    assert.ok(row(node, id) && !row(node, id)!.Retired);
    await admin(node).drop(filter);
  });

  describe('which operations cause webhooks and DSN mails (reference 3.7)', () => {
    const cases: [string, (filter: { IDs: number[] }) => Promise<number>, { hook: string | null; dsn: boolean; outcome: string | null }][] = [
      ['hold', (f) => count(node, 'QueueHoldSet', { Filter: f, OnHold: true }), { hook: null, dsn: false, outcome: null }],
      ['release', async (f) => (await admin(node).holdSet(f, true), count(node, 'QueueHoldSet', { Filter: f, OnHold: false })), { hook: null, dsn: false, outcome: null }],
      ['next attempt set', (f) => count(node, 'QueueNextAttemptSet', { Filter: f, Minutes: 5 }), { hook: null, dsn: false, outcome: null }],
      ['next attempt add', (f) => count(node, 'QueueNextAttemptAdd', { Filter: f, Minutes: 5 }), { hook: null, dsn: false, outcome: null }],
      ['transport set', (f) => count(node, 'QueueTransportSet', { Filter: f, Transport: 'smarthost' }), { hook: null, dsn: false, outcome: null }],
      ['require TLS set', (f) => count(node, 'QueueRequireTLSSet', { Filter: f, RequireTLS: false }), { hook: null, dsn: false, outcome: null }],
      ['fail', (f) => count(node, 'QueueFail', { Filter: f }), { hook: 'failed', dsn: true, outcome: 'failed' }],
      ['drop', (f) => count(node, 'QueueDrop', { Filter: f }), { hook: 'canceled', dsn: false, outcome: 'canceled' }],
    ];
    for (const [name, operate, want] of cases) {
      it(`${name}: ${want.hook ? `a ${want.hook} webhook` : 'no webhook'}, ${want.dsn ? 'a failure DSN' : 'no DSN'}`, async () => {
        const [id] = await sendTo(node, shop, [`${name.replace(/ /g, '-')}@effects.example`]);
        await quiet(node);
        const dsnsBefore = inboxDsns(node, 'shop').length;
        assert.equal(await operate({ IDs: [id] }), 1);
        await quiet(node);
        const hooks = hooksOfMessage(node, id);
        if (want.hook === null) assert.deepEqual(hooks, []);
        else {
          assert.equal(hooks.length, 1);
          assert.equal(hooks[0].OutgoingEvent, want.hook);
          const payload = JSON.parse(hooks[0].Payload);
          assert.equal(payload.Event, want.hook);
          assert.equal(payload.QueueMsgID, id);
          assert.equal(payload.SMTPCode, 0);
          assert.equal(payload.Error, 'delivery canceled by admin');
          assert.equal(payload.Suppressing, false);
        }
        const dsns = inboxDsns(node, 'shop');
        assert.equal(dsns.length - dsnsBefore, want.dsn ? 1 : 0);
        if (want.dsn) assert.equal(dsns[dsns.length - 1].Meta.RcptTo, 'shop@shop.example', 'into the sender\'s Inbox');
        const r = row(node, id)!;
        assert.equal(r.Retired, want.outcome !== null);
        assert.equal(r.Outcome, want.outcome);
        if (want.outcome) {
          assert.equal(r.Success, false);
          assert.equal(r.Results[r.Results.length - 1].Error, 'delivery canceled by admin');
          assert.equal(r.LastAttempt, r.Results[r.Results.length - 1].Start, 'LastAttempt set though never attempted');
        }
        const suppressions = node.runtime.readDb.prepare(`SELECT COUNT(*) AS n FROM ${SUPPRESSIONS_TABLE}`).get() as { n: number };
        assert.equal(suppressions.n, 0, 'code 0: never a suppression');
        if (!want.outcome) await admin(node).drop({ IDs: [id] });
      });
    }
  });

  it('reference 10.25: fail and drop retire the message and its content is removed', async () => {
    const [failed] = await sendTo(node, shop, ['fail@content.example'], { Subject: 'content to fail' });
    const [dropped] = await sendTo(node, shop, ['drop@content.example'], { Subject: 'content to drop' });
    const shas = [queuedRow(node, failed).ContentSha256, queuedRow(node, dropped).ContentSha256];
    assert.notEqual(shas[0], shas[1]);
    const dsnsBefore = inboxDsns(node, 'shop').length;
    assert.equal(await admin(node).fail({ IDs: [failed] }), 1);
    assert.equal(await admin(node).drop({ IDs: [dropped] }), 1);
    await quiet(node);
    assert.equal(inboxDsns(node, 'shop').length, dsnsBefore + 1, 'a DSN for the failed message only');
    const failedEvents = await node.runtime.store.readStream(`message-${failed}`);
    assert.equal(failedEvents[0].type, 'MessageFailed');
    assert.equal((failedEvents[0].data as { Reason: string }).Reason, 'admin');
    assert.deepEqual(await streamTypes(node, dropped), ['MessageCanceled', 'MessageRetired']);
    // Nothing refers to the contents any more: gone after the collector's grace period.
    node.clock.advance(2 * 60 * MINUTE);
    const collected = await node.get(ContentCollector).collectOnce();
    for (const sha of shas) {
      assert.ok(collected.deleted.includes(sha), `content ${sha} deleted`);
      await assert.rejects(node.runtime.content.get(sha), ContentNotFound);
    }
    node.clock.set(T);
  });
});

describe('DueNow', () => {
  let node: TestNode;
  let app: Sender;
  before(async () => {
    node = await startSendNode({ listen: true, now: T });
    app = await addSender(node, { account: 'app', address: 'app@app.example' });
  });
  after(() => node.stop());

  it('makes every queued message that is not held due now, and counts them', async () => {
    const [later, held, due] = await sendTo(node, app, ['later@due.example', 'held@due.example', 'due@due.example']);
    await admin(node).nextAttemptSet({ IDs: [later, held] }, 60);
    await admin(node).holdSet({ IDs: [held] }, true);
    const { status, json } = await adminJson(node, 'DueNow', {});
    assert.equal(status, 200, JSON.stringify(json));
    assert.equal(json.Messages, 1);
    assert.equal(json.Hooks, 0);
    assert.equal(queuedRow(node, later).NextAttempt, T.toISOString());
    assert.equal(queuedRow(node, held).NextAttempt, new Date(T.getTime() + 60 * MINUTE).toISOString(), 'held: unchanged');
    assert.equal(queuedRow(node, due).NextAttempt, T.toISOString());
    assert.deepEqual(await streamTypes(node, due), [], 'already due: no event');
    assert.equal((await adminJson(node, 'DueNow', {})).json.Messages, 0);
  });
});
