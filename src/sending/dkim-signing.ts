// DKIM signatures (RFC 6376) for an outgoing message, one per key of the From domain that has Sign set
// (mox's DKIM.Sign selectors). Shared by Send and SMTP submission. The DKIM-Signature headers go into the
// queued message's prefix, so the stored content is signed once for all recipients.
import { dkimSign } from 'mailauth/lib/dkim/sign';
import type { DomainConfig } from '../config/config-view';

export class DkimSigningFailed extends Error {
  override readonly name = 'DkimSigningFailed';
}

/** The DKIM-Signature headers, CRLF-terminated, or "" when the domain signs with no key. */
export async function dkimSignatures(message: Buffer, domain: DomainConfig, now: Date): Promise<string> {
  const keys = domain.DKIM.filter((k) => k.Sign);
  if (keys.length === 0) return '';
  const signatureData = keys.map((k) => ({
    signingDomain: domain.Name,
    selector: k.Selector,
    privateKey: k.PrivateKeyPem,
    algorithm: k.Algorithm === 'ed25519' ? 'ed25519-sha256' : 'rsa-sha256',
  }));
  const result = await dkimSign(message, {
    // The signer reads every key from signatureData; the first is repeated at the top for the types.
    ...signatureData[0],
    signTime: now,
    // relaxed/relaxed survives the header refolding and whitespace changes of relays (RFC 6376 §3.4).
    canonicalization: 'relaxed/relaxed',
    signatureData,
  });
  if (result.errors.length > 0) {
    const reasons = result.errors.map((e) => {
      const entry = e as unknown as { selector?: string; err?: Error };
      return `selector ${entry.selector ?? '?'}: ${entry.err?.message ?? String(e)}`;
    });
    throw new DkimSigningFailed(`signing with the DKIM keys of ${domain.Name} failed: ${reasons.join('; ')}`);
  }
  return result.signatures.trim() === '' ? '' : result.signatures;
}
