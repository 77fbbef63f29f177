// The small pieces Send checks its input with: addresses, base64, Extra limits, FutureRelease, times,
// the Received header and the Idempotency-Key header.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ApiError } from '../../src/api/api-error';
import { checkExtraLimits } from '../../src/sending/extra-limits';
import { fromIDLocalpart, newFromID, usesFromID } from '../../src/sending/fromid';
import { futureRelease } from '../../src/sending/future-release';
import { idempotencyKeyOf } from '../../src/sending/idempotency';
import { decodeBase64Strictly } from '../../src/sending/message-files';
import { receivedHeader } from '../../src/sending/received-header';
import { addressText, parseSmtpAddress } from '../../src/sending/smtp-address';
import { textBody } from '../../src/sending/text-part';
import { parseZonedTime, rfc3339Seconds, rfc5322Date } from '../../src/sending/time-text';
import type { AccountConfig, DomainConfig } from '../../src/config/config-view';

const code = (fn: () => unknown): string | null => {
  try {
    fn();
    return null;
  } catch (err) {
    assert.ok(err instanceof ApiError, String(err));
    return err.code;
  }
};

describe('addresses (RFC 5321 §4.1.2, RFC 6531)', () => {
  const ok: [string, string, string][] = [
    ['mjl@mox.example', 'mjl', 'mox.example'],
    ['Mjl.Last+tag@Mox.Example', 'Mjl.Last+tag', 'mox.example'],
    ['"a b"@x.example', 'a b', 'x.example'],
    ['"a\\"b"@x.example', 'a"b', 'x.example'],
    ['jörg@bücher.example', 'jörg', 'xn--bcher-kva.example'],
  ];
  for (const [input, localpart, ascii] of ok) {
    test(`parses ${input}`, () => {
      const r = parseSmtpAddress(input);
      assert.ok(r.ok, input);
      assert.equal(r.address.localpart, localpart);
      assert.equal(r.address.domain.ascii, ascii);
    });
  }
  for (const bad of ['', 'no-at', '@x.example', 'a@', 'a b@x.example', 'a..b@x.example', '.a@x.example', 'a@[127.0.0.1]', 'a@-x.example', 'a@x.example ', '"a@x.example', 'a\n@x.example']) {
    test(`refuses ${JSON.stringify(bad)}`, () => assert.equal(parseSmtpAddress(bad).ok, false));
  }
  test('written back: quoted when needed, domain by SMTPUTF8', () => {
    const r = parseSmtpAddress('"a b"@bücher.example');
    assert.ok(r.ok);
    assert.equal(addressText(r.address, false), '"a b"@xn--bcher-kva.example');
    assert.equal(addressText(r.address, true), '"a b"@bücher.example');
  });
});

describe('base64 of JSON files (Go base64.StdEncoding)', () => {
  const cases: [string, string, string | null][] = [
    ['padded', 'aGVsbG8=', 'hello'],
    ['line breaks are skipped', 'aGVs\r\nbG8=', 'hello'],
    ['empty', '', ''],
    ['missing padding', 'aGVsbG8', null],
    ['URL alphabet', 'a-_b', null],
    ['spaces', 'aGVs bG8=', null],
    ['padding in the middle', 'aG=sbG8=', null],
  ];
  for (const [name, input, want] of cases) {
    test(name, () => assert.equal(decodeBase64Strictly(input)?.toString() ?? null, want));
  }
});

describe('Extra limits (DESIGN §5)', () => {
  const cases: [string, Record<string, string>, string | null][] = [
    ['empty', {}, null],
    ['64 keys', Object.fromEntries(Array.from({ length: 64 }, (_, i) => [`k${i}`, 'v'])), null],
    ['65 keys', Object.fromEntries(Array.from({ length: 65 }, (_, i) => [`k${i}`, 'v'])), 'user'],
    ['empty key', { '': 'v' }, 'user'],
    ['128-byte key', { ['k'.repeat(128)]: 'v' }, null],
    ['129-byte key', { ['k'.repeat(129)]: 'v' }, 'user'],
    ['1 KiB value', { k: 'v'.repeat(1024) }, null],
    ['value over 1 KiB (UTF-8 bytes)', { k: 'ü'.repeat(513) }, 'user'],
    ['16 KiB in all', Object.fromEntries(Array.from({ length: 16 }, (_, i) => [`k${String(i).padStart(2, '0')}`, 'v'.repeat(1021)])), null],
    ['over 16 KiB in all', Object.fromEntries(Array.from({ length: 17 }, (_, i) => [`k${String(i).padStart(2, '0')}`, 'v'.repeat(1000)])), 'user'],
  ];
  for (const [name, extra, want] of cases) test(name, () => assert.equal(code(() => checkExtraLimits(extra)), want));
  test('the message names the limit', () => assert.throws(() => checkExtraLimits({ k: 'v'.repeat(2000) }), /at most 1024 bytes/));
});

