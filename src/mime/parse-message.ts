// Parses a raw RFC 5322 message (LF or CRLF line ends) into a MimePart tree. Never throws: whatever cannot be
// read as specified is read as well as possible and recorded in the part's `problems`. The cost is bounded by
// MimeLimits (depth, part count, header size).
import { decodeEncodedWords } from './encoded-words';
import { headerFirst, parseHeaderSection } from './header-section';
import { DEFAULT_MIME_LIMITS, type MimeLimits } from './limits';
import { splitMultipart } from './multipart';
import { parseParameterizedValue } from './parameters';
import type { MimePart } from './part';
import { decodeTransfer, normalizeTransferEncoding } from './transfer-encoding';

interface Context {
  limits: MimeLimits;
  parts: number;
}

const MEDIA_TYPE = /^[!#$%&'*+.^_`|~0-9a-z-]+\/[!#$%&'*+.^_`|~0-9a-z-]+$/;

export function parseMessage(input: Buffer | Uint8Array, limits: Partial<MimeLimits> = {}): MimePart {
  const source = Buffer.isBuffer(input) ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  const context: Context = { limits: { ...DEFAULT_MIME_LIMITS, ...limits }, parts: 0 };
  return parseEntity(context, source, 0, source.length, 0, 'text/plain', true);
}

function parseEntity(
  context: Context,
  source: Buffer,
  start: number,
  end: number,
  depth: number,
  defaultType: string,
  isMessage: boolean,
): MimePart {
  context.parts++;
  const section = parseHeaderSection(source, start, end, context.limits, { mboxFromLine: isMessage && depth === 0 });
  const problems = [...section.problems];
  const headers = section.fields;

  let contentType = '';
  let effectiveType = defaultType;
  let contentTypeParams: Record<string, string> = {};
  const ctField = headerFirst(headers, 'content-type');
  if (ctField) {
    const parsed = parseParameterizedValue(ctField.value);
    problems.push(...parsed.problems.map((p) => `Content-Type: ${p}`));
    contentTypeParams = parsed.params;
    if (MEDIA_TYPE.test(parsed.value)) {
      contentType = parsed.value;
      effectiveType = parsed.value;
    } else {
      // Like mox: a media type that cannot be read is application/octet-stream (its body is kept as is).
      problems.push(`unusable Content-Type ${JSON.stringify(ctField.value.slice(0, 80))} (read as application/octet-stream)`);
      contentType = 'application/octet-stream';
      effectiveType = contentType;
    }
  }

  const cte = normalizeTransferEncoding(headerFirst(headers, 'content-transfer-encoding')?.value);
  if (cte.unknown) problems.push(`unknown Content-Transfer-Encoding ${JSON.stringify(headerFirst(headers, 'content-transfer-encoding')?.value ?? '')} (read as binary)`);

  let contentDisposition = '';
  let dispositionParams: Record<string, string> = {};
  const cdField = headerFirst(headers, 'content-disposition');
  if (cdField) {
    const parsed = parseParameterizedValue(cdField.value);
    contentDisposition = parsed.value;
    dispositionParams = parsed.params;
  }
  const filename = decodeEncodedWords(dispositionParams.filename ?? contentTypeParams.name ?? '');

  const part: MimePart = {
    source,
    headers,
    headerStart: start,
    headerEnd: section.end,
    bodyStart: section.bodyStart,
    bodyEnd: end,
    contentType,
    effectiveType,
    contentTypeParams,
    contentDisposition,
    dispositionParams,
    filename,
    contentId: headerFirst(headers, 'content-id')?.value ?? '',
    transferEncoding: cte.encoding,
    charset: (contentTypeParams.charset ?? '').trim().toLowerCase(),
    parts: [],
    message: null,
    depth,
    problems,
  };

  if (effectiveType.startsWith('multipart/')) {
    readMultipart(context, part);
  } else if (effectiveType === 'message/rfc822' || effectiveType === 'message/global') {
    readEnclosedMessage(context, part);
  }
  return part;
}

function readMultipart(context: Context, part: MimePart): void {
  const boundary = part.contentTypeParams.boundary;
  if (!boundary) {
    part.problems.push('multipart without boundary parameter (read as one body)');
    return;
  }
  if (part.depth >= context.limits.maxDepth) {
    part.problems.push(`nesting deeper than ${context.limits.maxDepth} (sub-parts not read)`);
    return;
  }
  const budget = Math.max(0, context.limits.maxParts - context.parts);
  const split = splitMultipart(part.source, part.bodyStart, part.bodyEnd, boundary, budget);
  if (split.boundary !== boundary) part.problems.push(`boundary ${JSON.stringify(boundary)} not found; body uses ${JSON.stringify(split.boundary)}`);
  if (split.ranges.length === 0) {
    part.problems.push('no boundary delimiter found in multipart body (read as one body)');
    return;
  }
  if (!split.closed) part.problems.push('multipart has no close delimiter (last part runs to the end)');
  if (split.dropped > 0) part.problems.push(`more than ${context.limits.maxParts} parts in the message (${split.dropped} not read)`);
  const childDefault = part.effectiveType === 'multipart/digest' ? 'message/rfc822' : 'text/plain';
  for (const range of split.ranges) {
    if (context.parts >= context.limits.maxParts) {
      part.problems.push(`more than ${context.limits.maxParts} parts in the message (rest not read)`);
      break;
    }
    part.parts.push(parseEntity(context, part.source, range.start, range.end, part.depth + 1, childDefault, false));
  }
}

function readEnclosedMessage(context: Context, part: MimePart): void {
  if (part.depth >= context.limits.maxDepth) {
    part.problems.push(`nesting deeper than ${context.limits.maxDepth} (enclosed message not read)`);
    return;
  }
  if (context.parts >= context.limits.maxParts) {
    part.problems.push(`more than ${context.limits.maxParts} parts in the message (enclosed message not read)`);
    return;
  }
  if (part.transferEncoding === 'base64' || part.transferEncoding === 'quoted-printable') {
    // RFC 2046 §5.2.1 forbids this for message/rfc822, RFC 6532 §3.5 allows it for message/global.
    const decoded = decodeTransfer(part.source.subarray(part.bodyStart, part.bodyEnd), part.transferEncoding).bytes;
    part.message = parseEntity(context, decoded, 0, decoded.length, part.depth + 1, 'text/plain', true);
  } else {
    part.message = parseEntity(context, part.source, part.bodyStart, part.bodyEnd, part.depth + 1, 'text/plain', true);
  }
}
