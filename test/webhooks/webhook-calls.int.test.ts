// Webhook calls against real HTTP receivers on 127.0.0.1: the headers (mox's and Standard Webhooks',
// verified with the `standardwebhooks` package as a receiving app would), success on any 2xx, what is
// kept of answers, receivers that hang, answer slowly, fail or drop the connection, redirects, one call
// per URL at a time, kept-alive connections, and the private-target check.
import assert from 'node:assert/strict';
import { lookup } from 'node:dns/promises';
import { hostname } from 'node:os';
import { after, before, describe, it } from 'node:test';
import { Webhook } from 'standardwebhooks';
import { guardedLookup, RefusedTarget, refusedKind } from '../../src/webhooks/http/target-safety';
import { WebhookClient } from '../../src/webhooks/http/webhook-client';
import { startReceiver, type Receiver } from './support/receiver';
import { appendFact, delivered, hookOfMessage, hooksOf, hookUntil, setupHookAccount, startWebhookNode, type WebhookNode } from './support/webhook-node';

const SECRET = `whsec_${Buffer.alloc(32, 7).toString('base64')}`;

describe('webhook calls', () => {
  let node: WebhookNode;
  let receiver: Receiver;
  let nextId = 1;

  before(async () => {
    receiver = await startReceiver();
    node = await startWebhookNode();
    await setupHookAccount(node, { account: 'shop', address: 'app@sender.example', outgoing: { URL: `${receiver.url}/shop`, Authorization: 'Bearer 5Jq1c2Vjcm0t' }, secret: SECRET, keepRetiredWebhookPeriod: '72h' });
    await node.startWorker();
  });
  after(async () => {
    await node.stop();
    await receiver.close();
  });

  /** A delivered fact for a new message; returns its webhook's row once retired or after its first attempt. */
  async function deliverOne(account = 'shop') {
    const id = nextId++;
    await appendFact(node, id, 'MessageDelivered', delivered(account, id, { orderid: String(id) }));
    return hookOfMessage(node, id);
  }

  it('posts the payload with mox\'s headers and Standard Webhooks signatures a receiving app can verify', async () => {
    receiver.answer({ status: 200, body: 'ok\n' });
    const before = receiver.calls.length;
    const hook = await deliverOne();
    const row = await hookUntil(node, hook.ID, (r) => r.Retired, 'retired');
    const call = receiver.calls[before];
    assert.equal(call.path, '/shop');
    assert.equal(call.headers['content-type'], 'application/json; charset=utf-8');
    assert.match(call.headers['user-agent']!, /^postwire\/\d+\.\d+\.\d+ \(webhook\)$/);
    assert.equal(call.headers['x-mox-webhook-id'], String(hook.ID));
    assert.equal(call.headers['x-mox-webhook-attempt'], '1');
    assert.equal(call.headers.authorization, 'Bearer 5Jq1c2Vjcm0t');
    assert.equal(call.headers['webhook-id'], String(hook.ID));
    assert.equal(call.body, row.Payload);
    // As a receiving application checks it: raw body, the three headers, the account's secret.
    const verified = new Webhook(SECRET).verify(call.body, {
      'webhook-id': call.headers['webhook-id'] as string,
      'webhook-timestamp': call.headers['webhook-timestamp'] as string,
      'webhook-signature': call.headers['webhook-signature'] as string,
    }) as { Event: string; Extra: Record<string, string> };
    assert.equal(verified.Event, 'delivered');
    assert.deepEqual(verified.Extra, { orderid: String(hook.QueueMsgID) });
    assert.throws(() => new Webhook(SECRET).verify(call.body.replace('delivered', 'failed'), call.headers as Record<string, string>), /signature/i);
    assert.throws(() => new Webhook(`whsec_${Buffer.alloc(32, 8).toString('base64')}`).verify(call.body, call.headers as Record<string, string>));
    assert.equal(row.Success, true);
    assert.deepEqual({ ...row.Results[0], Start: undefined, Duration: undefined }, { Start: undefined, Duration: undefined, URL: `${receiver.url}/shop`, Success: true, Code: 200, Error: '', Response: 'ok\n' });
    assert.ok(row.Results[0].Duration > 0);
  });

  for (const status of [201, 202, 204, 299]) {
    it(`counts ${status} as success (mox: only 200)`, async () => {
      receiver.answer({ status });
      const hook = await deliverOne();
      const row = await hookUntil(node, hook.ID, (r) => r.Retired, 'retired');
      assert.equal(row.Success, true);
      assert.equal(row.Results[0].Code, status);
      assert.equal(row.Attempts, 1);
    });
  }

  it('a 500 is a failure kept with the first 512 bytes of the answer, retried later', async () => {
    receiver.answer({ status: 500, body: `${'x'.repeat(600)}` });
    const hook = await deliverOne();
    const row = await hookUntil(node, hook.ID, (r) => r.Attempts === 1 && !r.InFlight, 'first attempt recorded');
    assert.equal(row.Retired, false);
    assert.equal(row.Results[0].Code, 500);
    assert.equal(row.Results[0].Error, 'http status "500 Internal Server Error", expected 2xx');
    assert.equal(row.Results[0].Response, 'x'.repeat(512));
    assert.equal(row.NextAttempt, new Date(Date.parse(row.Results[0].Start) + 60_000).toISOString());
    await cancelAll();
  });

  it('does not follow redirects: a 3xx fails, naming the Location', async () => {
    receiver.answer({ status: 302, headers: { Location: 'http://169.254.169.254/latest/meta-data/' } });
    const calls = receiver.calls.length;
    const hook = await deliverOne();
    const row = await hookUntil(node, hook.ID, (r) => r.Attempts === 1 && !r.InFlight, 'first attempt recorded');
    assert.equal(row.Results[0].Code, 302);
    assert.equal(row.Results[0].Error, 'http status "302 Found", expected 2xx; redirect to http://169.254.169.254/latest/meta-data/ not followed');
    assert.equal(receiver.calls.length, calls + 1);
    await cancelAll();
  });

  it('gives up on a receiver that never answers after the timeout', async () => {
    node.worker.client.settings.timeoutMs = 300;
    try {
      receiver.answer('hang');
      const hook = await deliverOne();
      const row = await hookUntil(node, hook.ID, (r) => r.Attempts === 1 && !r.InFlight, 'timed out');
      assert.equal(row.Results[0].Code, 0);
      assert.equal(row.Results[0].Error, 'webhook call timed out after 0.3s');
      assert.ok(row.Results[0].Duration >= 290e6, `duration ${row.Results[0].Duration}`);
      assert.equal(row.Retired, false);
    } finally {
      node.worker.client.settings.timeoutMs = 5_000;
      await cancelAll();
    }
  });

  it('waits for a slow answer within the timeout', async () => {
    receiver.answer({ status: 200, body: 'slow ok', delayMs: 400 });
    const hook = await deliverOne();
    const row = await hookUntil(node, hook.ID, (r) => r.Retired, 'retired');
    assert.equal(row.Success, true);
    assert.equal(row.Results[0].Response, 'slow ok');
    assert.ok(row.Results[0].Duration >= 390e6);
  });

  it('a receiver that closes the connection is a failed attempt with the reason', async () => {
    receiver.answer('close');
    const calls = receiver.calls.length;
    const hook = await deliverOne();
    const row = await hookUntil(node, hook.ID, (r) => r.Attempts === 1 && !r.InFlight, 'failed');
    assert.equal(row.Results[0].Code, 0);
    assert.match(row.Results[0].Error, /connection closed by the receiver|ECONNRESET/);
    assert.equal(receiver.calls.length, calls + 1, 'a request that was written is not sent again within the attempt');
    await cancelAll();
  });

  it('makes at most one call per URL at a time, while other URLs go ahead', async () => {
    const other = await startReceiver();
    try {
      await setupHookAccount(node, { account: 'other', address: 'app@other.example', outgoing: { URL: `${other.url}/x` } });
      let release: () => void = () => undefined;
      const gate = new Promise<void>((resolve) => (release = resolve));
      receiver.answer(async () => (await gate, { status: 200 }));
      const before = receiver.calls.length;
      for (let i = 0; i < 3; i++) await appendFact(node, nextId, 'MessageDelivered', delivered('shop', nextId++));
      await appendFact(node, nextId, 'MessageDelivered', delivered('other', nextId++));
      await receiver.waitForCalls(before + 1);
      await other.waitForCalls(1);
      // The other URL was called while this one is busy, and this one got no second call meanwhile.
      await new Promise((r) => setTimeout(r, 150));
      assert.equal(receiver.calls.length, before + 1);
      release();
      await receiver.waitForCalls(before + 3);
      assert.equal(Math.max(...receiver.calls.slice(before).map((c) => c.concurrent)), 1);
    } finally {
      await other.close();
    }
  });

  it('keeps connections alive between calls', async () => {
    receiver.answer({ status: 200 });
    const before = receiver.calls.length;
    const opened = receiver.connections;
    for (let i = 0; i < 3; i++) await deliverOne().then((h) => hookUntil(node, h.ID, (r) => r.Retired, 'retired'));
    const connections = receiver.calls.slice(before).map((c) => c.headers.connection);
    assert.deepEqual(connections, ['keep-alive', 'keep-alive', 'keep-alive']);
    assert.ok(receiver.connections - opened <= 1, `${receiver.connections - opened} connections opened for 3 calls`);
  });

  async function cancelAll(): Promise<void> {
    const { HookAdmin } = await import('../../src/webhooks/hook-admin');
    await node.get(HookAdmin).cancel({});
  }
});

