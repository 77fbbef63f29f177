import assert from 'node:assert/strict';
import { sign, verify } from 'node:crypto';
import { describe, it } from 'node:test';
import { dkimKeyFromPrivate, dkimRecordName, dkimRecordValue, generateDkimKey, publicKeyFromRecord } from '../../src/config/dkim-keys';

describe('DKIM keys', () => {
  it('ed25519: a 32-byte p= value that verifies what the private key signs (RFC 8463)', async () => {
    const key = await generateDkimKey('ed25519');
    assert.equal(Buffer.from(key.PublicKey, 'base64').length, 32);
    assert.match(key.PrivateKeyPem, /^-----BEGIN PRIVATE KEY-----\n/);
    const data = Buffer.from('sha256 of the canonicalised header fields');
    const signature = sign(null, data, key.PrivateKeyPem);
    assert.equal(verify(null, data, publicKeyFromRecord('ed25519', key.PublicKey), signature), true);
    assert.equal(verify(null, Buffer.from('tampered'), publicKeyFromRecord('ed25519', key.PublicKey), signature), false);
    assert.equal(dkimRecordValue('ed25519', key.PublicKey), `v=DKIM1;k=ed25519;p=${key.PublicKey}`);
  });

  it('rsa: 2048 bits, p= is the SubjectPublicKeyInfo, rsa-sha256 verifies (RFC 6376)', async () => {
    const key = await generateDkimKey('rsa');
    const publicKey = publicKeyFromRecord('rsa', key.PublicKey);
    assert.equal(publicKey.asymmetricKeyDetails?.modulusLength, 2048);
    const data = Buffer.from('header hash input');
    const signature = sign('sha256', data, key.PrivateKeyPem);
    assert.equal(verify('sha256', data, publicKey, signature), true);
    const other = await generateDkimKey('rsa');
    assert.equal(verify('sha256', data, publicKeyFromRecord('rsa', other.PublicKey), signature), false);
  });

  it('derives the same material from the private key again (for import)', async () => {
    const key = await generateDkimKey('ed25519');
    assert.deepEqual(dkimKeyFromPrivate(key.PrivateKeyPem), key);
  });

  it('refuses other key types', () => {
    const ecKey = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgevZzL1gdAFr88hb2
OF/2NxApJCzGCEDdfSp6VQO30hyhRANCAAQRWz+jn65BtOMvdyHKcvjBeBSDZH2r
1RTwjmYSi9R/zpBnuQ4EiMnCqfMPWiZqB4QdbAd0E7oH50VpuZ1P087G
-----END PRIVATE KEY-----
`;
    assert.throws(() => dkimKeyFromPrivate(ecKey), /must be Ed25519 or RSA, not ec/);
  });

  it('names the record <selector>._domainkey.<ascii domain>', () => {
    assert.equal(dkimRecordName('2025a', 'xn--bcher-kva.example'), '2025a._domainkey.xn--bcher-kva.example');
  });
});
