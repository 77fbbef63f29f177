// DKIM signing keys: generation (Ed25519 per RFC 8463, RSA 2048 per RFC 8301 §3.2) and the DNS TXT
// record receivers look up (RFC 6376 §3.6.1). Private keys are kept as PKCS#8 PEM.
import { createPrivateKey, createPublicKey, generateKeyPair, type KeyObject } from 'node:crypto';

export type DkimAlgorithm = 'ed25519' | 'rsa';

export interface DkimKeyMaterial {
  Algorithm: DkimAlgorithm;
  PrivateKeyPem: string;
  /** The `p=` value of the TXT record. */
  PublicKey: string;
}

/** RFC 8301 §3.2: verifiers must accept 1024-bit keys and up; we generate 2048. */
const RSA_BITS = 2048;
const MIN_RSA_BITS = 1024;

export function generateDkimKey(algorithm: DkimAlgorithm): Promise<DkimKeyMaterial> {
  return new Promise((resolve, reject) => {
    const done = (err: Error | null, _publicKey: KeyObject, privateKey: KeyObject) => {
      if (err) reject(err);
      else resolve(dkimKeyFromPrivate(privateKey));
    };
    if (algorithm === 'ed25519') generateKeyPair('ed25519', {}, done as never);
    else generateKeyPair('rsa', { modulusLength: RSA_BITS }, done as never);
  });
}

/** The key material of a private key (PEM text or a KeyObject). Throws when it is not an Ed25519 or RSA key. */
export function dkimKeyFromPrivate(key: string | KeyObject): DkimKeyMaterial {
  const privateKey = typeof key === 'string' ? createPrivateKey(key) : key;
  const type = privateKey.asymmetricKeyType;
  if (type !== 'ed25519' && type !== 'rsa') throw new Error(`a DKIM key must be Ed25519 or RSA, not ${type ?? 'a symmetric key'}`);
  if (type === 'rsa' && (privateKey.asymmetricKeyDetails?.modulusLength ?? 0) < MIN_RSA_BITS) {
    throw new Error(`an RSA DKIM key must have at least ${MIN_RSA_BITS} bits (RFC 8301 §3.2)`);
  }
  const publicKey = createPublicKey(privateKey);
  const spki = publicKey.export({ type: 'spki', format: 'der' });
  return {
    Algorithm: type,
    PrivateKeyPem: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    // RFC 8463 §4.2: for Ed25519, p= is the raw 32-byte public key; RFC 6376 §3.6.1: for RSA, the
    // DER SubjectPublicKeyInfo.
    PublicKey: (type === 'ed25519' ? spki.subarray(spki.length - 32) : spki).toString('base64'),
  };
}

/** Where the record goes: `<selector>._domainkey.<domain>` (RFC 6376 §3.6.2.1), domain in ASCII. */
export function dkimRecordName(selector: string, domainAscii: string): string {
  return `${selector}._domainkey.${domainAscii}`;
}

export function dkimRecordValue(algorithm: DkimAlgorithm, publicKey: string): string {
  return `v=DKIM1;k=${algorithm};p=${publicKey}`;
}

const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

/** The public key a verifier builds from the record's `p=` value. */
export function publicKeyFromRecord(algorithm: DkimAlgorithm, publicKey: string): KeyObject {
  const der = Buffer.from(publicKey, 'base64');
  return createPublicKey({ key: algorithm === 'ed25519' ? Buffer.concat([ED25519_SPKI_PREFIX, der]) : der, format: 'der', type: 'spki' });
}
