import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { accountNameProblem, isPrivateHost, separatorsProblem, webhookSecretProblem, webhookUrlProblem } from '../../src/config/setting-rules';

describe('account names', () => {
  for (const name of ['shop', 'Shop2', 'a', 'mail.example_org-1', 'x'.repeat(64)]) it(`accepts ${name}`, () => assert.equal(accountNameProblem(name), null));
  for (const name of ['', '-shop', '.shop', 'my shop', 'shöp', 'a/b', 'x'.repeat(65)]) it(`refuses ${JSON.stringify(name)}`, () => assert.match(accountNameProblem(name)!, /not valid/));
});

describe('separators', () => {
  it('accepts single atext specials', () => {
    assert.equal(separatorsProblem(['+', '-', '_', '=', '~']), null);
    assert.equal(separatorsProblem([]), null);
  });
  for (const s of ['a', 'Z', '0', '.', '@', '"', ' ', '(', ',', ';', '<', '\\', 'ß', '+-']) {
    it(`refuses ${JSON.stringify(s)}`, () => assert.match(separatorsProblem([s])!, /is not valid/));
  }
});

describe('private webhook targets', () => {
  for (const host of ['localhost', 'app.localhost', '127.0.0.1', '127.8.9.1', '10.1.2.3', '172.16.0.1', '192.168.1.1', '169.254.1.1', '100.64.0.1', '0.0.0.0', '[::1]', '::', 'fd12::1', 'fe80::1', '::ffff:10.0.0.1', '[::ffff:7f00:1]', '[::ffff:a9fe:a9fe]', '64:ff9b::a9fe:a9fe', '::127.0.0.1']) {
    it(`${host} is private`, () => assert.equal(isPrivateHost(host), true));
  }
  for (const host of ['app.example.org', '93.184.216.34', '2001:db8::1', '::ffff:93.184.216.34', '172.32.0.1']) {
    it(`${host} is public`, () => assert.equal(isPrivateHost(host), false));
  }
  it('is allowed when the bootstrap file allows it', () => {
    assert.equal(webhookUrlProblem('URL', 'http://127.0.0.1:9/x', true), null);
    assert.match(webhookUrlProblem('URL', 'http://127.0.0.1:9/x', false)!, /allowPrivateTargets/);
  });
});

describe('webhook secrets', () => {
  it('accepts whsec_ with 24 to 64 bytes, and ""', () => {
    assert.equal(webhookSecretProblem(''), null);
    assert.equal(webhookSecretProblem(`whsec_${Buffer.alloc(24, 1).toString('base64')}`), null);
    assert.equal(webhookSecretProblem(`whsec_${Buffer.alloc(64, 1).toString('base64')}`), null);
    assert.equal(webhookSecretProblem('whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'), null);
  });
  it('refuses others', () => {
    assert.notEqual(webhookSecretProblem(`whsec_${Buffer.alloc(23, 1).toString('base64')}`), null);
    assert.notEqual(webhookSecretProblem(`whsec_${Buffer.alloc(65, 1).toString('base64')}`), null);
    assert.notEqual(webhookSecretProblem('MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'), null);
  });
});
