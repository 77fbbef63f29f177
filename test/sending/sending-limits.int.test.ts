// Sending limits (mox's SendLimitReached; DESIGN §5: webapi sends count): messages per 24 hours and
// first-time recipients per 24 hours, with the window moving on the manual clock.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parseSmtpAddress } from '../../src/sending/smtp-address';
import { queueSubmission, type SubmissionRecipient } from '../../src/sending/queue-submission';
import type { TestNode } from '../support/test-node';
import { accountCaller, rejectsWith, send, setupAccount, startSendNode } from './send-fixtures';

const DAY = 24 * 60 * 60 * 1000;
let node: TestNode;

before(async () => {
  node = await startSendNode({ now: new Date('2025-03-01T12:00:00Z') });
  await setupAccount(node, { domain: 'mox.example', account: 'msgs', address: 'msgs@mox.example', limits: { messages: 3, firstTimeRecipients: 200 } });
  await setupAccount(node, { domain: 'mox.example', account: 'firsts', address: 'firsts@mox.example', limits: { messages: 1000, firstTimeRecipients: 3 } });
  await setupAccount(node, { domain: 'mox.example', account: 'defaults', address: 'defaults@mox.example' });
  await setupAccount(node, { domain: 'mox.example', account: 'smtp', address: 'smtp@mox.example', limits: { messages: 2, firstTimeRecipients: 200 } });
  await setupAccount(node, { domain: 'mox.example', account: 'window', address: 'window@mox.example', limits: { messages: 3, firstTimeRecipients: 200 } });
});
after(() => node.stop());

const to = (...names: string[]) => ({ To: names.map((n) => ({ Address: `${n}@example.org` })), Text: 'hi' });

describe('messages per day', () => {
  const caller = () => accountCaller('msgs', 'msgs@mox.example');
  test('counts recipients of earlier sends in the last 24 hours', async () => {
    await send(node, caller(), to('a', 'b'));
    await rejectsWith(send(node, caller(), to('c', 'd')), 'messageLimitReached', /at most 3/);
    await send(node, caller(), to('c'));
    await rejectsWith(send(node, caller(), to('a')), 'messageLimitReached');
  });
  test('sends older than 24 hours no longer count', async () => {
    node.clock.advance(DAY - 1000);
    await rejectsWith(send(node, caller(), to('a')), 'messageLimitReached');
    node.clock.advance(1001);
    const r = await send(node, caller(), to('a', 'b', 'c'));
    assert.equal(r.Submissions.length, 3);
  });
});

describe('the window slides second by second between checks', () => {
  const caller = () => accountCaller('window', 'window@mox.example');
  test('a send leaves the count the moment it is 24 hours old, also between checks a few seconds apart', async () => {
    await send(node, caller(), to('a'));
    node.clock.advance(DAY - 2000);
    await send(node, caller(), to('b'));
    node.clock.advance(1000);
    await send(node, caller(), to('c'));
    await rejectsWith(send(node, caller(), to('x')), 'messageLimitReached');
    // Two seconds on, the first send is out of the window and one more fits, exactly one.
    node.clock.advance(2000);
    await send(node, caller(), to('d'));
    await rejectsWith(send(node, caller(), to('e')), 'messageLimitReached');
    // One second on, nothing else has left the window.
    node.clock.advance(1000);
    await rejectsWith(send(node, caller(), to('e')), 'messageLimitReached');
  });
});

describe('first-time recipients per day', () => {
  const caller = () => accountCaller('firsts', 'firsts@mox.example');
  test('new recipients now plus those first sent to in the window', async () => {
    await send(node, caller(), to('a', 'b'));
    // a is known: 2 first-time recipients in the window, none new.
    await send(node, caller(), to('a'));
    // c and d are new: 2 + 2 > 3.
    await rejectsWith(send(node, caller(), to('c', 'd')), 'recipientLimitReached', /at most 3 first-time/);
    await send(node, caller(), to('c'));
    await rejectsWith(send(node, caller(), to('d')), 'recipientLimitReached');
  });
  test('after 24 hours earlier recipients are known and no longer first-time', async () => {
    node.clock.advance(DAY + 1);
    await send(node, caller(), to('a', 'b', 'c'));
    await rejectsWith(send(node, caller(), to('d', 'e', 'f', 'g')), 'recipientLimitReached');
    await send(node, caller(), to('d', 'e', 'f'));
  });
});

describe('defaults: 1000 messages and 200 first-time recipients', () => {
  const caller = () => accountCaller('defaults', 'defaults@mox.example');
  const many = (n: number, prefix: string) => to(...Array.from({ length: n }, (_, i) => `${prefix}${i}`));
  test('201 new recipients are refused, 200 accepted; 1001 messages exceed the message limit', async () => {
    await rejectsWith(send(node, caller(), many(1001, 'm')), 'messageLimitReached', /at most 1000/);
    await rejectsWith(send(node, caller(), many(201, 'r')), 'recipientLimitReached', /at most 200/);
    const r = await send(node, caller(), many(200, 'r'));
    assert.equal(r.Submissions.length, 200);
  });
});

describe('every source but Postwire\'s own mail counts', () => {
  const address = (text: string) => {
    const p = parseSmtpAddress(text);
    assert.ok(p.ok);
    return p.address;
  };
  const recipient = (rcpt: string): SubmissionRecipient => ({ address: rcpt, recipient: address(rcpt), sender: address('smtp@mox.example'), fromID: '', msgPrefix: '' });
  const submit = (source: 'submission' | 'internal') =>
    queueSubmission(node.runtime, {
      account: 'smtp',
      source,
      message: Buffer.from('From: smtp@mox.example\r\nSubject: x\r\n\r\nhi\r\n'),
      recipients: [recipient('a@example.org')],
      messageID: '',
      subject: 'x',
      extra: {},
      smtputf8: false,
      requireTLS: null,
      futureRelease: null,
      idempotencyKey: null,
      result: (ids) => ids,
      now: node.clock.now(),
    });
  test('SMTP submissions count, DSN mails do not', async () => {
    await submit('internal');
    await submit('internal');
    await submit('submission');
    await send(node, accountCaller('smtp', 'smtp@mox.example'), to('b'));
    await rejectsWith(send(node, accountCaller('smtp', 'smtp@mox.example'), to('c')), 'messageLimitReached');
  });
});
