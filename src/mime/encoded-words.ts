// RFC 2047 encoded words ("=?charset?B|Q?text?=") in header values. Adjacent words are joined at the byte
// level before charset conversion, because encoders split multi-byte characters (and ISO-2022-JP escape
// runs) across words; the white space between two encoded words is dropped (RFC 2047 §6.2). Words glued to
// other text, spaces inside Q text and an RFC 2231 §5 language suffix ("utf-8*en") are accepted.
import { decodeBytes } from './charset';
import { headerFirst } from './header-section';
import type { MimePart } from './part';
import { decodeBase64 } from './transfer-encoding';

const WORD = /=\?([^?\s]+)\?([bBqQ])\?([^?\r\n]*)\?=/g;

function qBytes(text: string): Buffer {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5f) {
      out.push(0x20);
    } else if (c === 0x3d && i + 2 < text.length && /^[0-9a-fA-F]{2}$/.test(text.slice(i + 1, i + 3))) {
      out.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      out.push(c & 0xff);
    }
  }
  return Buffer.from(out);
}

function wordBytes(encoding: string, text: string): Buffer {
  return encoding === 'b' || encoding === 'B' ? decodeBase64(Buffer.from(text, 'latin1')).bytes : qBytes(text);
}

/** Decodes every encoded word in a header value; text that is not encoded is returned unchanged. */
export function decodeEncodedWords(value: string): string {
  if (!value.includes('=?')) return value;
  let out = '';
  let last = 0;
  let pending: { charset: string; chunks: Buffer[] } | null = null;
  const flush = (): void => {
    if (!pending) return;
    out += decodeBytes(Buffer.concat(pending.chunks), pending.charset).text;
    pending = null;
  };
  WORD.lastIndex = 0;
  for (let m = WORD.exec(value); m !== null; m = WORD.exec(value)) {
    const between = value.slice(last, m.index);
    const charset = m[1].replace(/\*.*$/, '').toLowerCase();
    const bytes = wordBytes(m[2], m[3]);
    if (pending && /^[ \t\r\n]*$/.test(between)) {
      // Only white space since the previous word: it disappears.
      if (pending.charset === charset) {
        pending.chunks.push(bytes);
      } else {
        flush();
        pending = { charset, chunks: [bytes] };
      }
    } else {
      flush();
      out += between;
      pending = { charset, chunks: [bytes] };
    }
    last = m.index + m[0].length;
  }
  flush();
  return out + value.slice(last);
}

/** The first field's value with encoded words decoded, or "" when absent. */
export function decodedHeader(part: MimePart, name: string): string {
  const field = headerFirst(part.headers, name);
  return field ? decodeEncodedWords(field.value) : '';
}
