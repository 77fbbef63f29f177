// The header section of a message or body part (RFC 5322 §2.2, §3.6; RFC 2045 §3). Reading is tolerant:
// LF or CRLF line ends, a leading mbox "From " line, continuation lines without a field before them, and a
// section that ends without the empty line (the first line that is not a field then starts the body).
import { isUtf8 } from 'node:buffer';
import type { MimeLimits } from './limits';

export interface HeaderField {
  /** The field name as written. */
  name: string;
  /** Everything after the colon up to the end of the field, folding line breaks included. */
  raw: string;
  /** The value unfolded (RFC 5322 §2.2.3) and without surrounding white space. Encoded words stay encoded. */
  value: string;
  /** Offset of the field's first byte in the part's source buffer. */
  start: number;
  /** Offset just after the field's last line break. */
  end: number;
}

export interface HeaderSection {
  fields: HeaderField[];
  /** Offset where the header section ends (after the empty separator line when there is one). */
  end: number;
  /** Offset where the body starts; equal to `end`. */
  bodyStart: number;
  problems: string[];
}

const LF = 0x0a;
const CR = 0x0d;
const COLON = 0x3a;

/** Reads bytes of a header as text: UTF-8 when valid (RFC 6532), otherwise Latin-1 so no byte is lost. */
export function headerBytesToString(bytes: Buffer): string {
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] >= 0x80) return isUtf8(bytes) ? bytes.toString('utf8') : bytes.toString('latin1');
  }
  return bytes.toString('latin1');
}

export function unfold(raw: string): string {
  if (!raw.includes('\n')) return trimBlanks(raw);
  // A line break not followed by white space only occurs in a field after a forgotten indent: it becomes one.
  return trimBlanks(raw.replace(/\r?\n(?=[ \t])/g, '').replace(/\r?\n/g, ' '));
}

function trimBlanks(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && (text[start] === ' ' || text[start] === '\t')) start++;
  while (end > start && (text[end - 1] === ' ' || text[end - 1] === '\t' || text[end - 1] === '\r')) end--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

function validFieldName(source: Buffer, from: number, colon: number): number {
  // Returns the end of the name (trailing white space before the colon is obsolete syntax, RFC 5322 §4.5).
  let end = colon;
  while (end > from && (source[end - 1] === 0x20 || source[end - 1] === 0x09)) end--;
  if (end === from) return -1;
  for (let i = from; i < end; i++) {
    const c = source[i];
    if (c < 33 || c > 126) return -1;
  }
  return end;
}

function continuesWithoutIndent(source: Buffer, valueStart: number, valueEnd: number, lineStart: number, lineEnd: number): boolean {
  let last = valueEnd - 1;
  while (last >= valueStart && (source[last] === 0x20 || source[last] === 0x09 || source[last] === CR || source[last] === LF)) last--;
  if (last < valueStart || source[last] === 0x3b || source[last] === 0x2c) return true;
  return /^[A-Za-z0-9-]+\*?[0-9]*\*?=/.test(source.toString('latin1', lineStart, Math.min(lineEnd, lineStart + 80)));
}

export function parseHeaderSection(
  source: Buffer,
  start: number,
  end: number,
  limits: MimeLimits,
  options: { mboxFromLine?: boolean } = {},
): HeaderSection {
  const fields: HeaderField[] = [];
  const problems: string[] = [];
  let pos = start;
  let bodyStart = -1;
  let current: { start: number; nameEnd: number; valueStart: number; end: number } | null = null;
  let droppedFields = 0;
  let orphanLines = 0;
  let brokenFolds = 0;

  const finish = (): void => {
    if (!current) return;
    if (fields.length >= limits.maxHeaderFields) {
      droppedFields++;
      current = null;
      return;
    }
    let valueEnd = current.end;
    // The field's own final line break is not part of its value.
    if (valueEnd > current.valueStart && source[valueEnd - 1] === LF) valueEnd--;
    if (valueEnd > current.valueStart && source[valueEnd - 1] === CR) valueEnd--;
    if (valueEnd - current.start > limits.maxHeaderFieldBytes) {
      valueEnd = Math.max(current.valueStart, current.start + limits.maxHeaderFieldBytes);
      problems.push(`header field ${source.toString('latin1', current.start, current.nameEnd)} longer than ${limits.maxHeaderFieldBytes} bytes (cut)`);
    }
    const raw = headerBytesToString(source.subarray(current.valueStart, valueEnd));
    fields.push({
      name: source.toString('latin1', current.start, current.nameEnd),
      raw,
      value: unfold(raw),
      start: current.start,
      end: current.end,
    });
    current = null;
  };

  if (options.mboxFromLine && end - pos >= 5 && source.toString('latin1', pos, pos + 5) === 'From ') {
    const lf = source.indexOf(LF, pos);
    pos = lf < 0 || lf >= end ? end : lf + 1;
    problems.push('message starts with an mbox "From " line (skipped)');
  }

  while (pos < end) {
    if (pos - start > limits.maxHeaderSectionBytes) {
      problems.push(`header section longer than ${limits.maxHeaderSectionBytes} bytes (rest read as body)`);
      bodyStart = pos;
      break;
    }
    const lf = source.indexOf(LF, pos);
    const lineEnd = lf < 0 || lf >= end ? end : lf;
    const next = lineEnd < end ? lineEnd + 1 : end;
    let contentEnd = lineEnd;
    if (contentEnd > pos && source[contentEnd - 1] === CR) contentEnd--;

    if (contentEnd === pos) {
      // The empty line that separates header and body (RFC 5322 §2.1).
      finish();
      bodyStart = next;
      break;
    }
    const first = source[pos];
    if (first === 0x20 || first === 0x09) {
      if (current) {
        current.end = next;
      } else {
        orphanLines++;
      }
      pos = next;
      continue;
    }
    const colon = source.indexOf(COLON, pos);
    const nameEnd = colon >= 0 && colon < contentEnd ? validFieldName(source, pos, colon) : -1;
    if (nameEnd < 0 && current && continuesWithoutIndent(source, current.valueStart, current.end, pos, contentEnd)) {
      // A continuation line someone forgot to indent: seen after an empty value, after a value that ends
      // in ";" or "," (a parameter list going on), and for "name=value" parameter lines.
      current.end = next;
      brokenFolds++;
      pos = next;
      continue;
    }
    if (nameEnd < 0) {
      finish();
      problems.push(fields.length === 0 ? 'part has no header section' : 'header section ends without an empty line');
      bodyStart = pos;
      break;
    }
    finish();
    current = { start: pos, nameEnd, valueStart: colon + 1, end: next };
    pos = next;
  }
  if (bodyStart < 0) {
    finish();
    bodyStart = end;
  }
  if (brokenFolds > 0) problems.push(`${brokenFolds} continuation lines without leading white space (joined to the field before)`);
  if (orphanLines > 0) problems.push(`${orphanLines} continuation lines without a header field before them (skipped)`);
  if (droppedFields > 0) problems.push(`more than ${limits.maxHeaderFields} header fields (${droppedFields} dropped)`);
  return { fields, end: bodyStart, bodyStart, problems };
}

/** The first field with this name (case-insensitive), or undefined. */
export function headerFirst(fields: readonly HeaderField[], name: string): HeaderField | undefined {
  const lower = name.toLowerCase();
  return fields.find((f) => f.name.toLowerCase() === lower);
}

/** Every field with this name (case-insensitive), in message order. */
export function headerAll(fields: readonly HeaderField[], name: string): HeaderField[] {
  const lower = name.toLowerCase();
  return fields.filter((f) => f.name.toLowerCase() === lower);
}
