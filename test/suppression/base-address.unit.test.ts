// Base addresses and address parsing for suppression lists (mox queue/suppression.go baseAddress,
// reference 4 and 10.10-10.12, 10.41).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { baseAddress, baseLocalpart } from '../../src/suppression/base-address';
import { formatEmailAddress, InvalidEmailAddress, parseEmailAddress } from '../../src/suppression/email-address';

describe('base address', () => {
  const cases: [string, { given: string; want: string }][] = [
    ['catch-all suffix, dots and case', { given: 'M.j.l2+catchall@Mox.example', want: 'mjl2@mox.example' }],
    ['dash suffix, IDNA domain to Unicode', { given: 'Remote.Last-catchall@xn--74h.localhost', want: 'remotelast@☺.localhost' }],
    ['Unicode domain in any case', { given: 'remote.LAST+more@☺.LocalHost', want: 'remotelast@☺.localhost' }],
    ['plus before dash: cut at plus first', { given: 'a-b+c-d@x.example', want: 'a@x.example' }],
    ['dash before plus', { given: 'first.last-x+y@x.example', want: 'firstlast@x.example' }],
    ['Unicode localpart lower-cased', { given: 'ÄRGER.Ö@example.org', want: 'ärgerö@example.org' }],
    ['plain', { given: 'nobody@example.com', want: 'nobody@example.com' }],
    ['address literal kept', { given: 'Who@[192.0.2.1]', want: 'who@[192.0.2.1]' }],
  ];
  for (const [name, { given, want }] of cases) {
    it(name, () => assert.equal(baseAddress(given), want));
  }

  it('does not depend on configured separators: always + then -', () => {
    assert.equal(baseLocalpart('x_y=z'), 'x_y=z');
    assert.equal(baseLocalpart('.a.b.'), 'ab');
  });
});

describe('email address parsing', () => {
  it('keeps the original localpart and gives the Unicode domain', () => {
    const a = parseEmailAddress('Remote.Last-catchall@xn--74h.localhost');
    assert.deepEqual(a, { localpart: 'Remote.Last-catchall', domainASCII: 'xn--74h.localhost', domainUnicode: '☺.localhost' });
    assert.equal(formatEmailAddress(a), 'Remote.Last-catchall@☺.localhost');
    assert.equal(formatEmailAddress(a, false), 'Remote.Last-catchall@xn--74h.localhost');
  });

  it('reads quoted localparts and quotes them again when needed', () => {
    const a = parseEmailAddress('"john doe"@example.com');
    assert.equal(a.localpart, 'john doe');
    assert.equal(formatEmailAddress(a), '"john doe"@example.com');
  });

  const bad: [string, RegExp][] = [
    ['not an address', /missing @/],
    ['', /missing @/],
    ['@example.com', /empty localpart/],
    ['user@', /empty domain/],
    ['a..b@example.com', /empty part between dots/],
    ['a b@example.com', /need quoting/],
    ['user@-bad.example', /invalid domain/],
    ['user@exa mple.com', /invalid domain/],
    ['"open@example.com', /unterminated/],
    [`${'x'.repeat(65)}@example.com`, /longer than 64/],
    ['user@[999.1.1.1]', /address literal/],
  ];
  for (const [input, message] of bad) {
    it(`refuses ${JSON.stringify(input)}`, () => {
      assert.throws(() => parseEmailAddress(input), (err: unknown) => err instanceof InvalidEmailAddress && message.test(err.message));
    });
  }
});
