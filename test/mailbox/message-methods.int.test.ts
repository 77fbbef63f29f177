// The webapi message methods on a real node (SQLite event store and read models), ported from mox's
// webapisrv tests (reference 10.13-10.19), on a message appended through the MailboxService as the Send
// method's SaveSent copy would be.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { WebapiResponse } from '../../src/api/api-types';
import { compileValidators } from '../../src/api/spec';
import { MailboxService } from '../../src/mailbox/mailbox-service';
import { MessageDeleteMethod } from '../../src/mailbox/message-delete';
import { MessageFlagsAddMethod, MessageFlagsRemoveMethod } from '../../src/mailbox/message-flags';
import { MessageGetMethod } from '../../src/mailbox/message-get';
import { MessageMoveMethod } from '../../src/mailbox/message-move';
import { MessagePartGetMethod } from '../../src/mailbox/message-part-get';
import { MessageRawGetMethod } from '../../src/mailbox/message-raw-get';
import { parseMessage, structureOf } from '../../src/mime';
import { startTestNode, type TestNode } from '../support/test-node';
import { bytesOf, callAs, rejectsWith } from './api-calls';
import { composeMessage, composeNestedMessage, expectedMessage, HTML, PDF, receivedMeta, sentMeta } from './message-fixtures';

type GetResult = WebapiResponse<'MessageGet'>;

