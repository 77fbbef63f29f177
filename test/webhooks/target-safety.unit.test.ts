// Which addresses webhook calls may not reach unless webhooks.allowPrivateTargets is set.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { checkLiteralHost, RefusedTarget, refusedKind } from '../../src/webhooks/http/target-safety';

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
