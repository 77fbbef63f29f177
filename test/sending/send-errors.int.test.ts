// Every error Send answers with, and which one wins when a request has several problems (mox's processing
// order, reference 1.7 and 10.9). A refused request queues nothing.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { ErrorCode } from '../../src/api/api-error';
import { FromIDLoginAddressesSaveMethod } from '../../src/config/api/account-settings-methods';
import type { TestNode } from '../support/test-node';
import { accountCaller, addAddress, disableDomain, queueRows, rejectsWith, send, setupAccount, startSendNode, type SendRequest } from './send-fixtures';

const MAX_SIZE = 20_000;
const now = new Date('2025-03-01T12:00:00Z');
let node: TestNode;
const mjl = () => accountCaller('mjl', 'mjl@mox.example');
const fidCaller = () => accountCaller('fid', 'fid+fromid@mox.example');

before(async () => {
  node = await startSendNode({ now, bootstrap: { limits: { maxMessageSize: MAX_SIZE, maxRequestSize: 1024 * 1024 } } });
  await setupAccount(node, { domain: 'mox.example', account: 'mjl', address: 'mjl@mox.example', fullName: 'M J L' });
  await setupAccount(node, { domain: 'mox.example', account: 'other', address: 'other@mox.example' });
  await setupAccount(node, { domain: 'disabled.example', account: 'dis', address: 'dis@disabled.example' });
  await addAddress(node, 'mjl', 'mjl@disabled.example');
  await disableDomain(node, 'disabled.example');
  // A fromid login whose From address is in a domain without catch-all separator.
  await setupAccount(node, { domain: 'nosep.example', separators: [], account: 'fid', address: 'fid@nosep.example' });
  await addAddress(node, 'fid', 'fid@mox.example');
  await node.get(FromIDLoginAddressesSaveMethod).handle({ LoginAddresses: ['fid+fromid@mox.example'] }, accountCaller('fid', 'fid@mox.example'));
  await setupAccount(node, { domain: 'mox.example', account: 'limited', address: 'limited@mox.example', limits: { messages: 1, firstTimeRecipients: 200 } });
});
after(() => node.stop());

const ok: SendRequest = { To: [{ Address: 'rcpt@example.org' }], Text: 'hello' };
const bigText = 'x'.repeat(70).concat('\n').repeat(400);
const days = (n: number) => new Date(now.getTime() + n * 86_400_000).toISOString();

describe('each error (reference 10.9)', () => {
  const cases: [string, SendRequest, ErrorCode, RegExp?][] = [
    ['Text and HTML both empty', { To: ok.To }, 'missingBody'],
    ['From an address of another account', { ...ok, From: [{ Address: 'other@mox.example' }] }, 'badFrom'],
    ['From an address no account has', { ...ok, From: [{ Address: 'nobody@mox.example' }] }, 'badFrom'],
    ['From an unknown domain', { ...ok, From: [{ Address: 'mjl@unknown.example' }] }, 'badFrom'],
    ['two From addresses', { ...ok, From: [{ Address: 'mjl@mox.example' }, { Address: 'mjl@mox.example' }] }, 'multipleFrom'],
    ['no To, CC or BCC', { Text: 'hi' }, 'noRecipients'],
    ['MessageID without <>', { ...ok, MessageID: 'missingltgt@localhost' }, 'malformedMessageID'],
    ['From in a disabled domain', { ...ok, From: [{ Address: 'mjl@disabled.example' }] }, 'domainDisabled'],
    ['a To address that does not parse', { ...ok, To: [{ Address: 'not an address' }] }, 'badAddress', /To\[0\]/],
    ['a BCC address that does not parse', { ...ok, BCC: [{ Address: 'a@' }] }, 'badAddress', /BCC\[0\]/],
    ['a ReplyTo address that does not parse', { ...ok, ReplyTo: [{ Address: 'x' }] }, 'badAddress', /ReplyTo\[0\]/],
    ['a control character in a display name', { ...ok, To: [{ Name: 'a\nb', Address: 'rcpt@example.org' }] }, 'user', /To\[0\]\.Name/],
    ['a control character in the subject', { ...ok, Subject: 'a\r\nBcc: x@y' }, 'user', /Subject/],
    ['a control character in the Message-ID', { ...ok, MessageID: '<a\tb@x>' }, 'user', /MessageID/],
    ['a control character in a reference', { ...ok, References: ['<a@x>\r\n'] }, 'user', /References\[0\]/],
    ['a control character in a header value', { ...ok, Headers: [['X-A', 'a\nb']] }, 'user', /Headers\[0\] value/],
    ['a control character in a header name', { ...ok, Headers: [['X-\tA', 'v']] }, 'user', /Headers\[0\] name/],
    ['a header name that is no field name', { ...ok, Headers: [['X A', 'v']] }, 'user', /not a header field name/],
    ['file data that is not base64', { ...ok, AttachedFiles: [{ Data: 'not base64!' }] }, 'user', /AttachedFiles\[0\].*base64/],
    ['a control character in a file content type', { ...ok, InlineFiles: [{ Data: 'eA==', ContentType: 'text/plain\r\nX: y' }] }, 'user', /InlineFiles\[0\]\.ContentType/],
    ['a composed message over the maximum size', { ...ok, Text: bigText }, 'messageTooLarge'],
    ['FutureRelease more than 60 days ahead', { ...ok, FutureRelease: days(61) }, 'user', /60 days/],
    ['Extra over its limits', { ...ok, Extra: { k: 'v'.repeat(1025) } }, 'user', /Extra value/],
  ];
  for (const [name, request, code, message] of cases) {
    test(name, async () => {
      const before = queueRows(node).length;
      await rejectsWith(send(node, mjl(), request), code, message);
      assert.equal(queueRows(node).length, before, 'nothing queued');
    });
  }

  test('a fromid login on a domain without catch-all separator: user', async () => {
    await rejectsWith(send(node, fidCaller(), { ...ok, From: [{ Address: 'fid@nosep.example' }] }), 'user', /separator/);
  });

  test('messageLimitReached once the account\'s daily limit is used up', async () => {
    const limited = accountCaller('limited', 'limited@mox.example');
    await send(node, limited, ok);
    await rejectsWith(send(node, limited, ok), 'messageLimitReached');
  });
});

