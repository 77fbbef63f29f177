// The first readable text/plain and text/html of a message, as mox's webops.ReadableParts picks them for
// MessageGet and incoming webhooks (reference 1.12): at most 1 MiB of UTF-8 each, "\n" line ends.
import { decodeBytes } from './charset';
import { decodedBody, toCrlf } from './body';
import type { MimePart } from './part';

export const READABLE_PART_MAX_BYTES = 1024 * 1024;

export interface ReadableParts {
  Text: string;
  HTML: string;
  /** Whether any text or HTML part was found. */
  found: boolean;
}

// A part without Content-Type counts as text, and also as HTML (mox checks text first).
const isText = (p: MimePart): boolean => p.contentType === '' || p.contentType === 'text/plain';
const isHTML = (p: MimePart): boolean => p.contentType === '' || p.contentType === 'text/html';

/** Decoded, converted to UTF-8, cut at maxBytes, CRLF turned into LF. */
export function readPartText(part: MimePart, maxBytes = READABLE_PART_MAX_BYTES): string {
  let bytes = decodedBody(part);
  if (part.contentType.startsWith('text/')) bytes = toCrlf(bytes);
  let text = decodeBytes(bytes, part.charset).text;
  if (text.length > maxBytes / 4 && Buffer.byteLength(text, 'utf8') > maxBytes) {
    text = Buffer.from(text, 'utf8').subarray(0, maxBytes).toString('utf8');
  }
  return text.replace(/\r\n/g, '\n');
}

export function readableParts(root: MimePart, maxBytes = READABLE_PART_MAX_BYTES): ReadableParts {
  // A non-multipart message: the top-level part itself, when it is text or HTML.
  if (isText(root) && root.parts.length === 0) return { Text: readPartText(root, maxBytes), HTML: '', found: true };
  if (isHTML(root) && root.parts.length === 0) return { Text: '', HTML: readPartText(root, maxBytes), found: true };

  // Among the sub-parts, stop at the first readable one unless the parent is multipart/alternative, in
  // which case later text and HTML parts are read too (the last of each wins, as in mox).
  const alternative = root.contentType === 'multipart/alternative';
  let text = '';
  let html = '';
  let found = false;
  for (const child of root.parts) {
    if (isText(child)) {
      found = true;
      text = readPartText(child, maxBytes);
      if (!alternative) break;
    } else if (isHTML(child)) {
      found = true;
      html = readPartText(child, maxBytes);
      if (!alternative) break;
    }
  }
  if (found) return { Text: text, HTML: html, found };
  for (const child of root.parts) {
    const sub = readableParts(child, maxBytes);
    if (sub.found) return sub;
  }
  return { Text: '', HTML: '', found: false };
}
