// Incoming webhooks (reference 2.4, 10.27-10.28): mail stored in an account's mailbox with Source `smtp`
// is announced to the account's incoming webhook; other sources and accounts without the setting are
// not; handling the same mailbox event twice announces it once.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { compileValidators, formatValidationErrors } from '../../src/api/spec';
import { mailboxStream } from '../../src/mailbox/mailbox-events';
import { MailboxService, type AppendToMailbox } from '../../src/mailbox/mailbox-service';
import type { Incoming } from '../../src/webhooks/payloads';
import { IncomingWebhookReactor } from '../../src/webhooks/incoming-webhook-reactor';
import { eventually } from '../support/delivery-node';
import { sleep } from '../support/smtp-peer';
import { startReceiver, type Receiver } from './support/receiver';
import { setupHookAccount, startWebhookNode, type WebhookNode } from './support/webhook-node';

const validate = compileValidators().webhooks.incoming;
const RAW = Buffer.from(['From: <remote@remote.example>', 'To: <mjl@mox.example>', 'Subject: test', 'Message-Id: <in1@remote.example>', '', 'test email', ''].join('\r\n'));

describe('incoming webhooks', () => {
  let node: WebhookNode;
  let receiver: Receiver;

  before(async () => {
    receiver = await startReceiver({ status: 200, body: 'ok\n' });
    node = await startWebhookNode();
    await setupHookAccount(node, { account: 'mjl', address: 'mjl@mox.example', incoming: { URL: `${receiver.url}/incoming`, Authorization: 'Bearer in' }, keepRetiredWebhookPeriod: '1h' });
    await setupHookAccount(node, { account: 'quiet', address: 'quiet@mox.example' });
    await node.startWorker();
  });
  after(async () => {
    await node.stop();
    await receiver.close();
  });

  const append = (account: string, source: AppendToMailbox['source'], raw = RAW) =>
    node.get(MailboxService).append({
      account,
      mailbox: 'Inbox',
      raw,
      flags: [],
      meta: { MailFrom: 'remote@remote.example', MailFromValidated: true, RcptTo: `${account}@mox.example`, MsgFrom: 'remote@remote.example', MsgFromValidated: false, DKIMVerifiedDomains: ['remote.example'], RemoteIP: '192.0.2.1', DSN: false },
      source,
      now: node.clock.now(),
    });

  it('posts an Incoming payload for mail received over SMTP (10.27)', async () => {
    const msgId = await append('mjl', 'smtp');
    const [call] = await receiver.waitForCalls(1);
    assert.equal(call.path, '/incoming');
    assert.equal(call.headers.authorization, 'Bearer in');
    const payload = JSON.parse(call.body) as Incoming;
    assert.ok(validate(payload), formatValidationErrors(validate.errors, payload));
    assert.deepEqual(payload.From, [{ Name: '', Address: 'remote@remote.example' }]);
    assert.deepEqual(payload.To, [{ Name: '', Address: 'mjl@mox.example' }]);
    for (const field of ['CC', 'BCC', 'ReplyTo', 'References'] as const) assert.deepEqual(payload[field], [], field);
    assert.equal(payload.Text, 'test email\n');
    assert.deepEqual({ ...payload.Meta, Received: undefined }, {
      MsgID: msgId, MailFrom: 'remote@remote.example', MailFromValidated: true, MsgFromValidated: false, RcptTo: 'mjl@mox.example',
      DKIMVerifiedDomains: ['remote.example'], RemoteIP: '192.0.2.1', Received: undefined, MailboxName: 'Inbox', Automated: false,
    });
    const rows = await eventually(async () => {
      await node.settle();
      const list = node.hooks.list(true, { Account: 'mjl', Event: 'incoming' }, null, node.clock.now());
      return list.length === 1 ? list : null;
    }, 'the retired record');
    assert.deepEqual([rows[0].IsIncoming, rows[0].QueueMsgID, rows[0].OutgoingEvent, rows[0].MessageID, rows[0].Subject], [true, 0, '', '<in1@remote.example>', 'test']);
  });

  it('nothing for other sources, for accounts without the setting, or when handled twice', async () => {
    const calls = receiver.calls.length;
    await append('mjl', 'sent');
    await append('mjl', 'dsn');
    await append('mjl', 'api');
    await append('mjl', undefined);
    await append('quiet', 'smtp');
    await node.settle();
    await sleep(200);
    assert.equal(receiver.calls.length, calls);
    assert.equal(node.hooks.list(false, {}, null, node.clock.now()).length, 0);

    await append('mjl', 'smtp');
    await receiver.waitForCalls(calls + 1);
    const [event] = (await node.runtime.store.readStream(mailboxStream('mjl'), { direction: 'backwards', maxCount: 1 }));
    await node.get(IncomingWebhookReactor).handle(event);
    await node.settle();
    await sleep(200);
    assert.equal(receiver.calls.length, calls + 1);
  });

  it('an automated message says so', async () => {
    const calls = receiver.calls.length;
    await append('mjl', 'smtp', Buffer.from(['From: <list@remote.example>', 'List-Id: <news.remote.example>', 'Subject: news', '', 'hi', ''].join('\r\n')));
    const call = await eventually(() => receiver.calls[calls], 'the call');
    assert.equal((JSON.parse(call.body) as Incoming).Meta.Automated, true);
  });
});
