// The header section of a submitted message as SMTP servers read it (RFC 5322 §2.2, §3.6), field by field
// up to the first empty line, with folded lines joined (§2.2.3). Unlike the MIME reader, which stops the
// section at a field name outside printable ASCII, this accepts any name without white space, control
// characters or colon, as mox's header reader does: `X-Mox-Extra-☺` is a field a sender may write.
import { isUtf8 } from 'node:buffer';

export interface SubmittedField {
  name: string;
  /** Unfolded, without surrounding white space; encoded words stay encoded. */
  value: string;
}

export interface SubmittedHeader {
  fields: SubmittedField[];
  /** The section ended with an empty line, so the message has a body part (RFC 5322 §2.1), maybe empty. */
  hasBody: boolean;
  /** A line that is neither a field nor a continuation: the section is malformed there. */
  badLine: string | null;
}

// RFC 5322 §3.6.8 ftext extended with UTF-8 (RFC 6532 §3.2).
const NAME = /^[^\x00-\x20\x7f:]+$/u;
const MAX_HEADER_BYTES = 1024 * 1024;

export function readSubmittedHeader(raw: Buffer): SubmittedHeader {
  const slice = raw.subarray(0, Math.min(raw.length, MAX_HEADER_BYTES));
  const text = isUtf8(slice) ? slice.toString('utf8') : slice.toString('latin1');
  const fields: SubmittedField[] = [];
  let hasBody = false;
  let badLine: string | null = null;
  for (const line of text.split(/\r?\n/)) {
    if (line === '') {
      hasBody = true;
      break;
    }
    if (line[0] === ' ' || line[0] === '\t') {
      const last = fields[fields.length - 1];
      if (!last) {
        badLine = line;
        break;
      }
      last.value = `${last.value} ${line.trim()}`.trim();
      continue;
    }
    const colon = line.indexOf(':');
    const name = colon > 0 ? line.slice(0, colon).replace(/[ \t]+$/, '') : '';
    if (!NAME.test(name)) {
      badLine = line;
      break;
    }
    fields.push({ name, value: line.slice(colon + 1).trim() });
  }
  return { fields, hasBody: hasBody && badLine === null, badLine };
}

export function fieldAll(header: SubmittedHeader, name: string): SubmittedField[] {
  const lower = name.toLowerCase();
  return header.fields.filter((f) => f.name.toLowerCase() === lower);
}

export function fieldFirst(header: SubmittedHeader, name: string): SubmittedField | undefined {
  return fieldAll(header, name)[0];
}
