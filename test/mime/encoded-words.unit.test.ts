// RFC 2047 encoded words and RFC 2231 parameters.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeEncodedWords, parseParameterizedValue } from '../../src/mime';

describe('RFC 2047 encoded words', () => {
  const cases: Array<[string, string]> = [
    ['=?utf-8?q?caf=C3=A9_au_lait?=', 'caf\u00e9 au lait'],
    ['=?UTF-8?B?w6nDqA==?=', '\u00e9\u00e8'],
    ['=?iso-8859-1?Q?Pr=FCfung?= of =?utf-8?b?4pyU?= results', 'Pr\u00fcfung of \u2714 results'],
    // White space between adjacent encoded words disappears (§6.2).
    ['=?utf-8?q?a?= =?utf-8?q?b?=', 'ab'],
    // A multi-byte character split over two words (E2 9C | 94).
    ['=?utf-8?b?4pw=?= =?utf-8?b?lA==?=', '\u2714'],
    ['=?ISO-2022-JP?B?GyRCJUYlOSVIGyhC?=', '\u30c6\u30b9\u30c8'],
    ['=?windows-1252?q?=93quoted=94?=', '\u201cquoted\u201d'],
    ['=?utf-8*en?q?with_language?=', 'with language'],
    ['=?x-unknown?q?raw_bytes?=', 'raw bytes'],
    // Node's binary-to-text encodings are no charsets.
    ['=?base64?q?plain?=', 'plain'],
    ['no words here =? not one ?=', 'no words here =? not one ?='],
    ['=?utf-8?q?bad=ZZhex?=', 'bad=ZZhex'],
  ];
  for (const [input, want] of cases) it(JSON.stringify(input), () => assert.equal(decodeEncodedWords(input), want));
});

describe('RFC 2231 parameters', () => {
  it('reads extended values and continuations', () => {
    const v = parseParameterizedValue("attachment; filename*0*=utf-8''%E2%82%AC%20; filename*1*=rate; filename*2=\".txt\"; size=12");
    assert.equal(v.value, 'attachment');
    assert.deepEqual(v.params, { filename: '\u20ac rate.txt', size: '12' });
  });

  it('prefers the extended form over the plain one', () => {
    assert.equal(parseParameterizedValue("inline; filename=plain.txt; filename*=iso-8859-1'de'%E4.txt").params.filename, '\u00e4.txt');
  });

  it('keeps names like __proto__ as plain parameters', () => {
    const v = parseParameterizedValue('a/b; __proto__=1; constructor=2');
    assert.equal(Object.getPrototypeOf(v.params), Object.prototype);
    assert.deepEqual(Object.entries(v.params), [['__proto__', '1'], ['constructor', '2']]);
  });

  it('lower-cases names, keeps value case, unquotes, and survives junk', () => {
    const v = parseParameterizedValue('Text/Plain; CharSet="UTF-8"; ; junk; format=flowed; name="a \\"b\\""; x="unterminated');
    assert.equal(v.value, 'text/plain');
    assert.deepEqual(v.params, { charset: 'UTF-8', format: 'flowed', name: 'a "b"', x: 'unterminated' });
    assert.deepEqual(v.problems, ['parameter without "=": junk']);
  });
});
