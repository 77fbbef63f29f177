// Content-Transfer-Encoding decoding (RFC 2045 §6). Both decoders accept what real mail contains rather
// than what the RFC allows: base64 with line noise, missing padding or several padded chunks in a row, and
// quoted-printable with lower-case hex, stray "=" signs and trailing white space.

export type TransferEncoding = '7bit' | '8bit' | 'binary' | 'base64' | 'quoted-printable';

export interface TransferDecoded {
  bytes: Buffer;
  /** Set when the input was not valid for its encoding; the bytes are then a best effort. */
  problem?: string;
}

/** The encoding named by a Content-Transfer-Encoding value; unknown values are treated as identity. */
export function normalizeTransferEncoding(value: string | undefined): { encoding: TransferEncoding; unknown: boolean } {
  const name = (value ?? '').trim().toLowerCase().replace(/^["']|["']$/g, '');
  switch (name) {
    case '': case '7bit': return { encoding: '7bit', unknown: false };
    case '8bit': return { encoding: '8bit', unknown: false };
    case 'binary': return { encoding: 'binary', unknown: false };
    case 'base64': return { encoding: 'base64', unknown: false };
    case 'quoted-printable': return { encoding: 'quoted-printable', unknown: false };
    default: return { encoding: 'binary', unknown: true };
  }
}

export function decodeTransfer(raw: Buffer, encoding: TransferEncoding): TransferDecoded {
  if (encoding === 'base64') return decodeBase64(raw);
  if (encoding === 'quoted-printable') return decodeQuotedPrintable(raw);
  return { bytes: raw };
}

const B64 = new Int16Array(256).fill(-1);
for (let i = 0; i < 64; i++) B64['ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'.charCodeAt(i)] = i;
// The URL-safe alphabet (RFC 4648 §5) shows up in the wild; it cannot be confused with standard base64.
B64['-'.charCodeAt(0)] = 62;
B64['_'.charCodeAt(0)] = 63;

// RFC 2045 §6.8: characters outside the alphabet are ignored. "=" ends a 4-character group; decoding resumes
// after it, since concatenated encoder output ("...==QUJD") is common.
export function decodeBase64(raw: Buffer): TransferDecoded {
  const out = Buffer.allocUnsafe(Math.floor((raw.length * 3) / 4) + 3);
  let o = 0;
  let acc = 0;
  let n = 0;
  let junk = 0;
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    const v = B64[c];
    if (v >= 0) {
      acc = (acc << 6) | v;
      n++;
      if (n === 4) {
        out[o++] = (acc >> 16) & 0xff;
        out[o++] = (acc >> 8) & 0xff;
        out[o++] = acc & 0xff;
        acc = 0;
        n = 0;
      }
    } else if (c === 0x3d) {
      o = flushPartial(out, o, acc, n);
      acc = 0;
      n = 0;
    } else if (c !== 0x0a && c !== 0x0d && c !== 0x20 && c !== 0x09) {
      junk++;
    }
  }
  const dangling = n === 1;
  o = flushPartial(out, o, acc, n);
  const bytes = Buffer.from(out.subarray(0, o));
  if (junk > 0) return { bytes, problem: `base64 body has ${junk} characters outside the alphabet (ignored)` };
  if (dangling) return { bytes, problem: 'base64 body ends in a partial group (ignored)' };
  return { bytes };
}

function flushPartial(out: Buffer, o: number, acc: number, n: number): number {
  if (n === 2) {
    out[o++] = (acc >> 4) & 0xff;
  } else if (n === 3) {
    out[o++] = (acc >> 10) & 0xff;
    out[o++] = (acc >> 2) & 0xff;
  }
  return o;
}

function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  return -1;
}

// RFC 2045 §6.7: "=XX" is an octet, "=" at the end of a line (after optional transport padding) is a soft
// line break, and trailing white space on a line is dropped. An "=" that starts neither is kept as is (the
// robust reading suggested in §6.7 note 1).
export function decodeQuotedPrintable(raw: Buffer): TransferDecoded {
  const out = Buffer.allocUnsafe(raw.length);
  let o = 0;
  let bad = 0;
  let i = 0;
  const len = raw.length;
  while (i < len) {
    const c = raw[i];
    if (c === 0x3d) {
      // Soft line break: "=" then optional spaces/tabs then CRLF, LF or end of input.
      let j = i + 1;
      while (j < len && (raw[j] === 0x20 || raw[j] === 0x09)) j++;
      if (j >= len) { i = j; continue; }
      if (raw[j] === 0x0a) { i = j + 1; continue; }
      if (raw[j] === 0x0d && (j + 1 >= len || raw[j + 1] === 0x0a)) { i = j + (j + 1 < len ? 2 : 1); continue; }
      const h = i + 1 < len ? hexValue(raw[i + 1]) : -1;
      const l = i + 2 < len ? hexValue(raw[i + 2]) : -1;
      if (h >= 0 && l >= 0) {
        out[o++] = (h << 4) | l;
        i += 3;
        continue;
      }
      bad++;
      out[o++] = c;
      i++;
      continue;
    }
    if (c === 0x20 || c === 0x09) {
      // Trailing white space before a line break is padding added in transport.
      let j = i;
      while (j < len && (raw[j] === 0x20 || raw[j] === 0x09)) j++;
      if (j < len && (raw[j] === 0x0a || (raw[j] === 0x0d && j + 1 < len && raw[j + 1] === 0x0a))) {
        i = j;
        continue;
      }
      while (i < j) out[o++] = raw[i++];
      continue;
    }
    out[o++] = c;
    i++;
  }
  const bytes = Buffer.from(out.subarray(0, o));
  return bad > 0 ? { bytes, problem: `quoted-printable body has ${bad} "=" not followed by two hex digits (kept)` } : { bytes };
}
