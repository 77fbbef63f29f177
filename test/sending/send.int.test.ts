// Send end to end: over HTTP as JSON and as a multipart form (reference 10.7 and 10.8), then what it
// queues: recipients and ids, BaseID, FromID, the Received header, DKIM, SMTPUTF8, RequireTLS,
// FutureRelease, Extra, and the copy SaveSent stores.
import assert from 'node:assert/strict';
import { dkimVerify } from 'mailauth/lib/dkim/verify';
import { after, before, describe, test } from 'node:test';
import { dkimRecordName, dkimRecordValue } from '../../src/config/dkim-keys';
import { ConfigView } from '../../src/config/config-view';
import { MailboxReadModel } from '../../src/mailbox/mailbox-read-model';
import { decodedHeader, headerAll, parseMessage, structureOf, type Structure } from '../../src/mime';
import type { TestNode } from '../support/test-node';
import {
  accountCaller,
  deliveredBytes,
  multipartBody,
  PASSWORD,
  queuedEvents,
  queueRows,
  send,
  setupAccount,
  startSendNode,
  httpCall,
  webapiJson,
} from './send-fixtures';

const now = new Date('2025-03-01T12:00:00.000Z');
let node: TestNode;
const mjl = () => accountCaller('mjl', 'mjl@mox.example');
const b64 = (s: string | Buffer) => Buffer.from(s).toString('base64');
const PNG = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');

before(async () => {
  node = await startSendNode({ listen: true, now });
  await setupAccount(node, { domain: 'mox.example', account: 'mjl', address: 'mjl@mox.example', fullName: 'M J L', dkim: 'rsa', fromIDLogins: ['mjl+fromid@mox.example'] });
});
after(() => node.stop());

function shape(s: Structure): string {
  if (s.Parts.length > 0) return `${s.ContentType.replace('multipart/', '')}(${s.Parts.map(shape).join(', ')})`;
  return `${s.Filename || s.ContentType}`;
}

function leaves(s: Structure): Structure[] {
  return s.Parts.length > 0 ? s.Parts.flatMap(leaves) : [s];
}

const rowsFor = (ids: number[]) => queueRows(node).filter((r) => ids.includes(r.ID));

async function contentOf(id: number) {
  const row = queueRows(node).find((r) => r.ID === id)!;
  return parseMessage(await node.runtime.content.get(row.ContentSha256));
}

