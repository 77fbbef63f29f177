// The admin operations with the delivery worker running against an SMTP peer on loopback: mox's
// TestQueueStart hold and next-attempt steps (reference 10.38), and QueueFail while attempts are in
// flight, where every message still ends exactly once.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { HoldRuleAddMethod } from '../../src/holdrules/holdrule-add.method';
import { HoldRuleListMethod } from '../../src/holdrules/holdrule-list.method';
import { HoldRuleRemoveMethod } from '../../src/holdrules/holdrule-remove.method';
import { adminCaller, eventually, startDeliveryNode, type DeliveryNode } from '../support/delivery-node';
import { SmtpPeer, sleep } from '../support/smtp-peer';
import { addSender, admin, queuedRow, quiet, row, sendTo, type Sender } from './queue-admin-fixtures';

const T = new Date('2025-06-02T08:00:00.000Z');
const FINALS = ['MessageDelivered', 'MessageFailed', 'MessageSuppressed', 'MessageCanceled'];

describe('reference 10.38: hold rules, HoldSet and NextAttemptSet with the delivery worker', () => {
  let node: DeliveryNode;
  let peer: SmtpPeer;
  let mjl: Sender;

  before(async () => {
    // Every attempt fails temporarily, so messages stay queued and each attempt is counted.
    peer = await new SmtpPeer({ rcpt: () => '451 4.7.1 try again later' }).start();
    node = await startDeliveryNode({ smtpPort: peer.port, jitterSeconds: 0, now: T });
    mjl = await addSender(node, { account: 'mjl', address: 'mjl@mox.example' });
  });
  after(async () => {
    await node.stop();
    await peer.stop();
  });

  const attemptsOf = (id: number) => queuedRow(node, id).Attempts;
  const settledAttempts = async (id: number, n: number) =>
    eventually(async () => {
      await node.settle();
      const r = queuedRow(node, id);
      return r.Attempts === n && !r.InFlight ? r : null;
    }, `attempt ${n} of message ${id}`);

  it('holds, releases and reschedules as mox', async () => {
    const rule1 = await node.get(HoldRuleAddMethod).handle({ Account: 'mjl' }, adminCaller());
    const rule2 = await node.get(HoldRuleAddMethod).handle({}, adminCaller());
    assert.equal((await node.get(HoldRuleListMethod).handle()).Rules.length, 2);

    const [id] = await sendTo(node, mjl, ['rcpt@remote.example']);
    assert.equal(queuedRow(node, id).Hold, true, 'held by the rules');
    await sleep(300);
    assert.equal(attemptsOf(id), 0, 'no attempt while held');
    assert.equal(peer.connections, 0);

    assert.equal(await admin(node).holdSet({}, false), 1);
    const first = await settledAttempts(id, 1);
    assert.equal(first.Results[0].Code, 451);
    const nextAttempt = first.NextAttempt;
    assert.ok(nextAttempt > T.toISOString(), 'retried after the backoff');

    await node.get(HoldRuleRemoveMethod).handle({ ID: rule1.ID }, adminCaller());
    await node.get(HoldRuleRemoveMethod).handle({ ID: rule2.ID }, adminCaller());
    await node.settle();
    assert.equal(queuedRow(node, id).Hold, false, 'removing rules changes no message');

    node.worker.wake();
    await sleep(300);
    assert.equal(attemptsOf(id), 1, 'waking the queue without changing NextAttempt: no attempt');
    assert.equal(queuedRow(node, id).NextAttempt, nextAttempt);

    assert.equal(await admin(node).nextAttemptSet({ From: '@mox.example' }, 0), 1);
    await settledAttempts(id, 2);

    const [fresh] = await sendTo(node, mjl, ['other@remote.example']);
    assert.equal(queuedRow(node, fresh).Hold, false);
    await settledAttempts(fresh, 1);
  });
});

describe('QueueFail while attempts are in flight', () => {
  let node: DeliveryNode;
  let peer: SmtpPeer;
  let shop: Sender;

  before(async () => {
    peer = await new SmtpPeer({ data: async () => (await sleep(300), undefined) }).start();
    node = await startDeliveryNode({ smtpPort: peer.port, jitterSeconds: 0, now: T });
    shop = await addSender(node, { account: 'shop', address: 'shop@shop.example', keepRetired: '24h' });
  });
  after(async () => {
    await node.stop();
    await peer.stop();
  });

  it('every message ends exactly once: delivered, or failed by the admin', async () => {
    const ids = await sendTo(node, shop, ['a@one.example', 'b@two.example', 'c@three.example', 'd@four.example', 'e@five.example', 'f@six.example']);
    await eventually(async () => {
      await node.settle();
      return ids.some((id) => row(node, id)?.InFlight);
    }, 'an attempt in flight');
    const failed = await admin(node).fail({ IDs: ids });
    assert.ok(failed > 0, 'messages still queued were failed');
    await eventually(() => node.worker.active.length === 0, 'the attempts to end');
    await quiet(node);
    let failedByAdmin = 0;
    let delivered = 0;
    let failedInFlight = 0;
    for (const id of ids) {
      const events = await node.runtime.store.readStream(`message-${id}`);
      const types = events.map((e) => e.type);
      assert.equal(types.filter((t) => FINALS.includes(t)).length, 1, `message ${id}: ${types.join(', ')}`);
      assert.equal(types.filter((t) => t === 'MessageRetired').length, 1);
      const final = events.find((e) => FINALS.includes(e.type))!;
      if (final.type === 'MessageFailed') {
        assert.equal((final.data as { Reason: string }).Reason, 'admin');
        failedByAdmin++;
        // Claimed, then failed before the attempt's outcome: the late outcome was not recorded.
        if (types.includes('DeliveryAttemptStarted') && !types.includes('DeliveryAttempted')) failedInFlight++;
      } else {
        assert.equal(final.type, 'MessageDelivered');
        delivered++;
      }
      assert.equal(row(node, id)!.Retired, true);
      assert.equal(row(node, id)!.InFlight, false);
    }
    assert.equal(failedByAdmin, failed, 'Count is the number of messages failed');
    assert.equal(failedByAdmin + delivered, ids.length);
    assert.ok(failedInFlight > 0, 'the race was exercised: a message was failed while its attempt ran');
    assert.ok(peer.received.length >= delivered);
  });
});
