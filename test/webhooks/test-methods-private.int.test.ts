// OutgoingWebhookTest and IncomingWebhookTest on a node that refuses private targets: they return what
// the endpoint answered, so a loopback or metadata URL must be refused before any connection, whatever
// way the address is written (an IPv4-mapped IPv6 literal reaches the IPv4 address).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { WebhookTestCaller } from '../../src/webhooks/api/webhook-test.methods';
import { startReceiver, type Receiver } from './support/receiver';
import { setupHookAccount, startWebhookNode, type WebhookNode } from './support/webhook-node';

const PASSWORD = 'a-password-for-tests'; // setupSender's

const outgoing = { Version: 0, Event: 'delivered', DSN: false, Suppressing: false, QueueMsgID: 17, FromID: '', MessageID: '<a@b>', Subject: 's', WebhookQueued: '2025-03-14T09:26:54.016Z', SMTPCode: 250, SMTPEnhancedCode: '2.0.0', Error: '', Extra: {} };
const incoming = {
  Version: 0, From: [{ Name: '', Address: 'a@b.example' }], To: [], CC: [], BCC: [], ReplyTo: [], Subject: 'hi', MessageID: '', InReplyTo: '', References: [], Date: null, Text: 'x\n', HTML: '',
  Structure: { ContentType: 'text/plain', ContentTypeParams: {}, ContentID: '', ContentDisposition: '', Filename: '', DecodedSize: 2, Parts: [] },
  Meta: { MsgID: 1, MailFrom: '', MailFromValidated: false, MsgFromValidated: false, RcptTo: 'app@shop.example', DKIMVerifiedDomains: [], RemoteIP: '192.0.2.1', Received: '2025-03-14T09:26:54.016Z', MailboxName: 'Inbox', Automated: true },
};

describe('webhook test methods with private targets refused', () => {
  let node: WebhookNode;
  let receiver: Receiver;

  before(async () => {
    receiver = await startReceiver({ status: 200, body: 'secret from loopback\n' });
    node = await startWebhookNode({ listen: true, bootstrap: { webhooks: { allowPrivateTargets: false } } });
    await setupHookAccount(node, { account: 'shop', address: 'app@shop.example' });
  });
  after(async () => {
    await node.stop();
    await receiver.close();
  });

  async function call(method: 'OutgoingWebhookTest' | 'IncomingWebhookTest', URL: string) {
    const res = await fetch(`${node.url}/webapi/v0/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Basic ${Buffer.from(`app@shop.example:${PASSWORD}`).toString('base64')}` },
      body: JSON.stringify({ URL, Payload: method === 'OutgoingWebhookTest' ? outgoing : incoming }),
    });
    return { status: res.status, json: (await res.json()) as Record<string, any> };
  }

  const refusals: [string, (port: number) => string, RegExp][] = [
    ['IPv4-mapped, dotted', (port) => `http://[::ffff:127.0.0.1]:${port}/`, /refusing to call ::ffff:7f00:1 \(IPv4-mapped 127\.0\.0\.1\): loopback address/],
    ['IPv4-mapped, hex', (port) => `http://[::ffff:7f00:1]:${port}/`, /IPv4-mapped 127\.0\.0\.1\): loopback address/],
    ['IPv4-compatible', (port) => `http://[::127.0.0.1]:${port}/`, /IPv4-compatible 127\.0\.0\.1\): loopback address/],
    ['NAT64', (port) => `http://[64:ff9b::7f00:1]:${port}/`, /NAT64 127\.0\.0\.1\): loopback address/],
    ['IPv4', (port) => `http://127.0.0.1:${port}/`, /refusing to call 127\.0\.0\.1: loopback address/],
    ['localhost', (port) => `http://localhost:${port}/`, /refusing to call localhost: loopback address/],
    ['cloud metadata, IPv4-mapped', () => 'http://[::ffff:169.254.169.254]/latest/meta-data/', /IPv4-mapped 169\.254\.169\.254\): link-local address/],
  ];

  for (const method of ['OutgoingWebhookTest', 'IncomingWebhookTest'] as const) {
    for (const [name, url, message] of refusals) {
      it(`${method} refuses a loopback or link-local target (${name}) as a user error, connecting nowhere`, async () => {
        const res = await call(method, url(receiver.port));
        assert.equal(res.status, 400, JSON.stringify(res.json));
        assert.equal(res.json.Code, 'user');
        assert.match(res.json.Message, message);
        assert.match(res.json.Message, /webhooks\.allowPrivateTargets/);
        assert.equal(receiver.connections, 0, 'no connection reached the loopback receiver');
        assert.equal(receiver.calls.length, 0);
      });
    }
  }

  it('the refused IPv4-mapped URL does reach the loopback receiver when private targets are allowed', async () => {
    // Shows that what was refused above is a real way to loopback, not an unreachable address.
    const { client } = node.get(WebhookTestCaller);
    client.settings.allowPrivateTargets = true;
    try {
      const res = await call('OutgoingWebhookTest', `http://[::ffff:127.0.0.1]:${receiver.port}/`);
      assert.deepEqual(res.json, { Code: 200, Response: 'secret from loopback\n', Error: '' });
      assert.equal(receiver.calls.length, 1);
    } finally {
      client.settings.allowPrivateTargets = false;
    }
  });
});
