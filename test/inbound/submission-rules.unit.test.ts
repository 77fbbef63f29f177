// Pure parts of submission: X-Mox-Extra headers (reference 6), the header reader that accepts
// non-ASCII field names, and the fromid plan (reference 5).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AccountConfig, DomainConfig } from '../../src/config/config-view';
import { readSubmittedHeader } from '../../src/inbound/header-fields';
import { SmtpReplyError } from '../../src/inbound/reply-codes';
import { canonicalMimeKey, extraFromHeaders } from '../../src/inbound/submission/extra-headers';
import { planFromID } from '../../src/inbound/submission/submission-fromid';

describe('canonicalMimeKey (Go textproto.CanonicalMIMEHeaderKey)', () => {
  const cases: [string, string][] = [
    ['x-mox-extra-a', 'X-Mox-Extra-A'],
    ['X-Mox-Extra-x-cANONICAL-z', 'X-Mox-Extra-X-Canonical-Z'],
    ['content-TYPE', 'Content-Type'],
    ['X-Mox-Extra-☺', 'X-Mox-Extra-☺'],
    ['has space', 'has space'],
  ];
  for (const [name, want] of cases) it(`${name} -> ${want}`, () => assert.equal(canonicalMimeKey(name), want));
});

describe('extraFromHeaders', () => {
  const fields = (text: string) => readSubmittedHeader(Buffer.from(`${text}\r\n\r\nbody\r\n`)).fields;

  it('collects X-Mox-Extra keys in any case of the prefix, other headers ignored', () => {
    const result = extraFromHeaders(fields('From: a@b.example\r\nX-Mox-Extra-Test: testvalue\r\nx-mox-extra-a: 123\r\nX-Mox-Extra-☺: ☹\r\nX-Mox-Extra-x-cANONICAL-z: ok\r\nX-Other: no'));
    assert.deepEqual(result, { ok: true, extra: { Test: 'testvalue', A: '123', '☺': '☹', 'X-Canonical-Z': 'ok' } });
  });

  it('unfolds values and keeps encoded words as written', () => {
    assert.deepEqual(extraFromHeaders(fields('X-Mox-Extra-Note: =?utf-8?q?caf=C3=A9?=\r\n  and more')), { ok: true, extra: { Note: '=?utf-8?q?caf=C3=A9?= and more' } });
  });

  it('reports a key that occurs twice after canonicalisation', () => {
    assert.deepEqual(extraFromHeaders(fields('X-Mox-Extra-Test: 1\r\nx-mox-extra-TEST: 2')), { ok: false, duplicate: 'Test' });
  });
});

describe('readSubmittedHeader', () => {
  it('reads until the empty line and notes a body', () => {
    const h = readSubmittedHeader(Buffer.from('A: 1\r\nB: two\r\n\tlines\r\n\r\nC: not a header\r\n'));
    assert.deepEqual(h.fields, [{ name: 'A', value: '1' }, { name: 'B', value: 'two lines' }]);
    assert.equal(h.hasBody, true);
  });

  it('stops at a line that is not a field', () => {
    const h = readSubmittedHeader(Buffer.from('A: 1\r\nno colon here\r\n\r\n'));
    assert.equal(h.hasBody, false);
    assert.equal(h.badLine, 'no colon here');
  });
});

describe('planFromID', () => {
  const domain = { Name: 'mox.example', Unicode: 'mox.example', LocalpartCatchallSeparators: ['+', '-'], Disabled: false, DKIM: [] } as DomainConfig;
  const account = { Name: 'mjl', FromIDLoginAddresses: ['mjl+fromid@mox.example'] } as AccountConfig;

  it('is off for a login that is not a fromid login', () => assert.deepEqual(planFromID(account, 'mjl@mox.example', 'mjl', domain, 1), { use: false }));
  it('makes ids when the MAIL FROM has no suffix', () => assert.deepEqual(planFromID(account, 'mjl+fromid@mox.example', 'mjl', domain, 3), { use: true, base: 'mjl', separator: '+', chosen: null }));
  it('takes a chosen suffix after the first separator', () => assert.deepEqual(planFromID(account, 'mjl+fromid@mox.example', 'mjl+abc-def', domain, 1), { use: true, base: 'mjl', separator: '+', chosen: 'abc-def' }));
  it('treats an empty suffix as no choice', () => assert.deepEqual(planFromID(account, 'mjl+fromid@mox.example', 'mjl+', domain, 2), { use: true, base: 'mjl', separator: '+', chosen: null }));
  it('refuses a chosen fromid with two recipients: 554 5.5.3', () => {
    assert.throws(() => planFromID(account, 'mjl+fromid@mox.example', 'mjl+abc', domain, 2), (err: unknown) => err instanceof SmtpReplyError && err.reply.code === 554 && err.reply.enhanced === '5.5.3');
  });
});
