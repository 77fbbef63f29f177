// When a final failure suppresses its recipient (mox isImmedateBlock and suppressionProcess;
// reference 4, 10.22-10.24).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decideFailureSuppression, isImmediateBlock, type FailureFacts } from '../../src/suppression/failure-suppression';

const facts = (code: number, secode: string, more: Partial<FailureFacts> = {}): FailureFacts => ({ code, secode, source: 'queue', alreadyListed: false, previous: [], ...more });

describe('immediate suppression codes', () => {
  const cases: [string, { code: number; secode: string; want: boolean }][] = [
    ['550 5.1.0 suppresses (reference 10.23)', { code: 550, secode: '1.0', want: true }],
    ['554 5.1.0 does not (reference 10.22)', { code: 554, secode: '1.0', want: false }],
    ['521 whatever the enhanced code', { code: 521, secode: '', want: true }],
    ['551', { code: 551, secode: '', want: true }],
    ['553', { code: 553, secode: '', want: true }],
    ['556', { code: 556, secode: '', want: true }],
    ['554 x.1.1 bad mailbox', { code: 554, secode: '1.1', want: true }],
    ['554 x.1.2 bad domain', { code: 554, secode: '1.2', want: true }],
    ['554 x.1.3 bad syntax', { code: 554, secode: '1.3', want: true }],
    ['554 x.1.6 moved', { code: 554, secode: '1.6', want: true }],
    ['552 x.2.1 disabled', { code: 552, secode: '2.1', want: true }],
    ['554 x.7.1 not authorised', { code: 554, secode: '7.1', want: true }],
    ['552 5.2.2 mailbox full', { code: 552, secode: '2.2', want: false }],
    ['554 5.0.0', { code: 554, secode: '0.0', want: false }],
    ['4xx never, even x.1.1', { code: 451, secode: '1.1', want: false }],
  ];
  for (const [name, { code, secode, want }] of cases) {
    it(name, () => assert.equal(isImmediateBlock(code, secode), want));
  }
});

describe('suppression decision at a final failure', () => {
  it('immediate, with mox\'s reason text', () => {
    assert.deepEqual(decideFailureSuppression(facts(550, '1.1')), {
      suppressing: true,
      reason: 'delivery failure from queue with smtp code 550, enhanced code "1.1"',
    });
    assert.equal(decideFailureSuppression(facts(550, '', { source: 'DSN' })).reason, 'delivery failure from DSN with smtp code 550, enhanced code ""');
  });

  it('never without an SMTP code (connection, DNS, TLS problems)', () => {
    assert.equal(decideFailureSuppression(facts(0, '', { previous: [false, false] })).suppressing, false);
  });

  it('never when the address is listed already', () => {
    assert.equal(decideFailureSuppression(facts(550, '1.1', { alreadyListed: true })).suppressing, false);
  });

  const consecutive: [string, { previous: boolean[]; want: boolean }][] = [
    ['two earlier failures: the third suppresses', { previous: [false, false], want: true }],
    ['the newest earlier one succeeded', { previous: [true, false], want: false }],
    ['the older earlier one succeeded', { previous: [false, true], want: false }],
    ['only one earlier failure', { previous: [false], want: false }],
    ['no history (no retention)', { previous: [], want: false }],
  ];
  for (const [name, { previous, want }] of consecutive) {
    it(`554 5.0.0: ${name}`, () => {
      const decision = decideFailureSuppression(facts(554, '0.0', { previous }));
      assert.equal(decision.suppressing, want);
      if (want) assert.equal(decision.reason, 'delivery failure from queue and three consecutive failures');
    });
  }
});
