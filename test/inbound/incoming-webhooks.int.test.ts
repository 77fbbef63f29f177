// Mail received over SMTP becomes an incoming webhook (reference 2.4, 10.27): stored in the account's
// Inbox with what the server verified (SPF, DKIM, DMARC through a DNS table), and announced to the
// account's IncomingWebhook by the webhook module; an account without one gets no webhook.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ConfigView } from '../../src/config/config-view';
import { HookQueries } from '../../src/webhooks/hook-queries';
import { setupHookAccount } from '../webhooks/support/webhook-node';
import { startReceiver, type Receiver } from '../webhooks/support/receiver';
import { startInboundNode, type InboundNode } from './support/inbound-node';
import { mailauthDns } from './support/mailauth-dns';
import { mailboxMessages, sourcesOf, storedBytes } from './support/mailbox-rows';
import { plainMessage, signed, signingDomain } from './support/messages';
import { RawSmtpClient } from './support/raw-smtp-client';

describe('incoming mail and the incoming webhook', () => {
  let node: InboundNode;
  let receiver: Receiver;
  const remote = signingDomain('remote.example');

  before(async () => {
    receiver = await startReceiver();
    node = await startInboundNode({ settings: { resolver: mailauthDns(remote.dns) } });
    await setupHookAccount(node, { account: 'mjl', address: 'mjl@mox.example', incoming: { URL: `${receiver.url}/in`, Authorization: 'Basic aW46cGFzcw==' } });
    await setupHookAccount(node, { account: 'quiet', address: 'quiet@mox.example' });
    await node.startWebhooks();
  });
  after(async () => {
    await node.stop();
    await receiver.close();
  });

  it('stores a verified message in the Inbox and calls the incoming webhook with its payload', async () => {
    const client = await RawSmtpClient.connect(node.smtpPort);
    assert.equal(client.greeting.code, 220);
    assert.equal((await client.ehlo('mx.remote.example')).code, 250);
    const message = await signed(plainMessage({ from: 'sender@remote.example', to: 'mjl@mox.example', subject: 'test', messageId: '<in-1@remote.example>' }), remote);
    const result = await client.transaction('sender@remote.example', ['mjl@mox.example'], message);
    assert.equal(result.data?.code, 250, result.data?.text);
    assert.match(result.data!.text, /^2\.0\.0 /);
    await client.quit();

    const [call] = await receiver.waitForCalls(1);
    assert.equal(call.path, '/in');
    assert.equal(call.headers.authorization, 'Basic aW46cGFzcw==');
    const payload = JSON.parse(call.body);
    assert.deepEqual(
      { From: payload.From, To: payload.To, CC: payload.CC, BCC: payload.BCC, ReplyTo: payload.ReplyTo, References: payload.References },
      { From: [{ Name: '', Address: 'sender@remote.example' }], To: [{ Name: '', Address: 'mjl@mox.example' }], CC: [], BCC: [], ReplyTo: [], References: [] },
    );
    assert.equal(payload.Subject, 'test');
    assert.equal(payload.MessageID, '<in-1@remote.example>');
    assert.equal(payload.Text, 'test email\n');
    const meta = payload.Meta;
    assert.equal(meta.MailFrom, 'sender@remote.example');
    assert.equal(meta.MailFromValidated, true, 'SPF passes for 127.0.0.1');
    assert.equal(meta.MsgFromValidated, true, 'DMARC passes through the aligned DKIM signature');
    assert.deepEqual(meta.DKIMVerifiedDomains, ['remote.example']);
    assert.equal(meta.RcptTo, 'mjl@mox.example');
    assert.equal(meta.RemoteIP, '127.0.0.1');
    assert.equal(meta.MailboxName, 'Inbox');
    assert.equal(meta.Automated, false);

    const stored = mailboxMessages(node, 'mjl').find((m) => m.MsgID === meta.MsgID);
    assert.ok(stored, 'the message is in the account mailbox');
    assert.equal(stored.Mailbox, 'Inbox');
    assert.equal((await sourcesOf(node, 'mjl')).get(meta.MsgID), 'smtp');
    const raw = await storedBytes(node, stored);
    assert.match(raw, /^Return-Path: <sender@remote\.example>\r\nAuthentication-Results: mail\.test\.example;/);
    assert.match(raw, /Received: from mx\.remote\.example \(\[127\.0\.0\.1\]\) by mail\.test\.example via tcp\s+with ESMTP id \S+ for <mjl@mox\.example>;/);
    assert.match(raw, /spf=pass/);
  });

  it('stores mail for an account without an incoming webhook and queues no webhook for it', async () => {
    const client = await RawSmtpClient.connect(node.smtpPort);
    await client.ehlo();
    const result = await client.transaction('someone@elsewhere.example', ['quiet@mox.example'], plainMessage({ from: 'someone@elsewhere.example', to: 'quiet@mox.example' }));
    assert.equal(result.data?.code, 250, result.data?.text);
    await client.quit();
    const [stored] = mailboxMessages(node, 'quiet');
    assert.ok(stored, "the message is in quiet's Inbox");
    assert.equal(stored.Meta.RcptTo, 'quiet@mox.example');
    await node.settle();
    // The reactor has seen the fact once the read models include it; give it a moment, then look.
    await new Promise((r) => setTimeout(r, 200));
    await node.settle();
    const hooks = new HookQueries(node.runtime.readDb).list(false, { Account: 'quiet' }, { Asc: true, Field: 'Submitted' }, node.clock.now());
    assert.equal(hooks.length, 0);
    assert.ok(node.get(ConfigView).account('quiet'));
  });
});
