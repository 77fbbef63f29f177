// Extra data over SMTP submission (reference 6, DESIGN section 5): every header named
// `X-Mox-Extra-<key>` becomes an Extra entry, so senders that work with mox work unchanged. Names are
// canonicalised the MIME way (Go's CanonicalMIMEHeaderKey: the first letter of each dash-separated word
// upper case, the rest lower case) when they are ASCII tokens; other names (`X-Mox-Extra-☺`) keep their
// key as written. Unlike mox, the prefix is recognised in any case, so a lower-case non-ASCII name is not
// silently ignored. A key that occurs twice (after canonicalisation) refuses the submission. The headers
// stay in the message. The value is the header value unfolded, without decoding.
import type { SubmittedField } from '../header-fields';

const PREFIX = 'x-mox-extra-';

// RFC 7230 §3.2.6 tchar, what Go's textproto accepts in a canonical key.
const TOKEN = /^[A-Za-z0-9!#$%&'*+\-.^_`|~]+$/;

/** Go's textproto.CanonicalMIMEHeaderKey. */
export function canonicalMimeKey(name: string): string {
  if (!TOKEN.test(name)) return name;
  let upper = true;
  let out = '';
  for (const c of name) {
    out += upper ? c.toUpperCase() : c.toLowerCase();
    upper = c === '-';
  }
  return out;
}

export type ExtraResult = { ok: true; extra: Record<string, string> } | { ok: false; duplicate: string };

export function extraFromHeaders(fields: readonly SubmittedField[]): ExtraResult {
  const extra: Record<string, string> = {};
  for (const field of fields) {
    if (field.name.length < PREFIX.length || field.name.slice(0, PREFIX.length).toLowerCase() !== PREFIX) continue;
    const key = canonicalMimeKey(field.name).slice(PREFIX.length);
    if (Object.hasOwn(extra, key)) return { ok: false, duplicate: key };
    extra[key] = field.value;
  }
  return { ok: true, extra };
}
