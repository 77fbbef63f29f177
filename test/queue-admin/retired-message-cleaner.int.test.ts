// Retention of retired messages (reference 3.6, 10.26): a record stays until its KeepUntil (the sender
// account's KeepRetiredMessagePeriod from retirement), then the cleaner expires it, a few seconds after
// start and then at every interval; an account keeping nothing has no record at all; an account removed
// before its message retired keeps the record 7 days (mox), fixed at retirement.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AccountRemoveMethod } from '../../src/config/api/account-methods';
import { RetiredMessageCleaner } from '../../src/queue-admin/retired-message-cleaner';
import { eventually } from '../support/delivery-node';
import type { TestNode } from '../support/test-node';
import { addSender, admin, adminCaller, row, sendTo, startSendNode, streamTypes, type Sender } from './queue-admin-fixtures';

const T = new Date('2025-06-02T08:00:00.000Z');
const HOUR = 3_600_000;
const at = (ms: number) => new Date(T.getTime() + ms);

describe('retired message retention', () => {
  let node: TestNode;
  let keep: Sender;
  let none: Sender;
  let cleaner: RetiredMessageCleaner;

  before(async () => {
    node = await startSendNode({ now: T });
    keep = await addSender(node, { account: 'keep', address: 'keep@keep.example', keepRetired: '1h' });
    none = await addSender(node, { account: 'none', address: 'none@none.example' });
    cleaner = node.get(RetiredMessageCleaner);
  });
  after(async () => {
    await cleaner.stop();
    await node.stop();
  });

  it('an account keeping nothing has no retired record; its history stays', async () => {
    const [id] = await sendTo(node, none, ['x@dest.example']);
    await admin(node).drop({ IDs: [id] });
    assert.equal(row(node, id), null);
    assert.deepEqual(await streamTypes(node, id), ['MessageCanceled', 'MessageRetired']);
  });

  it('records stay until KeepUntil, then runOnce expires exactly those due', async () => {
    const [first, second] = await sendTo(node, keep, ['a@dest.example', 'b@dest.example']);
    await admin(node).fail({ IDs: [first] });
    node.clock.set(at(30 * 60_000));
    await admin(node).drop({ IDs: [second] });
    assert.equal(row(node, first)!.KeepUntil, at(HOUR).toISOString());
    assert.equal(row(node, second)!.KeepUntil, at(HOUR + 30 * 60_000).toISOString());
    node.clock.set(at(HOUR - 1));
    assert.equal(await cleaner.runOnce(), 0, 'not yet');
    node.clock.set(at(HOUR));
    assert.equal(await cleaner.runOnce(), 1);
    assert.equal(row(node, first), null);
    assert.ok(row(node, second)?.Retired);
    assert.equal((await streamTypes(node, first)).at(-1), 'RetiredMessageExpired');
    assert.equal(await cleaner.runOnce(), 0, 'nothing twice');
    node.clock.set(at(2 * HOUR));
    assert.equal(await cleaner.runOnce(), 1);
    assert.equal(row(node, second), null);
  });

  it('works through records in batches', async () => {
    node.clock.set(at(3 * HOUR));
    const ids = await sendTo(node, keep, ['c1@dest.example', 'c2@dest.example', 'c3@dest.example', 'c4@dest.example', 'c5@dest.example']);
    assert.equal(await admin(node).drop({ IDs: ids }), 5);
    node.clock.set(at(5 * HOUR));
    const batch = cleaner.settings.batch;
    cleaner.settings.batch = 2;
    try {
      assert.equal(await cleaner.runOnce(), 5);
    } finally {
      cleaner.settings.batch = batch;
    }
    assert.deepEqual(ids.map((id) => row(node, id)), [null, null, null, null, null]);
  });

  let orphan = 0;
  it('a message of an account removed before it retired keeps its record 7 days', async () => {
    node.clock.set(at(6 * HOUR));
    const [id] = await sendTo(node, keep, ['orphan@dest.example']);
    orphan = id;
    await node.get(AccountRemoveMethod).handle({ Account: 'keep' }, adminCaller());
    await node.settle();
    assert.equal(await admin(node).drop({ IDs: [id] }), 1);
    assert.equal(row(node, id)!.KeepUntil, at(6 * HOUR + 7 * 24 * HOUR).toISOString());
  });

  it('runs by itself a few seconds after start and then at every interval', async () => {
    cleaner.settings.firstRunMs = 20;
    cleaner.settings.intervalMs = 50;
    assert.ok(row(node, orphan)?.Retired);
    await cleaner.start();
    node.clock.set(at(6 * HOUR + 7 * 24 * HOUR));
    await eventually(() => row(node, orphan) === null, 'the first run');
    const late = await addSender(node, { account: 'late', address: 'late@late.example', keepRetired: '1h' });
    const [id] = await sendTo(node, late, ['d@dest.example']);
    await admin(node).drop({ IDs: [id] });
    assert.ok(row(node, id)?.Retired);
    node.clock.advance(HOUR);
    await eventually(() => row(node, id) === null, 'a later run');
    await cleaner.stop();
  });
});
