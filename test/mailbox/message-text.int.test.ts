// MessageGet's Text, HTML and References on stored messages: the 1 MiB cut of each readable part, and the
// References rules (reference 1.12).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { WebapiResponse } from '../../src/api/api-types';
import { MailboxService } from '../../src/mailbox/mailbox-service';
import { MessageGetMethod } from '../../src/mailbox/message-get';
import { MessagePartGetMethod } from '../../src/mailbox/message-part-get';
import { startTestNode, type TestNode } from '../support/test-node';
import { bytesOf, callAs } from './api-calls';
import { composeMessage, receivedMeta } from './message-fixtures';

const MiB = 1024 * 1024;

describe('MessageGet text, HTML and References', () => {
  let node: TestNode;
  const store = async (raw: Buffer) =>
    node.get(MailboxService).append({ account: 'mjl', mailbox: 'Inbox', raw, flags: [], meta: receivedMeta, now: node.clock.now() });
  const get = async (msgId: number) => (await callAs(node, 'mjl', MessageGetMethod, { MsgID: msgId })) as WebapiResponse<'MessageGet'>;

  before(async () => {
    node = await startTestNode();
  });
  after(async () => {
    await node?.stop();
  });

  it('cuts Text and HTML at 1 MiB each; MessagePartGet gives the whole part', async () => {
    const text = 'x'.repeat(1.5 * MiB);
    const html = `<p>${'y'.repeat(1.25 * MiB)}</p>`;
    const id = await store(await composeMessage({ text, html, attachments: [] }));
    const { Message } = await get(id);
    assert.equal(Message.Text.length, MiB);
    assert.equal(Message.Text, text.slice(0, MiB));
    assert.equal(Message.HTML.length, MiB);
    assert.equal(Message.HTML, html.slice(0, MiB));
    const full = await bytesOf(await callAs(node, 'mjl', MessagePartGetMethod, { MsgID: id, PartPath: [1] }));
    assert.equal(full.bytes.toString(), html);
  });

  it('keeps text under 1 MiB whole', async () => {
    const text = 'line\n'.repeat(1000);
    const { Message } = await get(await store(await composeMessage({ text, html: undefined, attachments: [] })));
    assert.equal(Message.Text, text);
    assert.equal(Message.HTML, '');
  });

  const references: [string, { header: Record<string, unknown>; want: string[] }][] = [
    ['In-Reply-To alone', { header: { inReplyTo: '<a@x>', references: undefined }, want: ['<a@x>'] }],
    ['In-Reply-To already listed is not repeated', { header: { inReplyTo: '<b@x>', references: ['<a@x>', '<b@x>'] }, want: ['<a@x>', '<b@x>'] }],
    ['In-Reply-To not listed goes first', { header: { inReplyTo: '<c@x>', references: ['<a@x>', '<b@x>'] }, want: ['<c@x>', '<a@x>', '<b@x>'] }],
    ['neither', { header: { inReplyTo: undefined, references: undefined }, want: [] }],
  ];
  for (const [name, { header, want }] of references) {
    it(`References: ${name}`, async () => {
      const { Message } = await get(await store(await composeMessage(header)));
      assert.deepEqual(Message.References, want);
    });
  }

  it('References: every References field, split on spaces and tabs', async () => {
    const raw = Buffer.from(
      'From: a@x.example\r\nReferences: <1@x>\t<2@x>\r\nReferences: <3@x>\r\n  <4@x>\r\nSubject: refs\r\n\r\nbody\r\n',
    );
    const { Message } = await get(await store(raw));
    assert.deepEqual(Message.References, ['<1@x>', '<2@x>', '<3@x>', '<4@x>']);
    assert.equal(Message.Date, null, 'no Date field');
    assert.equal(Message.Text, 'body\n', 'a message without Content-Type is text');
  });
});
