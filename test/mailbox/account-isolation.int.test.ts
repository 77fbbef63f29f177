// Every message method sees only the caller's own messages: another account's MsgID is messageNotFound,
// and nothing the caller does changes that account's message.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { WebapiResponse } from '../../src/api/api-types';
import { MailboxService } from '../../src/mailbox/mailbox-service';
import { MessageDeleteMethod } from '../../src/mailbox/message-delete';
import { MessageFlagsAddMethod, MessageFlagsRemoveMethod } from '../../src/mailbox/message-flags';
import { MessageGetMethod } from '../../src/mailbox/message-get';
import { MessageMoveMethod } from '../../src/mailbox/message-move';
import { MessagePartGetMethod } from '../../src/mailbox/message-part-get';
import { MessageRawGetMethod } from '../../src/mailbox/message-raw-get';
import { startTestNode, type TestNode } from '../support/test-node';
import { callAs, rejectsWith } from './api-calls';
import { composeMessage, receivedMeta } from './message-fixtures';

describe('message methods across accounts', () => {
  let node: TestNode;
  let othersId: number;
  const othersView = async () => (await callAs(node, 'other', MessageGetMethod, { MsgID: othersId })) as WebapiResponse<'MessageGet'>;

  before(async () => {
    node = await startTestNode();
    othersId = await node.get(MailboxService).append({
      account: 'other',
      mailbox: 'Inbox',
      raw: await composeMessage(),
      flags: ['\\flagged'],
      meta: receivedMeta,
      now: node.clock.now(),
    });
  });
  after(async () => {
    await node?.stop();
  });

  const calls: [string, (account: string) => Promise<unknown>][] = [
    ['MessageGet', (a) => callAs(node, a, MessageGetMethod, { MsgID: othersId })],
    ['MessageRawGet', (a) => callAs(node, a, MessageRawGetMethod, { MsgID: othersId })],
    ['MessagePartGet', (a) => callAs(node, a, MessagePartGetMethod, { MsgID: othersId, PartPath: [0] })],
    ['MessageFlagsAdd', (a) => callAs(node, a, MessageFlagsAddMethod, { MsgID: othersId, Flags: ['\\seen'] })],
    ['MessageFlagsRemove', (a) => callAs(node, a, MessageFlagsRemoveMethod, { MsgID: othersId, Flags: ['\\flagged'] })],
    ['MessageMove', (a) => callAs(node, a, MessageMoveMethod, { MsgID: othersId, DestMailboxName: 'Archive' })],
    ['MessageDelete', (a) => callAs(node, a, MessageDeleteMethod, { MsgID: othersId })],
  ];
  for (const [method, call] of calls) {
    it(`${method} of another account's message is messageNotFound`, async () => {
      await rejectsWith(call('mjl'), 'messageNotFound');
    });
  }

  it("leaves the other account's message as it was", async () => {
    const view = await othersView();
    assert.equal(view.Meta.MailboxName, 'Inbox');
    assert.deepEqual(view.Meta.Flags, ['\\flagged']);
    assert.equal((await node.runtime.store.readStream('mailbox-mjl')).length, 0, 'nothing was written for the caller either');
  });

  it('the owner can use every method on it', async () => {
    await callAs(node, 'other', MessageFlagsAddMethod, { MsgID: othersId, Flags: ['\\seen'] });
    await callAs(node, 'other', MessageMoveMethod, { MsgID: othersId, DestMailboxName: 'Archive' });
    const view = await othersView();
    assert.deepEqual([view.Meta.MailboxName, view.Meta.Flags], ['Archive', ['\\flagged', '\\seen']]);
    await callAs(node, 'other', MessageDeleteMethod, { MsgID: othersId });
    await rejectsWith(othersView(), 'messageNotFound');
  });
});
