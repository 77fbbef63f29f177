// The reactors that follow delivery outcomes are idempotent: an event handled twice (after a crash, the
// reactor runner delivers at least once) stores one DSN mail and one suppression.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { MAILBOX_MESSAGES_TABLE } from '../../projections/mailbox';
import { ConfigView } from '../../src/config/config-view';
import { appendAdminFinal } from '../../src/delivery/admin-final';
import { DsnMailReactor } from '../../src/delivery/dsn-mail-reactor';
import { QueueQueries } from '../../src/delivery/queue-queries';
import { messageStream } from '../../src/queue/message-events';
import { SuppressAfterFailure } from '../../src/suppression/suppress-after-failure';
import { SuppressionService } from '../../src/suppression/suppression-service';
import { eventually, setupSender } from '../support/delivery-node';
import { queueMessage } from '../support/queued-message';
import { startTestNode, type TestNode } from '../support/test-node';

describe('delivery reactors', () => {
  let node: TestNode;
  before(async () => {
    node = await startTestNode();
    await setupSender(node, 'shop', 'shop@sender.example');
  });
  after(async () => node.stop());

  const inbox = () => (node.runtime.readDb.prepare(`SELECT COUNT(*) AS n FROM ${MAILBOX_MESSAGES_TABLE} WHERE Account = 'shop'`).get() as { n: number }).n;

  it('a failure event handled twice gives one DSN mail', async () => {
    const { ids } = await queueMessage(node, { account: 'shop', from: 'shop@sender.example', to: ['anna@dest.example'] });
    await appendAdminFinal(node.runtime, node.get(ConfigView), new QueueQueries(node.runtime.readDb).get(ids[0])!, 'fail');
    await eventually(() => inbox() === 1, 'the DSN mail');
    const [failed] = await node.runtime.store.readStream(messageStream(ids[0]));
    await node.get(DsnMailReactor).handle(failed);
    await node.settle();
    assert.equal(inbox(), 1);
  });

  it('a suppressing failure handled twice gives one entry', async () => {
    const { ids } = await queueMessage(node, { account: 'shop', from: 'shop@sender.example', to: ['Gone.Away@dest.example'] });
    const row = new QueueQueries(node.runtime.readDb).get(ids[0])!;
    const result = { Start: node.clock.now().toISOString(), Duration: 0, Success: false, Code: 550, Secode: '1.1', Error: 'x, permanent: 550 5.1.1 gone' };
    const message = { QueueMsgID: row.ID, SenderAccount: 'shop', FromID: '', MessageID: row.MessageID, Subject: row.Subject, Extra: {}, RecipientAddress: row.RecipientAddress, SenderAddress: row.SenderAddress, Content: { Sha256: row.ContentSha256, Size: row.Size }, MsgPrefix: '', Queued: row.Queued, Attempts: 1 };
    await node.runtime.store.appendToStream(messageStream(row.ID), [
      { type: 'MessageFailed', data: { Message: message, Result: result, Reason: 'permanent', Suppressing: true, SuppressionReason: 'delivery failure from queue with smtp code 550, enhanced code "1.1"' }, metadata: { now: result.Start } },
      { type: 'MessageRetired', data: { QueueMsgID: row.ID, Outcome: 'failed', Success: false, LastActivity: result.Start, KeepUntil: null }, metadata: { now: result.Start } },
    ]);
    const suppressions = node.get(SuppressionService);
    await eventually(() => suppressions.list('shop').length === 1, 'the suppression');
    const [failed] = await node.runtime.store.readStream(messageStream(row.ID));
    await node.get(SuppressAfterFailure).handle(failed);
    assert.deepEqual(suppressions.list('shop').map((s) => [s.BaseAddress, s.OriginalAddress, s.Manual]), [['goneaway@dest.example', 'Gone.Away@dest.example', false]]);
    assert.equal((await node.runtime.store.readStream('suppressions-shop')).length, 1);
  });
});
