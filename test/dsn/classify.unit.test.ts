// Reason, permanence and code extraction on single diagnostics: the rules that decide whether an address is
// bad (user unknown at RCPT TO) or merely refused (the same words after DATA, a full mailbox, a block).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classifyReason, isHardBounce, type ReasonFacts } from '../../src/dsn/reasons/classify';
import { commandIn } from '../../src/dsn/smtp-command';
import { bestStatusIn, preferStatus, replyCodeIn } from '../../src/dsn/status-codes';

const facts = (text: string, more: Partial<ReasonFacts> = {}): ReasonFacts => {
  const replyCode = replyCodeIn(text);
  return { text, status: bestStatusIn(text, replyCode), replyCode, command: commandIn(text), action: 'failed', diagnosticType: 'smtp', ...more };
};

describe('classifyReason', () => {
  const cases: Array<[string, Partial<ReasonFacts>, string, boolean]> = [
    ['550 5.1.1 <a@b.example>: Recipient address rejected: User unknown in local recipient table', {}, 'userunknown', true],
    ['host mx said: 550 Unknown user a@b.example (in reply to RCPT TO command)', {}, 'userunknown', true],
    ['host mx said: 550 Unknown user a@b.example (in reply to end of DATA command)', {}, 'filtered', false],
    ['550 unknown user', {}, 'filtered', false],
    // The reporting MTA's own verdict or directory lookup; bare wording without context stays a refusal.
    ['Unknown user', { localVerdict: true }, 'userunknown', true],
    ['User not listed in public Name & Address Book', {}, 'userunknown', true],
    ['kijitora@example.jp [User unknown]', {}, 'filtered', false],
    ['550 5.2.1 <a@b.example>... User Unknown', {}, 'filtered', false],
    ['550 5.2.1 <a@b.example>... User Unknown (in reply to RCPT TO command)', {}, 'userunknown', true],
    ['550 5.1.1 <a@b.example>... Mailbox full', {}, 'mailboxfull', false],
    ['552 5.2.2 Mailbox quota exceeded', {}, 'mailboxfull', false],
    ['Host or domain name not found. Name service error for name=b.example type=MX: Host not found', { status: '5.4.4', diagnosticType: 'x-postfix' }, 'hostunknown', true],
    ['Unrouteable address', {}, 'hostunknown', true],
    ['550 5.1.6 recipient no longer on server', {}, 'hasmoved', true],
    ['No mx record found for domain=b.example', {}, 'notaccept', true],
    ['521 5.3.2 b.example does not accept mail', {}, 'notaccept', true],
    ['421 4.3.2 host/domain does not accept mail (try later)', {}, 'notaccept', false],
    ['554 5.7.1 Service unavailable; Client host [192.0.2.1] blocked using zen.spamhaus.org', {}, 'blocked', false],
    ['550 5.7.1 Your message was rejected due to example.org\'s DMARC policy', {}, 'authfailure', false],
    ['451 4.7.650 The mail server has been temporarily rate limited due to IP reputation', {}, 'badreputation', false],
    ['550 5.7.0 <a@b.example>: Recipient address rejected: No relaying', {}, 'norelaying', false],
    ['552 5.3.4 Message size exceeds fixed limit', {}, 'mesgtoobig', false],
    ['501 5.1.8 Sender address rejected: Domain not found', { command: 'MAIL' }, 'rejected', false],
    ['550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup', {}, 'userunknown', true],
    // Microsoft's own codes name the reason whatever the command.
    ['550 5.5.0 Requested action not taken: mailbox unavailable', {}, 'userunknown', true],
    ['550 5.7.504 Recipient address rejected: Access denied', {}, 'suspend', false],
    ['550 5.4.316 Message expired, connection refused', {}, 'blocked', false],
    ['Envelope expired', { action: 'delayed' }, 'expired', false],
    ['71', { diagnosticType: 'x-unix', status: '4.5.0' }, 'mailererror', false],
    ['67', { diagnosticType: 'x-unix', status: '5.1.1' }, 'userunknown', true],
    ['250 2.0.0 Ok: queued', { action: 'delivered' }, 'delivered', false],
  ];
  for (const [text, more, reason, hard] of cases) {
    it(`${JSON.stringify(text)} -> ${reason}`, () => {
      const f = facts(text, more);
      const got = classifyReason(f);
      assert.equal(got, reason);
      assert.equal(isHardBounce(got, f.status, f.replyCode), hard);
    });
  }
});

describe('status and reply codes', () => {
  const prefer: Array<[string, string, number | null, string]> = [
    ['5.0.0', '5.1.1', 550, '5.1.1'],
    ['5.0.0', '', null, '5.0.0'],
    ['', '5.2.2', null, '5.2.2'],
    ['4.4.7', '4.4.5', 452, '4.4.5'],
    ['5.1.1', '5.0.0', null, '5.1.1'],
    ['4.5.0', '4.0.0', 451, '4.5.0'],
    ['5.1.0', '5.7.1', null, '5.7.1'],
    ['5.7.1', '4.2.2', 452, '4.2.2'],
  ];
  for (const [field, found, reply, want] of prefer) {
    it(`prefers ${want} between ${field || '""'} and ${found || '""'}`, () => assert.equal(preferStatus(field, found, reply), want));
  }

  const statuses: Array<[string, string]> = [
    ["5.1.0 - Unknown address error 550-'5.7.1 <x@y>... Access denied'", '5.7.1'],
    ['Sorry, no mailbox here by that name. (#5.1.1)', '5.1.1'],
    ['relay 192.0.2.5 (v5.1.2) accepted', ''],
    ['Status: 5.1.10 (host/domain does not accept mail)', '5.1.10'],
  ];
  for (const [text, want] of statuses) it(`finds ${JSON.stringify(want)} in ${JSON.stringify(text)}`, () => assert.equal(bestStatusIn(text), want));

  const replies: Array<[string, number | null]> = [
    ['host [192.0.2.250]: 550 5.1.1 no', 550],
    ['550-5.1.1 The email account', 550],
    ['ERROR_CODE :552, ERROR_CODE :5.2.2', 552],
    ['connect to mx.example[192.0.2.2]:25: No route to host', null],
    ['SIZE=250 over limit, id 2025', null],
  ];
  for (const [text, want] of replies) it(`reply code ${want} in ${JSON.stringify(text)}`, () => assert.equal(replyCodeIn(text), want));

  const commands: Array<[string, string]> = [
    ['(in reply to RCPT TO command)', 'RCPT'],
    ['SMTP error from remote mail server after end of data:', 'DATA'],
    ['>>> MAIL FROM:<a@b>', 'MAIL'],
    ['192.0.2.25 does not like recipient.', 'RCPT'],
    ['DATABASE@EXAMPLE.COM rejected', ''],
    ['550 550 5.1.1 <x@y.example>... User Unknown (state 14).', 'RCPT'],
    ['550 550 Unknown user x@y.example (state 18).', 'DATA'],
  ];
  for (const [text, want] of commands) it(`command ${want || 'none'} in ${JSON.stringify(text)}`, () => assert.equal(commandIn(text), want));
});
