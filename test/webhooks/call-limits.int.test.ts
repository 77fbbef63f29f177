// The bounds on webhook calls: at most `webhooks.concurrency` calls in flight in all, at most the kept
// 512 bytes and the bounded drain read of an answer however long it is, and 60 s per call by default.
import assert from 'node:assert/strict';
import { subscribe, unsubscribe } from 'node:diagnostics_channel';
import { createServer, type ClientRequest, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { after, before, describe, it, mock } from 'node:test';
import { WebhookTestCaller } from '../../src/webhooks/api/webhook-test.methods';
import { DEFAULT_CLIENT_SETTINGS, RESPONSE_KEEP_BYTES, WebhookClient } from '../../src/webhooks/http/webhook-client';
import { WebhookWorker } from '../../src/webhooks/webhook-worker';
import { startTestNode } from '../support/test-node';
import { startReceiver, type Receiver } from './support/receiver';
import { appendFact, delivered, hookOfMessage, hookUntil, setupHookAccount, startWebhookNode, type WebhookNode } from './support/webhook-node';

describe('webhook call limits', () => {
  let node: WebhookNode;
  let receiver: Receiver;

  before(async () => {
    receiver = await startReceiver();
    node = await startWebhookNode();
    await node.startWorker();
  });
  after(async () => {
    await node.stop();
    await receiver.close();
  });

  it('makes at most webhooks.concurrency calls at once, over distinct URLs', async () => {
    const limit = 2;
    const urls = 5;
    node.worker.settings.concurrency = limit;
    for (let i = 1; i <= urls; i++) await setupHookAccount(node, { account: `app${i}`, address: `app@app${i}.example`, outgoing: { URL: `${receiver.url}/app${i}` }, keepRetiredWebhookPeriod: '1h' });
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    receiver.answer(async () => (await gate, { status: 200 }));
    const hooks = [];
    for (let i = 1; i <= urls; i++) {
      await appendFact(node, i, 'MessageDelivered', delivered(`app${i}`, i));
      hooks.push(await hookOfMessage(node, i));
    }
    await receiver.waitForCalls(limit);
    // Every URL is due and free: only the limit holds the others back.
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(receiver.calls.length, limit, 'no call beyond the limit while the first ones are in flight');
    release();
    await receiver.waitForCalls(urls);
    for (const hook of hooks) await hookUntil(node, hook.ID, (r) => r.Retired && r.Success, `webhook ${hook.ID} delivered`);
    assert.equal(receiver.maxConcurrent, limit);
    assert.deepEqual(new Set(receiver.calls.map((c) => c.path)), new Set(Array.from({ length: urls }, (_, i) => `/app${i + 1}`)));
  });

  it('reads an endless answer only as far as the kept bytes and the drain bound, then drops the connection', async () => {
    const endless = await startEndlessReceiver();
    const sockets = watchSockets(endless.port);
    try {
      await setupHookAccount(node, { account: 'flood', address: 'app@flood.example', outgoing: { URL: `${endless.url}/flood` }, keepRetiredWebhookPeriod: '1h' });
      await appendFact(node, 100, 'MessageDelivered', delivered('flood', 100));
      const hook = await hookOfMessage(node, 100);
      const row = await hookUntil(node, hook.ID, (r) => r.Retired, 'the endless answer recorded', 5_000);
      assert.deepEqual({ Success: row.Success, Code: row.Results[0].Code, Error: row.Results[0].Error }, { Success: true, Code: 200, Error: '' });
      assert.equal(row.Results[0].Response, endless.pattern.subarray(0, RESPONSE_KEEP_BYTES).toString());
      await endless.closed;
      // Node reads a socket up to 64 KiB at a time: the drain bound is checked after each read.
      const read = sockets.reduce((n, s) => n + s.bytesRead, 0);
      const bound = RESPONSE_KEEP_BYTES + node.worker.client.settings.drainLimitBytes + 128 * 1024;
      assert.ok(read > node.worker.client.settings.drainLimitBytes && read <= bound, `${read} bytes read, bound ${bound}`);
      assert.ok(endless.written() > read, `the receiver wrote ${endless.written()} bytes, more than read`);
    } finally {
      sockets.stop();
      await endless.close();
    }
  });
});

describe('webhook call timeout', () => {
  it('is 60 s when not configured, for the worker and the test methods', async () => {
    assert.equal(DEFAULT_CLIENT_SETTINGS.timeoutMs, 60_000);
    assert.equal(new WebhookClient().settings.timeoutMs, 60_000);
    assert.equal(new WebhookClient({ allowPrivateTargets: true }).settings.timeoutMs, 60_000);
    const node = await startTestNode({ services: [] });
    try {
      assert.equal(node.get(WebhookWorker).client.settings.timeoutMs, 60_000);
      assert.equal(node.get(WebhookTestCaller).client.settings.timeoutMs, 60_000);
    } finally {
      await node.stop();
    }
  });

  it('a default client gives up on a silent receiver at 60 s, not before', async () => {
    const receiver = await startReceiver('hang');
    const client = new WebhookClient({ allowPrivateTargets: true });
    mock.timers.enable({ apis: ['setTimeout'] });
    try {
      let settled = false;
      const outcome = client.post(`${receiver.url}/slow`, '{}', {}).finally(() => (settled = true));
      await receiver.waitForCalls(1);
      mock.timers.tick(59_999);
      for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
      assert.equal(settled, false, 'still waiting just before 60 s');
      mock.timers.tick(1);
      const result = await outcome;
      assert.deepEqual({ code: result.code, error: result.error }, { code: 0, error: 'webhook call timed out after 60s' });
    } finally {
      mock.timers.reset();
      client.close();
      await receiver.close();
    }
  });
});

/** The client-side sockets of HTTP requests to 127.0.0.1:port, as they are created. */
function watchSockets(port: number): Socket[] & { stop(): void } {
  const sockets: Socket[] = [];
  const onStart = (message: unknown) => {
    const request = (message as { request: ClientRequest }).request;
    if (request.getHeader('host') !== `127.0.0.1:${port}`) return;
    // The request has its socket by the time it starts, unless it waits for one.
    if (request.socket) sockets.push(request.socket);
    else request.once('socket', (s) => sockets.push(s));
  };
  subscribe('http.client.request.start', onStart);
  return Object.assign(sockets, { stop: () => unsubscribe('http.client.request.start', onStart) });
}

/** A receiver that answers 200 and then writes its body forever, as fast as the caller takes it. */
async function startEndlessReceiver() {
  const pattern = Buffer.from(Array.from({ length: 64 * 1024 }, (_, i) => String.fromCharCode(97 + (i % 26))).join(''));
  let written = 0;
  let closedNow: () => void = () => undefined;
  const closed = new Promise<void>((resolve) => (closedNow = resolve));
  const server: Server = createServer((req, res) => {
    req.resume();
    res.writeHead(200, { 'Content-Type': 'text/plain' });
    const pump = () => {
      while (!res.destroyed && res.write(pattern)) written += pattern.length;
    };
    res.on('drain', () => ((written += pattern.length), pump()));
    res.on('close', () => closedNow());
    pump();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    pattern,
    closed,
    written: () => written,
    close: () => new Promise<void>((resolve) => (server.closeAllConnections(), server.close(() => resolve()))),
  };
}
