// The failed-login limiter: mox's windows and limits, the three network masks per family, resets after
// a successful login, and memory that does not grow without bound.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LoginRateLimiter, parseIP } from '../../src/auth/login-rate-limiter';

const MINUTE = 60 * 1000;
const DAY = 24 * 60 * MINUTE;
/** A time at the start of a minute and of a day, so windows do not roll during a test by accident. */
const T0 = Date.UTC(2025, 2, 14);

/** Adds failures until the limiter refuses; returns how many it took. */
function failuresAllowed(limiter: LoginRateLimiter, ip: string | ((i: number) => string), now: number): number {
  for (let i = 0; i < 1000; i++) {
    if (!limiter.add(typeof ip === 'string' ? ip : ip(i), now)) return i;
  }
  throw new Error('the limiter never refused');
}

test('one address gets 10 failures a minute, then is refused until the next minute', () => {
  const limiter = new LoginRateLimiter();
  assert.equal(failuresAllowed(limiter, '192.0.2.1', T0), 10);
  assert.equal(limiter.canAdd('192.0.2.1', T0 + 59 * 1000), false);
  assert.equal(limiter.canAdd('192.0.2.2', T0), true, 'another address is not affected');
  assert.equal(limiter.canAdd('192.0.2.1', T0 + MINUTE), true);
});

test('refusing does not count: add returns false and leaves the counters alone', () => {
  const limiter = new LoginRateLimiter();
  failuresAllowed(limiter, '192.0.2.1', T0);
  const size = limiter.size;
  assert.equal(limiter.add('192.0.2.1', T0), false);
  assert.equal(limiter.size, size);
  assert.equal(limiter.add('192.0.2.1', T0 + MINUTE), true);
});

test('the day window allows 50 failures from one address, spread over minutes', () => {
  const limiter = new LoginRateLimiter();
  let total = 0;
  for (let minute = 0; minute < 10; minute++) {
    const allowed = failuresAllowed(limiter, '192.0.2.1', T0 + minute * MINUTE);
    total += allowed;
    if (allowed < 10) break;
  }
  assert.equal(total, 50);
  assert.equal(limiter.canAdd('192.0.2.1', T0 + DAY - 1), false);
  assert.equal(limiter.canAdd('192.0.2.1', T0 + DAY), true, 'a new day starts from zero');
});

const networks: [string, { given: (i: number) => string; outside: string; want: number }][] = [
  ['IPv4 /26: 30 a minute from 64 addresses', { given: (i) => `192.0.2.${i % 64}`, outside: '192.0.2.64', want: 30 }],
  // Each failure from another address and spread over the /21's 32 /26s, so only the /21 fills up.
  ['IPv4 /21: 90 a minute from 32 /26s', { given: (i) => `198.51.${i % 8}.${(Math.floor(i / 8) % 4) * 64 + Math.floor(i / 32) + 1}`, outside: '198.51.8.1', want: 90 }],
  ['IPv6 /64: 10 a minute from one /64', { given: (i) => `2001:db8:1:2::${(i + 1).toString(16)}`, outside: '2001:db8:1:3::1', want: 10 }],
  ['IPv6 /48: 30 a minute from one /48', { given: (i) => `2001:db8:1:${(i + 1).toString(16)}::1`, outside: '2001:db8:2::1', want: 30 }],
  ['IPv6 /32: 90 a minute from one /32', { given: (i) => `2001:db8:${(i + 1).toString(16)}::1`, outside: '2001:db9::1', want: 90 }],
];
for (const [name, { given, outside, want }] of networks) {
  test(`failures add up per network: ${name}`, () => {
    const limiter = new LoginRateLimiter();
    assert.equal(failuresAllowed(limiter, given, T0), want);
    assert.equal(limiter.canAdd(outside, T0), true, `${outside} is outside the network`);
  });
}

