// MessagePartGet's part selection (reference 1.14): each index picks a sub-part of a multipart, starting at
// the top-level message; [] is the top-level body without its header. Enclosed messages are not entered,
// as in mox. The content is transfer decoded; text keeps (gets) CRLF line ends, as mox's reader gives them.
import { decodedBody, toCrlf } from './body';
import type { MimePart } from './part';

export type PartAtPathResult = { ok: true; part: MimePart; content: Buffer } | { ok: false; error: string };

export function partAtPath(root: MimePart, path: readonly number[]): PartAtPathResult {
  let part = root;
  for (let i = 0; i < path.length; i++) {
    const index = path[i];
    if (!Number.isInteger(index) || index < 0 || index >= part.parts.length) {
      return { ok: false, error: `part ${index} at index ${i} not found` };
    }
    part = part.parts[index];
  }
  const bytes = decodedBody(part);
  return { ok: true, part, content: part.contentType.startsWith('text/') ? toCrlf(bytes) : bytes };
}