describe('private targets', () => {
  it('refuses loopback targets unless allowed, at queue-time literal check and at connect time', async () => {
    const receiver = await startReceiver();
    const node = await startWebhookNode({ bootstrap: { webhooks: { allowPrivateTargets: true } } });
    try {
      // The URL is saved while private targets are allowed, then the node refuses them (as after a
      // configuration change): the call must not reach the receiver.
      await setupHookAccount(node, { account: 'shop', address: 'app@sender.example', outgoing: { URL: `${receiver.url}/x` }, keepRetiredWebhookPeriod: '1h' });
      node.worker.client.settings.allowPrivateTargets = false;
      await node.startWorker();
      await appendFact(node, 1, 'MessageDelivered', delivered('shop', 1));
      const [hook] = await hooksOf(node, 'shop', 1);
      const row = await hookUntil(node, hook.ID, (r) => r.Attempts === 1 && !r.InFlight, 'refused attempt');
      assert.equal(row.Results[0].Code, 0);
      assert.match(row.Results[0].Error, /^refusing to call 127\.0\.0\.1: loopback address/);
      assert.equal(receiver.calls.length, 0);
      // With the switch on, the next attempt reaches it.
      node.worker.client.settings.allowPrivateTargets = true;
      node.clock.advance(61_000);
      node.worker.wake();
      await hookUntil(node, hook.ID, (r) => r.Retired && r.Success, 'delivered');
      assert.equal(receiver.calls.length, 1);
    } finally {
      await node.stop();
      await receiver.close();
    }
  });

  it('checks the resolved address when connecting, so a name cannot lead to a private address', async () => {
    const refused = await new Promise<Error | null>((resolve) => guardedLookup('localhost', {}, (err) => resolve(err)));
    assert.ok(refused instanceof RefusedTarget, String(refused));
    assert.match(refused.message, /refusing to call localhost \((127\.0\.0\.1|::1)\): loopback address/);
    // This machine's own name, when it resolves to a private address, through the client itself.
    const own = hostname();
    const address = await lookup(own).then((a) => a.address, () => null);
    if (address === null || refusedKind(address) === null) return;
    const receiver = await startReceiver();
    const client = new WebhookClient({ allowPrivateTargets: false, timeoutMs: 2_000 });
    try {
      const outcome = await client.post(`http://${own}:${receiver.port}/x`, '{}', {});
      assert.equal(outcome.refused, true);
      assert.match(outcome.error, new RegExp(`refusing to call ${own} \\(${address.replace(/\./g, '\\.')}\\)`));
      assert.equal(receiver.calls.length, 0);
    } finally {
      client.close();
      await receiver.close();
    }
  });

});
