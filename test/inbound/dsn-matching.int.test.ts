// Replies to fromid addresses (reference 10.28-10.32, DESIGN section 5): a message sent with a fromid
// and delivered, then a DSN (or any message) to mjl+<fromid>@mox.example over SMTP becomes a DsnReceived
// on the sent message and an outgoing webhook, never an incoming one; an unknown fromid is ordinary mail.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { SuppressionService } from '../../src/suppression/suppression-service';
import { HoldRuleAddMethod } from '../../src/holdrules/holdrule-add.method';
import { accountCaller, adminCaller, eventually, messageEvents } from '../support/delivery-node';
import { send, setupAccount } from '../sending/send-fixtures';
import { incomingCalls, inject, outgoingCall, sendAndDeliver, SENDER, startDsnFixture, type DsnFixture } from './support/dsn-fixture';
import { mailboxMessages, sourcesOf } from './support/mailbox-rows';
import { dsnMessage, plainMessage } from './support/messages';

const RCPT = 'rcpt@remote.example';
const block = (action: string, diagnostic = '554 5.0.0 error', finalRecipient = 'mjl@mox.example') => ({ finalRecipient, action, status: '5.0.0.', diagnostic });

describe('DSN matching by fromid', () => {
  let f: DsnFixture;

  before(async () => {
    f = await startDsnFixture();
  });
  after(async () => f.stop());

  const dsnTo = (replyAddress: string, blocks: ReturnType<typeof block>[], messageId = `<dsn-${Math.random().toString(36).slice(2)}@remote.example>`) =>
    dsnMessage({ from: 'postmaster@remote.example', to: replyAddress, blocks, messageId });

  it('10.28: a DSN to a fromid that matches no message is ordinary incoming mail with an incoming webhook', async () => {
    const before = incomingCalls(f).length;
    const reply = await inject(f, 'mjl+unique@mox.example', dsnTo('mjl+unique@mox.example', [block('failed')]));
    assert.equal(reply.code, 250, reply.text);
    const payload = await eventually(() => incomingCalls(f)[before], 'the incoming webhook');
    assert.equal(payload.Meta.RcptTo, 'mjl+unique@mox.example');
    assert.equal(payload.Meta.MailFrom, '');
    assert.equal(payload.Meta.Automated, true, 'null sender and multipart/report');
    const stored = mailboxMessages(f.node, SENDER.account).find((m) => m.MsgID === payload.Meta.MsgID)!;
    assert.equal((await sourcesOf(f.node, SENDER.account)).get(stored.MsgID), 'smtp');
  });

  it('10.29: a DSN with two recipient blocks, neither the message recipient, is unrecognized with DSN true and no codes', async () => {
    const sent = await sendAndDeliver(f, RCPT);
    const reply = await inject(f, sent.replyAddress, dsnTo(sent.replyAddress, [block('delivered'), block('delivered')]));
    assert.equal(reply.code, 250, reply.text);
    const payload = await outgoingCall(f, sent.queueMsgId, 'unrecognized');
    assert.equal(payload.DSN, true);
    assert.equal(payload.SMTPCode, 0);
    assert.equal(payload.SMTPEnhancedCode, '');
    assert.equal(payload.FromID, sent.fromID);
    assert.match(payload.Error, /2 recipients/);
  });

  it('ties a DSN with several recipient blocks to the block of the message recipient', async () => {
    const sent = await sendAndDeliver(f, RCPT);
    const blocks = [block('failed', '550 5.1.1 no such user', 'other@remote.example'), block('delayed', '451 4.4.1 no answer', RCPT)];
    await inject(f, sent.replyAddress, dsnTo(sent.replyAddress, blocks));
    const payload = await outgoingCall(f, sent.queueMsgId, 'delayed');
    assert.deepEqual([payload.SMTPCode, payload.SMTPEnhancedCode, payload.Error], [451, '4.4.1', '451 4.4.1 no answer']);
  });

  for (const action of ['delayed', 'relayed', 'delivered'] as const) {
    it(`10.30: a DSN with Action ${action} gives ${action}, DSN true, 554 and 5.0.0 from the Diagnostic-Code`, async () => {
      const sent = await sendAndDeliver(f, RCPT);
      await inject(f, sent.replyAddress, dsnTo(sent.replyAddress, [block(action)]));
      const payload = await outgoingCall(f, sent.queueMsgId, action);
      assert.deepEqual(
        { DSN: payload.DSN, SMTPCode: payload.SMTPCode, SMTPEnhancedCode: payload.SMTPEnhancedCode, Error: payload.Error, Suppressing: payload.Suppressing, FromID: payload.FromID },
        { DSN: true, SMTPCode: 554, SMTPEnhancedCode: '5.0.0', Error: '554 5.0.0 error', Suppressing: false, FromID: sent.fromID },
      );
      const events = await messageEvents(f.node, sent.queueMsgId);
      const dsn = events.find((e) => e.type === 'DsnReceived')!;
      assert.equal((dsn.data as { Result: { Success: boolean } }).Result.Success, action !== 'delayed');
    });
  }

  it('10.31: a DSN with Action bogus is unrecognized with DSN true; a plain message to the fromid is unrecognized with DSN false', async () => {
    const sent = await sendAndDeliver(f, RCPT);
    await inject(f, sent.replyAddress, dsnTo(sent.replyAddress, [block('bogus')]));
    const bogus = await outgoingCall(f, sent.queueMsgId, 'unrecognized');
    assert.deepEqual([bogus.DSN, bogus.SMTPCode, bogus.SMTPEnhancedCode], [true, 0, '']);

    const second = await sendAndDeliver(f, RCPT);
    await inject(f, second.replyAddress, plainMessage({ from: 'person@remote.example', to: second.replyAddress, body: 'thanks!' }), 'person@remote.example');
    const plain = await outgoingCall(f, second.queueMsgId, 'unrecognized');
    assert.deepEqual([plain.DSN, plain.SMTPCode], [false, 0]);
  });

  it('10.32: a failed DSN gives failed 554 5.0.0 without suppression; a 550 5.1.1 one suppresses the recipient', async () => {
    const sent = await sendAndDeliver(f, RCPT);
    await inject(f, sent.replyAddress, dsnTo(sent.replyAddress, [block('failed')]));
    const failed = await outgoingCall(f, sent.queueMsgId, 'failed');
    assert.deepEqual([failed.DSN, failed.SMTPCode, failed.SMTPEnhancedCode, failed.Suppressing], [true, 554, '5.0.0', false]);

    const bad = 'gone@remote.example';
    const second = await sendAndDeliver(f, bad);
    await inject(f, second.replyAddress, dsnTo(second.replyAddress, [block('failed', '550 5.1.1 no such user', bad)]));
    const suppressing = await outgoingCall(f, second.queueMsgId, 'failed');
    assert.deepEqual([suppressing.SMTPCode, suppressing.SMTPEnhancedCode, suppressing.Suppressing], [550, '5.1.1', true]);
    const suppressions = f.node.get(SuppressionService);
    const entry = await eventually(() => suppressions.lookup(SENDER.account, { localpart: 'gone', domainASCII: 'remote.example', domainUnicode: 'remote.example' }), 'the suppression entry');
    assert.equal(entry.Manual, false);
    assert.match(entry.Reason, /delivery failure from DSN with smtp code 550, enhanced code "1\.1"/);
  });

  it('stores every matched reply in the Inbox with source dsn, and no incoming webhook follows', async () => {
    const incomingBefore = incomingCalls(f).length;
    const sent = await sendAndDeliver(f, RCPT);
    await inject(f, sent.replyAddress, dsnTo(sent.replyAddress, [block('failed')], '<matched-dsn@remote.example>'));
    await outgoingCall(f, sent.queueMsgId, 'failed');
    const events = await messageEvents(f.node, sent.queueMsgId);
    const dsn = events.find((e) => e.type === 'DsnReceived')!.data as { MailboxMsgID: number; IncomingMessageID: string };
    assert.equal(dsn.IncomingMessageID, '<matched-dsn@remote.example>');
    const stored = mailboxMessages(f.node, SENDER.account).find((m) => m.MsgID === dsn.MailboxMsgID)!;
    assert.equal(stored.Mailbox, 'Inbox');
    assert.equal(stored.Meta.DSN, true);
    assert.equal((await sourcesOf(f.node, SENDER.account)).get(stored.MsgID), 'dsn');
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(incomingCalls(f).length, incomingBefore);
  });

  it('matches a message that is still queued, not only retired ones', async () => {
    await f.node.get(HoldRuleAddMethod).handle({ Account: SENDER.account, SenderDomain: '', RecipientDomain: 'held.example' }, adminCaller());
    const result = await send(f.node, accountCaller(SENDER.account, SENDER.fromIDLogin), { To: [{ Address: 'someone@held.example' }], Subject: 'held', Text: 'x' });
    const { QueueMsgID, FromID } = result.Submissions[0];
    await f.node.settle();
    await inject(f, `mjl+${FromID}@mox.example`, dsnTo(`mjl+${FromID}@mox.example`, [block('delayed', '451 4.4.1 later', 'someone@held.example')]));
    const payload = await outgoingCall(f, QueueMsgID, 'delayed');
    assert.equal(payload.SMTPCode, 451);
    const types = (await messageEvents(f.node, QueueMsgID)).map((e) => e.type);
    assert.ok(types.includes('DsnReceived') && !types.includes('MessageRetired'), types.join(','));
  });

  it('scopes fromid matching to the account: another account\'s fromid is ordinary mail', async () => {
    await setupAccount(f.node, { domain: 'other.example', account: 'other', address: 'me@other.example' });
    const sent = await sendAndDeliver(f, RCPT);
    const reply = await inject(f, `me+${sent.fromID}@other.example`, dsnTo(`me+${sent.fromID}@other.example`, [block('failed')]));
    assert.equal(reply.code, 250, reply.text);
    await f.node.settle();
    const stored = mailboxMessages(f.node, 'other');
    assert.equal(stored.length, 1);
    assert.equal((await sourcesOf(f.node, 'other')).get(stored[0].MsgID), 'smtp');
    assert.ok(!(await messageEvents(f.node, sent.queueMsgId)).some((e) => e.type === 'DsnReceived'));
  });
});

describe('DSN matching for an account without webhooks', () => {
  let f: DsnFixture;
  before(async () => {
    f = await startDsnFixture({ webhooks: false });
  });
  after(async () => f.stop());

  it('10.32: records the failed DSN but queues no webhook', async () => {
    const sent = await sendAndDeliver(f, RCPT);
    await inject(f, sent.replyAddress, dsnMessage({ from: 'postmaster@remote.example', to: sent.replyAddress, blocks: [block('failed')] }));
    const events = await eventually(async () => {
      const all = await messageEvents(f.node, sent.queueMsgId);
      return all.some((e) => e.type === 'DsnReceived') ? all : null;
    }, 'DsnReceived');
    assert.equal((events.find((e) => e.type === 'DsnReceived')!.data as { Event: string }).Event, 'failed');
    await new Promise((r) => setTimeout(r, 200));
    assert.equal(f.receiver.calls.length, 0);
  });
});
