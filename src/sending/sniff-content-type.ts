// Content-type detection for files sent without one, following the WHATWG MIME Sniffing Standard the way
// Go's http.DetectContentType does (mox uses it for Send's files): only the first 512 bytes are looked
// at, signatures are tried in order, and anything else is text/plain when it has no binary bytes.
// Returns "" where Go says application/octet-stream: mox then writes no type for the part.

export const SNIFF_LENGTH = 512;

type Matcher = (data: Buffer, firstNonWS: number) => string | null;

// WHATWG MIME Sniffing §4.6: whitespace bytes are TAB, LF, FF, CR and SPACE.
const isWS = (b: number) => b === 0x09 || b === 0x0a || b === 0x0c || b === 0x0d || b === 0x20;

/** An HTML tag name, case-insensitive, after optional whitespace, followed by a space or `>` (§7.1). */
function html(tag: string): Matcher {
  const pattern = Buffer.from(tag, 'latin1');
  return (data, start) => {
    if (data.length < start + pattern.length + 1) return null;
    for (let i = 0; i < pattern.length; i++) {
      let b = data[start + i];
      if (b >= 0x61 && b <= 0x7a) b -= 0x20; // the pattern is upper case
      if (b !== pattern[i]) return null;
    }
    const end = data[start + pattern.length];
    return end === 0x20 || end === 0x3e ? 'text/html; charset=utf-8' : null;
  };
}

function exact(prefix: string, type: string): Matcher {
  const pattern = Buffer.from(prefix, 'latin1');
  return (data) => (data.length >= pattern.length && data.subarray(0, pattern.length).equals(pattern) ? type : null);
}

/** Bytes where the mask is 0xFF must equal the pattern; the others are ignored. */
function masked(pattern: string, mask: string, type: string, skipWS = false): Matcher {
  const p = Buffer.from(pattern, 'latin1');
  const m = Buffer.from(mask, 'latin1');
  return (data, start) => {
    const from = skipWS ? start : 0;
    if (data.length - from < p.length) return null;
    for (let i = 0; i < p.length; i++) if ((data[from + i] & m[i]) !== p[i]) return null;
    return type;
  };
}

/** §7.1 step "text": no byte that only binary data has. */
const text: Matcher = (data, start) => {
  for (let i = start; i < data.length; i++) {
    const b = data[i];
    if (b <= 0x08 || b === 0x0b || (b >= 0x0e && b <= 0x1a) || (b >= 0x1c && b <= 0x1f)) return null;
  }
  return 'text/plain; charset=utf-8';
};

const HTML_TAGS = ['<!DOCTYPE HTML', '<HTML', '<HEAD', '<SCRIPT', '<IFRAME', '<H1', '<DIV', '<FONT', '<TABLE', '<A', '<STYLE', '<TITLE', '<B', '<BODY', '<BR', '<P', '<!--'];

const SIGNATURES: Matcher[] = [
  ...HTML_TAGS.map(html),
  masked('<?xml', '\xff\xff\xff\xff\xff', 'text/xml; charset=utf-8', true),
  exact('%PDF-', 'application/pdf'),
  exact('%!PS-Adobe-', 'application/postscript'),
  // Byte order marks.
  masked('\xfe\xff\x00\x00', '\xff\xff\x00\x00', 'text/plain; charset=utf-16be'),
  masked('\xff\xfe\x00\x00', '\xff\xff\x00\x00', 'text/plain; charset=utf-16le'),
  masked('\xef\xbb\xbf\x00', '\xff\xff\xff\x00', 'text/plain; charset=utf-8'),
  // Images (§6.1).
  exact('\x00\x00\x01\x00', 'image/x-icon'),
  exact('\x00\x00\x02\x00', 'image/x-icon'),
  exact('BM', 'image/bmp'),
  exact('GIF87a', 'image/gif'),
  exact('GIF89a', 'image/gif'),
  masked('RIFF\x00\x00\x00\x00WEBPVP', '\xff\xff\xff\xff\x00\x00\x00\x00\xff\xff\xff\xff\xff\xff', 'image/webp'),
  exact('\x89PNG\x0d\x0a\x1a\x0a', 'image/png'),
  exact('\xff\xd8\xff', 'image/jpeg'),
  // Archives (§6.3).
  exact('\x1f\x8b\x08', 'application/x-gzip'),
  exact('PK\x03\x04', 'application/zip'),
  exact('Rar!\x1a\x07\x00', 'application/x-rar-compressed'),
  exact('Rar!\x1a\x07\x01\x00', 'application/x-rar-compressed'),
  text,
];

/** The detected content type of `data` (only its first 512 bytes count), or "" when nothing fits. */
export function sniffContentType(data: Buffer): string {
  const head = data.subarray(0, SNIFF_LENGTH);
  let firstNonWS = 0;
  while (firstNonWS < head.length && isWS(head[firstNonWS])) firstNonWS++;
  for (const match of SIGNATURES) {
    const type = match(head, firstNonWS);
    if (type !== null) return type;
  }
  return '';
}
