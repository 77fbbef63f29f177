// DKIM signatures (RFC 6376) for an outgoing message, one per key of the From domain that has Sign set
// (mox's DKIM.Sign selectors). Shared by Send and SMTP submission. The DKIM-Signature headers go into the
// queued message's prefix, so the stored content is signed once for all recipients.
//
// relaxed/relaxed canonicalization (§3.4.2, §3.4.4, in dkim-canonicalization.ts) survives the header
// refolding and whitespace changes of relays. rsa-sha256 (§3.3.1) and ed25519-sha256 (RFC 8463 §3:
// Ed25519 over the SHA-256 of the canonicalized header data). Private keys are parsed once and kept, and
// the signature itself is made on libuv's thread pool, so an RSA signature (about a millisecond) does not
// hold up the event loop.
import { createHash, createPrivateKey, sign, type KeyObject } from 'node:crypto';
import { domainToASCII } from 'node:url';
import type { DkimKey, DomainConfig } from '../config/config-view';
import { relaxedBody, relaxedHeader } from './dkim-canonicalization';

export class DkimSigningFailed extends Error {
  override readonly name = 'DkimSigningFailed';
}

/** The header fields signed when present, as mailauth's signer (and so earlier Postwire) chose them. */
const SIGNED_FIELDS = new Set(
  [
    'From', 'Sender', 'Reply-To', 'Subject', 'Date', 'Message-ID', 'To', 'Cc', 'MIME-Version', 'Content-Type',
    'Content-Transfer-Encoding', 'Content-ID', 'Content-Description', 'Resent-Date', 'Resent-From', 'Resent-Sender',
    'Resent-To', 'Resent-Cc', 'Resent-Message-ID', 'In-Reply-To', 'References', 'List-Id', 'List-Help',
    'List-Unsubscribe', 'List-Subscribe', 'List-Post', 'List-Owner', 'List-Archive', 'BIMI-Selector',
  ].map((f) => f.toLowerCase()),
);

interface HeaderField {
  /** As written in the message. */
  name: string;
  /** The whole field, its lines joined without their line breaks (unfolded, §3.4.2). */
  unfolded: string;
}

/** The DKIM-Signature headers, CRLF-terminated, or "" when the domain signs with no key. */
export async function dkimSignatures(message: Buffer, domain: DomainConfig, now: Date): Promise<string> {
  const keys = domain.DKIM.filter((k) => k.Sign);
  if (keys.length === 0) return '';
  const { header, body } = splitMessage(message);
  const signed = headerFields(header).filter((f) => SIGNED_FIELDS.has(f.name.toLowerCase())).reverse();
  // §5.4.2: several instances of a field are signed from the bottom up, in the order h= names them.
  const signedHeaderData = signed.map((f) => relaxedHeader(f.unfolded)).join('');
  const bodyHash = createHash('sha256').update(relaxedBody(body)).digest('base64');
  const results = await Promise.allSettled(
    keys.map((key) => signatureHeader(key, { domain: domainToASCII(domain.Name) || domain.Name, names: signed.map((f) => f.name), signedHeaderData, bodyHash, now })),
  );
  const reasons = results.flatMap((r, i) => (r.status === 'rejected' ? [`selector ${keys[i].Selector}: ${(r.reason as Error).message}`] : []));
  if (reasons.length > 0) throw new DkimSigningFailed(`signing with the DKIM keys of ${domain.Name} failed: ${reasons.join('; ')}`);
  return results.map((r) => (r as PromiseFulfilledResult<string>).value).join('');
}

interface SignatureInput {
  domain: string;
  names: string[];
  signedHeaderData: string;
  bodyHash: string;
  now: Date;
}