describe('FutureRelease', () => {
  const now = new Date('2025-03-01T12:00:00Z');
  test('stored as until;<RFC 3339> in the caller\'s zone, seconds only', () => {
    const r = futureRelease('2025-03-14T10:00:00.123+02:00', now);
    assert.equal(r.request, 'until;2025-03-14T10:00:00+02:00');
    assert.equal(r.at.toISOString(), '2025-03-14T08:00:00.123Z');
    assert.equal(futureRelease('2025-03-14T10:00:00Z', now).request, 'until;2025-03-14T10:00:00Z');
  });
  test('exactly 60 days ahead is allowed, a second more is not', () => {
    assert.doesNotThrow(() => futureRelease('2025-04-30T12:00:00Z', now));
    assert.equal(code(() => futureRelease('2025-04-30T12:00:01Z', now)), 'user');
  });
  test('a past time is accepted (an immediate attempt)', () => assert.equal(futureRelease('2020-01-01T00:00:00Z', now).at.toISOString(), '2020-01-01T00:00:00.000Z'));
});

describe('times', () => {
  test('RFC 5322 date in the given offset', () => {
    assert.equal(rfc5322Date(parseZonedTime('2006-01-02T15:04:05-07:00')!), 'Mon, 02 Jan 2006 15:04:05 -0700');
    assert.equal(rfc5322Date(parseZonedTime('2025-12-31T23:30:00+05:30')!), 'Wed, 31 Dec 2025 23:30:00 +0530');
    assert.equal(rfc3339Seconds(parseZonedTime('2025-12-31T23:30:00.5-01:00')!), '2025-12-31T23:30:00-01:00');
  });
});

describe('Received header (RFC 5321 §4.4)', () => {
  const host = { ascii: 'mail.mox.example', unicode: 'mail.mox.example' };
  const date = parseZonedTime('2025-03-01T12:00:00Z')!;
  test('names the recipient when given, folds at 78 and ends in CRLF', () => {
    const h = receivedHeader({ host, smtputf8: false, id: 'abc', forRecipient: 'rcpt@example.org', date });
    assert.equal(h, 'Received: from mail.mox.example by mail.mox.example id abc for\r\n\t<rcpt@example.org>; Sat, 01 Mar 2025 12:00:00 +0000\r\n');
    assert.ok(h.split('\r\n').every((l) => l.length <= 78));
  });
  test('without a recipient there is no for clause', () => {
    assert.equal(receivedHeader({ host, smtputf8: false, id: 'abc', date }), 'Received: from mail.mox.example by mail.mox.example id abc;\r\n\tSat, 01 Mar 2025 12:00:00 +0000\r\n');
  });
  test('a Unicode host name is ASCII, or Unicode with SMTPUTF8', () => {
    const idn = { ascii: 'xn--bcher-kva.example', unicode: 'bücher.example' };
    assert.match(receivedHeader({ host: idn, smtputf8: false, id: 'x', date }), /^Received: from xn--bcher-kva\.example by xn--bcher-kva\.example id x;/);
    assert.match(receivedHeader({ host: idn, smtputf8: true, id: 'x', date }), /^Received: from bücher\.example by bücher\.example id x;/);
  });
});

describe('FromID (reference §5)', () => {
  const account = { FromIDLoginAddresses: ['mjl+fromid@mox.example'] } as AccountConfig;
  test('active only for the exact login address; the domain in any form', () => {
    assert.equal(usesFromID(account, 'mjl+fromid@mox.example'), true);
    assert.equal(usesFromID(account, 'mjl+fromid@MOX.example'), true);
    assert.equal(usesFromID(account, 'mjl@mox.example'), false);
    assert.equal(usesFromID(account, 'MJL+fromid@mox.example'), false);
  });
  test('22 characters of base64url, different every time', () => {
    const ids = new Set(Array.from({ length: 1000 }, newFromID));
    assert.equal(ids.size, 1000);
    for (const id of ids) assert.match(id, /^[A-Za-z0-9_-]{22}$/);
  });
  test('placed after the first separator of the domain, the From localpart cut at any separator', () => {
    const domain = { LocalpartCatchallSeparators: ['-', '+'] } as DomainConfig;
    assert.equal(fromIDLocalpart('shop+news', domain, 'ID'), 'shop-ID');
    assert.equal(fromIDLocalpart('shop', domain, 'ID'), 'shop-ID');
  });
});

describe('Idempotency-Key header', () => {
  test('absent, valid, and each kind of invalid', () => {
    assert.equal(idempotencyKeyOf({}), null);
    assert.equal(idempotencyKeyOf({ 'idempotency-key': 'abc-123' }), 'abc-123');
    assert.equal(idempotencyKeyOf({ 'idempotency-key': 'x'.repeat(256) }), 'x'.repeat(256));
    for (const bad of ['', 'x'.repeat(257), 'has space', 'ünicode']) assert.equal(code(() => idempotencyKeyOf({ 'idempotency-key': bad })), 'protocol', bad);
    assert.equal(code(() => idempotencyKeyOf({ 'idempotency-key': ['a', 'b'] })), 'protocol');
  });
});

describe('text body', () => {
  test('keeps CRLF lines of up to 76 octets unencoded', () => {
    assert.equal(textBody('plain', 'x'.repeat(76), false).transferEncoding, '7bit');
    assert.equal(textBody('plain', 'x'.repeat(77), false).transferEncoding, 'quoted-printable');
    assert.equal(textBody('plain', 'ü'.repeat(38), false).transferEncoding, '8bit');
    assert.equal(textBody('plain', 'ü'.repeat(39), false).transferEncoding, 'quoted-printable', '78 octets');
  });
});
