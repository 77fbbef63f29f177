// A rule added while a submission is being queued: the submission read the rules before the rule was
// there, and the rule's sweep ran before the message was there. The submission looks at the rules again
// after its own append, so the message is held anyway. The interleaving is made exact by letting another
// writer append the rule just before the submission's MessageQueued append; the reactors are off, so
// only the submission's second look can hold the message.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { NewEvent, AppendOptions } from '../../src/event-store/event-store';
import { HOLDRULES_STREAM } from '../../src/holdrules/holdrule-events';
import { messageStream } from '../../src/queue/message-events';
import type { TestNode } from '../support/test-node';
import { accountCaller, queueRows, send, setupAccount, startSendNode } from '../sending/send-fixtures';

let node: TestNode;
before(async () => {
  node = await startSendNode({ reactors: false });
  await setupAccount(node, { domain: 'mox.example', account: 'mjl', address: 'mjl@mox.example' });
});
after(() => node.stop());

test('a rule appended between the rules read and the MessageQueued append still holds the message', async () => {
  const store = node.runtime.store;
  const append = store.appendToStream.bind(store);
  const [ruleId] = await node.runtime.ids.holdRule.take(1);
  let injected = false;
  store.appendToStream = async (streamId: string, events: NewEvent[], options?: AppendOptions) => {
    if (!injected && events.some((e) => e.type === 'MessageQueued')) {
      injected = true;
      const rule = { ID: ruleId, Account: 'mjl', SenderDomain: '', RecipientDomain: '', SenderDomainStr: '', RecipientDomainStr: '' };
      await append(HOLDRULES_STREAM, [{ type: 'HoldRuleAdded', data: rule, metadata: { now: new Date().toISOString() } }]);
    }
    return append(streamId, events, options);
  };
  try {
    const r = await send(node, accountCaller('mjl', 'mjl@mox.example'), { To: [{ Address: 'a@example.org' }], Text: 'hi' });
    const id = r.Submissions[0].QueueMsgID;
    assert.ok(injected);
    const events = await store.readStream(messageStream(id));
    assert.deepEqual(events.map((e) => [e.type, e.data.RuleID]), [['MessageHeld', ruleId]]);
    assert.equal(queueRows(node).find((row) => row.ID === id)!.Hold, true);
  } finally {
    store.appendToStream = append;
  }
});
