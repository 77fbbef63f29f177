// localserve's special localparts (reference 7, DESIGN section 6), table-driven.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dataReplyFor, failureAtMail, failureAtRcpt, simulatedFailure, simulatedReply } from '../../src/localserve/special-localparts';

describe('simulatedFailure', () => {
  const cases: [string, ReturnType<typeof simulatedFailure>][] = [
    ['usertemperror', { kind: 'code', code: 451 }],
    ['userpermerror', { kind: 'code', code: 550 }],
    ['UserPermError', { kind: 'code', code: 550 }],
    ['usertimeout', { kind: 'timeout' }],
    ['user400', { kind: 'code', code: 400 }],
    ['user552', { kind: 'code', code: 552 }],
    ['user599', { kind: 'code', code: 599 }],
    ['user600', null],
    ['user399', null],
    ['user', null],
    ['552', { kind: 'code', code: 552 }],
    ['user+55', null],
    ['temperror-not-at-end', null],
  ];
  for (const [localpart, want] of cases) {
    it(`${localpart} -> ${JSON.stringify(want)}`, () => assert.deepEqual(simulatedFailure(localpart), want));
  }
});

describe('where a failure shows', () => {
  it('fails MAIL only with the mailfrom prefix and RCPT only with the rcptto prefix', () => {
    assert.deepEqual(failureAtMail('mailfrom451'), { kind: 'code', code: 451 });
    assert.equal(failureAtMail('x451'), null);
    assert.equal(failureAtMail('rcptto451'), null);
    assert.deepEqual(failureAtRcpt('rcpttopermerror'), { kind: 'code', code: 550 });
    assert.equal(failureAtRcpt('mailfrompermerror'), null);
  });

  it('uses X.0.0, and 4.3.0 after a timeout except after DATA', () => {
    assert.deepEqual(simulatedReply({ kind: 'code', code: 552 }, 'rcpt'), { code: 552, enhanced: '5.0.0', text: 'failure with code 552 due to special localpart' });
    assert.equal(simulatedReply({ kind: 'timeout' }, 'mail').enhanced, '4.3.0');
    assert.equal(simulatedReply({ kind: 'timeout' }, 'submission').enhanced, '4.3.0');
    assert.equal(simulatedReply({ kind: 'timeout' }, 'data').enhanced, '4.0.0');
  });
});

describe('dataReplyFor', () => {
  const r = (code: number) => simulatedReply({ kind: 'code', code }, 'data');
  it('is null when some recipients were delivered', () => assert.equal(dataReplyFor([{ recipient: 'a', reply: r(451) }], 2), null));
  it('is the common reply when all failed alike', () => assert.deepEqual(dataReplyFor([{ recipient: 'a', reply: r(451) }, { recipient: 'b', reply: r(451) }], 2), r(451)));
  it('is 451 for different temporary failures and 554 when one is permanent', () => {
    assert.equal(dataReplyFor([{ recipient: 'a', reply: r(451) }, { recipient: 'b', reply: r(452) }], 2)!.code, 451);
    const mixed = dataReplyFor([{ recipient: 'a', reply: r(451) }, { recipient: 'b', reply: r(550) }], 2)!;
    assert.deepEqual([mixed.code, mixed.enhanced], [554, '5.0.0']);
    assert.match(mixed.text, /a: 451 4\.0\.0, b: 550 5\.0\.0/);
  });
});