describe('webapi message methods', () => {
  let node: TestNode;
  let raw: Buffer;
  let sentId: number;
  const validators = compileValidators();

  const append = async (message: Buffer, mailbox = 'Sent', flags = ['\\seen', '$notjunk'], meta = sentMeta) =>
    node.get(MailboxService).append({ account: 'mjl', mailbox, raw: message, flags, meta, now: node.clock.now() });
  const get = async (msgId: number) => (await callAs(node, 'mjl', MessageGetMethod, { MsgID: msgId })) as GetResult;

  before(async () => {
    node = await startTestNode({ now: new Date('2024-03-14T12:00:00Z') });
    raw = await composeMessage();
    sentId = await append(raw);
  });
  after(async () => {
    await node?.stop();
  });

  it('MessageGet gives the message as composed, its structure and meta (10.13)', async () => {
    const result = await get(sentId);
    assert.deepEqual(result.Message, expectedMessage);
    assert.equal(result.Structure.ContentType, 'multipart/mixed');
    assert.deepEqual(
      result.Structure.Parts.map((p) => p.ContentType),
      ['multipart/alternative', 'application/pdf'],
    );
    assert.deepEqual(result.Structure.Parts[1], {
      ContentType: 'application/pdf',
      ContentTypeParams: { name: 'test.pdf' },
      ContentID: '',
      ContentDisposition: 'attachment',
      Filename: 'test.pdf',
      DecodedSize: PDF.length,
      Parts: [],
    });
    assert.deepEqual(result.Meta, {
      Size: raw.length,
      DSN: false,
      Flags: ['$notjunk', '\\seen'],
      MailFrom: '',
      MailFromValidated: false,
      RcptTo: '',
      MsgFrom: '',
      MsgFromValidated: false,
      DKIMVerifiedDomains: [],
      RemoteIP: '',
      MailboxName: 'Sent',
    });
    assert.ok(validators.responses.webapi.MessageGet(result), JSON.stringify(validators.responses.webapi.MessageGet.errors));
  });

  it('MessageGet gives what is known about a received message', async () => {
    const id = await append(raw, 'Inbox', [], receivedMeta);
    const { Meta } = await get(id);
    assert.deepEqual(Meta, { ...receivedMeta, Size: raw.length, Flags: [], MailboxName: 'Inbox' });
  });

  it('every message method answers messageNotFound for an unknown id (10.14)', async () => {
    const unknown = 999_999;
    await rejectsWith(callAs(node, 'mjl', MessageGetMethod, { MsgID: unknown }), 'messageNotFound', 'message not found');
    await rejectsWith(callAs(node, 'mjl', MessageRawGetMethod, { MsgID: unknown }), 'messageNotFound');
    await rejectsWith(callAs(node, 'mjl', MessagePartGetMethod, { MsgID: unknown, PartPath: [] }), 'messageNotFound');
    await rejectsWith(callAs(node, 'mjl', MessageDeleteMethod, { MsgID: unknown }), 'messageNotFound', 'getting message: no such message');
    await rejectsWith(callAs(node, 'mjl', MessageFlagsAddMethod, { MsgID: unknown, Flags: ['\\seen'] }), 'messageNotFound');
    await rejectsWith(callAs(node, 'mjl', MessageFlagsRemoveMethod, { MsgID: unknown, Flags: ['\\seen'] }), 'messageNotFound');
    await rejectsWith(callAs(node, 'mjl', MessageMoveMethod, { MsgID: unknown, DestMailboxName: 'Inbox' }), 'messageNotFound');
  });

  it('MsgID 0 is messageNotFound for reads and a user error for changes', async () => {
    await rejectsWith(callAs(node, 'mjl', MessageGetMethod, {}), 'messageNotFound');
    await rejectsWith(callAs(node, 'mjl', MessageDeleteMethod, { MsgID: 0 }), 'user', 'getting message: invalid zero message id');
    await rejectsWith(callAs(node, 'mjl', MessageFlagsAddMethod, { MsgID: 0, Flags: [] }), 'user', 'getting message: invalid zero message id');
    await rejectsWith(callAs(node, 'mjl', MessageMoveMethod, { MsgID: 0, DestMailboxName: 'Inbox' }), 'user', 'getting message: invalid zero message id');
  });

  it('MessageRawGet gives the stored bytes as text/plain, which parse to the same Structure (10.15)', async () => {
    const result = await bytesOf(await callAs(node, 'mjl', MessageRawGetMethod, { MsgID: sentId }));
    assert.equal(result.contentType, 'text/plain');
    assert.ok(result.bytes.equals(raw));
    assert.deepEqual(structureOf(parseMessage(result.bytes)), (await get(sentId)).Structure);
  });

  it('MessagePartGet gives decoded parts; [] is the body; a bad index is partNotFound (10.16)', async () => {
    const html = await bytesOf(await callAs(node, 'mjl', MessagePartGetMethod, { MsgID: sentId, PartPath: [0, 1] }));
    assert.equal(html.bytes.toString(), `${HTML}\r\n`);
    const pdf = await bytesOf(await callAs(node, 'mjl', MessagePartGetMethod, { MsgID: sentId, PartPath: [1] }));
    assert.ok(pdf.bytes.equals(PDF), 'the base64 attachment comes back decoded');
    const body = await bytesOf(await callAs(node, 'mjl', MessagePartGetMethod, { MsgID: sentId, PartPath: [] }));
    const bodyStart = raw.indexOf('\r\n\r\n') + 4;
    assert.ok(body.bytes.equals(raw.subarray(bodyStart)), 'the whole multipart body without the header');
    await rejectsWith(callAs(node, 'mjl', MessagePartGetMethod, { MsgID: sentId, PartPath: [2] }), 'partNotFound', 'part 2 at index 0 not found');
    await rejectsWith(callAs(node, 'mjl', MessagePartGetMethod, { MsgID: sentId, PartPath: [0, -1] }), 'partNotFound', 'part -1 at index 1 not found');
    await rejectsWith(callAs(node, 'mjl', MessagePartGetMethod, { MsgID: sentId, PartPath: [1, 0] }), 'partNotFound', 'part 0 at index 1 not found');
  });

  it('MessagePartGet [0,0,1] is the HTML of mox-style nesting, with CRLF (10.16)', async () => {
    const id = await append(await composeNestedMessage());
    const html = await bytesOf(await callAs(node, 'mjl', MessagePartGetMethod, { MsgID: id, PartPath: [0, 0, 1] }));
    assert.equal(html.bytes.toString(), `${HTML}\r\n`);
    assert.equal((await get(id)).Message.HTML, `${HTML}\n`);
  });

  it('flags are added and removed idempotently, whatever their case (10.17)', async () => {
    const id = await append(raw, 'Inbox', [], receivedMeta);
    const events = async () => (await node.runtime.store.readStream('mailbox-mjl')).length;
    await callAs(node, 'mjl', MessageFlagsAddMethod, { MsgID: id, Flags: ['\\answered', '$Forwarded', 'custom'] });
    assert.deepEqual((await get(id)).Meta.Flags, ['$forwarded', '\\answered', 'custom']);

    const before = await events();
    await callAs(node, 'mjl', MessageFlagsAddMethod, { MsgID: id, Flags: ['\\Answered', '$forwarded', 'CUSTOM'] });
    assert.deepEqual((await get(id)).Meta.Flags, ['$forwarded', '\\answered', 'custom']);
    assert.equal(await events(), before, 'adding flags that are set appends nothing');

    await callAs(node, 'mjl', MessageFlagsAddMethod, { MsgID: id, Flags: ['zeta', '\\seen', 'alpha'] });
    assert.deepEqual((await get(id)).Meta.Flags, ['$forwarded', '\\answered', '\\seen', 'alpha', 'custom', 'zeta']);

    await callAs(node, 'mjl', MessageFlagsRemoveMethod, { MsgID: id, Flags: ['\\answered', '$Forwarded', 'Custom', 'zeta', 'alpha', '\\SEEN'] });
    assert.deepEqual((await get(id)).Meta.Flags, []);
    await callAs(node, 'mjl', MessageFlagsRemoveMethod, { MsgID: id, Flags: ['\\answered', '$forwarded', 'custom'] });
    assert.deepEqual((await get(id)).Meta.Flags, []);
  });

  it('a bad keyword is a user error and changes nothing', async () => {
    await rejectsWith(callAs(node, 'mjl', MessageFlagsAddMethod, { MsgID: sentId, Flags: ['\\seen', 'not valid'] }), 'user', 'parsing flags: invalid keyword not valid');
    await rejectsWith(callAs(node, 'mjl', MessageFlagsRemoveMethod, { MsgID: sentId, Flags: ['a"b'] }), 'user', 'parsing flags: invalid keyword a"b');
    assert.deepEqual((await get(sentId)).Meta.Flags, ['$notjunk', '\\seen']);
  });

  it('MessageMove moves between the account mailboxes; an unknown one is a user error (10.18)', async () => {
    const id = await append(raw, 'Sent', []);
    assert.equal((await get(id)).Meta.MailboxName, 'Sent');
    await callAs(node, 'mjl', MessageMoveMethod, { MsgID: id, DestMailboxName: 'Inbox' });
    assert.equal((await get(id)).Meta.MailboxName, 'Inbox');
    await rejectsWith(callAs(node, 'mjl', MessageMoveMethod, { MsgID: id, DestMailboxName: 'Bogus' }), 'user', 'looking up mailbox name: not found');
    await rejectsWith(callAs(node, 'mjl', MessageMoveMethod, { MsgID: id, DestMailboxName: 'INBOX' }), 'user', 'moving message: already in destination mailbox');
    await callAs(node, 'mjl', MessageMoveMethod, { MsgID: id, DestMailboxName: 'Trash' });
    const moved = await get(id);
    assert.equal(moved.Meta.MailboxName, 'Trash');
    assert.deepEqual(moved.Meta.Flags, ['\\seen'], 'moving to Trash marks the message seen, as mox');
  });

  it('MessageDelete expunges; a second delete is a user error; the message is then not found (10.19)', async () => {
    await callAs(node, 'mjl', MessageDeleteMethod, { MsgID: sentId });
    await rejectsWith(callAs(node, 'mjl', MessageDeleteMethod, { MsgID: sentId }), 'user', 'getting message: message was removed');
    await rejectsWith(callAs(node, 'mjl', MessageGetMethod, { MsgID: sentId }), 'messageNotFound', 'message not found');
    await rejectsWith(callAs(node, 'mjl', MessageRawGetMethod, { MsgID: sentId }), 'messageNotFound');
    await rejectsWith(callAs(node, 'mjl', MessagePartGetMethod, { MsgID: sentId, PartPath: [] }), 'messageNotFound');
    await rejectsWith(callAs(node, 'mjl', MessageFlagsAddMethod, { MsgID: sentId, Flags: ['\\seen'] }), 'user', 'getting message: message was removed');
    await rejectsWith(callAs(node, 'mjl', MessageFlagsRemoveMethod, { MsgID: sentId, Flags: ['\\seen'] }), 'user', 'getting message: message was removed');
    await rejectsWith(callAs(node, 'mjl', MessageMoveMethod, { MsgID: sentId, DestMailboxName: 'Inbox' }), 'user', 'getting message: message was removed');
  });
});
