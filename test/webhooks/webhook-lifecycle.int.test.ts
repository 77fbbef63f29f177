// A webhook's life against real receivers, time moved with the manual clock (reference 10.33-10.37): the
// retry schedule to the 12th attempt, rescheduling, a crash between claim and call, superseding (also
// during a call), canceling, retention, and queuing exactly once per fact.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ConfigView } from '../../src/config/config-view';
import { HookAdminHelpers } from './support/admin';
import { hookBackoffMs } from '../../src/webhooks/backoff';
import { claimHook } from '../../src/webhooks/hook-attempt';
import { OutgoingWebhookReactor } from '../../src/webhooks/outgoing-webhook-reactor';
import { WebhookRetention } from '../../src/webhooks/webhook-retention';
import { INTERRUPTED } from '../../src/webhooks/webhook-events';
import { WebhookWorker } from '../../src/webhooks/webhook-worker';
import { eventually } from '../support/delivery-node';
import { sleep } from '../support/smtp-peer';
import { startReceiver, type Receiver } from './support/receiver';
import { appendFact, delivered, hookOfMessage, hookUntil, result, setupHookAccount, startWebhookNode, summary, type WebhookNode } from './support/webhook-node';

const dsnDelayed = (account: string, id: number) => ({
  QueueMsgID: id,
  Message: summary(account, id),
  Event: 'delayed',
  DSN: true,
  Result: result(554, '0.0', 'smtp; 554 5.0.0 error'),
  Suppressing: false,
  SuppressionReason: '',
  MailboxMsgID: null,
  IncomingMessageID: `<dsn${id}@remote.example>`,
});

