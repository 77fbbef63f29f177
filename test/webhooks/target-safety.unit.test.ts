// Which addresses webhook calls may not reach unless webhooks.allowPrivateTargets is set.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { embeddedIPv4, ipv6Groups } from '../../src/webhooks/http/embedded-ipv4';
import { checkLiteralHost, guardedLookup, RefusedTarget, refusedKind } from '../../src/webhooks/http/target-safety';

const cases: [string, string | null][] = [
  ['127.0.0.1', 'loopback'],
  ['127.255.0.9', 'loopback'],
  ['::1', 'loopback'],
  ['10.1.2.3', 'private'],
  ['172.16.0.1', 'private'],
  ['172.31.255.255', 'private'],
  ['192.168.1.1', 'private'],
  ['fd12::1', 'private'],
  ['169.254.169.254', 'link-local'],
  ['fe80::1', 'link-local'],
  ['100.64.0.1', 'shared (CGNAT)'],
  ['0.0.0.0', 'unspecified'],
  ['::', 'unspecified'],
  ['224.0.0.1', 'multicast'],
  ['ff02::1', 'multicast'],
  ['255.255.255.255', 'reserved'],
  ['::ffff:127.0.0.1', 'loopback'],
  ['::ffff:10.0.0.1', 'private'],
  // IPv6 addresses that carry an IPv4 address are judged by it, written either way (the URL parser
  // writes [::ffff:127.0.0.1] as [::ffff:7f00:1]).
  ['::ffff:7f00:1', 'loopback'],
  ['[::ffff:7f00:1]', 'loopback'],
  ['::FFFF:7F00:1', 'loopback'],
  ['0:0:0:0:0:ffff:7f00:1', 'loopback'],
  ['::ffff:a9fe:a9fe', 'link-local'],
  ['::ffff:169.254.169.254', 'link-local'],
  ['::ffff:c0a8:101', 'private'],
  ['::ffff:0:7f00:1', 'loopback'],
  ['64:ff9b::7f00:1', 'loopback'],
  ['64:ff9b::169.254.169.254', 'link-local'],
  ['64:ff9b::a00:1', 'private'],
  ['64:ff9b:1::5db8:d822', 'local-use NAT64'],
  ['::127.0.0.1', 'loopback'],
  ['::7f00:1', 'loopback'],
  ['::a9fe:a9fe', 'link-local'],
  ['::a00:1', 'private'],
  ['2002:7f00:1::1', 'loopback'],
  ['2002:a9fe:a9fe::', 'link-local'],
  ['2001:0:4136:e378:8000:63bf:80ff:fffe', 'loopback'], // Teredo, client 127.0.0.1 with its bits inverted
  ['::ffff:5db8:d822', null], // 93.184.216.34
  ['::ffff:93.184.216.34', null],
  ['64:ff9b::5db8:d822', null],
  ['::93.184.216.34', null],
  ['2002:5db8:d822::1', null],
  ['93.184.216.34', null],
  ['8.8.8.8', null],
  ['172.32.0.1', null],
  ['100.128.0.1', null],
  ['2001:db8::1', null],
  ['2606:4700::1111', null],
  ['app.example.org', null],
];

for (const [address, kind] of cases) {
  it(`${address}: ${kind ?? 'allowed'}`, () => assert.equal(refusedKind(address), kind));
}

it('refuses literal hosts and localhost names before any connection', () => {
  for (const host of ['127.0.0.1', '[::1]', 'localhost', 'api.localhost']) {
    assert.throws(() => checkLiteralHost(host), (err: unknown) => err instanceof RefusedTarget && /webhooks.allowPrivateTargets/.test(err.message));
  }
  assert.doesNotThrow(() => checkLiteralHost('app.example.org'));
  assert.doesNotThrow(() => checkLiteralHost('93.184.215.14'));
});

it('finds the IPv4 address an IPv6 address carries, and says how', () => {
  assert.deepEqual(embeddedIPv4('::ffff:7f00:1'), { ipv4: '127.0.0.1', form: 'IPv4-mapped' });
  assert.deepEqual(embeddedIPv4('::ffff:169.254.169.254'), { ipv4: '169.254.169.254', form: 'IPv4-mapped' });
  assert.deepEqual(embeddedIPv4('64:ff9b::a9fe:a9fe'), { ipv4: '169.254.169.254', form: 'NAT64' });
  assert.deepEqual(embeddedIPv4('2002:c0a8:101:5::1'), { ipv4: '192.168.1.1', form: '6to4' });
  assert.deepEqual(embeddedIPv4('::10.1.2.3'), { ipv4: '10.1.2.3', form: 'IPv4-compatible' });
  // IPv6's own unspecified and loopback addresses carry no IPv4 address.
  assert.equal(embeddedIPv4('::'), null);
  assert.equal(embeddedIPv4('::1'), null);
  assert.equal(embeddedIPv4('2606:4700::1111'), null);
  assert.equal(embeddedIPv4('127.0.0.1'), null);
});

it('reads every way of writing an IPv6 address into its eight groups', () => {
  assert.deepEqual(ipv6Groups('::'), [0, 0, 0, 0, 0, 0, 0, 0]);
  assert.deepEqual(ipv6Groups('1::'), [1, 0, 0, 0, 0, 0, 0, 0]);
  assert.deepEqual(ipv6Groups('::ffff:1.2.3.4'), [0, 0, 0, 0, 0, 0xffff, 0x102, 0x304]);
  assert.deepEqual(ipv6Groups('1:2:3:4:5:6:7:8'), [1, 2, 3, 4, 5, 6, 7, 8]);
  assert.deepEqual(ipv6Groups('fe80::1%eth0'), [0xfe80, 0, 0, 0, 0, 0, 0, 1]);
  assert.equal(ipv6Groups('1.2.3.4'), null);
  assert.equal(ipv6Groups('::ffff:1.2.3.256'), null);
});

it('names the IPv4 address a refused IPv6 literal carries', () => {
  // As the URL parser writes http://[::ffff:127.0.0.1]/.
  const host = new URL('http://[::ffff:127.0.0.1]:8080/').hostname;
  assert.equal(host, '[::ffff:7f00:1]');
  assert.throws(() => checkLiteralHost(host), (err: unknown) => err instanceof RefusedTarget && err.kind === 'loopback' && /^refusing to call ::ffff:7f00:1 \(IPv4-mapped 127\.0\.0\.1\): loopback address/.test(err.message));
  assert.throws(() => checkLiteralHost(new URL('http://[64:ff9b::169.254.169.254]/').hostname), (err: unknown) => err instanceof RefusedTarget && err.kind === 'link-local');
  assert.doesNotThrow(() => checkLiteralHost(new URL('http://[::ffff:93.184.216.34]/').hostname));
});

it('refuses resolved addresses that carry a private IPv4 address', async () => {
  // The resolver hands an IP literal back as it is, as it would a name's IPv4-mapped address.
  const refused = await new Promise<Error | null>((resolve) => guardedLookup('::ffff:7f00:1', {}, (err) => resolve(err)));
  assert.ok(refused instanceof RefusedTarget, String(refused));
  assert.equal(refused.kind, 'loopback');
});
