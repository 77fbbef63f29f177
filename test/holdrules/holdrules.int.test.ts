// Hold rules through the adminapi methods and the queue: rules hold new messages and messages already
// queued alike, with AND over their non-empty fields; removing a rule releases nothing (reference 3.5,
// 10.38; DESIGN §5).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { HoldRuleAddMethod } from '../../src/holdrules/holdrule-add.method';
import { HOLDRULES_STREAM } from '../../src/holdrules/holdrule-events';
import { HoldRuleListMethod } from '../../src/holdrules/holdrule-list.method';
import { HoldRuleRemoveMethod } from '../../src/holdrules/holdrule-remove.method';
import { messageStream, type MessageEvent } from '../../src/queue/message-events';
import type { TestNode } from '../support/test-node';
import { accountCaller, adminCaller, adminJson, queueRows, rejectsWith, send, setupAccount, startSendNode } from '../sending/send-fixtures';

let node: TestNode;
before(async () => {
  node = await startSendNode({ listen: true, now: new Date('2025-03-01T12:00:00Z') });
  await setupAccount(node, { domain: 'mox.example', account: 'mjl', address: 'mjl@mox.example' });
  await setupAccount(node, { domain: 'other.example', account: 'other', address: 'other@other.example' });
});
after(() => node.stop());

const addRule = (Account = '', SenderDomain = '', RecipientDomain = '') => node.get(HoldRuleAddMethod).handle({ Account, SenderDomain, RecipientDomain }, adminCaller());
const removeRule = (ID: number) => node.get(HoldRuleRemoveMethod).handle({ ID }, adminCaller());
const listRules = async () => (await node.get(HoldRuleListMethod).handle()).Rules;

async function sendOne(account: 'mjl' | 'other', to: string): Promise<number> {
  const from = account === 'mjl' ? 'mjl@mox.example' : 'other@other.example';
  const r = await send(node, accountCaller(account, from), { To: [{ Address: to }], Text: 'hi' });
  return r.Submissions[0].QueueMsgID;
}

const row = (id: number) => queueRows(node).find((r) => r.ID === id)!;
const held = (id: number) => row(id).Hold;
const streamTypes = async (id: number) => (await node.runtime.store.readStream(messageStream(id))).map((e) => `${e.type}${e.type === 'MessageHeld' ? `:${(e.data as { RuleID: number }).RuleID}` : ''}`);

async function removeAllRules(): Promise<void> {
  for (const r of await listRules()) await removeRule(r.ID);
}

/** Retires a message the way a final outcome does (cancel, kept 72 h). */
async function retire(id: number): Promise<void> {
  const r = row(id);
  const now = node.clock.now().toISOString();
  const result = { Start: now, Duration: 0, Success: false, Code: 0, Secode: '', Error: 'canceled by test' };
  const summary = {
    QueueMsgID: id, SenderAccount: 'mjl', FromID: r.FromID, MessageID: '', Subject: '', Extra: r.Extra, RecipientAddress: r.RecipientAddress,
    SenderAddress: r.SenderAddress, Content: { Sha256: r.ContentSha256, Size: 1 }, MsgPrefix: r.MsgPrefix, Queued: now, Attempts: 0,
  };
  const events: MessageEvent[] = [
    { type: 'MessageCanceled', data: { Message: summary, Result: result } },
    { type: 'MessageRetired', data: { QueueMsgID: id, Outcome: 'canceled', Success: false, LastActivity: now, KeepUntil: new Date(Date.parse(now) + 72 * 3600_000).toISOString() } },
  ];
  const appended = await node.runtime.store.appendToStream(messageStream(id), events.map((e) => ({ ...e, metadata: { now } })), { expectedRevision: 'no_stream' });
  await node.runtime.projections.waitFor(appended.position);
}

test('reference 10.38: rules {Account: mjl} and {} are listed and hold a new message; removing them releases nothing', async () => {
  const one = await addRule('mjl');
  const all = await addRule();
  assert.deepEqual(
    (await listRules()).map((r) => [r.ID, r.Account, r.SenderDomain, r.RecipientDomain]),
    [[one.ID, 'mjl', '', ''], [all.ID, '', '', '']],
  );
  const id = await sendOne('mjl', 'a@example.org');
  assert.equal(held(id), true);
  await removeRule(one.ID);
  await removeRule(all.ID);
  assert.deepEqual(await listRules(), []);
  assert.equal(held(id), true, 'still held');
  assert.equal(held(await sendOne('mjl', 'a@example.org')), false, 'new messages are not held any more');
});