describe('webhook lifecycle', () => {
  let node: WebhookNode;
  let receiver: Receiver;
  let admin: HookAdminHelpers;
  let nextId = 100;

  before(async () => {
    receiver = await startReceiver({ status: 500, body: 'server error\n' });
    node = await startWebhookNode();
    admin = new HookAdminHelpers(node);
    await setupHookAccount(node, { account: 'retired', address: 'mjl@mox.example', outgoing: { URL: `${receiver.url}/hook`, Authorization: 'Basic dXNlcm5hbWU6cGFzc3dvcmQ=' }, keepRetiredWebhookPeriod: '1h' });
    await node.startWorker();
  });
  after(async () => {
    await node.stop();
    await receiver.close();
  });

  /** Moves the clock to the webhook's NextAttempt and waits for that attempt's result. */
  async function nextAttempt(hookId: number, attempts: number) {
    const row = node.hooks.get(hookId)!;
    node.clock.set(new Date(row.NextAttempt));
    node.worker.wake();
    return hookUntil(node, hookId, (r) => r.Attempts === attempts && !r.InFlight, `attempt ${attempts}`);
  }

  it('a 500 is retried after 1m; rescheduling by the admin makes it due; then a 200 retires it (10.33)', async () => {
    receiver.answer({ status: 500, body: 'server error\n' });
    const id = nextId++;
    await appendFact(node, id, 'MessageDelivered', delivered('retired', id, { a: '123' }));
    const hook = await hookOfMessage(node, id);
    const first = await hookUntil(node, hook.ID, (r) => r.Attempts === 1 && !r.InFlight, 'first attempt');
    assert.equal(first.Results.length, 1);
    assert.equal(first.Results[0].Code, 500);
    assert.equal(first.Results[0].Response, 'server error\n');
    assert.ok(first.NextAttempt > node.clock.now().toISOString(), 'NextAttempt in the future');
    assert.equal(first.URL, `${receiver.url}/hook`);
    assert.equal(first.Authorization, 'Basic dXNlcm5hbWU6cGFzc3dvcmQ=', 'copied from the account when queued (10.21)');

    assert.equal(await admin.nextAttemptSet({ IDs: [hook.ID] }, 1), 1);
    const set = node.hooks.get(hook.ID)!;
    assert.equal(set.NextAttempt, new Date(node.clock.now().getTime() + 60_000).toISOString());
    receiver.answer((call) =>
      call.headers.authorization === 'Basic dXNlcm5hbWU6cGFzc3dvcmQ=' && call.headers['x-mox-webhook-id'] === String(hook.ID) && call.headers['x-mox-webhook-attempt'] === '2'
        ? { status: 200, body: 'ok\n' }
        : { status: 400, body: 'bad headers\n' },
    );
    assert.equal(await admin.nextAttemptAdd({ IDs: [hook.ID] }, -1), 1);
    const done = await hookUntil(node, hook.ID, (r) => r.Retired, 'retired');
    assert.equal(done.Attempts, 2);
    assert.equal(done.Success, true);
    assert.deepEqual([done.Results[1].Code, done.Results[1].Response], [200, 'ok\n']);
  });

  it('fails 11 times staying queued, the 12th retires it with 12 results (10.34)', async () => {
    receiver.answer({ status: 500, body: 'server error\n' });
    const id = nextId++;
    await appendFact(node, id, 'MessageDelivered', delivered('retired', id));
    const hook = await hookOfMessage(node, id);
    let row = await hookUntil(node, hook.ID, (r) => r.Attempts === 1 && !r.InFlight, 'attempt 1');
    const starts = [Date.parse(row.Results[0].Start)];
    for (let k = 2; k <= 11; k++) {
      row = await nextAttempt(hook.ID, k);
      assert.equal(row.Retired, false, `still queued after ${k} attempts`);
      assert.equal(row.Results.length, k);
      starts.push(Date.parse(row.Results[k - 1].Start));
      // The wait before attempt k was the backoff after attempt k-1.
      assert.equal(starts[k - 1] - starts[k - 2], hookBackoffMs(k - 1, 0));
    }
    row = await nextAttempt(hook.ID, 12);
    await hookUntil(node, hook.ID, (r) => r.Retired, 'retired');
    row = node.hooks.get(hook.ID)!;
    assert.equal(row.Retired, true);
    assert.equal(row.Success, false);
    assert.equal(row.Attempts, 12);
    assert.equal(row.Results.length, 12);
    assert.equal(row.Results[11].Code, 500);
    const types = (await node.runtime.store.readStream(row.StreamID)).map((e) => e.type);
    assert.deepEqual(types.slice(-3), ['WebhookAttempted', 'WebhookFailed', 'WebhookRetired']);
  });

  it('after a crash between claim and call, the next attempt comes after the backoff, not at once', async () => {
    await node.worker.stop();
    try {
      receiver.answer({ status: 200, body: 'ok\n' });
      const id = nextId++;
      await appendFact(node, id, 'MessageDelivered', delivered('retired', id));
      const hook = await hookOfMessage(node, id);
      // The worker's own claim, then the node "dies" before calling.
      const claimed = await claimHook({ runtime: node.runtime, config: node.get(ConfigView), client: node.worker.client, jitter: () => 0 }, hook, node.clock.now());
      assert.ok(claimed);
      await node.settle();
      const calls = receiver.calls.length;
      await node.worker.start();
      await sleep(200);
      assert.equal(receiver.calls.length, calls, 'no hot retry');
      node.clock.advance(59_000);
      node.worker.wake();
      await sleep(200);
      assert.equal(receiver.calls.length, calls, 'not before the backoff');
      node.clock.advance(1_000);
      node.worker.wake();
      const row = await hookUntil(node, hook.ID, (r) => r.Retired, 'delivered by the second attempt');
      assert.equal(row.Attempts, 2);
      assert.deepEqual(row.Results.map((r) => r.Error), [INTERRUPTED, '']);
      assert.equal(receiver.calls[calls].headers['x-mox-webhook-attempt'], '2');
    } finally {
      await node.worker.start();
    }
  });

  it('a newer event supersedes the pending webhook of the same message (10.37)', async () => {
    await node.worker.stop();
    try {
      const id = nextId++;
      await appendFact(node, id, 'DsnReceived', dsnDelayed('retired', id));
      const first = await hookOfMessage(node, id);
      await appendFact(node, id, 'DsnReceived', dsnDelayed('retired', id));
      const superseded = await hookUntil(node, first.ID, (r) => r.Retired, 'superseded');
      const pending = node.hooks.list(false, { Account: 'retired' }, null, node.clock.now()).filter((r) => r.QueueMsgID === id);
      assert.equal(pending.length, 1, 'one pending webhook per message');
      assert.ok(pending[0].ID > first.ID);
      assert.equal(superseded.SupersededByID, pending[0].ID);
      assert.equal(superseded.Success, false);
      assert.equal(superseded.MessageID, `<dsn${id}@remote.example>`, 'DSN webhooks name the DSN (reference 2.8)');
    } finally {
      await node.worker.start();
    }
    await admin.cancel({ Account: 'retired' });
  });

  it('superseding a webhook during its call records the call\'s result with "(superseded)"', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    receiver.answer(async () => (await gate, { status: 200, body: 'late ok\n' }));
    const id = nextId++;
    const calls = receiver.calls.length;
    await appendFact(node, id, 'DeliveryDelayed', { Message: summary('retired', id), Result: result(451, '7.1', 'greylisted'), NextAttempt: node.clock.now().toISOString(), DelayDSN: false });
    const first = await hookOfMessage(node, id);
    await receiver.waitForCalls(calls + 1);
    await appendFact(node, id, 'MessageDelivered', delivered('retired', id));
    const superseded = await hookUntil(node, first.ID, (r) => r.Retired, 'superseded while in flight');
    assert.deepEqual(superseded.Results.map((r) => r.Error), ['delivering...']);
    receiver.answer({ status: 200, body: 'ok\n' });
    release();
    const row = await hookUntil(node, first.ID, (r) => r.Results[0]?.Error !== 'delivering...', 'late result recorded');
    assert.deepEqual([row.Results[0].Code, row.Results[0].Error, row.Results[0].Response], [200, '(superseded)', 'late ok\n']);
    assert.equal(row.Success, false);
    // The newer webhook is delivered after the first call ended (one call per URL).
    const newer = await hookUntil(node, superseded.SupersededByID, (r) => r.Retired, 'newer delivered');
    assert.equal(newer.OutgoingEvent, 'delivered');
    assert.equal(newer.Success, true);
  });

  it('HookCancel on everything empties the queue, each with "canceled by admin" (10.36)', async () => {
    await node.worker.stop();
    try {
      for (let i = 0; i < 3; i++) {
        const id = nextId++;
        await appendFact(node, id, 'MessageDelivered', delivered('retired', id));
        await hookOfMessage(node, id);
      }
      assert.equal(await admin.cancel({}), 3);
      assert.deepEqual(node.hooks.list(false, {}, null, node.clock.now()), []);
      const canceled = node.hooks.list(true, { Account: 'retired' }, { Asc: false }, node.clock.now()).slice(0, 3);
      for (const row of canceled) {
        assert.equal(row.Results[row.Results.length - 1].Error, 'canceled by admin');
        assert.equal(row.Success, false);
      }
      assert.equal(await admin.cancel({}), 0, 'nothing left to cancel');
    } finally {
      await node.worker.start();
    }
  });

  it('keeps retired webhooks for KeepRetiredWebhookPeriod, then removes them; without retention none is kept (10.35)', async () => {
    receiver.answer({ status: 200, body: 'ok\n' });
    const id = nextId++;
    await appendFact(node, id, 'MessageDelivered', delivered('retired', id));
    const hook = await hookOfMessage(node, id);
    const row = await hookUntil(node, hook.ID, (r) => r.Retired, 'retired');
    assert.equal(row.KeepUntil, new Date(Date.parse(row.LastActivity) + 3_600_000).toISOString());
    const retention = node.get(WebhookRetention);
    node.clock.set(new Date(Date.parse(row.KeepUntil!) - 1));
    await retention.runOnce(); // earlier tests' retired webhooks may expire now
    assert.ok(node.hooks.get(hook.ID), 'kept until KeepUntil');
    assert.equal(await retention.runOnce(), 0, 'nothing else is due');
    node.clock.set(new Date(Date.parse(row.KeepUntil!) + 1));
    assert.ok((await retention.runOnce()) >= 1);
    assert.equal(node.hooks.get(hook.ID), null);
    assert.equal((await node.runtime.store.readStream(row.StreamID)).at(-1)!.type, 'RetiredWebhookExpired');

    await setupHookAccount(node, { account: 'noretention', address: 'app@noretention.example', outgoing: { URL: `${receiver.url}/hook` } });
    const other = nextId++;
    await appendFact(node, other, 'MessageDelivered', delivered('noretention', other));
    const stream = await eventually(async () => {
      const s = node.hooks.streamsOfMessage(other);
      return s.length === 1 ? s[0] : null;
    }, 'queued');
    await eventually(async () => ((await node.runtime.store.readStream(stream)).some((e) => e.type === 'WebhookRetired') ? true : null), 'delivered');
    await node.settle();
    assert.equal((node.runtime.readDb.prepare('SELECT COUNT(*) AS n FROM webhooks WHERE QueueMsgID = ?').get(other) as { n: number }).n, 0);
  });

  it('queues one webhook per fact, however often the fact is handled', async () => {
    await node.worker.stop();
    try {
      const id = nextId++;
      const fact = await appendFact(node, id, 'MessageFailed', { Message: summary('retired', id), Result: result(550, '1.1', 'no such user'), Reason: 'permanent', Suppressing: true, SuppressionReason: 'x' });
      await hookOfMessage(node, id);
      const reactor = node.get(OutgoingWebhookReactor);
      await reactor.handle(fact);
      await reactor.handle(fact);
      await node.settle();
      assert.equal(node.hooks.streamsOfMessage(id).length, 1);
    } finally {
      await node.worker.start();
    }
    await admin.cancel({ Account: 'retired' });
  });

  it('queues only the events the account asked for', async () => {
    await setupHookAccount(node, { account: 'picky', address: 'app@picky.example', outgoing: { URL: `${receiver.url}/picky`, Events: ['failed'] } });
    const a = nextId++;
    const b = nextId++;
    await appendFact(node, a, 'MessageDelivered', delivered('picky', a));
    await appendFact(node, b, 'MessageFailed', { Message: summary('picky', b), Result: result(550, '1.1', 'no'), Reason: 'permanent', Suppressing: false, SuppressionReason: '' });
    // The account keeps no retired webhooks: the index, not the record, shows what was queued.
    await eventually(async () => (await node.settle(), node.hooks.streamsOfMessage(b).length === 1 ? true : null), 'the failed webhook');
    assert.deepEqual(node.hooks.streamsOfMessage(a), []);
  });
});

