// Values with parameters: Content-Type (RFC 2045 §5.1) and Content-Disposition (RFC 2183), including
// RFC 2231 extended parameters (charset'language'percent-encoding) and continuations (name*0, name*1*, ...).
// Parameter names come back in lower case, values in their original case. Malformed input (missing quotes,
// stray semicolons, a parameter without "=") is read as well as it can be and noted as a problem.
import { decodeBytes } from './charset';

export interface ParameterizedValue {
  /** The value before the first ";", lower case, comments removed ("text/plain", "attachment"). */
  value: string;
  params: Record<string, string>;
  problems: string[];
}

interface Piece {
  index: number;
  encoded: boolean;
  text: string;
}

/** Sets an own property, whatever the name ("__proto__" included): names come from the message. */
function setOwn(target: Record<string, string>, name: string, value: string): void {
  Object.defineProperty(target, name, { value, enumerable: true, writable: true, configurable: true });
}

function splitOutsideQuotes(input: string): string[] {
  const out: string[] = [];
  let current = '';
  let quoted = false;
  for (let i = 0; i < input.length; i++) {
    const c = input[i];
    if (quoted) {
      current += c;
      if (c === '\\' && i + 1 < input.length) current += input[++i];
      else if (c === '"') quoted = false;
    } else if (c === '"') {
      quoted = true;
      current += c;
    } else if (c === ';') {
      out.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  out.push(current);
  return out;
}

function unquote(raw: string): string {
  const text = raw.trim();
  if (!text.startsWith('"')) return text;
  let out = '';
  for (let i = 1; i < text.length; i++) {
    const c = text[i];
    if (c === '\\' && i + 1 < text.length) out += text[++i];
    else if (c === '"') return out;
    else out += c;
  }
  return out; // unterminated quoted string: keep what there is
}

function stripComments(text: string): string {
  let out = '';
  let depth = 0;
  for (const c of text) {
    if (c === '(') depth++;
    else if (c === ')' && depth > 0) depth--;
    else if (depth === 0) out += c;
  }
  return out;
}

function percentBytes(text: string): Buffer {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '%' && /^[0-9a-fA-F]{2}$/.test(text.slice(i + 1, i + 3))) {
      out.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else {
      out.push(...Buffer.from(text[i], 'utf8'));
    }
  }
  return Buffer.from(out);
}

export function parseParameterizedValue(input: string): ParameterizedValue {
  const problems: string[] = [];
  const [head, ...rest] = splitOutsideQuotes(input);
  const value = stripComments(head).trim().toLowerCase();
  const plain: Record<string, string> = {};
  const extended = new Map<string, Piece[]>();
  for (const segment of rest) {
    if (segment.trim() === '') continue;
    const eq = segment.indexOf('=');
    if (eq < 0) {
      problems.push(`parameter without "=": ${segment.trim().slice(0, 60)}`);
      continue;
    }
    const name = segment.slice(0, eq).trim().toLowerCase();
    if (name === '') {
      problems.push('parameter without a name');
      continue;
    }
    const rawValue = segment.slice(eq + 1);
    // RFC 2231 §3-4: name*N (continuation), name* / name*N* (encoded).
    const ext = /^(.+?)\*(?:(\d+)(\*)?)?$/.exec(name);
    if (ext) {
      const base = ext[1];
      const index = ext[2] === undefined ? 0 : Number(ext[2]);
      const encoded = ext[2] === undefined ? true : ext[3] === '*';
      const pieces = extended.get(base) ?? [];
      pieces.push({ index, encoded, text: unquote(rawValue) });
      extended.set(base, pieces);
      continue;
    }
    if (Object.hasOwn(plain, name)) {
      problems.push(`duplicate parameter ${name} (first kept)`);
      continue;
    }
    setOwn(plain, name, unquote(rawValue));
  }
  const params: Record<string, string> = { ...plain };
  for (const [base, pieces] of extended) {
    pieces.sort((a, b) => a.index - b.index);
    let charset = '';
    const chunks: Buffer[] = [];
    for (const piece of pieces) {
      let text = piece.text;
      if (piece.encoded) {
        if (piece.index === 0) {
          const m = /^([^']*)'[^']*'(.*)$/s.exec(text);
          if (m) {
            charset = m[1];
            text = m[2];
          }
        }
        chunks.push(percentBytes(text));
      } else {
        chunks.push(Buffer.from(text, 'utf8'));
      }
    }
    setOwn(params, base, decodeBytes(Buffer.concat(chunks), charset || 'utf-8').text);
  }
  return { value, params, problems };
}
