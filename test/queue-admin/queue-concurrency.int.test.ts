// Admin changes racing other writers of a message's stream: a delivery claim between listing and change,
// a message retired or changed meanwhile, several admins at once. Each change is appended with the
// expected revision, so nothing is applied twice or on a state it was not decided on.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ConfigView } from '../../src/config/config-view';
import { newCommandContext } from '../../src/core/command-handling';
import { appendAdminFinal } from '../../src/delivery/admin-final';
import { appendIfUnchanged, decideClaim } from '../../src/delivery/claim';
import { applyToMessages, type MessageStep } from '../../src/queue-admin/apply-changes';
import { holdSet, nextAttemptSet } from '../../src/queue-admin/message-changes';
import { decidedStep } from '../../src/queue-admin/queue-operations';
import { QueueListing, type QueueFilter } from '../../src/queue-admin/queue-listing';
import { AdminQueueListMethod } from '../../src/queue-admin/queue-list.methods';
import type { TestNode } from '../support/test-node';
import { addSender, admin, queuedRow, row, sendTo, startSendNode, streamTypes, type Sender } from './queue-admin-fixtures';

const T = new Date('2025-06-02T08:00:00.000Z');
const FINALS = ['MessageDelivered', 'MessageFailed', 'MessageSuppressed', 'MessageCanceled'];

describe('changes racing other writers', () => {
  let node: TestNode;
  let shop: Sender;
  let listing: QueueListing;

  before(async () => {
    node = await startSendNode({ now: T });
    shop = await addSender(node, { account: 'shop', address: 'shop@shop.example', keepRetired: '24h' });
    listing = new QueueListing(node.runtime.readDb);
  });
  after(() => node.stop());

  const failStep = (): MessageStep => (r) => appendAdminFinal(node.runtime, node.get(ConfigView), r, 'fail', { expectedRevision: r.Revision });
  const apply = (filter: QueueFilter, rows: ReturnType<QueueListing['toChange']>, step: MessageStep) =>
    applyToMessages(node.runtime, rows, step, (id, now) => listing.matching(filter, id, now));

  it('a delivery claim between listing and change: the change is decided again and applied once', async () => {
    const [id] = await sendTo(node, shop, ['claimed@race.example']);
    const filter = { IDs: [id] };
    const stale = listing.toChange(filter, T);
    // Another node claims the attempt after the admin's listing.
    const claimed = await appendIfUnchanged(node.runtime.store, stale[0], decideClaim(stale[0], T, 'other-node', 0), newCommandContext(T), stale[0].Revision);
    assert.ok(claimed);
    await node.settle();
    const [listed] = (await node.get(AdminQueueListMethod).handle({ Filter: { IDs: [id] } })).Messages;
    assert.deepEqual(listed.Results.map((r) => r.Error), ['delivering...'], 'the attempt in progress shows as mox shows it');
    assert.equal(listed.Attempts, 1);
    const held = await apply(filter, stale, decidedStep(node.runtime, holdSet(true)));
    assert.equal(held.count, 1);
    assert.deepEqual(await streamTypes(node, id), ['DeliveryAttemptStarted', 'MessageHeld']);
    await node.settle();
    // The attempt in flight sets NextAttempt when it ends: moving it now is left out.
    const moved = await apply(filter, listing.toChange(filter, T), decidedStep(node.runtime, nextAttemptSet(0)));
    assert.equal(moved.count, 0);
    // Failing it from the even older listing still works, on the current revision.
    const failed = await apply(filter, stale, failStep());
    assert.equal(failed.count, 1);
    assert.deepEqual(await streamTypes(node, id), ['DeliveryAttemptStarted', 'MessageHeld', 'MessageFailed', 'MessageRetired']);
    await node.settle();
    const r = row(node, id)!;
    assert.equal(r.Retired, true);
    assert.deepEqual(r.Results.map((x) => x.Error), ['delivery canceled by admin'], 'the attempt in progress is replaced by the outcome');
  });

  it('a message retired meanwhile is skipped', async () => {
    const [id] = await sendTo(node, shop, ['retired@race.example']);
    const filter = { IDs: [id] };
    const stale = listing.toChange(filter, T);
    assert.equal(await admin(node).drop(filter), 1);
    const result = await apply(filter, stale, failStep());
    assert.equal(result.count, 0);
    assert.deepEqual(await streamTypes(node, id), ['MessageCanceled', 'MessageRetired']);
  });

  it('a message that no longer matches the filter after a conflict is left alone', async () => {
    const [id] = await sendTo(node, shop, ['unheld@race.example']);
    const filter = { IDs: [id], Hold: false };
    const stale = listing.toChange(filter, T);
    assert.equal(await admin(node).holdSet({ IDs: [id] }, true), 1);
    const result = await apply(filter, stale, failStep());
    assert.equal(result.count, 0);
    assert.equal(queuedRow(node, id).Hold, true);
    assert.deepEqual(await streamTypes(node, id), ['MessageHeld']);
    await admin(node).drop({ IDs: [id] });
  });

  it('several admins at once: each message changes once, and the counts add up', async () => {
    const ids = await sendTo(node, shop, ['1@many.example', '2@many.example', '3@many.example', '4@many.example', '5@many.example', '6@many.example']);
    const filter = { IDs: ids };
    const holds = await Promise.all([admin(node).holdSet(filter, true), admin(node).holdSet(filter, true), admin(node).holdSet(filter, true)]);
    assert.equal(holds.reduce((a, b) => a + b, 0), ids.length, `counts ${holds.join(', ')}`);
    for (const id of ids) assert.deepEqual(await streamTypes(node, id), ['MessageHeld']);
    const finals = await Promise.all([admin(node).fail(filter), admin(node).drop(filter), admin(node).fail(filter), admin(node).drop(filter)]);
    assert.equal(finals.reduce((a, b) => a + b, 0), ids.length, `counts ${finals.join(', ')}`);
    for (const id of ids) {
      const types = await streamTypes(node, id);
      assert.equal(types.filter((t) => FINALS.includes(t)).length, 1, types.join(', '));
      assert.equal(types.filter((t) => t === 'MessageRetired').length, 1);
      assert.equal(types.at(-1), 'MessageRetired');
    }
  });
});
