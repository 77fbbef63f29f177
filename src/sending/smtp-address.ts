// E-mail addresses as Send and SMTP submission take them: `localpart@domain` (RFC 5321 §4.1.2), the
// localpart a dot-string or a quoted-string, UTF-8 allowed (RFC 6531 §3.3), the domain a host name in
// IDNA form (no address literals, as mox's smtp.ParseAddress). The localpart keeps its case: only the
// receiving system may interpret it (RFC 5321 §2.4).
import { parseDomain, type ParsedDomain } from '../config/addresses';

export interface SmtpAddress {
  /** The localpart as text: quotes and escapes of a quoted-string removed. */
  localpart: string;
  domain: ParsedDomain;
}

export type AddressResult = { ok: true; address: SmtpAddress } | { ok: false; error: string };

// RFC 5322 §3.2.3 atext, extended with every non-ASCII character by RFC 6531 §3.3.
const ATOM = /^[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~\u0080-\u{10FFFF}]+$/u;

function isDotString(localpart: string): boolean {
  return localpart !== '' && localpart.split('.').every((atom) => ATOM.test(atom));
}

/** RFC 5321 §4.1.2 quoted-string: qtextSMTP (and UTF-8) or a backslash before a printable character. */
function parseQuoted(text: string): string | null {
  let out = '';
  for (let i = 1; i < text.length - 1; i++) {
    const c = text[i];
    const code = c.codePointAt(0)!;
    if (c === '\\') {
      const next = text[i + 1];
      if (i + 1 >= text.length - 1 || next.codePointAt(0)! < 0x20 || next.codePointAt(0)! > 0x7e) return null;
      out += next;
      i++;
    } else if (c === '"' || code < 0x20 || code === 0x7f) {
      return null;
    } else {
      out += c;
    }
  }
  return out;
}

export function parseSmtpAddress(input: string): AddressResult {
  const at = input.lastIndexOf('@');
  if (at <= 0) return { ok: false, error: at < 0 ? 'missing "@"' : 'empty localpart' };
  const rawLocal = input.slice(0, at);
  let localpart: string | null;
  if (rawLocal.startsWith('"')) {
    localpart = rawLocal.length >= 2 && rawLocal.endsWith('"') ? parseQuoted(rawLocal) : null;
    if (localpart === null) return { ok: false, error: 'invalid quoted localpart' };
  } else {
    if (!isDotString(rawLocal)) return { ok: false, error: 'invalid localpart (characters that need quoting, or a misplaced ".")' };
    localpart = rawLocal;
  }
  const domain = parseDomain(input.slice(at + 1));
  if (!domain.ok || input.slice(at + 1).trim() !== input.slice(at + 1)) {
    return { ok: false, error: domain.ok ? 'white space around the domain' : domain.error };
  }
  return { ok: true, address: { localpart, domain: domain.value } };
}

/** The localpart as it is written in an address: bare when it is a dot-string, quoted otherwise. */
export function localpartText(localpart: string): string {
  if (isDotString(localpart)) return localpart;
  return `"${localpart.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/** RFC 6531 §3.3: a localpart with non-ASCII characters can only travel with SMTPUTF8. */
export function isInternational(localpart: string): boolean {
  return /[^\x00-\x7f]/.test(localpart);
}

/**
 * The address as text. With `utf8` the domain is in its Unicode form (mox's XString(true)), else in ASCII;
 * a non-ASCII localpart always stays as it is.
 */
export function addressText(address: SmtpAddress, utf8: boolean): string {
  return `${localpartText(address.localpart)}@${utf8 ? address.domain.unicode : address.domain.ascii}`;
}