describe('which error wins (mox\'s processing order)', () => {
  const cases: [string, SendRequest, ErrorCode, RegExp?][] = [
    ['missingBody before multipleFrom, badAddress and noRecipients', { From: [{ Address: 'x' }, { Address: 'y' }], To: [{ Address: 'bad' }] }, 'missingBody'],
    ['multipleFrom before badAddress', { ...ok, From: [{ Address: 'x' }, { Address: 'y' }], To: [{ Address: 'bad' }] }, 'multipleFrom'],
    ['per address the display name before the address', { ...ok, From: [{ Name: '\x01', Address: 'bad' }] }, 'user', /From\[0\]\.Name/],
    ['To before CC', { ...ok, To: [{ Address: 'bad' }], CC: [{ Name: '\x01', Address: 'rcpt@example.org' }] }, 'badAddress', /To\[0\]/],
    ['every address parsed before the From check', { ...ok, From: [{ Address: 'other@mox.example' }], BCC: [{ Address: 'bad' }] }, 'badAddress', /BCC\[0\]/],
    ['a disabled domain before badFrom, even for an address nobody has', { ...ok, From: [{ Address: 'nobody@disabled.example' }] }, 'domainDisabled'],
    ['badFrom before noRecipients', { Text: 'hi', From: [{ Address: 'other@mox.example' }] }, 'badFrom'],
    ['noRecipients before a bad ReplyTo', { Text: 'hi', ReplyTo: [{ Address: 'bad' }] }, 'noRecipients'],
    ['a bad ReplyTo before composition errors', { ...ok, ReplyTo: [{ Address: 'bad' }], Subject: '\n', MessageID: 'x' }, 'badAddress', /ReplyTo/],
    ['the subject before the Message-ID', { ...ok, Subject: '\n', MessageID: 'x' }, 'user', /Subject/],
    ['malformedMessageID before the references and headers', { ...ok, MessageID: 'x', References: ['\n'], Headers: [['X', '\n']] }, 'malformedMessageID'],
    ['references before headers', { ...ok, References: ['\n'], Headers: [['X', '\n']] }, 'user', /References/],
    ['headers before files', { ...ok, Headers: [['X', '\n']], AttachedFiles: [{ Data: '!' }] }, 'user', /Headers/],
    ['alternative files before inline files before attached files', { ...ok, AttachedFiles: [{ Data: '!' }], InlineFiles: [{ Data: '!' }], AlternativeFiles: [{ Data: '!' }] }, 'user', /AlternativeFiles/],
    ['file errors before messageTooLarge', { ...ok, Text: bigText, AttachedFiles: [{ Data: '!' }] }, 'user', /AttachedFiles/],
    ['messageTooLarge before FutureRelease and Extra', { ...ok, Text: bigText, FutureRelease: days(90), Extra: { '': 'x' } }, 'messageTooLarge'],
    ['FutureRelease before Extra', { ...ok, FutureRelease: days(90), Extra: { '': 'x' } }, 'user', /FutureRelease/],
  ];
  for (const [name, request, code, message] of cases) {
    test(name, async () => rejectsWith(send(node, mjl(), request), code, message));
  }

  test('the fromid separator check before FutureRelease', async () => {
    await rejectsWith(send(node, fidCaller(), { ...ok, From: [{ Address: 'fid@nosep.example' }], FutureRelease: days(90) }), 'user', /separator/);
  });

  test('messageLimitReached before a bad ReplyTo and composition errors', async () => {
    await rejectsWith(send(node, accountCaller('limited', 'limited@mox.example'), { ...ok, ReplyTo: [{ Address: 'bad' }], Subject: '\n' }), 'messageLimitReached');
  });

  test('a bad Idempotency-Key is a protocol error before anything else', async () => {
    await rejectsWith(send(node, accountCaller('mjl', 'mjl@mox.example', { 'idempotency-key': 'has space' }), { To: [] }), 'protocol');
  });
});

test('the message that would have been too large is fine just under the limit', async () => {
  const r = await send(node, mjl(), { ...ok, Text: 'x'.repeat(70).concat('\n').repeat(200) });
  assert.equal(r.Submissions.length, 1);
});