async function signatureHeader(key: DkimKey, input: SignatureInput): Promise<string> {
  const privateKey = privateKeyOf(key.PrivateKeyPem);
  const type = key.Algorithm === 'ed25519' ? 'ed25519' : 'rsa';
  if (privateKey.asymmetricKeyType !== type) throw new Error(`the key is ${privateKey.asymmetricKeyType ?? 'not asymmetric'}, not ${type}`);
  const tags = [
    'v=1',
    `a=${type}-sha256`,
    'c=relaxed/relaxed',
    `d=${input.domain}`,
    // FWS is allowed around the names (§3.5), so h= can be folded at its separators.
    `h=${input.names.join(': ')}`,
    's=' + (domainToASCII(key.Selector) || key.Selector),
    `t=${Math.floor(input.now.getTime() / 1000)}`,
    `bh=${input.bodyHash}`,
  ];
  // §3.7: the signature covers the signed fields and then this field itself with an empty b=, without
  // its final CRLF.
  const unsigned = `DKIM-Signature: ${tags.join('; ')}; b=`;
  const data = Buffer.from(input.signedHeaderData + relaxedHeader(unsigned).slice(0, -2), 'latin1');
  const signature = await signAsync(type, data, privateKey);
  // Folding only inserts CRLF before existing spaces, which relaxed canonicalization removes again.
  return `${fold(`${unsigned}${signature.toString('base64').replace(/.{75}/g, '$& ').trim()}`)}\r\n`;
}

function signAsync(type: 'rsa' | 'ed25519', data: Buffer, key: KeyObject): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const done = (err: Error | null, signature: Buffer) => (err ? reject(err) : resolve(signature));
    if (type === 'rsa') sign('sha256', data, key, done);
    else sign(null, createHash('sha256').update(data).digest(), key, done);
  });
}

// Parsing a PEM key costs about as much as an RSA signature; domains have few keys, kept by their text.
const parsedKeys = new Map<string, KeyObject>();
function privateKeyOf(pem: string): KeyObject {
  let key = parsedKeys.get(pem);
  if (!key) {
    key = createPrivateKey(pem);
    if (parsedKeys.size >= 1000) parsedKeys.clear();
    parsedKeys.set(pem, key);
  }
  return key;
}

/** The header section (as latin1 text, one char per byte) and the body, split at the first empty line. */
function splitMessage(message: Buffer): { header: string; body: Buffer } {
  let pos = 0;
  while (pos < message.length) {
    const lf = message.indexOf(0x0a, pos);
    const end = lf < 0 ? message.length : lf;
    const length = end - pos - (end > pos && message[end - 1] === 0x0d ? 1 : 0);
    if (length === 0) return { header: message.subarray(0, pos).toString('latin1'), body: message.subarray(lf < 0 ? message.length : lf + 1) };
    pos = lf < 0 ? message.length : lf + 1;
  }
  return { header: message.toString('latin1'), body: Buffer.alloc(0) };
}

function headerFields(header: string): HeaderField[] {
  const fields: HeaderField[] = [];
  for (const line of header.split(/\r?\n/)) {
    if (line === '') continue;
    const last = fields[fields.length - 1];
    if ((line[0] === ' ' || line[0] === '\t') && last) {
      last.unfolded += line;
      continue;
    }
    const colon = line.indexOf(':');
    // A line that is neither a field nor a continuation cannot be named in h=; it is not signed.
    if (colon <= 0) continue;
    fields.push({ name: line.slice(0, colon).replace(/[ \t]+$/, ''), unfolded: line });
  }
  return fields;
}

/** Folds a header at spaces so lines stay within 78 characters where the text allows (RFC 5322 §2.1.1). */
function fold(header: string): string {
  const words = header.split(' ');
  let out = '';
  let lineLength = 0;
  for (const [i, word] of words.entries()) {
    if (i === 0) {
      out = word;
      lineLength = word.length;
    } else if (lineLength + 1 + word.length > 78) {
      out += `\r\n ${word}`;
      lineLength = 1 + word.length;
    } else {
      out += ` ${word}`;
      lineLength += 1 + word.length;
    }
  }
  return out;
}
