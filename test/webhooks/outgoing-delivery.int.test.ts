// Outgoing webhooks end to end (reference 10.20-10.25): messages delivered by the real delivery worker to
// an SMTP peer on loopback, each outcome turned into a webhook and posted to a receiver on loopback.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ConfigView } from '../../src/config/config-view';
import { appendAdminFinal } from '../../src/delivery/admin-final';
import { QueueQueries } from '../../src/delivery/queue-queries';
import type { Outgoing } from '../../src/webhooks/payloads';
import { HookQueries } from '../../src/webhooks/hook-queries';
import { WebhookWorker } from '../../src/webhooks/webhook-worker';
import { eventsUntil, eventually, startDeliveryNode, type DeliveryNode } from '../support/delivery-node';
import { queueMessage } from '../support/queued-message';
import { SmtpPeer } from '../support/smtp-peer';
import { startReceiver, type Receiver } from './support/receiver';
import { setupHookAccount } from './support/webhook-node';

const isFinal = (types: string[]) => types.includes('MessageRetired');

describe('outgoing webhooks from real deliveries', () => {
  let peer: SmtpPeer;
  let node: DeliveryNode;
  let receiver: Receiver;
  let hooks: HookQueries;

  before(async () => {
    peer = await new SmtpPeer({
      rcpt: (to) => (to.startsWith('reject554') ? '554 5.1.0 not here' : to.startsWith('reject550') ? '550 5.1.0 no such user' : undefined),
    }).start();
    receiver = await startReceiver({ status: 200, body: 'ok\n' });
    node = await startDeliveryNode({ smtpPort: peer.port });
    hooks = new HookQueries(node.runtime.readDb);
    // As mox's test config: one account without webhooks or retention, one with both.
    await setupHookAccount(node, { account: 'mjl', address: 'mjl@mox.example' });
    await setupHookAccount(node, { account: 'retired', address: 'retired@mox.example', outgoing: { URL: `${receiver.url}/hook`, Authorization: 'Basic dXNlcm5hbWU6cGFzc3dvcmQ=' }, keepRetiredWebhookPeriod: '1h' });
    const worker = node.get(WebhookWorker);
    worker.settings.pollMs = 5;
    await worker.start();
  });
  after(async () => {
    await node.get(WebhookWorker).stop();
    await node.stop();
    await peer.stop();
    await receiver.close();
  });

  /** The payload posted for a message, once its webhook was delivered. */
  async function payloadFor(queueMsgId: number, event: string): Promise<Outgoing> {
    const call = await eventually(() => receiver.calls.find((c) => {
      const p = JSON.parse(c.body) as Outgoing;
      return p.QueueMsgID === queueMsgId && p.Event === event;
    }), `the ${event} webhook of message ${queueMsgId}`);
    return JSON.parse(call.body) as Outgoing;
  }

  it('an account without webhooks gets none, whatever happens to its messages (10.20)', async () => {
    const { ids } = await queueMessage(node, { account: 'mjl', from: 'mjl@mox.example', to: ['anna@dest.example', 'reject550@dest.example'], shareBaseID: false });
    for (const id of ids) await eventsUntil(node, id, isFinal, 'final');
    await node.settle();
    for (const id of ids) assert.deepEqual(hooks.streamsOfMessage(id), []);
  });

  it('delivered: the next hop\'s 250, Extra, and the URL and Authorization kept in the record (10.21)', async () => {
    const { ids } = await queueMessage(node, { account: 'retired', from: 'retired@mox.example', to: ['anna@dest.example'], extra: { a: '123' } });
    const payload = await payloadFor(ids[0], 'delivered');
    assert.deepEqual({ ...payload, WebhookQueued: undefined, MessageID: undefined }, {
      Version: 0, Event: 'delivered', DSN: false, Suppressing: false, QueueMsgID: ids[0], FromID: '', MessageID: undefined, Subject: 'a test message',
      WebhookQueued: undefined, SMTPCode: 250, SMTPEnhancedCode: payload.SMTPEnhancedCode, Error: '', Extra: { a: '123' },
    });
    assert.match(payload.SMTPEnhancedCode, /^(|2\.\d\.\d)$/);
    const row = await eventually(async () => (await node.settle(), hooks.list(true, { Account: 'retired' }, null, node.clock.now()).find((r) => r.QueueMsgID === ids[0])), 'retired record');
    assert.equal(row.URL, `${receiver.url}/hook`);
    assert.equal(row.HasAuthorization, true);
    assert.equal(row.Success, true);
  });

  it('a 554 fails without suppressing (10.22); a 550 fails and suppresses (10.23); the next message is suppressed (10.24)', async () => {
    const { ids: [a] } = await queueMessage(node, { account: 'retired', from: 'retired@mox.example', to: ['reject554@dest.example'] });
    const p554 = await payloadFor(a, 'failed');
    assert.deepEqual([p554.SMTPCode, p554.SMTPEnhancedCode, p554.Suppressing], [554, '5.1.0', false]);
    assert.match(p554.Error, /554 5\.1\.0 not here/);

    const { ids: [b] } = await queueMessage(node, { account: 'retired', from: 'retired@mox.example', to: ['reject550@dest.example'] });
    const p550 = await payloadFor(b, 'failed');
    assert.deepEqual([p550.SMTPCode, p550.SMTPEnhancedCode, p550.Suppressing], [550, '5.1.0', true]);

    const { ids: [c] } = await queueMessage(node, { account: 'retired', from: 'retired@mox.example', to: ['reject550@dest.example'] });
    const suppressed = await payloadFor(c, 'suppressed');
    assert.equal(suppressed.SMTPCode, 0);
    assert.equal(suppressed.Suppressing, false);
    assert.notEqual(suppressed.Error, '');
  });

  it('the admin\'s fail is `failed` and drop is `canceled`, both "delivery canceled by admin" with code 0 (10.25)', async () => {
    const { ids } = await queueMessage(node, { account: 'retired', from: 'retired@mox.example', to: ['anna@dest.example', 'bob@dest.example'], hold: true, shareBaseID: false });
    await node.settle();
    const queue = new QueueQueries(node.runtime.readDb);
    await appendAdminFinal(node.runtime, node.get(ConfigView), queue.get(ids[0])!, 'fail');
    await appendAdminFinal(node.runtime, node.get(ConfigView), queue.get(ids[1])!, 'drop');
    const failed = await payloadFor(ids[0], 'failed');
    const canceled = await payloadFor(ids[1], 'canceled');
    for (const p of [failed, canceled]) {
      assert.equal(p.SMTPCode, 0);
      assert.equal(p.SMTPEnhancedCode, '');
      assert.equal(p.Error, 'delivery canceled by admin');
      assert.equal(p.Suppressing, false);
    }
  });
});
