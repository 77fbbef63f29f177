// The webhook methods over real HTTP: the admin's HookList / HookRetiredList with filters and keyset
// pages, HookNextAttemptSet / Add, HookCancel, DueNow and WebhookReplay's refusals; the account's own
// HookList / HookRetiredList, OutgoingWebhookTest and IncomingWebhookTest (reference 10.33, 10.36,
// 10.44); and a message's webhooks in its history.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Webhook } from 'standardwebhooks';
import { compileValidators, formatValidationErrors } from '../../src/api/spec';
import { hashPassword } from '../../src/auth/passwords';
import { messageHistory } from '../../src/queue/message-history';
import { eventually } from '../support/delivery-node';
import { queueMessage } from '../support/queued-message';
import { startReceiver, type Receiver } from './support/receiver';
import { appendFact, delivered, hookOfMessage, setupHookAccount, startWebhookNode, type WebhookNode } from './support/webhook-node';

const ADMIN = 'admin-password-for-tests';
const PASSWORD = 'a-password-for-tests'; // setupSender's
const SECRET = `whsec_${Buffer.alloc(24, 3).toString('base64')}`;
const responses = compileValidators().responses;

describe('webhook methods over HTTP', () => {
  let node: WebhookNode;
  let receiver: Receiver;

  before(async () => {
    receiver = await startReceiver({ status: 500, body: 'down\n' });
    node = await startWebhookNode({ listen: true, bootstrap: { adminPasswordHash: await hashPassword(ADMIN, { N: 1024, r: 8, p: 1 }) } });
    await setupHookAccount(node, { account: 'shop', address: 'app@shop.example', outgoing: { URL: `${receiver.url}/shop` }, secret: SECRET, keepRetiredWebhookPeriod: '1h' });
    await setupHookAccount(node, { account: 'other', address: 'app@other.example', outgoing: { URL: `${receiver.url}/other` }, keepRetiredWebhookPeriod: '1h' });
    // The worker stays stopped: the webhooks wait in the queue for the listings.
    // Message ids far above the queue's own, which start at 1.
    for (let id = 1001; id <= 1004; id++) {
      await appendFact(node, id, 'MessageDelivered', delivered(id <= 1003 ? 'shop' : 'other', id));
      await hookOfMessage(node, id);
      node.clock.advance(1_000);
    }
  });
  after(async () => {
    await node.stop();
    await receiver.close();
  });

  async function call(api: 'webapi' | 'adminapi', method: string, body: unknown, login = api === 'adminapi' ? `admin:${ADMIN}` : `app@shop.example:${PASSWORD}`) {
    const res = await fetch(`${node.url}/${api}/v0/${method}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Basic ${Buffer.from(login).toString('base64')}` },
      body: JSON.stringify(body),
    });
    const json = (await res.json()) as Record<string, any>;
    if (res.status === 200) {
      const validate = responses[api][method];
      assert.ok(validate(json), `${method} response: ${formatValidationErrors(validate.errors, json, 'response')}`);
    }
    return { status: res.status, json };
  }

  it('HookList lists pending webhooks with mox\'s filters and keyset pages', async () => {
    const all = await call('adminapi', 'HookList', { Filter: {}, Sort: { Asc: true } });
    assert.equal(all.status, 200);
    assert.deepEqual(all.json.Hooks.map((h: { QueueMsgID: number }) => h.QueueMsgID), [1001, 1002, 1003, 1004]);
    const first = all.json.Hooks[0];
    assert.equal(first.Account, 'shop');
    assert.equal(first.OutgoingEvent, 'delivered');
    assert.equal(JSON.parse(first.Payload).Event, 'delivered');

    const shop = await call('adminapi', 'HookList', { Filter: { Account: 'shop', Event: 'delivered', Submitted: '<now' }, Sort: { Field: 'Submitted' } });
    assert.deepEqual(shop.json.Hooks.map((h: { QueueMsgID: number }) => h.QueueMsgID), [1003, 1002, 1001]);
    assert.deepEqual((await call('adminapi', 'HookList', { Filter: { Event: 'incoming' } })).json.Hooks, []);
    assert.deepEqual((await call('adminapi', 'HookList', { Filter: { NextAttempt: '>1m' } })).json.Hooks, []);

    const paged: number[] = [];
    let sort: Record<string, unknown> = { Field: 'Submitted', Asc: true };
    for (;;) {
      const page = await call('adminapi', 'HookList', { Filter: { Max: 1 }, Sort: sort });
      if (page.json.Hooks.length === 0) break;
      const h = page.json.Hooks[0];
      paged.push(h.QueueMsgID);
      sort = { ...sort, LastID: h.ID, Last: h.Submitted };
    }
    assert.deepEqual(paged, [1001, 1002, 1003, 1004]);

    const bad = await call('adminapi', 'HookList', { Filter: { Submitted: 'yesterday' } });
    assert.equal(bad.status, 400);
    assert.equal(bad.json.Code, 'protocol', 'the schema refuses a time filter without < or >');
    const badSort = await call('adminapi', 'HookList', { Sort: { LastID: 3 } });
    assert.deepEqual([badSort.status, badSort.json.Code], [400, 'user']);
  });

  it('an account lists only its own webhooks, whatever Filter.Account says', async () => {
    const own = await call('webapi', 'HookList', { Filter: { Account: 'other' } });
    assert.equal(own.status, 200);
    assert.deepEqual(own.json.Hooks.map((h: { Account: string }) => h.Account), ['shop', 'shop', 'shop']);
    const other = await call('webapi', 'HookList', {}, `app@other.example:${PASSWORD}`);
    assert.deepEqual(other.json.Hooks.map((h: { QueueMsgID: number }) => h.QueueMsgID), [1004]);
  });

  it('HookNextAttemptSet and HookNextAttemptAdd count the webhooks they moved (10.33)', async () => {
    const set = await call('adminapi', 'HookNextAttemptSet', { Filter: { Account: 'shop' }, Minutes: 10 });
    assert.deepEqual(set.json, { Count: 3 });
    const hooks = (await call('adminapi', 'HookList', { Filter: { Account: 'shop' } })).json.Hooks;
    for (const h of hooks) assert.equal(h.NextAttempt, new Date(node.clock.now().getTime() + 600_000).toISOString());
    const add = await call('adminapi', 'HookNextAttemptAdd', { Filter: { IDs: [hooks[0].ID] }, Minutes: -15 });
    assert.deepEqual(add.json, { Count: 1 });
    const moved = (await call('adminapi', 'HookList', { Filter: { IDs: [hooks[0].ID] } })).json.Hooks[0];
    assert.equal(moved.NextAttempt, new Date(node.clock.now().getTime() - 300_000).toISOString());
  });

  it('DueNow makes every pending webhook due now', async () => {
    const due = await call('adminapi', 'DueNow', {});
    assert.equal(due.status, 200);
    assert.equal(due.json.Hooks, 2, 'the two shop webhooks due later; the others are due already');
    assert.equal(typeof due.json.Messages, 'number');
    const later = await call('adminapi', 'HookList', { Filter: { NextAttempt: '>now' } });
    assert.deepEqual(later.json.Hooks, []);
  });

  it('HookCancel retires the matching webhooks as canceled; HookRetiredList shows them (10.36)', async () => {
    const canceled = await call('adminapi', 'HookCancel', { Filter: { Account: 'other' } });
    assert.deepEqual(canceled.json, { Count: 1 });
    const retired = await call('adminapi', 'HookRetiredList', { Filter: { Account: 'other' }, Sort: {} });
    assert.equal(retired.json.Hooks.length, 1);
    const h = retired.json.Hooks[0];
    assert.equal(h.Success, false);
    assert.equal(h.Authorization, false);
    assert.equal(h.Results.at(-1).Error, 'canceled by admin');
    const own = await call('webapi', 'HookRetiredList', {}, `app@other.example:${PASSWORD}`);
    assert.equal(own.json.Hooks.length, 1);
    assert.deepEqual((await call('webapi', 'HookRetiredList', {})).json.Hooks, [], 'shop has none retired');
    assert.deepEqual((await call('adminapi', 'HookCancel', { Filter: {} })).json, { Count: 3 });
    assert.deepEqual((await call('adminapi', 'HookList', { Filter: {} })).json.Hooks, []);
  });

  it('OutgoingWebhookTest and IncomingWebhookTest post once and report the answer (10.44)', async () => {
    const test = await startReceiver({ status: 200, body: 'ok\n' });
    try {
      const outgoing = { Version: 0, Event: 'delivered', DSN: false, Suppressing: false, QueueMsgID: 17, FromID: '', MessageID: '<a@b>', Subject: 's', WebhookQueued: '2025-03-14T09:26:54.016Z', SMTPCode: 250, SMTPEnhancedCode: '2.0.0', Error: '', Extra: { b: '2', a: '1' } };
      const res = await call('webapi', 'OutgoingWebhookTest', { URL: `${test.url}/t`, Authorization: 'Bearer t', Payload: outgoing });
      assert.deepEqual(res.json, { Code: 200, Response: 'ok\n', Error: '' });
      const [got] = await test.waitForCalls(1);
      assert.equal(got.headers['x-mox-webhook-id'], '1');
      assert.equal(got.headers['x-mox-webhook-attempt'], '1');
      assert.equal(got.headers.authorization, 'Bearer t');
      assert.ok(got.body.startsWith('{\n\t"Version": 0,\n\t"Event": "delivered",'), got.body);
      assert.ok(got.body.includes('"Extra": {\n\t\t"a": "1",\n\t\t"b": "2"\n\t}'), 'Extra keys sorted');
      new Webhook(SECRET).verify(got.body, got.headers as Record<string, string>);

      const incoming = {
        Version: 0, From: [{ Name: '', Address: 'a@b.example' }], To: [], CC: [], BCC: [], ReplyTo: [], Subject: 'hi', MessageID: '', InReplyTo: '', References: [], Date: null, Text: 'x\n', HTML: '',
        Structure: { ContentType: 'text/plain', ContentTypeParams: {}, ContentID: '', ContentDisposition: '', Filename: '', DecodedSize: 2, Parts: [] },
        Meta: { MsgID: 1, MailFrom: '', MailFromValidated: false, MsgFromValidated: false, RcptTo: 'app@shop.example', DKIMVerifiedDomains: [], RemoteIP: '192.0.2.1', Received: '2025-03-14T09:26:54.016Z', MailboxName: 'Inbox', Automated: true },
      };
      test.answer({ status: 503, body: 'maintenance\n' });
      const unavailable = await call('webapi', 'IncomingWebhookTest', { URL: `${test.url}/in`, Payload: incoming });
      assert.deepEqual(unavailable.json, { Code: 503, Response: 'maintenance\n', Error: '' }, 'any status is a successful test call');
      assert.equal(JSON.parse(test.calls[1].body).Meta.Automated, true);

      const gone = await startReceiver();
      await gone.close();
      const unreachable = await call('webapi', 'IncomingWebhookTest', { URL: `http://127.0.0.1:${gone.port}/in`, Payload: incoming });
      assert.equal(unreachable.json.Code, 0);
      assert.match(unreachable.json.Error, /ECONNREFUSED/);

      for (const URL of ['invalid', 'ftp://example.org/x']) {
        const bad = await call('webapi', 'OutgoingWebhookTest', { URL, Payload: outgoing });
        assert.deepEqual([bad.status, bad.json.Code], [400, 'user'], URL);
      }
    } finally {
      await test.close().catch(() => undefined);
    }
  });

  it('WebhookReplay refuses an unknown account and a range that ends before it starts', async () => {
    const unknown = await call('adminapi', 'WebhookReplay', { Account: 'nobody', Since: '2025-01-01T00:00:00Z' });
    assert.deepEqual([unknown.status, unknown.json.Code], [400, 'notFound']);
    const backwards = await call('adminapi', 'WebhookReplay', { Account: 'shop', Since: '2025-01-02T00:00:00Z', Until: '2025-01-01T00:00:00Z' });
    assert.deepEqual([backwards.status, backwards.json.Code], [400, 'user']);
    assert.match(backwards.json.Message, /Until .* is before Since/);
  });

  it('a message\'s webhooks are part of its history', async () => {
    const { ids } = await queueMessage(node, { account: 'shop', from: 'app@shop.example', to: ['rcpt@dest.example'], hold: true });
    await appendFact(node, ids[0], 'MessageDelivered', delivered('shop', ids[0]));
    await hookOfMessage(node, ids[0]);
    const history = await eventually(async () => {
      const h = await messageHistory(node.runtime.store, node.runtime.readDb, ids[0]);
      return h?.entries.some((e) => e.type === 'WebhookQueued') ? h : null;
    }, 'history with the webhook');
    const types = history.entries.map((e) => e.type);
    assert.deepEqual(types.slice(0, 3), ['MessageQueued', 'MessageDelivered', 'WebhookQueued']);
    assert.ok(history.entries.find((e) => e.type === 'WebhookQueued')!.streamId.startsWith('webhook-'));
  });
});
