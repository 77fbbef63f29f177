// The parsed form of a message: a tree of parts. Offsets refer to `source`, which is the buffer given to
// parseMessage, except below a message/rfc822 part whose body had a transfer encoding: that enclosed message
// is parsed from its decoded bytes, and `source` is that decoded buffer.
import type { HeaderField } from './header-section';
import type { TransferEncoding } from './transfer-encoding';

export interface MimePart {
  source: Buffer;
  headers: HeaderField[];
  headerStart: number;
  headerEnd: number;
  bodyStart: number;
  bodyEnd: number;
  /** Lower-case "type/subtype" from the Content-Type field; "" when the part has none. */
  contentType: string;
  /** The type the part is read as: contentType, or the default when absent (RFC 2045 §5.2, RFC 2046 §5.1.5). */
  effectiveType: string;
  /** Content-Type parameters: lower-case names, RFC 2231 decoded values in their original case. */
  contentTypeParams: Record<string, string>;
  /** Lower-case Content-Disposition value without parameters; "" when absent. */
  contentDisposition: string;
  dispositionParams: Record<string, string>;
  /** Disposition filename, else the Content-Type name parameter; RFC 2231 and RFC 2047 decoded. */
  filename: string;
  contentId: string;
  transferEncoding: TransferEncoding;
  /** Lower-case charset parameter; "" when absent. */
  charset: string;
  /** Sub-parts of a multipart, in order. */
  parts: MimePart[];
  /** The enclosed message of a message/rfc822 or message/global part. */
  message: MimePart | null;
  /** 0 for the top-level message, one more per multipart or enclosed message. */
  depth: number;
  /** What was wrong with this part and how it was read anyway. */
  problems: string[];
}

export function isMultipart(part: MimePart): boolean {
  return part.effectiveType.startsWith('multipart/');
}

/** Every problem in the tree, prefixed with the part's position ("1.2: ..."). */
export function collectProblems(root: MimePart): string[] {
  const out: string[] = [];
  const walk = (part: MimePart, path: string): void => {
    for (const problem of part.problems) out.push(path === '' ? problem : `${path}: ${problem}`);
    part.parts.forEach((child, i) => walk(child, path === '' ? String(i + 1) : `${path}.${i + 1}`));
    if (part.message) walk(part.message, path === '' ? 'message' : `${path}.message`);
  };
  walk(root, '');
  return out;
}
