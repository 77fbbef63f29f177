// Parses an e-mail address as an SMTP path (RFC 5321 §4.1.2 Mailbox, with RFC 6531 UTF-8 localparts and
// RFC 5890 internationalised domains): what the suppression methods accept, so "not an address" is
// refused with badAddress exactly where mox refuses it.
import { domainToASCII, domainToUnicode } from 'node:url';
import { isIP } from 'node:net';

export interface EmailAddress {
  /** Unquoted localpart, case kept. */
  localpart: string;
  /** Lower-case ASCII (IDNA) form, or an address literal such as `[192.0.2.1]`. */
  domainASCII: string;
  /** Lower-case Unicode form, or the address literal. */
  domainUnicode: string;
}

export class InvalidEmailAddress extends Error {
  override readonly name = 'InvalidEmailAddress';
  constructor(readonly input: string, reason: string) {
    super(`invalid email address ${JSON.stringify(input)}: ${reason}`);
  }
}

// RFC 5322 §3.2.3 atext, extended with any non-ASCII character (RFC 6531 §3.3 UTF8-non-ascii).
const ATEXT = /^[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~\u0080-\u{10FFFF}]+$/u;

export function parseEmailAddress(input: string): EmailAddress {
  const at = input.lastIndexOf('@');
  if (at < 0) throw new InvalidEmailAddress(input, 'missing @');
  const localpart = parseLocalpart(input, input.slice(0, at));
  const { ascii, unicode } = parseDomain(input, input.slice(at + 1));
  return { localpart, domainASCII: ascii, domainUnicode: unicode };
}

function parseLocalpart(input: string, raw: string): string {
  if (raw === '') throw new InvalidEmailAddress(input, 'empty localpart');
  // RFC 5321 §4.5.3.1.1: at most 64 octets.
  if (Buffer.byteLength(raw) > 64) throw new InvalidEmailAddress(input, 'localpart longer than 64 bytes');
  if (raw.startsWith('"')) {
    // RFC 5321 §4.1.2 Quoted-string: qtextSMTP or a backslash pair.
    if (raw.length < 2 || !raw.endsWith('"')) throw new InvalidEmailAddress(input, 'unterminated quoted localpart');
    let out = '';
    for (let i = 1; i < raw.length - 1; i++) {
      let c = raw[i];
      if (c === '\\') {
        if (i + 1 >= raw.length - 1) throw new InvalidEmailAddress(input, 'dangling backslash in quoted localpart');
        c = raw[++i];
      } else if (c === '"') {
        throw new InvalidEmailAddress(input, 'unescaped quote in quoted localpart');
      }
      if (c < ' ' || c === '\x7f') throw new InvalidEmailAddress(input, 'control character in localpart');
      out += c;
    }
    if (out === '') throw new InvalidEmailAddress(input, 'empty localpart');
    return out;
  }
  // Dot-string: atoms separated by single dots.
  for (const atom of raw.split('.')) {
    if (atom === '') throw new InvalidEmailAddress(input, 'empty part between dots in localpart');
    if (!ATEXT.test(atom)) throw new InvalidEmailAddress(input, 'localpart has characters that need quoting');
  }
  return raw;
}

function parseDomain(input: string, raw: string): { ascii: string; unicode: string } {
  if (raw === '') throw new InvalidEmailAddress(input, 'empty domain');
  if (raw.startsWith('[')) {
    // RFC 5321 §4.1.3 address literal.
    const m = /^\[(?:IPv6:)?([0-9A-Fa-f.:]+)\]$/.exec(raw);
    if (!m || isIP(m[1]) === 0 || (raw.includes('IPv6:') ? isIP(m[1]) !== 6 : isIP(m[1]) !== 4)) {
      throw new InvalidEmailAddress(input, 'invalid address literal');
    }
    return { ascii: raw, unicode: raw };
  }
  const ascii = domainToASCII(raw.toLowerCase());
  if (ascii === '') throw new InvalidEmailAddress(input, 'invalid domain');
  if (ascii.length > 253) throw new InvalidEmailAddress(input, 'domain longer than 253 characters');
  for (const label of ascii.split('.')) {
    if (!/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/.test(label)) throw new InvalidEmailAddress(input, `invalid domain label ${JSON.stringify(label)}`);
  }
  return { ascii, unicode: domainToUnicode(ascii).toLowerCase() };
}

/** The address with the Unicode domain, quoting the localpart when it is not a dot-string. */
export function formatEmailAddress(address: EmailAddress, unicodeDomain = true): string {
  const dotString = address.localpart.split('.').every((atom) => atom !== '' && ATEXT.test(atom));
  const local = dotString ? address.localpart : `"${address.localpart.replace(/(["\\])/g, '\\$1')}"`;
  return `${local}@${unicodeDomain ? address.domainUnicode : address.domainASCII}`;
}