test('reference 10.7: JSON with recipients, Extra, a header, three kinds of files, RequireTLS, FutureRelease and SaveSent', async () => {
  const request = {
    From: [{ Name: 'M J L', Address: 'mjl@mox.example' }],
    To: [{ Name: 'Alice', Address: 'alice@example.org' }, { Address: 'Bob@Example.org' }],
    CC: [{ Address: 'carol@example.org' }],
    BCC: [{ Name: 'Dave', Address: 'dave@example.org' }],
    MessageID: '<test-7@mox.example>',
    Subject: 'hello',
    Text: 'text body',
    HTML: '<p>html body</p>',
    Extra: { a: '123' },
    Headers: [['X-Custom', 'yes']],
    AlternativeFiles: [{ Name: 'cal.ics', ContentType: 'text/calendar', Data: b64('BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n') }],
    InlineFiles: [{ Name: 'logo.png', ContentType: 'image/png', ContentID: '<logo@mox.example>', Data: b64(PNG) }],
    AttachedFiles: [{ Name: 'doc.pdf', Data: b64('%PDF-1.4 not really') }],
    RequireTLS: true,
    FutureRelease: now.toISOString(),
    SaveSent: true,
  };
  const { status, json } = await webapiJson(node, 'mjl@mox.example', 'Send', request);
  assert.equal(status, 200, JSON.stringify(json));
  assert.equal(json.MessageID, '<test-7@mox.example>');
  const subs = json.Submissions as { Address: string; QueueMsgID: number; FromID: string }[];
  assert.deepEqual(subs.map((s) => s.Address), ['alice@example.org', 'Bob@Example.org', 'carol@example.org', 'dave@example.org']);
  assert.deepEqual(subs.map((s) => s.QueueMsgID - subs[0].QueueMsgID), [0, 1, 2, 3], 'consecutive ids in To, CC, BCC order');
  assert.ok(subs.every((s) => s.FromID === ''));

  const rows = rowsFor(subs.map((s) => s.QueueMsgID));
  assert.equal(rows.length, 4);
  for (const row of rows) {
    assert.equal(row.BaseID, subs[0].QueueMsgID, 'identical bytes and sender share a BaseID');
    assert.equal(row.RequireTLS, true);
    assert.equal(row.FutureReleaseRequest, 'until;2025-03-01T12:00:00Z');
    assert.equal(row.NextAttempt, now.toISOString());
    assert.deepEqual(row.Extra, { a: '123' });
    assert.equal(row.SenderAddress, 'mjl@mox.example');
    assert.equal(row.MsgPrefix, rows[0].MsgPrefix);
    assert.doesNotMatch(row.MsgPrefix, /for </, 'no recipient in Received with several recipients');
    assert.match(row.MsgPrefix, /^Received: from mail\.test\.example by mail\.test\.example id \S+;\r\n\tSat, 01 Mar 2025 12:00:00 \+0000\r\nDKIM-Signature: /);
  }
  assert.equal(rows[1].RecipientAddress, 'Bob@Example.org');

  const msg = await contentOf(subs[0].QueueMsgID);
  const structure = structureOf(msg);
  assert.equal(shape(structure), 'mixed(related(alternative(text/plain, text/html, cal.ics), logo.png), doc.pdf)');
  const pdf = leaves(structure).find((l) => l.Filename === 'doc.pdf')!;
  assert.equal(pdf.ContentType, 'application/pdf', 'detected from the data');
  assert.equal(leaves(structure).find((l) => l.Filename === 'logo.png')!.ContentID, '<logo@mox.example>');
  assert.equal(headerAll(msg.headers, 'Bcc').length, 0, 'BCC recipients are not in the message');
  assert.equal(decodedHeader(msg, 'X-Custom'), 'yes');
  assert.match(decodedHeader(msg, 'User-Agent'), /^postwire\/\d+\.\d+\.\d+/);
  assert.equal(decodedHeader(msg, 'To'), 'Alice <alice@example.org>, Bob@example.org', 'the domain lower-cased, the localpart kept');
  assert.equal(decodedHeader(msg, 'Cc'), 'carol@example.org');

  // SaveSent: in Sent, seen and not junk, with the BCC recipients in a Bcc header.
  const [queued] = (await queuedEvents(node)).filter((e) => e.Recipients[0].QueueMsgID === subs[0].QueueMsgID);
  const sent = new MailboxReadModel(node.runtime.readDb).byIdempotencyKey('mjl', `sent-${queued.SubmissionID}`);
  assert.ok(sent, 'a copy in the mailbox');
  assert.equal(sent.Mailbox, 'Sent');
  assert.deepEqual([...sent.Flags].sort(), ['$notjunk', '\\seen']);
  const copy = (await node.runtime.content.get(sent.ContentSha256)).toString();
  assert.match(copy, /^Bcc: Dave <dave@example\.org>\r\nDKIM-Signature: /);
  assert.ok(copy.endsWith((await node.runtime.content.get(rows[0].ContentSha256)).toString()));
});

