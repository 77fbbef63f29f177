// Replaying webhooks from the event history (WebhookReplay and `postwire webhooks replay`): after the
// receiving application lost its webhooks, exactly the chosen facts are posted again, with their original
// payloads, new webhook ids and the account's current URL; facts outside the range or the chosen events,
// or that the current settings do not want, are not.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { buildProgram } from '../../src/cli/program';
import { OutgoingWebhookSaveMethod } from '../../src/config/api/account-settings-methods';
import { MailboxService } from '../../src/mailbox/mailbox-service';
import { HookAdmin } from '../../src/webhooks/hook-admin';
import { WebhookReplayer } from '../../src/webhooks/webhook-replay';
import type { Outgoing } from '../../src/webhooks/payloads';
import { accountCaller, eventually } from '../support/delivery-node';
import { sleep } from '../support/smtp-peer';
import { startReceiver, type Receiver } from './support/receiver';
import { appendFact, delivered, result, setupHookAccount, startWebhookNode, summary, type WebhookNode } from './support/webhook-node';

const T0 = new Date('2025-03-14T06:00:00.000Z');
const hour = (h: number) => new Date(T0.getTime() + h * 3_600_000);

/** Facts over four hours: delivered (0h), failed (1h), delayed then delivered for one message (2h, 2h+1m), incoming (3h). */
async function history(node: WebhookNode, account: string): Promise<void> {
  node.clock.set(hour(0));
  await appendFact(node, 1, 'MessageDelivered', delivered(account, 1, { order: '1' }));
  node.clock.set(hour(1));
  await appendFact(node, 2, 'MessageFailed', { Message: summary(account, 2), Result: result(550, '1.1', 'no such user'), Reason: 'permanent', Suppressing: true, SuppressionReason: 'x' });
  node.clock.set(hour(2));
  await appendFact(node, 3, 'DeliveryDelayed', { Message: summary(account, 3), Result: result(451, '7.1', 'greylisted'), NextAttempt: hour(3).toISOString(), DelayDSN: false });
  node.clock.set(new Date(hour(2).getTime() + 60_000));
  await appendFact(node, 3, 'MessageDelivered', delivered(account, 3));
  node.clock.set(hour(3));
  await node.get(MailboxService).append({
    account,
    mailbox: 'Inbox',
    raw: Buffer.from('From: <a@remote.example>\r\nSubject: hello\r\n\r\nhi\r\n'),
    flags: [],
    meta: { MailFrom: 'a@remote.example', MailFromValidated: false, RcptTo: 'app@shop.example', MsgFrom: 'a@remote.example', MsgFromValidated: false, DKIMVerifiedDomains: [], RemoteIP: '192.0.2.9', DSN: false },
    source: 'smtp',
    now: node.clock.now(),
  });
  node.clock.set(hour(5));
  await node.settle();
}

const keyOf = (body: string) => {
  const p = JSON.parse(body) as Partial<Outgoing> & { Meta?: unknown };
  return p.Meta ? 'incoming' : `${p.Event}:${p.QueueMsgID}`;
};

