// The DSN mails written into the sender's Inbox: RFC 3464 reports that Postwire's own bounce parser
// reads back, with mox's texts and the real retry schedule.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { composeDsnMail, humanDuration, rfc5322Date, type DsnMailInput } from '../../src/delivery/dsn-mail';
import { parseBounce } from '../../src/dsn/parse-bounce';

const NOW = new Date('2026-03-02T11:00:00.000Z');
const base: DsnMailInput = {
  hostname: 'mail.postwire.test',
  to: 'shop@sender.example',
  recipient: 'anna@dest.example',
  action: 'failed',
  secode: '1.1',
  error: 'delivering message to mx.dest.example: remote smtp server sent unexpected response status code, permanent: 550 5.1.1 no such user',
  smtpLines: ['550-5.1.1 no such user', '550 5.1.1 see https://help.example'],
  remoteHost: 'mx.dest.example',
  messageID: '<orig@sender.example>',
  arrival: new Date('2026-03-02T10:00:00.000Z'),
  lastAttempt: new Date('2026-03-02T10:59:00.000Z'),
  originalHeaders: 'From: <shop@sender.example>\r\nTo: <anna@dest.example>\r\nSubject: your order\r\n',
  smtputf8: false,
  now: NOW,
};

describe('DSN mails', () => {
  it('a failure report: readable text, delivery status, original headers', () => {
    const raw = composeDsnMail(base).toString();
    assert.match(raw, /^Return-Path: <postmaster@mail\.postwire\.test>\r\nDelivered-To: shop@sender\.example\r\nFrom: <postmaster@mail\.postwire\.test>\r\nTo: <shop@sender\.example>\r\nSubject: mail delivery failed\r\n/);
    assert.match(raw, /\r\nReferences: <orig@sender\.example>\r\n/);
    assert.match(raw, /Content-Type: multipart\/report; report-type="delivery-status"; boundary="/);
    assert.match(raw, /Delivery has failed permanently for your email to:\r\n\r\n\tanna@dest\.example\r\n\r\nNo further deliveries will be attempted\./);
    assert.match(raw, /Full SMTP response:\r\n\r\n\t550-5\.1\.1 no such user\r\n\t550 5\.1\.1 see https:\/\/help\.example\r\n/);
    assert.match(raw, /Reporting-MTA: dns; mail\.postwire\.test\r\nArrival-Date: Mon, 02 Mar 2026 10:00:00 \+0000\r\n\r\nFinal-Recipient: rfc822; anna@dest\.example\r\nAction: failed\r\nStatus: 5\.1\.1\r\nRemote-MTA: dns; mx\.dest\.example\r\nDiagnostic-Code: smtp; 550-5\.1\.1 no such user 550 5\.1\.1 see https:\/\/help\.example\r\nLast-Attempt-Date: Mon, 02 Mar 2026 10:59:00 \+0000\r\n/);
    assert.match(raw, /Content-Type: text\/rfc822-headers\r\n\r\nFrom: <shop@sender\.example>\r\nTo: <anna@dest\.example>\r\nSubject: your order\r\n/);
    const parsed = parseBounce(Buffer.from(raw));
    assert.equal(parsed.Bounce, true);
    assert.deepEqual(parsed.Recipients.map((r) => [r.Address, r.Action, r.SMTPCode]), [['anna@dest.example', 'failed', 550]]);
  });

  it('a delayed report names the real remaining schedule and Will-Retry-Until', () => {
    const hour = 3_600_000;
    const raw = composeDsnMail({ ...base, action: 'delayed', secode: '2.2', smtpLines: ['452 4.2.2 mailbox full'], nextAttemptsIn: [2 * hour, 6 * hour, 14 * hour], willRetryUntil: new Date(NOW.getTime() + 14 * hour) }).toString();
    assert.match(raw, /\r\nSubject: mail delivery delayed\r\n/);
    assert.match(raw, /Next attempts to deliver: in 2 hours, 6 hours and 14 hours\./);
    assert.match(raw, /\r\nAction: delayed\r\nStatus: 4\.2\.2\r\n/);
    assert.match(raw, /\r\nWill-Retry-Until: Tue, 03 Mar 2026 01:00:00 \+0000\r\n/);
    assert.deepEqual(parseBounce(Buffer.from(raw)).Recipients.map((r) => [r.Action, r.Status, r.SMTPCode]), [['delayed', '4.2.2', 452]]);
  });

  it('without a reply (suppressed, admin fail): status x.0.0 and no Diagnostic-Code', () => {
    const raw = composeDsnMail({ ...base, secode: '', smtpLines: [], remoteHost: '', error: 'delivery canceled by admin', originalHeaders: '' }).toString();
    assert.match(raw, /\r\nStatus: 5\.0\.0\r\n/);
    assert.doesNotMatch(raw, /Diagnostic-Code|Remote-MTA|rfc822-headers/);
  });

  it('SMTPUTF8 messages use the RFC 6533 types', () => {
    const raw = composeDsnMail({ ...base, recipient: 'jörg@dest.example', smtputf8: true }).toString();
    assert.match(raw, /Content-Type: message\/global-delivery-status/);
    assert.match(raw, /Final-Recipient: utf-8; jörg@dest\.example/);
    assert.match(raw, /Content-Type: message\/global-headers/);
  });

  it('dates and durations', () => {
    assert.equal(rfc5322Date(new Date('2026-12-31T23:59:09Z')), 'Thu, 31 Dec 2026 23:59:09 +0000');
    assert.deepEqual([7.5 * 60_000, 60_000, 2 * 3_600_000, 14 * 3_600_000].map(humanDuration), ['8 minutes', '1 minute', '2 hours', '14 hours']);
  });
});