test('IPv4-mapped IPv6 addresses count as the IPv4 address', () => {
  const limiter = new LoginRateLimiter();
  for (let i = 0; i < 10; i++) assert.ok(limiter.add('::ffff:192.0.2.7', T0));
  assert.equal(limiter.canAdd('192.0.2.7', T0), false);
});

test('a successful login clears the address and takes its share off the wider networks', () => {
  const limiter = new LoginRateLimiter();
  for (let i = 0; i < 9; i++) limiter.add('192.0.2.1', T0);
  for (let i = 0; i < 20; i++) limiter.add(`192.0.2.${10 + i}`, T0);
  limiter.reset('192.0.2.1', T0);
  // The address starts again at 0; its /26 holds the other 20, so 10 more fit (not 1 as without reset).
  assert.equal(failuresAllowed(limiter, '192.0.2.1', T0), 10);
  // 20 + 10 = 30 in the /26 now: full for everyone in it.
  assert.equal(limiter.canAdd('192.0.2.50', T0), false);
});

test('a reset in a later window leaves nothing behind and does not fail', () => {
  const limiter = new LoginRateLimiter();
  limiter.add('2001:db8::1', T0);
  limiter.reset('2001:db8::1', T0 + 2 * DAY);
  assert.equal(limiter.canAdd('2001:db8::1', T0 + 2 * DAY), true);
});

test('a new window drops the counters of the old one', () => {
  const limiter = new LoginRateLimiter();
  for (let i = 0; i < 100; i++) limiter.add(`10.0.${i}.1`, T0);
  const during = limiter.size;
  assert.ok(during >= 300, `${during} counters`);
  limiter.add('10.0.0.1', T0 + 2 * DAY);
  assert.equal(limiter.size, 6, 'three networks in each of the two windows');
});

test('counters per window are capped; the oldest go first', () => {
  const limiter = new LoginRateLimiter({ maxKeysPerWindow: 30 });
  for (let i = 0; i < 10; i++) limiter.add('192.0.2.1', T0);
  for (let i = 0; i < 200; i++) limiter.add(`10.${i}.0.1`, T0);
  assert.ok(limiter.size <= 60, `${limiter.size} counters`);
  assert.equal(limiter.canAdd('192.0.2.1', T0), true, 'the oldest counters were dropped');
});

test('custom windows and limits', () => {
  const limiter = new LoginRateLimiter({ windows: [{ windowMs: 1000, limits: [2, 3, 4] }] });
  assert.equal(failuresAllowed(limiter, '192.0.2.1', T0), 2);
  assert.equal(failuresAllowed(limiter, '192.0.2.2', T0), 1, 'the /26 allows 3 in all');
});

const addresses: [string, { given: string; want: string }][] = [
  ['IPv4', { given: '192.0.2.1', want: 'c0000201' }],
  ['IPv6 compressed', { given: '2001:db8::1', want: '20010db8000000000000000000000001' }],
  ['IPv6 loopback', { given: '::1', want: '00000000000000000000000000000001' }],
  ['IPv6 unspecified', { given: '::', want: '00000000000000000000000000000000' }],
  ['IPv6 trailing ::', { given: 'fe80::', want: 'fe800000000000000000000000000000' }],
  ['IPv6 with a zone', { given: 'fe80::1%eth0', want: 'fe800000000000000000000000000001' }],
  ['IPv6 full form', { given: '2001:0db8:0001:0002:0003:0004:0005:0006', want: '20010db8000100020003000400050006' }],
  ['IPv4-mapped', { given: '::ffff:192.0.2.1', want: 'c0000201' }],
  ['IPv4-embedded, not mapped', { given: '64:ff9b::192.0.2.1', want: '0064ff9b0000000000000000c0000201' }],
];
for (const [name, { given, want }] of addresses) {
  test(`parses addresses: ${name}`, () => {
    assert.equal(parseIP(given).toString('hex'), want);
  });
}

test('refuses what is not an address', () => {
  assert.throws(() => parseIP('example.com'), /not an IP address/);
  assert.throws(() => new LoginRateLimiter().add('1.2.3', T0), /not an IP address/);
});
