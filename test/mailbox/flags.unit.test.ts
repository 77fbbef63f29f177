// Flag parsing and ordering as mox's store.ParseFlagsKeywords and Flags.Strings (reference 1.12, 1.16).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { flagList, keywordProblem, parseFlags, SYSTEM_FLAGS } from '../../src/mailbox/flags';

describe('parseFlags', () => {
  const cases: [string, { given: string[]; pedantic?: boolean; want: ReturnType<typeof parseFlags> }][] = [
    ['nothing', { given: [], want: { ok: true, flags: [], keywords: [] } }],
    [
      'system flags lower-cased, in mox order',
      { given: ['\\Seen', '$Forwarded', '\\ANSWERED', '$junk'], want: { ok: true, flags: ['$forwarded', '$junk', '\\answered', '\\seen'], keywords: [] } },
    ],
    ['keywords lower-cased and sorted', { given: ['Zeta', 'alpha', 'order-1234'], want: { ok: true, flags: [], keywords: ['alpha', 'order-1234', 'zeta'] } }],
    ['a repeated system flag is fine', { given: ['\\seen', '\\SEEN'], pedantic: true, want: { ok: true, flags: ['\\seen'], keywords: [] } }],
    ['a duplicate keyword is ignored', { given: ['custom', 'CUSTOM'], want: { ok: true, flags: [], keywords: ['custom'] } }],
    ['a duplicate keyword is an error when pedantic', { given: ['custom', 'Custom'], pedantic: true, want: { ok: false, error: 'duplicate keyword custom' } }],
    ['an empty keyword', { given: [''], want: { ok: false, error: 'invalid keyword ' } }],
    ['a space', { given: ['two words'], want: { ok: false, error: 'invalid keyword two words' } }],
    ['a forbidden character', { given: ['a]b'], want: { ok: false, error: 'invalid keyword a]b' } }],
    ['a parenthesis', { given: ['(x'], want: { ok: false, error: 'invalid keyword (x' } }],
    ['non-ASCII', { given: ['café'], want: { ok: false, error: 'invalid keyword café' } }],
    ['an unknown backslash flag is a bad keyword', { given: ['\\recent'], want: { ok: false, error: 'invalid keyword \\recent' } }],
    ['$ keywords other than the system ones are keywords', { given: ['$label1'], want: { ok: true, flags: [], keywords: ['$label1'] } }],
  ];
  for (const [name, { given, pedantic, want }] of cases) {
    it(name, () => assert.deepEqual(parseFlags(given, { pedantic }), want));
  }
});

describe('keywordProblem', () => {
  it('refuses the well-known flags as keywords', () => {
    for (const flag of SYSTEM_FLAGS) assert.equal(keywordProblem(flag), 'cannot use well-known flag as keyword');
  });
  it('accepts printable ASCII without the IMAP specials', () => {
    assert.equal(keywordProblem('!#&\'+,-./0123456789:;<=>?@[^_`a|}~'), null);
    for (const c of '(){%*"\\] \t\x7f') assert.notEqual(keywordProblem(`x${c}y`), null, JSON.stringify(c));
  });
});

describe('flagList', () => {
  it('lists system flags in fixed order, then sorted keywords', () => {
    assert.deepEqual(flagList(['\\seen', '$notjunk', '\\answered', '$forwarded'], ['zz', 'custom']), [
      '$forwarded',
      '$notjunk',
      '\\answered',
      '\\seen',
      'custom',
      'zz',
    ]);
  });
  it('keeps the order mox documents for all ten', () => {
    assert.deepEqual(flagList([...SYSTEM_FLAGS].reverse(), []), [
      '$forwarded',
      '$junk',
      '$mdnsent',
      '$notjunk',
      '$phishing',
      '\\answered',
      '\\deleted',
      '\\draft',
      '\\flagged',
      '\\seen',
    ]);
  });
});
