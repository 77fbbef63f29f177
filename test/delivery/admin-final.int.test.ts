// The final events of an admin QueueFail / QueueDrop, as the queue admin methods append them: with the
// expected revision, the sender's retention, a failure DSN for Fail and none for Drop.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { MAILBOX_MESSAGES_TABLE } from '../../projections/mailbox';
import { ConfigView } from '../../src/config/config-view';
import { appendAdminFinal } from '../../src/delivery/admin-final';
import { QueueQueries } from '../../src/delivery/queue-queries';
import { ExpectedRevisionConflict } from '../../src/event-store/event-store';
import { messageStream } from '../../src/queue/message-events';
import { eventually, messageEventTypes, setupSender } from '../support/delivery-node';
import { queueMessage } from '../support/queued-message';
import { startTestNode, type TestNode } from '../support/test-node';

describe('admin fail and drop', () => {
  let node: TestNode;
  before(async () => {
    node = await startTestNode({ now: new Date('2026-03-02T09:00:00.000Z') });
    await setupSender(node, 'shop', 'shop@sender.example', '24h');
  });
  after(async () => node.stop());

  const inboxSize = () => (node.runtime.readDb.prepare(`SELECT COUNT(*) AS n FROM ${MAILBOX_MESSAGES_TABLE} WHERE Account = 'shop'`).get() as { n: number }).n;

  it('fail: failed (admin), retired with the account\'s retention, and a failure DSN', async () => {
    const { ids } = await queueMessage(node, { account: 'shop', from: 'shop@sender.example', to: ['anna@dest.example'] });
    const row = new QueueQueries(node.runtime.readDb).get(ids[0])!;
    await appendAdminFinal(node.runtime, node.get(ConfigView), row, 'fail', { correlationId: 'admin-1' });
    const events = await node.runtime.store.readStream(messageStream(ids[0]));
    assert.deepEqual(events.map((e) => e.type), ['MessageFailed', 'MessageRetired']);
    assert.equal(events[0].data.Result.Error, 'delivery canceled by admin');
    assert.equal(events[0].data.Reason, 'admin');
    assert.equal(events[0].metadata.correlationId, 'admin-1');
    assert.equal(events[1].data.KeepUntil, '2026-03-03T09:00:00.000Z');
    await eventually(() => inboxSize() === 1, 'the failure DSN');
  });

  it('drop: canceled, no DSN', async () => {
    const before = inboxSize();
    const { ids } = await queueMessage(node, { account: 'shop', from: 'shop@sender.example', to: ['bob@dest.example'] });
    const row = new QueueQueries(node.runtime.readDb).get(ids[0])!;
    await appendAdminFinal(node.runtime, node.get(ConfigView), row, 'drop');
    assert.deepEqual(await messageEventTypes(node, ids[0]), ['MessageCanceled', 'MessageRetired']);
    await node.settle();
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(inboxSize(), before);
  });

  it('refuses to act on a stale revision', async () => {
    const { ids } = await queueMessage(node, { account: 'shop', from: 'shop@sender.example', to: ['carl@dest.example'] });
    const row = new QueueQueries(node.runtime.readDb).get(ids[0])!;
    await node.runtime.store.appendToStream(messageStream(ids[0]), [{ type: 'MessageHeld', data: { QueueMsgID: ids[0], RuleID: null }, metadata: { now: node.clock.now().toISOString() } }]);
    await assert.rejects(appendAdminFinal(node.runtime, node.get(ConfigView), row, 'drop'), ExpectedRevisionConflict);
  });
});
