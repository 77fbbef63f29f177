// The accounts' own views over HTTP: webapi QueueList and RetiredList list only the caller's messages
// (Filter.Account cannot widen that), and DeliveryHistory shows a message's whole recorded life to its
// own account and to the admin: another account's message answers `messageNotFound`, exactly like an id
// never used. The history outlives the retired record and keeps webhook credentials out.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { RetiredMessageCleaner } from '../../src/queue-admin/retired-message-cleaner';
import type { TestNode } from '../support/test-node';
import { addSender, admin, adminJson, quiet, row, sendTo, startSendNode, webapiJson, type Sender } from './queue-admin-fixtures';

const T = new Date('2025-06-02T08:00:00.000Z');

describe('account views', () => {
  let node: TestNode;
  let shop: Sender;
  let blog: Sender;
  let shopIds: number[];
  let blogIds: number[];

  before(async () => {
    node = await startSendNode({ listen: true, now: T });
    shop = await addSender(node, { account: 'shop', address: 'shop@shop.example', keepRetired: '24h', webhookURL: 'http://127.0.0.1:9/hooks' });
    blog = await addSender(node, { account: 'blog', address: 'blog@blog.example', keepRetired: '24h' });
    shopIds = await sendTo(node, shop, ['one@dest.example', 'two@dest.example']);
    blogIds = await sendTo(node, blog, ['three@dest.example', 'four@dest.example']);
    // One retired message of each account.
    await admin(node).fail({ IDs: [shopIds[1], blogIds[1]] });
    await quiet(node);
  });
  after(() => node.stop());

  const ids = (json: { Messages: { ID: number }[] }) => json.Messages.map((m) => m.ID).sort((a, b) => a - b);

  it('QueueList shows only the caller\'s queued messages, whatever Filter.Account says', async () => {
    for (const [sender, mine, theirs] of [
      [shop, shopIds, blogIds],
      [blog, blogIds, shopIds],
    ] as const) {
      const plain = await webapiJson(node, sender.address, 'QueueList', {});
      assert.equal(plain.status, 200, JSON.stringify(plain.json));
      assert.deepEqual(ids(plain.json), [mine[0]]);
      const other = sender === shop ? 'blog' : 'shop';
      const widened = await webapiJson(node, sender.address, 'QueueList', { Filter: { Account: other } });
      assert.deepEqual(ids(widened.json), [mine[0]], 'Filter.Account is the caller\'s');
      const byId = await webapiJson(node, sender.address, 'QueueList', { Filter: { IDs: [...theirs] } });
      assert.deepEqual(ids(byId.json), [], 'another account\'s ids select nothing');
    }
    const all = await adminJson(node, 'QueueList', {});
    assert.deepEqual(ids(all.json), [shopIds[0], blogIds[0]].sort((a, b) => a - b), 'the admin sees every account');
  });

  it('RetiredList shows only the caller\'s retired messages', async () => {
    const shopRetired = await webapiJson(node, shop.address, 'RetiredList', { Filter: { Account: 'blog' }, Sort: { Asc: true } });
    assert.equal(shopRetired.status, 200, JSON.stringify(shopRetired.json));
    assert.deepEqual(ids(shopRetired.json), [shopIds[1]]);
    const blogRetired = await webapiJson(node, blog.address, 'RetiredList', { Filter: { IDs: [shopIds[1]] } });
    assert.deepEqual(ids(blogRetired.json), []);
    const all = await adminJson(node, 'RetiredList', { Filter: { Success: false } });
    assert.deepEqual(ids(all.json), [shopIds[1], blogIds[1]].sort((a, b) => a - b));
  });

  it('the webapi keeps the admin\'s filter and sort checks', async () => {
    const { status, json } = await webapiJson(node, shop.address, 'QueueList', { Filter: { Submitted: 'yesterday' } });
    assert.equal(status, 400);
    assert.equal(json.Code, 'protocol');
  });

  it('DeliveryHistory: the account\'s own message, from queued to retired and its webhook', async () => {
    const { status, json } = await webapiJson(node, shop.address, 'DeliveryHistory', { QueueMsgID: shopIds[1] });
    assert.equal(status, 200, JSON.stringify(json));
    const types = (json.Events as { Type: string }[]).map((e) => e.Type);
    assert.deepEqual(types.slice(0, 3), ['MessageQueued', 'MessageFailed', 'MessageRetired']);
    assert.ok(types.includes('WebhookQueued'), `a webhook in ${types.join(', ')}`);
    const queued = json.Events[0];
    assert.equal(queued.Time, T.toISOString());
    assert.deepEqual(queued.Data.Recipients.map((r: { QueueMsgID: number }) => r.QueueMsgID), [shopIds[1]], 'narrowed to this recipient');
    const hook = json.Events.find((e: { Type: string }) => e.Type === 'WebhookQueued');
    assert.equal(hook.Data.Authorization, '(secret)', 'the webhook credential stays out');
    assert.equal(JSON.stringify(json).includes('hook-secret'), false);
  });

  it('DeliveryHistory: another account\'s message is messageNotFound, exactly like an unknown id', async () => {
    const foreign = await webapiJson(node, shop.address, 'DeliveryHistory', { QueueMsgID: blogIds[0] });
    const unknown = await webapiJson(node, shop.address, 'DeliveryHistory', { QueueMsgID: 999_999 });
    assert.equal(foreign.status, 400);
    assert.equal(foreign.json.Code, 'messageNotFound');
    assert.equal(unknown.json.Code, 'messageNotFound');
    assert.equal(foreign.json.Message.replace(String(blogIds[0]), 'N'), unknown.json.Message.replace('999999', 'N'), 'the same answer');
    const own = await webapiJson(node, blog.address, 'DeliveryHistory', { QueueMsgID: blogIds[0] });
    assert.equal(own.status, 200);
    const byAdmin = await adminJson(node, 'DeliveryHistory', { QueueMsgID: blogIds[0] });
    assert.equal(byAdmin.status, 200);
    assert.deepEqual(byAdmin.json, own.json);
    assert.equal((await adminJson(node, 'DeliveryHistory', { QueueMsgID: 999_999 })).json.Code, 'messageNotFound');
    assert.equal((await adminJson(node, 'DeliveryHistory', { QueueMsgID: 0 })).json.Code, 'protocol');
  });

  it('DeliveryHistory outlives the retired record (reference 10.26: the record goes, the history stays)', async () => {
    node.clock.set(new Date(T.getTime() + 25 * 3_600_000));
    const expired = await node.get(RetiredMessageCleaner).runOnce();
    assert.equal(expired, 2);
    assert.equal(row(node, shopIds[1]), null, 'the retired record is gone');
    assert.deepEqual((await webapiJson(node, shop.address, 'RetiredList', {})).json.Messages, []);
    const { status, json } = await webapiJson(node, shop.address, 'DeliveryHistory', { QueueMsgID: shopIds[1] });
    assert.equal(status, 200);
    const types = (json.Events as { Type: string }[]).map((e) => e.Type);
    assert.deepEqual(types.filter((t) => t.startsWith('Message') || t.startsWith('Retired')), ['MessageQueued', 'MessageFailed', 'MessageRetired', 'RetiredMessageExpired']);
    assert.equal((await webapiJson(node, blog.address, 'DeliveryHistory', { QueueMsgID: shopIds[1] })).json.Code, 'messageNotFound');
  });
});
