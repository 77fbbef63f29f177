// parseBounce on the DSN fixtures in test/dsn/fixtures (written for these tests): standard reports, the
// plain-text formats of common MTAs, non-bounces, and the malformed MIME fixtures.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseBounce } from '../../src/dsn';
import type { BounceRecipient } from '../../src/dsn';

const dir = join(__dirname, '../../../test/dsn/fixtures');
const malformedDir = join(__dirname, '../../../test/mime/fixtures/malformed');

type Want = [address: string, action: string, status: string, smtp: number | null, permanent: boolean];
const rows = (rs: BounceRecipient[]): Want[] => rs.map((r) => [r.Address, r.Action, r.Status, r.SMTPCode, r.Permanent]);

const cases: Array<[file: string, bounce: boolean, recipients: Want[]]> = [
  ['rfc3464-single.eml', true, [['bob@receiver.example', 'failed', '5.1.1', 550, true]]],
  ['rfc3464-multi.eml', true, [
    ['carol@one.example', 'failed', '5.1.1', 550, true],
    ['dave@two.example', 'failed', '5.2.2', 552, false],
    ['erin@three.example', 'delayed', '4.4.1', 421, false],
  ]],
  ['global-utf8.eml', true, [['\u7528\u6237@\u4f8b\u5b50.\u4e2d\u56fd', 'failed', '5.1.1', 550, true]]],
  ['delayed.eml', true, [['grace@slow.example', 'delayed', '4.4.1', null, false]]],
  ['relayed.eml', false, [['ivan@far.example', 'relayed', '2.0.0', 250, false]]],
  ['expanded.eml', false, [['ivan@far.example', 'expanded', '2.0.0', null, false]]],
  ['delivered.eml', false, [['ivan@far.example', 'delivered', '2.0.0', 250, false]]],
  ['qmail-style.eml', true, [
    ['karl@remote.example', 'failed', '5.1.1', 550, true],
    ['laura@smtp.sender.example', 'failed', '5.1.1', null, true],
    ['mallory@quota.example', 'failed', '4.2.2', 452, false],
  ]],
  ['exim-style.eml', true, [
    ['olivia@remote.example', 'failed', '5.1.1', 550, true],
    ['peggy@gone.example', 'failed', '5.1.2', null, true],
  ]],
  ['postfix-plain.eml', true, [
    ['rupert@full.example', 'failed', '5.2.2', 552, false],
    ['sybil@nodomain.example', 'failed', '5.1.2', null, true],
    ['trent@filter.example', 'failed', '5.7.1', 550, false],
  ]],
  ['sendmail-plain.eml', true, [['zack@dest.example', 'failed', '5.1.1', 550, true]]],
  ['exchange-ndr.eml', true, [['ben@partner.example', 'failed', '5.1.1', 550, true]]],
  ['exchange2003-style.eml', true, [['dora@legacy.example', 'failed', '5.1.1', 550, true]]],
  ['gmail-address-not-found.eml', true, [['nobody-here@gmail.example', 'failed', '5.1.1', 550, true]]],
  ['ses-bounce-json.eml', true, [['eve@nowhere.example', 'failed', '5.1.1', 550, true]]],
  ['postfix-postmaster-notice.eml', true, [['nobody@receiver.example', 'failed', '5.1.1', 550, true]]],
  // "(state 18)": Gmail's session failed after DATA, so "Unknown user" is a filter's refusal.
  ['gmail-state.eml', true, [
    ['content@receiver.example', 'failed', '5.7.1', 550, false],
    ['nobody@other.example', 'failed', '5.7.1', 550, false],
  ]],
  // A temporary condition retried until the timeout: the made-up status is of class 4.
  ['exim-retry-timeout.eml', true, [['full@receiver.example', 'failed', '4.2.2', null, false]]],
  // au states the account is disabled above the remote reply: suspended, not unknown.
  ['au-account-disabled.eml', true, [['someone@ezweb.ne.jp', 'failed', '5.2.1', 550, false]]],
  // No recipient in the notice: the returned message's only recipient.
  ['google-workspace-not-delivered.eml', true, [['gone@partner.example', 'failed', '5.1.1', null, true]]],
  // Yahoo refuses at RCPT TO with "delivery error: dd ..." without naming the command.
  ['yahoo-no-account.eml', true, [['wanda@yahoo.example', 'failed', '5.1.1', 554, true]]],
  // The reply quotes the address again: still one recipient, the reply its diagnostic.
  ['yahoo-mailbox-disabled.eml', true, [['xavier@yahoo.example', 'failed', '5.2.1', 554, false]]],
  // No code quoted: the status is made up from the wording, and a block is no reason to stop mailing.
  ['exim-blocklist-no-codes.eml', true, [['amy@listed.example', 'failed', '5.7.1', null, false]]],
  ['auto-reply.eml', false, []],
  ['arf.eml', false, []],
  // A person's "Re:" quoting a bounce about somebody else is not a bounce.
  ['person-forwarding-a-bounce.eml', false, []],
];

describe('DSN fixtures', () => {
  for (const [file, bounce, want] of cases) {
    it(file, () => {
      const report = parseBounce(readFileSync(join(dir, file)));
      assert.equal(report.Bounce, bounce);
      assert.deepEqual(rows(report.Recipients), want);
      for (const r of report.Recipients) {
        if (r.Action !== 'expanded') assert.notEqual(r.Diagnostic, '', `${r.Address} has a diagnostic`);
      }
    });
  }

  it('every fixture file has a case', () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.eml')).sort();
    assert.deepEqual(files, cases.map(([f]) => f).sort());
  });

  it('keeps the report diagnostic and the SMTP command context', () => {
    const [r] = parseBounce(readFileSync(join(dir, 'rfc3464-single.eml'))).Recipients;
    assert.equal(r.Diagnostic, '550 5.1.1 <bob@receiver.example>: Recipient address rejected: User unknown in virtual mailbox table');
    // Refused after DATA by a content filter: the same words are not an unknown mailbox.
    const [, , filtered] = parseBounce(readFileSync(join(dir, 'postfix-plain.eml'))).Recipients;
    assert.match(filtered.Diagnostic, /rejected as spam/);
    assert.equal(filtered.Permanent, false);
  });

  const malformed: Array<[string, boolean, string[]]> = [
    ['empty.eml', false, []],
    ['binary-garbage.eml', false, []],
    ['bad-encodings.eml', false, []],
    ['truncated.eml', true, ['bob@receiver.example']],
    ['wrong-boundary.eml', true, ['x@dest.example']],
    ['missing-boundary.eml', true, ['y@dest.example']],
  ];
  for (const [file, bounce, addresses] of malformed) {
    it(`malformed/${file}`, () => {
      const started = performance.now();
      const report = parseBounce(readFileSync(join(malformedDir, file)));
      assert.ok(performance.now() - started < 2000);
      assert.equal(report.Bounce, bounce);
      assert.deepEqual(report.Recipients.map((r) => r.Address), addresses);
    });
  }
});