describe('webhook replay', () => {
  let node: WebhookNode;
  let receiver: Receiver;
  let originals: Map<string, string>;

  before(async () => {
    receiver = await startReceiver({ status: 200, body: 'ok\n' });
    node = await startWebhookNode({ now: T0 });
    await setupHookAccount(node, { account: 'shop', address: 'app@shop.example', outgoing: { URL: `${receiver.url}/old` }, incoming: { URL: `${receiver.url}/in` }, keepRetiredWebhookPeriod: '48h' });
    await node.startWorker();
    await history(node, 'shop');
    // The application receives them all (the delayed one may be superseded before its call), then loses them.
    await eventually(() => receiver.calls.some((c) => keyOf(c.body) === 'incoming') && receiver.calls.some((c) => keyOf(c.body) === 'delivered:3'), 'the first deliveries');
    originals = new Map(receiver.calls.map((c) => [keyOf(c.body), c.body]));
    receiver.calls.length = 0;
    // The application moved; the account points at the new URL.
    await node.get(OutgoingWebhookSaveMethod).handle({ URL: `${receiver.url}/new`, Authorization: '', Events: [] }, accountCaller('shop', 'app@shop.example'));
    await node.settle();
  });
  after(async () => {
    await node.stop();
    await receiver.close();
  });

  async function replayed(n: number): Promise<string[]> {
    const calls = await receiver.waitForCalls(n);
    await sleep(150); // and no more than n
    assert.equal(receiver.calls.length, n);
    const keys = calls.map((c) => keyOf(c.body)).sort();
    receiver.calls.length = 0;
    return keys;
  }

  it('re-delivers exactly the chosen event, with its original payload, to the current URL', async () => {
    const count = await node.get(WebhookReplayer).replay({ account: 'shop', since: hour(0).toISOString(), until: null, events: ['failed'] });
    assert.equal(count, 1);
    assert.deepEqual(await replayed(1), ['failed:2']);
    const hooks = node.hooks.list(true, { Account: 'shop', Event: 'failed' }, { Field: 'Submitted' }, node.clock.now());
    assert.equal(hooks.length, 2, 'the original and the replay');
    assert.ok(hooks[0].ID !== hooks[1].ID);
    assert.equal(hooks[0].URL, `${receiver.url}/new`);
    assert.equal(hooks[0].Payload, originals.get('failed:2'), 'the same payload, WebhookQueued included');
  });

  it('re-delivers every fact in a time range, also one a newer event had superseded', async () => {
    const count = await node.get(WebhookReplayer).replay({ account: 'shop', since: hour(1).toISOString(), until: hour(3).toISOString(), events: [] });
    assert.equal(count, 3);
    assert.deepEqual(await replayed(3), ['delayed:3', 'delivered:3', 'failed:2']);
  });

  it('re-delivers incoming webhooks; skips what the current settings do not want', async () => {
    assert.equal(await node.get(WebhookReplayer).replay({ account: 'shop', since: hour(0).toISOString(), until: null, events: ['incoming'] }), 1);
    const [call] = await receiver.waitForCalls(1);
    assert.equal(call.path, '/in');
    assert.equal(call.body, originals.get('incoming'));
    await replayed(1);
    await node.get(OutgoingWebhookSaveMethod).handle({ URL: `${receiver.url}/new`, Authorization: '', Events: ['failed'] }, accountCaller('shop', 'app@shop.example'));
    await node.settle();
    assert.equal(await node.get(WebhookReplayer).replay({ account: 'shop', since: hour(0).toISOString(), until: hour(3).toISOString(), events: ['delivered', 'delayed'] }), 0);
  });
});

describe('postwire webhooks replay', () => {
  let dir = '';
  let receiver: Receiver;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'postwire-replay-cli-'));
    receiver = await startReceiver({ status: 503, body: 'down for maintenance\n' });
  });
  after(async () => {
    await receiver.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function cli(args: string[]): Promise<string> {
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on('data', (c: Buffer) => chunks.push(c));
    await buildProgram(out).exitOverride().parseAsync(['node', 'postwire', ...args]);
    return Buffer.concat(chunks).toString('utf8');
  }

  it('queues the chosen events again; the server delivers them when it runs', async () => {
    // The application was down while the webhooks were tried; the admin canceled them.
    let node = await startWebhookNode({ dir, now: T0 });
    await setupHookAccount(node, { account: 'shop', address: 'app@shop.example', outgoing: { URL: `${receiver.url}/hook` } });
    await node.startWorker();
    await history(node, 'shop');
    await eventually(async () => {
      await node.settle();
      return [1, 2, 3].map((id) => node.hooks.streamsOfMessage(id).length).join() === '1,1,2' ? true : null;
    }, 'every fact\'s webhook queued');
    await node.get(HookAdmin).cancel({});
    await node.stop();

    const out = await cli(['webhooks', 'replay', '--dir', dir, '--account', 'shop', '--since', hour(0).toISOString(), '--until', hour(2).toISOString(), '--event', 'delivered,failed']);
    assert.equal(out, '2 webhooks queued\n');
    await assert.rejects(cli(['webhooks', 'replay', '--dir', dir, '--account', 'nobody', '--since', '1h']), /no account "nobody"/);
    await assert.rejects(cli(['webhooks', 'replay', '--dir', dir, '--account', 'shop', '--since', '1h', '--event', 'bogus']), /--event: unknown event "bogus"/);

    receiver.answer({ status: 200, body: 'ok\n' });
    const calls = receiver.calls.length;
    // The command ran on the system clock: the replayed webhooks are due from then.
    node = await startWebhookNode({ dir, now: new Date(Date.now() + 1_000) });
    try {
      await node.startWorker();
      await receiver.waitForCalls(calls + 2);
      await sleep(150);
      assert.deepEqual(receiver.calls.slice(calls).map((c) => keyOf(c.body)).sort(), ['delivered:1', 'failed:2']);
    } finally {
      await node.stop();
    }
  });
});
