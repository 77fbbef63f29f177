// Domain names and e-mail addresses as the dynamic configuration holds them. A domain is keyed by its
// ASCII (IDNA, RFC 5890) form in lower case and shown in its Unicode form; an address is written
// `localpart@unicode-domain` with the localpart in NFC and lower case (localparts are compared without
// case, as mox does for domains that are not case-sensitive), and `@domain` is a catch-all destination.
import { domainToASCII, domainToUnicode } from 'node:url';

export interface ParsedDomain {
  /** Lower-case ASCII form (A-labels): the key of the domain. */
  ascii: string;
  /** Unicode form (U-labels). */
  unicode: string;
}

export interface ParsedAddress {
  /** NFC, lower case; empty for a catch-all destination (`@domain`). */
  localpart: string;
  domain: ParsedDomain;
  /** `localpart@unicode-domain`: how the configuration writes the address. */
  address: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

const LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

/** RFC 1035 §2.3.1 host names (letters, digits, hyphens), in IDNA form; IP literals are refused. */
export function parseDomain(input: string): Parsed<ParsedDomain> {
  const name = input.trim();
  if (name === '') return { ok: false, error: 'the domain is empty' };
  if (name.startsWith('[')) return { ok: false, error: `"${input}" is an address literal, not a domain name` };
  if (name.endsWith('.')) return { ok: false, error: `"${input}": write the domain without the trailing dot` };
  const ascii = domainToASCII(name);
  if (ascii === '') return { ok: false, error: `"${input}" is not a valid domain name` };
  if (ascii.length > 253) return { ok: false, error: `"${input}" is longer than 253 characters` };
  const labels = ascii.split('.');
  const bad = labels.find((label) => !LABEL.test(label));
  if (bad !== undefined) {
    return { ok: false, error: `"${input}" is not a valid domain name (label "${bad}": letters, digits and "-" only, 1-63 characters, no "-" at either end)` };
  }
  if (/^[0-9]+$/.test(labels[labels.length - 1])) return { ok: false, error: `"${input}" looks like an IP address, not a domain name` };
  return { ok: true, value: { ascii, unicode: domainToUnicode(ascii) } };
}

// RFC 5322 §3.2.3 atext, extended with every non-ASCII character by RFC 6531 §3.3 (SMTPUTF8).
const ATEXT = /^[A-Za-z0-9!#$%&'*+\-/=?^_`{|}~\u0080-\u{10FFFF}]+$/u;

/** Checks a dot-atom localpart (RFC 5321 §4.1.2); quoted localparts are not configurable. */
function localpartProblem(localpart: string): string | null {
  if (localpart.startsWith('"')) return 'quoted localparts are not supported';
  if (/[\p{Cc}\p{Cf}\p{Z}]/u.test(localpart)) return 'the localpart contains spaces or control characters';
  const atoms = localpart.split('.');
  if (atoms.some((a) => a === '')) return 'the localpart has a "." at the start, at the end or twice in a row';
  if (!atoms.every((a) => ATEXT.test(a))) return 'the localpart contains characters that need quoting (such as "@", "," or brackets)';
  // RFC 5321 §4.5.3.1.1: at most 64 octets.
  if (Buffer.byteLength(localpart) > 64) return 'the localpart is longer than 64 bytes';
  return null;
}

export function canonicalLocalpart(localpart: string): string {
  return localpart.normalize('NFC').toLowerCase();
}

/**
 * Parses `localpart@domain`. With `allowCatchall`, `@domain` (empty localpart) is accepted too: the
 * catch-all destination of the domain.
 */
export function parseAddress(input: string, options: { allowCatchall?: boolean } = {}): Parsed<ParsedAddress> {
  const text = input.trim();
  const at = text.lastIndexOf('@');
  if (at < 0) return { ok: false, error: `"${input}" is not an e-mail address (no "@")` };
  const localpart = canonicalLocalpart(text.slice(0, at));
  const domain = parseDomain(text.slice(at + 1));
  if (!domain.ok) return { ok: false, error: `"${input}": ${domain.error}` };
  if (localpart === '') {
    if (options.allowCatchall) return { ok: true, value: { localpart, domain: domain.value, address: `@${domain.value.unicode}` } };
    return { ok: false, error: `"${input}" has no localpart before the "@"` };
  }
  const problem = localpartProblem(localpart);
  if (problem) return { ok: false, error: `"${input}": ${problem}` };
  return { ok: true, value: { localpart, domain: domain.value, address: `${localpart}@${domain.value.unicode}` } };
}

/**
 * The localpart cut at the first catch-all separator of its domain (mox's CanonicalLocalpart): mail to
 * `shop+news@example.org` is mail to `shop@example.org` when `+` is a separator.
 */
export function cutAtSeparators(localpart: string, separators: readonly string[]): string {
  let end = localpart.length;
  for (const separator of separators) {
    const i = localpart.indexOf(separator);
    if (i >= 0 && i < end) end = i;
  }
  return localpart.slice(0, end);
}

/** Splits a configured address (`localpart@unicode-domain`) without parsing it again. */
export function splitConfigured(address: string): { localpart: string; domain: string } {
  const at = address.lastIndexOf('@');
  return { localpart: address.slice(0, at), domain: address.slice(at + 1) };
}
