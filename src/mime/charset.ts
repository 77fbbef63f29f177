// Converts bytes in a MIME charset (RFC 2045 §5.1 `charset` parameter, RFC 2047 encoded words) to a string.
// iconv-lite covers the single-byte and multi-byte tables; ISO-2022-JP (RFC 1468), which it lacks and which
// Japanese mail uses everywhere, is translated to EUC-JP first (both encode JIS X 0208, one with escape
// sequences, the other with the high bit). An unknown charset never fails: the bytes are read as UTF-8.
import * as iconv from 'iconv-lite';

export interface DecodedText {
  text: string;
  /** False when the charset was not recognised and the bytes were read as UTF-8 instead. */
  known: boolean;
}

// Labels seen in real mail that iconv-lite does not know under that name.
const ALIASES: Record<string, string> = {
  'unicode-1-1-utf-7': 'utf-7',
  'x-unicode-2-0-utf-7': 'utf-7',
  'utf7': 'utf-7',
  'x-sjis': 'shift_jis',
  'shift-jis': 'shift_jis',
  'sjis': 'shift_jis',
  'ms_kanji': 'shift_jis',
  'windows-31j': 'cp932',
  'x-euc-jp': 'euc-jp',
  'gb2312': 'gbk',
  'x-gbk': 'gbk',
  'ks_c_5601-1987': 'cp949',
  'ks_c_5601': 'cp949',
  'euc-kr': 'cp949',
  'x-mac-roman': 'macintosh',
  'ansi_x3.4-1968': 'ascii',
  'iso646-us': 'ascii',
  'cp-850': 'cp850',
};

const ISO_2022_JP = new Set(['iso-2022-jp', 'csiso2022jp', 'iso-2022-jp-1', 'iso-2022-jp-2', 'iso-2022-jp-3', 'cp50220', 'cp50221', 'cp50222']);

/** The charset label as used for lookups: lower case, without quotes or surrounding space. */
export function normalizeCharset(label: string | undefined): string {
  return (label ?? '').trim().replace(/^["']|["']$/g, '').trim().toLowerCase();
}

/** Whether decodeBytes would convert from this charset (rather than fall back to UTF-8). */
// Node's binary-to-text encodings are known to iconv-lite but are no charsets.
const NOT_CHARSETS = new Set(['base64', 'base64url', 'hex']);

function iconvName(name: string): string | null {
  const target = Object.hasOwn(ALIASES, name) ? ALIASES[name] : name;
  return !NOT_CHARSETS.has(target) && iconv.encodingExists(target) ? target : null;
}

export function isKnownCharset(label: string | undefined): boolean {
  const name = normalizeCharset(label);
  if (name === '' || name === 'us-ascii' || name === 'utf-8' || name === 'utf8') return true;
  if (ISO_2022_JP.has(name)) return true;
  return iconvName(name) !== null;
}

export function decodeBytes(bytes: Uint8Array, label: string | undefined): DecodedText {
  const name = normalizeCharset(label);
  const buf = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (name === '' || name === 'us-ascii' || name === 'ascii' || name === 'utf-8' || name === 'utf8') {
    return { text: buf.toString('utf8'), known: true };
  }
  if (ISO_2022_JP.has(name)) return { text: iconv.decode(iso2022jpToEucJp(buf), 'euc-jp'), known: true };
  const target = iconvName(name);
  if (target === null) return { text: buf.toString('utf8'), known: false };
  return { text: iconv.decode(buf, target), known: true };
}

const ESC = 0x1b;

// RFC 1468: ESC ( B / ESC ( J select ASCII / JIS-Roman, ESC $ @ / ESC $ B select JIS X 0208 (two bytes per
// character), ESC ( I selects half-width katakana; ISO-2022-JP-1 adds ESC $ ( D for JIS X 0212. EUC-JP
// carries the same code points with the high bit set (katakana behind 0x8E, JIS X 0212 behind 0x8F).
function iso2022jpToEucJp(input: Buffer): Buffer {
  const out = Buffer.allocUnsafe(input.length * 2);
  let o = 0;
  let mode: 'ascii' | 'jis0208' | 'jis0212' | 'katakana' = 'ascii';
  let shifted = false; // SO/SI katakana, used by a few encoders
  for (let i = 0; i < input.length; i++) {
    const c = input[i];
    if (c === ESC && i + 2 < input.length) {
      const a = input[i + 1];
      const b = input[i + 2];
      if (a === 0x28 && (b === 0x42 || b === 0x4a)) { mode = 'ascii'; i += 2; continue; }
      if (a === 0x28 && b === 0x49) { mode = 'katakana'; i += 2; continue; }
      if (a === 0x24 && (b === 0x40 || b === 0x42)) { mode = 'jis0208'; i += 2; continue; }
      if (a === 0x24 && b === 0x28 && i + 3 < input.length && input[i + 3] === 0x44) { mode = 'jis0212'; i += 3; continue; }
    }
    if (c === 0x0e) { shifted = true; continue; }
    if (c === 0x0f) { shifted = false; continue; }
    if (c === 0x0a || c === 0x0d) { out[o++] = c; continue; }
    if ((mode === 'katakana' || shifted) && c >= 0x21 && c <= 0x5f) { out[o++] = 0x8e; out[o++] = c | 0x80; continue; }
    if ((mode === 'jis0208' || mode === 'jis0212') && c >= 0x21 && c <= 0x7e && i + 1 < input.length) {
      const d = input[i + 1];
      if (d >= 0x21 && d <= 0x7e) {
        if (mode === 'jis0212') out[o++] = 0x8f;
        out[o++] = c | 0x80;
        out[o++] = d | 0x80;
        i++;
        continue;
      }
    }
    out[o++] = c;
  }
  return out.subarray(0, o);
}