test('reference 10.8: multipart form with uploaded files, logged in as the fromid login address', async () => {
  const request = { To: [{ Address: 'x@example.org' }], Text: 'hi', Headers: [['User-Agent', 'my-app/1.0']] };
  const { body, contentType } = multipartBody([
    { name: 'request', data: JSON.stringify(request) },
    { name: 'alternativefile', filename: 'alt.txt', headers: { 'Content-Type': 'text/plain' }, data: 'alternative text' },
    { name: 'inlinefile', filename: 'one.png', data: PNG },
    { name: 'inlinefile', filename: 'two.gif', headers: { 'Content-Type': 'image/gif' }, data: 'GIF89a....' },
    { name: 'attachedfile', filename: 'att.pdf', headers: { 'Content-ID': '<att@x>' }, data: '%PDF-1.4 attached' },
  ]);
  const { status, json } = await httpCall(node, '/webapi/v0/Send', 'mjl+fromid@mox.example', PASSWORD, body, { 'content-type': contentType });
  assert.equal(status, 200, JSON.stringify(json));
  assert.match(json.MessageID, /^<[A-Za-z0-9_-]{22}@mail\.test\.example>$/, 'generated');
  assert.equal(json.Submissions.length, 1);
  const { QueueMsgID, FromID } = json.Submissions[0];
  assert.match(FromID, /^[A-Za-z0-9_-]{22}$/);

  const [row] = rowsFor([QueueMsgID]);
  assert.equal(row.FromID, FromID);
  assert.equal(row.SenderAddress, `mjl+${FromID}@mox.example`, 'the fromid after the domain\'s separator');
  assert.equal(row.BaseID, 0);
  assert.match(row.MsgPrefix, /for\s+<x@example\.org>;/, 'one recipient: Received names it');

  const msg = await contentOf(QueueMsgID);
  const structure = structureOf(msg);
  assert.equal(shape(structure), 'mixed(related(alternative(text/plain, alt.txt), one.png, two.gif), att.pdf)');
  const byName = Object.fromEntries(leaves(structure).map((l) => [l.Filename, l]));
  assert.equal(byName['one.png'].ContentType, 'image/png', 'detected');
  assert.equal(byName['one.png'].ContentDisposition, 'inline');
  assert.equal(byName['two.gif'].ContentType, 'image/gif', 'the part\'s own type');
  assert.equal(byName['alt.txt'].ContentDisposition, 'inline');
  assert.equal(byName['att.pdf'].ContentID, '<att@x>');
  assert.equal(byName['att.pdf'].ContentType, 'application/pdf');
  assert.equal(byName['att.pdf'].ContentDisposition, 'attachment');
  assert.deepEqual(headerAll(msg.headers, 'User-Agent').map((h) => h.value), ['my-app/1.0'], 'a given User-Agent replaces the default');
  // mox's quirk kept: the default From is the login address itself.
  assert.equal(decodedHeader(msg, 'From'), 'M J L <mjl+fromid@mox.example>');
});

test('an X-Mailer header also suppresses the default User-Agent', async () => {
  const r = await send(node, mjl(), { To: [{ Address: 'a@example.org' }], Text: 'hi', Headers: [['x-mailer', 'mailer 2']] });
  const msg = await contentOf(r.Submissions[0].QueueMsgID);
  assert.equal(headerAll(msg.headers, 'User-Agent').length, 0);
  assert.equal(decodedHeader(msg, 'X-Mailer'), 'mailer 2');
});

describe('FromID', () => {
  const fid = () => accountCaller('mjl', 'mjl+fromid@mox.example');
  test('one unique id per recipient; different senders, so no shared BaseID', async () => {
    const first = await send(node, fid(), { To: [{ Address: 'a@example.org' }, { Address: 'b@example.org' }], CC: [{ Address: 'c@example.org' }], Text: 'hi' });
    const second = await send(node, fid(), { To: [{ Address: 'a@example.org' }, { Address: 'b@example.org' }], BCC: [{ Address: 'c@example.org' }], Text: 'hi' });
    const ids = [...first.Submissions, ...second.Submissions].map((s) => s.FromID);
    assert.equal(new Set(ids).size, 6);
    for (const row of rowsFor([...first.Submissions, ...second.Submissions].map((s) => s.QueueMsgID))) {
      assert.equal(row.BaseID, 0);
      assert.equal(row.SenderAddress, `mjl+${row.FromID}@mox.example`);
    }
  });
  test('an explicit From keeps the From localpart as base', async () => {
    const r = await send(node, fid(), { From: [{ Address: 'mjl+news@mox.example' }], To: [{ Address: 'a@example.org' }], Text: 'hi' });
    const [row] = rowsFor([r.Submissions[0].QueueMsgID]);
    assert.equal(row.SenderAddress, `mjl+${r.Submissions[0].FromID}@mox.example`);
  });
  test('not active for the plain login address', async () => {
    const r = await send(node, mjl(), { To: [{ Address: 'a@example.org' }], Text: 'hi' });
    assert.equal(r.Submissions[0].FromID, '');
    assert.equal(rowsFor([r.Submissions[0].QueueMsgID])[0].SenderAddress, 'mjl@mox.example');
  });
});

test('DKIM: the queued message verifies with the From domain\'s published key', async () => {
  const r = await send(node, mjl(), { To: [{ Address: 'a@example.org' }], Subject: 'signed', Text: 'hi', HTML: '<p>hi</p>' });
  const [row] = rowsFor([r.Submissions[0].QueueMsgID]);
  const domain = node.get(ConfigView).domain('mox.example')!;
  const key = domain.DKIM[0];
  const lookups: string[] = [];
  const result = await dkimVerify(await deliveredBytes(node, row), {
    resolver: async (name: string) => {
      lookups.push(name);
      if (name !== dkimRecordName(key.Selector, 'mox.example')) throw Object.assign(new Error('not found'), { code: 'ENOTFOUND' });
      return [[dkimRecordValue(key.Algorithm, key.PublicKey)]];
    },
    curTime: now,
  });
  assert.deepEqual(lookups, ['sel1._domainkey.mox.example']);
  assert.equal(result.results.length, 1);
  assert.equal(result.results[0].status.result, 'pass', JSON.stringify(result.results[0].status));
  assert.equal(result.results[0].signingDomain, 'mox.example');
});

