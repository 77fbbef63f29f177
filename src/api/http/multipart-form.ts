// Splits a multipart/form-data body (RFC 7578) into its parts, keeping each part's headers: Send uses a
// file part's Content-Type and Content-ID, which stream parsers built on busboy do not pass on.
//
// RFC 2046 §5.1.1: the body is an optional preamble, then "--boundary" lines separating parts, then
// "--boundary--" and an optional epilogue. The line break before a delimiter belongs to the delimiter.
// Each part is header lines, an empty line and the content. Strict where it matters (a body that is not
// multipart at all, a missing name), lenient where clients differ (LF without CR, transport padding).
import { ApiError } from '../api-error';
import { parseParameters } from './media-type';

export interface FormPart {
  /** The `name` of the part's Content-Disposition. */
  name: string;
  /** The `filename` (or RFC 5987 `filename*`), when the part is a file. */
  filename: string | undefined;
  /** Header values by lower-cased name (the first of each). */
  headers: Map<string, string>;
  data: Buffer;
}

const LF = 0x0a;
const CR = 0x0d;

const protocol = (message: string) => new ApiError('protocol', `multipart body: ${message}`);

export function parseMultipartForm(body: Buffer, boundary: string, maxParts = 1000): FormPart[] {
  const delimiter = Buffer.from(`--${boundary}`, 'latin1');
  let at = findDelimiter(body, delimiter, 0);
  if (at < 0) throw protocol(`the boundary "--${boundary}" from Content-Type does not occur; is the body really multipart/form-data?`);
  const parts: FormPart[] = [];
  for (;;) {
    let pos = at + delimiter.length;
    if (body[pos] === 0x2d && body[pos + 1] === 0x2d) return parts;
    // Transport padding (spaces and tabs) may follow a delimiter before its line break.
    while (body[pos] === 0x20 || body[pos] === 0x09) pos++;
    if (body[pos] === CR) pos++;
    if (body[pos] !== LF) throw protocol(`a boundary line is followed by text instead of a line break (part ${parts.length + 1})`);
    pos++;
    const next = findDelimiter(body, delimiter, pos);
    if (next < 0) throw protocol(`it ends before the closing boundary "--${boundary}--" (part ${parts.length + 1} is incomplete)`);
    if (parts.length === maxParts) throw protocol(`more than ${maxParts} parts`);
    parts.push(parsePart(body.subarray(pos, contentEnd(body, next, pos)), parts.length + 1));
    at = next;
  }
}

/**
 * The next delimiter from `from` on: at the start of a line and followed by "--", white space or the line
 * end, so content that merely starts with the boundary text is not cut.
 */
function findDelimiter(body: Buffer, delimiter: Buffer, from: number): number {
  for (let at = body.indexOf(delimiter, from); at >= 0; at = body.indexOf(delimiter, at + 1)) {
    const after = body[at + delimiter.length];
    const ends = after === undefined || after === 0x2d || after === 0x20 || after === 0x09 || after === CR || after === LF;
    if ((at === from || body[at - 1] === LF) && ends) return at;
  }
  return -1;
}

/** Where a part's content ends: before the line break that starts the next delimiter. */
function contentEnd(body: Buffer, delimiterAt: number, partStart: number): number {
  let end = delimiterAt;
  if (end > partStart && body[end - 1] === LF) end--;
  if (end > partStart && body[end - 1] === CR) end--;
  return end;
}

function parsePart(part: Buffer, number: number): FormPart {
  const { headers, content } = splitHeaders(part, number);
  const disposition = headers.get('content-disposition');
  const semicolon = disposition?.indexOf(';') ?? -1;
  const kind = disposition?.slice(0, semicolon < 0 ? undefined : semicolon).trim().toLowerCase();
  const params = disposition !== undefined && semicolon >= 0 ? parseParameters(disposition.slice(semicolon)) : new Map<string, string>();
  const name = params?.get('name');
  if (kind !== 'form-data' || !params || name === undefined || name === '') {
    throw protocol(`part ${number} needs a header "Content-Disposition: form-data; name=..." (RFC 7578 §4.2)${disposition === undefined ? '' : `, got ${JSON.stringify(disposition)}`}`);
  }
  return { name, filename: filename(params), headers, data: content };
}

/** `filename*=UTF-8''...` (RFC 5987 §3.2) wins over `filename`, as in RFC 6266 §4.3. */
function filename(params: Map<string, string>): string | undefined {
  const extended = params.get('filename*');
  const match = extended && /^utf-8'[^']*'(.*)$/i.exec(extended);
  if (match) {
    try {
      return decodeURIComponent(match[1]);
    } catch {
      // Not valid percent-encoded UTF-8: fall back to the plain parameter.
    }
  }
  return params.get('filename');
}

function splitHeaders(part: Buffer, number: number): { headers: Map<string, string>; content: Buffer } {
  const headers = new Map<string, string>();
  let pos = 0;
  let previous: string | undefined;
  for (;;) {
    const lf = part.indexOf(LF, pos);
    if (lf < 0) throw protocol(`part ${number} has no empty line between its headers and its content`);
    const line = part.toString('utf8', pos, lf > pos && part[lf - 1] === CR ? lf - 1 : lf);
    pos = lf + 1;
    if (line === '') return { headers, content: part.subarray(pos) };
    if ((line[0] === ' ' || line[0] === '\t') && previous !== undefined) {
      // RFC 5322 §2.2.3: a folded header continues on lines starting with white space.
      headers.set(previous, `${headers.get(previous)} ${line.trim()}`);
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) throw protocol(`part ${number} has a header line that is not "Name: value": ${JSON.stringify(line.slice(0, 80))}`);
    const name = line.slice(0, colon).trim().toLowerCase();
    previous = headers.has(name) ? undefined : name;
    if (previous !== undefined) headers.set(name, line.slice(colon + 1).trim());
  }
}
