// What a reply to a fromid address says (reference 2.2, 2.3, DESIGN section 5): the strict RFC 3464 view
// with mox's code rules, the real-world reader when that fails, and tying several recipients to the
// sent message's recipient. Pure: bytes in, event and codes out.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fromIDCandidate, sameAddress } from '../../src/inbound/dsn-matching/addresses';
import { interpretDsn } from '../../src/inbound/dsn-matching/dsn-interpretation';
import { suppressionCodes } from '../../src/inbound/dsn-matching/dsn-received';
import { isImmediateBlock } from '../../src/suppression/failure-suppression';
import { dsnMessage, plainMessage, type DsnBlock } from './support/messages';

const dsn = (...blocks: DsnBlock[]) => Buffer.from(dsnMessage({ from: 'postmaster@remote.example', to: 'mjl+id@mox.example', blocks }));
const pick = (i: ReturnType<typeof interpretDsn>) => [i.Event, i.DSN, i.Code, i.Secode, i.Success];

describe('interpretDsn', () => {
  const cases: [string, Buffer, string, unknown[]][] = [
    ['failed with a Diagnostic-Code', dsn({ finalRecipient: 'r@remote.example', action: 'failed', status: '5.1.1', diagnostic: '550 5.1.1 no such user' }), 'r@remote.example', ['failed', true, 550, '1.1', false]],
    ['delivered with mox\'s 554 5.0.0', dsn({ finalRecipient: 'other@mox.example', action: 'delivered', status: '5.0.0.', diagnostic: '554 5.0.0 error' }), 'r@remote.example', ['delivered', true, 554, '0.0', true]],
    ['no Diagnostic-Code: the status class makes the code', dsn({ finalRecipient: 'r@remote.example', action: 'failed', status: '5.2.2' }), 'r@remote.example', ['failed', true, 500, '2.2', false]],
    ['Action bogus', dsn({ finalRecipient: 'r@remote.example', action: 'bogus', diagnostic: '554 5.0.0 x' }), 'r@remote.example', ['unrecognized', true, 0, '', false]],
    ['two blocks, neither the recipient', dsn({ finalRecipient: 'a@remote.example', action: 'failed' }, { finalRecipient: 'b@remote.example', action: 'failed' }), 'r@remote.example', ['unrecognized', true, 0, '', false]],
    ['two blocks, one the recipient (any case, IDNA domain)', dsn({ finalRecipient: 'a@remote.example', action: 'failed' }, { finalRecipient: 'R@XN--74H.example', action: 'delayed', diagnostic: '451 4.4.1 later' }), 'r@☺.example', ['delayed', true, 451, '4.1', false]],
    ['a plain message', Buffer.from(plainMessage({ from: 'p@remote.example', to: 'mjl+id@mox.example' })), 'r@remote.example', ['unrecognized', false, 0, '', false]],
  ];
  for (const [name, message, recipient, want] of cases) it(name, () => assert.deepEqual(pick(interpretDsn(message, recipient)), want));

  it('reads a non-standard bounce with the real-world reader', () => {
    const postfix = [
      'From: MAILER-DAEMON@remote.example (Mail Delivery System)',
      'To: mjl+id@mox.example',
      'Subject: Undelivered Mail Returned to Sender',
      '',
      'This is the mail system at host remote.example.',
      '',
      "I'm sorry to have to inform you that your message could not",
      'be delivered to one or more recipients.',
      '',
      '<r@remote.example>: host mx.remote.example[192.0.2.1] said: 550 5.1.1',
      '    <r@remote.example>: Recipient address rejected: User unknown (in reply to RCPT TO command)',
      '',
    ].join('\r\n');
    const i = interpretDsn(Buffer.from(postfix), 'r@remote.example');
    assert.deepEqual(pick(i), ['failed', true, 550, '1.1', false]);
    assert.equal(i.Reader, 'bounce-parser');
    assert.match(i.Error, /User unknown/);
  });
});

describe('fromid addresses', () => {
  it('takes what follows the first occurrence of the domain\'s first separator', () => {
    assert.equal(fromIDCandidate('mjl+abc+def', ['+', '-']), 'abc+def');
    assert.equal(fromIDCandidate('mjl-abc', ['+', '-']), '', 'only the first separator counts');
    assert.equal(fromIDCandidate('mjl+AbC', ['+']), 'AbC', 'case kept');
    assert.equal(fromIDCandidate('mjl+abc', []), '');
  });
  it('compares addresses without case and by the ASCII domain', () => {
    assert.ok(sameAddress('Mjl@XN--74H.Example', 'mjl@☺.example'));
    assert.ok(!sameAddress('a@remote.example', 'b@remote.example'));
  });
});

describe('guessed codes and replies by people', () => {
  const fixture = (name: string) => readFileSync(join(__dirname, '../../../test/dsn/fixtures', name));

  it('shows a status made up from the wording, but does not let it suppress at once', () => {
    const i = interpretDsn(fixture('exim-blocklist-no-codes.eml'), 'amy@listed.example');
    assert.deepEqual(pick(i), ['failed', true, 500, '7.1', false]);
    assert.equal(i.SecodeGuessed, true);
    // 5xx with x.7.1 would be an immediate block (mox isImmedateBlock); a guess is not.
    assert.equal(isImmediateBlock(i.Code, i.Secode), true);
    const codes = suppressionCodes(i);
    assert.deepEqual(codes, { code: 500, secode: '' });
    assert.equal(isImmediateBlock(codes.code, codes.secode), false);
  });

  it('lets a made-up status suppress when the wording says the address is bad for good', () => {
    const i = interpretDsn(fixture('yahoo-no-account.eml'), 'wanda@yahoo.example');
    assert.deepEqual(pick(i), ['failed', true, 554, '1.1', false]);
    assert.equal(i.SecodeGuessed, false);
    assert.equal(isImmediateBlock(suppressionCodes(i).code, suppressionCodes(i).secode), true);
  });

  it('keeps a quoted status for suppression', () => {
    const i = interpretDsn(dsn({ finalRecipient: 'r@remote.example', action: 'failed', status: '5.7.1', diagnostic: '554 5.7.1 blocked' }), 'r@remote.example');
    assert.equal(i.SecodeGuessed, false);
    assert.deepEqual(suppressionCodes(i), { code: 554, secode: '7.1' });
  });

  it('does not read a person forwarding a bounce as a bounce', () => {
    const i = interpretDsn(fixture('person-forwarding-a-bounce.eml'), 'yolanda@client.example');
    assert.equal(i.Event, 'unrecognized');
    assert.equal(i.Code, 0);
  });
});