describe('webhook workers on several nodes, and stopping', () => {
  it('two workers sharing the store call each webhook once per attempt', async () => {
    const receiver = await startReceiver({ status: 200, body: 'ok\n', delayMs: 20 });
    const node = await startWebhookNode();
    // A second worker on the same store and read models, as another node would run it.
    const other = new WebhookWorker(node.runtime, node.get(ConfigView));
    other.settings.pollMs = 5;
    other.settings.jitter = () => 0;
    try {
      await setupHookAccount(node, { account: 'shop', address: 'app@shop.example', outgoing: { URL: `${receiver.url}/hook` }, keepRetiredWebhookPeriod: '1h' });
      for (let id = 1; id <= 20; id++) await appendFact(node, id, 'MessageDelivered', delivered('shop', id));
      await node.settle();
      await Promise.all([node.startWorker(), other.start()]);
      await receiver.waitForCalls(20);
      await sleep(200);
      assert.equal(receiver.calls.length, 20, 'no webhook called twice');
      assert.deepEqual(new Set(receiver.calls.map((c) => c.headers['x-mox-webhook-id'])).size, 20);
      assert.ok(receiver.calls.every((c) => c.headers['x-mox-webhook-attempt'] === '1'));
    } finally {
      await other.stop();
      await node.stop();
      await receiver.close();
    }
  });

  it('stopping cuts calls that outlast the bound and records them as failed attempts', async () => {
    const receiver = await startReceiver('hang');
    const node = await startWebhookNode();
    try {
      await setupHookAccount(node, { account: 'shop', address: 'app@shop.example', outgoing: { URL: `${receiver.url}/hook` }, keepRetiredWebhookPeriod: '1h' });
      node.worker.settings.stopTimeoutMs = 100;
      await node.startWorker();
      await appendFact(node, 1, 'MessageDelivered', delivered('shop', 1));
      await receiver.waitForCalls(1);
      const hook = await hookOfMessage(node, 1);
      await node.worker.stop();
      const row = await hookUntil(node, hook.ID, (r) => !r.InFlight && r.Attempts === 1, 'recorded');
      assert.equal(row.Results[0].Error, 'webhook call aborted: the node is stopping');
      assert.equal(row.Retired, false);
    } finally {
      await node.stop();
      await receiver.close();
    }
  });
});
