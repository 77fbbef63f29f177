// Access to a part's body: raw bytes, bytes after transfer decoding, and text after charset conversion.
import { decodeBytes } from './charset';
import type { MimePart } from './part';
import { decodeTransfer } from './transfer-encoding';

const decodedCache = new WeakMap<MimePart, Buffer>();

/** The body exactly as in the message (for a multipart: everything between its header and its end). */
export function rawBody(part: MimePart): Buffer {
  return part.source.subarray(part.bodyStart, part.bodyEnd);
}

/** The body after Content-Transfer-Encoding decoding (RFC 2045 §6). */
export function decodedBody(part: MimePart): Buffer {
  const cached = decodedCache.get(part);
  if (cached) return cached;
  const result = decodeTransfer(rawBody(part), part.transferEncoding);
  if (result.problem && !part.problems.includes(result.problem)) part.problems.push(result.problem);
  decodedCache.set(part, result.bytes);
  return result.bytes;
}

/** Number of LF bytes not preceded by CR: what converting to CRLF line ends adds. */
export function bareLineFeeds(bytes: Buffer): number {
  let count = 0;
  for (let at = bytes.indexOf(0x0a); at >= 0; at = bytes.indexOf(0x0a, at + 1)) {
    if (at === 0 || bytes[at - 1] !== 0x0d) count++;
  }
  return count;
}

/** The bytes with every bare LF turned into CRLF. */
export function toCrlf(bytes: Buffer): Buffer {
  const extra = bareLineFeeds(bytes);
  if (extra === 0) return bytes;
  const out = Buffer.allocUnsafe(bytes.length + extra);
  let o = 0;
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i];
    if (c === 0x0a && (i === 0 || bytes[i - 1] !== 0x0d)) out[o++] = 0x0d;
    out[o++] = c;
  }
  return out;
}

/** The body as text: transfer decoded, converted from its charset (UTF-8 when absent or unknown). */
export function bodyText(part: MimePart): string {
  return decodeBytes(decodedBody(part), part.charset).text;
}