test('SMTPUTF8 when a localpart is not ASCII', async () => {
  const r = await send(node, mjl(), { To: [{ Address: 'jörg@bücher.example' }], Subject: 'Grüße', Text: 'hi' });
  const [event] = (await queuedEvents(node)).filter((e) => e.Recipients[0].QueueMsgID === r.Submissions[0].QueueMsgID);
  assert.equal(event.SMTPUTF8, true);
  assert.equal(event.Has8bit, true);
  assert.equal(event.Recipients[0].RecipientDomain, 'xn--bcher-kva.example');
  assert.equal(event.Recipients[0].RecipientDomainStr, 'bücher.example');
  const msg = await contentOf(r.Submissions[0].QueueMsgID);
  assert.equal(decodedHeader(msg, 'To'), 'jörg@bücher.example');
  const plain = await send(node, mjl(), { To: [{ Address: 'a@bücher.example' }], Text: 'hi' });
  const [plainEvent] = (await queuedEvents(node)).filter((e) => e.Recipients[0].QueueMsgID === plain.Submissions[0].QueueMsgID);
  assert.equal(plainEvent.SMTPUTF8, false);
  assert.equal(plainEvent.Has8bit, false);
});

test('RequireTLS is kept as null, true or false', async () => {
  for (const value of [undefined, null, true, false]) {
    const r = await send(node, mjl(), { To: [{ Address: 'a@example.org' }], Text: 'hi', ...(value === undefined ? {} : { RequireTLS: value }) });
    assert.equal(rowsFor([r.Submissions[0].QueueMsgID])[0].RequireTLS, value ?? null, String(value));
  }
});

test('FutureRelease schedules the first attempt and keeps the caller\'s zone', async () => {
  const r = await send(node, mjl(), { To: [{ Address: 'a@example.org' }], Text: 'hi', FutureRelease: '2025-03-20T10:30:00+02:00' });
  const [row] = rowsFor([r.Submissions[0].QueueMsgID]);
  assert.equal(row.NextAttempt, '2025-03-20T08:30:00.000Z');
  assert.equal(row.FutureReleaseRequest, 'until;2025-03-20T10:30:00+02:00');
  const plain = await send(node, mjl(), { To: [{ Address: 'a@example.org' }], Text: 'hi' });
  assert.equal(rowsFor([plain.Submissions[0].QueueMsgID])[0].FutureReleaseRequest, '');
});

test('Date and the default From', async () => {
  const r = await send(node, mjl(), { To: [{ Address: 'a@example.org' }], Text: 'hi', Date: '2025-02-03T04:05:06-05:00' });
  const msg = await contentOf(r.Submissions[0].QueueMsgID);
  assert.equal(decodedHeader(msg, 'Date'), 'Mon, 03 Feb 2025 04:05:06 -0500');
  assert.equal(decodedHeader(msg, 'From'), 'M J L <mjl@mox.example>');
  const dated = await send(node, mjl(), { To: [{ Address: 'a@example.org' }], Text: 'hi' });
  assert.equal(decodedHeader(await contentOf(dated.Submissions[0].QueueMsgID), 'Date'), 'Sat, 01 Mar 2025 12:00:00 +0000', 'now');
});

test('without SaveSent nothing is stored in a mailbox', async () => {
  const r = await send(node, mjl(), { To: [{ Address: 'a@example.org' }], Text: 'hi' });
  const [event] = (await queuedEvents(node)).filter((e) => e.Recipients[0].QueueMsgID === r.Submissions[0].QueueMsgID);
  assert.equal(new MailboxReadModel(node.runtime.readDb).byIdempotencyKey('mjl', `sent-${event.SubmissionID}`), null);
});

test('an error over HTTP is 400 with mox\'s code', async () => {
  const { status, json } = await webapiJson(node, 'mjl@mox.example', 'Send', { To: [{ Address: 'a@example.org' }] });
  assert.equal(status, 400);
  assert.equal(json.Code, 'missingBody');
});
