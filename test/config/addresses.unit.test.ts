import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cutAtSeparators, parseAddress, parseDomain } from '../../src/config/addresses';

describe('parseDomain', () => {
  for (const [input, ascii, unicode] of [
    ['example.org', 'example.org', 'example.org'],
    ['Example.ORG', 'example.org', 'example.org'],
    ['bücher.example', 'xn--bcher-kva.example', 'bücher.example'],
    ['XN--BCHER-KVA.example', 'xn--bcher-kva.example', 'bücher.example'],
    ['☺.localhost', 'xn--74h.localhost', '☺.localhost'],
    ['localhost', 'localhost', 'localhost'],
  ] as const) {
    it(`reads ${input}`, () => assert.deepEqual(parseDomain(input), { ok: true, value: { ascii, unicode } }));
  }

  for (const [input, message] of [
    ['', /empty/],
    ['[127.0.0.1]', /address literal/],
    ['example.org.', /trailing dot/],
    ['exa mple.org', /not a valid domain name/],
    ['-bad.example', /label "-bad"/],
    ['under_score.example', /label "under_score"/],
    ['1.2.3.4', /IP address/],
    [`${'a'.repeat(64)}.example`, /label/],
  ] as const) {
    it(`refuses ${JSON.stringify(input)}`, () => {
      const parsed = parseDomain(input);
      assert.equal(parsed.ok, false);
      if (!parsed.ok) assert.match(parsed.error, message);
    });
  }
});

describe('parseAddress', () => {
  it('lower-cases and NFC-normalises the localpart and writes the Unicode domain', () => {
    const parsed = parseAddress('Re\u0301my@XN--74H.localhost');
    assert.deepEqual(parsed, { ok: true, value: { localpart: 'rémy', domain: { ascii: 'xn--74h.localhost', unicode: '☺.localhost' }, address: 'rémy@☺.localhost' } });
  });

  it('reads the catch-all destination only when asked to', () => {
    assert.equal(parseAddress('@example.org').ok, false);
    const parsed = parseAddress('@Example.org', { allowCatchall: true });
    assert.ok(parsed.ok);
    assert.equal(parsed.value.address, '@example.org');
    assert.equal(parsed.value.localpart, '');
  });

  for (const [input, message] of [
    ['no-at-sign', /no "@"/],
    ['a b@example.org', /spaces or control characters/],
    ['"quoted"@example.org', /quoted localparts/],
    ['.dot@example.org', /"\." at the start/],
    ['a..b@example.org', /twice in a row/],
    ['a,b@example.org', /need quoting/],
    [`${'x'.repeat(65)}@example.org`, /longer than 64 bytes/],
    ['user@bad_domain.example', /label/],
  ] as const) {
    it(`refuses ${JSON.stringify(input)}`, () => {
      const parsed = parseAddress(input);
      assert.equal(parsed.ok, false);
      if (!parsed.ok) assert.match(parsed.error, message);
    });
  }
});

describe('cutAtSeparators', () => {
  for (const [localpart, separators, want] of [
    ['shop+news', ['+'], 'shop'],
    ['shop-news+x', ['+', '-'], 'shop'],
    ['shop+news-x', ['-', '+'], 'shop'],
    ['shop', ['+'], 'shop'],
    ['shop+x', [], 'shop+x'],
    ['+x', ['+'], ''],
  ] as const) {
    it(`${localpart} with ${JSON.stringify(separators)} is ${want}`, () => assert.equal(cutAtSeparators(localpart, separators), want));
  }
});
