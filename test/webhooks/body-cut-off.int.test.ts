// A receiver that sends its status and then stalls or drops the connection in the middle of the body:
// the status is its answer (a 2xx is a success, anything else a failure), what arrived of the body is
// kept, and the attempt's error says the body was cut off and why.
import assert from 'node:assert/strict';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { WebhookClient } from '../../src/webhooks/http/webhook-client';
import { appendFact, delivered, hookOfMessage, hookUntil, setupHookAccount, startWebhookNode } from './support/webhook-node';

type Script = (res: ServerResponse) => void;

/** Sends the status, headers promising 1,000 bytes and "partial", then stalls. */
const stall = (status: number): Script => (res) => {
  res.writeHead(status, { 'Content-Type': 'text/plain', 'Content-Length': '1000' });
  res.write('partial');
};
const drop = (status: number): Script => (res) => {
  stall(status)(res);
  setTimeout(() => res.socket?.destroy(), 50);
};

describe('an answer whose body is cut off', () => {
  let script: Script = stall(200);
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => script(res));
  });
  let url = '';
  const client = new WebhookClient({ allowPrivateTargets: true, timeoutMs: 300 });

  before(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
  });
  after(async () => {
    client.close();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('a 200 whose body stalls past the timeout is still a success, with the part read and a note', async () => {
    script = stall(200);
    const outcome = await client.post(url, '{}', {});
    assert.deepEqual(outcome, { code: 200, response: 'partial', success: true, refused: false, error: 'response body cut off: webhook call timed out after 0.3s' });
  });

  it('a 500 whose connection drops mid-body is a failure that keeps its status', async () => {
    script = drop(500);
    const outcome = await client.post(url, '{}', {});
    assert.deepEqual(outcome, {
      code: 500,
      response: 'partial',
      success: false,
      refused: false,
      error: 'http status "500 Internal Server Error", expected 2xx; response body cut off: connection closed by the receiver',
    });
  });

  it('a body cut by the node stopping keeps the status too', async () => {
    script = stall(202);
    const stopping = new AbortController();
    setTimeout(() => stopping.abort(), 100);
    const outcome = await client.post(url, '{}', {}, stopping.signal);
    assert.deepEqual({ code: outcome.code, success: outcome.success, error: outcome.error }, { code: 202, success: true, error: 'response body cut off: webhook call aborted: the node is stopping' });
  });

  it('the worker records the status of such an attempt, not code 0', async () => {
    script = stall(200);
    const node = await startWebhookNode();
    try {
      node.worker.client.settings.timeoutMs = 300;
      await setupHookAccount(node, { account: 'shop', address: 'app@shop.example', outgoing: { URL: url }, keepRetiredWebhookPeriod: '1h' });
      await node.startWorker();
      await appendFact(node, 1, 'MessageDelivered', delivered('shop', 1));
      const hook = await hookOfMessage(node, 1);
      const row = await hookUntil(node, hook.ID, (r) => r.Retired, 'the attempt recorded', 5_000);
      assert.equal(row.Success, true);
      assert.equal(row.Attempts, 1);
      assert.deepEqual({ Code: row.Results[0].Code, Response: row.Results[0].Response, Error: row.Results[0].Error }, { Code: 200, Response: 'partial', Error: 'response body cut off: webhook call timed out after 0.3s' });
    } finally {
      await node.stop();
    }
  });
});