describe('new messages: AND over the rule\'s fields', () => {
  after(removeAllRules);
  test('account and recipient domain must both match', async () => {
    await addRule('mjl', '', 'held.example');
    assert.equal(held(await sendOne('mjl', 'a@held.example')), true);
    assert.equal(held(await sendOne('mjl', 'a@free.example')), false, 'mox (OR) would hold this one');
    assert.equal(held(await sendOne('other', 'a@held.example')), false, 'and this one');
  });
  test('sender domain', async () => {
    await addRule('', 'other.example', '');
    assert.equal(held(await sendOne('other', 'a@free.example')), true);
    assert.equal(held(await sendOne('mjl', 'a@free.example')), false);
  });
  test('a new message held at queue time carries Hold in MessageQueued, not a MessageHeld event', async () => {
    const id = await sendOne('mjl', 'b@held.example');
    assert.equal(held(id), true);
    assert.deepEqual(await streamTypes(id), []);
  });
});

describe('messages already queued', () => {
  after(removeAllRules);
  test('adding a rule holds the matching queued messages with MessageHeld {RuleID}, and only those', async () => {
    const match = await sendOne('mjl', 'x@later.example');
    const otherAccount = await sendOne('other', 'x@later.example');
    const otherDomain = await sendOne('mjl', 'x@elsewhere.example');
    const retired = await sendOne('mjl', 'y@later.example');
    await retire(retired);
    const { ID } = await addRule('mjl', 'mox.example', 'LATER.example');
    // Answered after the sweep: the holds are visible at once.
    assert.equal(held(match), true);
    assert.deepEqual(await streamTypes(match), [`MessageHeld:${ID}`]);
    assert.equal(held(otherAccount), false);
    assert.equal(held(otherDomain), false);
    assert.deepEqual(await streamTypes(otherAccount), []);
    assert.deepEqual(await streamTypes(retired), ['MessageCanceled', 'MessageRetired'], 'retired messages are left alone');
  });
  test('a message held already is not held again', async () => {
    const id = await sendOne('mjl', 'x@twice.example');
    await addRule('', '', 'twice.example');
    await addRule('mjl', '', 'twice.example');
    assert.equal((await streamTypes(id)).length, 1);
  });
  test('the reactor holds the matching messages when the rule comes from the log alone', async () => {
    const id = await sendOne('mjl', 'x@reactor.example');
    const [ruleId] = await node.runtime.ids.holdRule.take(1);
    const data = { ID: ruleId, Account: '', SenderDomain: '', RecipientDomain: 'reactor.example', SenderDomainStr: '', RecipientDomainStr: 'reactor.example' };
    await node.runtime.store.appendToStream(HOLDRULES_STREAM, [{ type: 'HoldRuleAdded', data, metadata: { now: node.clock.now().toISOString() } }]);
    const deadline = Date.now() + 10_000;
    while (!(await streamTypes(id)).includes(`MessageHeld:${ruleId}`)) {
      assert.ok(Date.now() < deadline, 'the reactor held the message within 10 s');
      await new Promise((r) => setTimeout(r, 20));
    }
    await node.settle();
    assert.equal(held(id), true);
  });
});

describe('adminapi', () => {
  after(removeAllRules);
  test('HoldRuleRemove of an unknown ID is notFound', async () => {
    await rejectsWith(removeRule(999_999), 'notFound', /999999/);
  });
  test('a domain that does not parse is a user error; Unicode domains are kept in both forms', async () => {
    await rejectsWith(addRule('', 'bad domain', ''), 'user', /SenderDomain/);
    const { ID } = await addRule('', '', 'bücher.example');
    const rule = (await listRules()).find((r) => r.ID === ID)!;
    assert.equal(rule.RecipientDomain, 'xn--bcher-kva.example');
    assert.equal(rule.RecipientDomainStr, 'bücher.example');
  });
  test('over HTTP', async () => {
    const added = await adminJson(node, 'HoldRuleAdd', { Account: 'nobody' });
    assert.equal(added.status, 200, JSON.stringify(added.json));
    const listed = await adminJson(node, 'HoldRuleList', {});
    assert.ok(listed.json.Rules.some((r: { ID: number }) => r.ID === added.json.ID));
    assert.equal((await adminJson(node, 'HoldRuleRemove', { ID: added.json.ID })).status, 200);
    const missing = await adminJson(node, 'HoldRuleRemove', { ID: added.json.ID });
    assert.equal(missing.status, 400);
    assert.equal(missing.json.Code, 'notFound');
  });
});
