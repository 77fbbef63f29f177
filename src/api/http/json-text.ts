// Parses the request JSON (RFC 8259) and, when it does not parse, says what was expected and where: line,
// column and the text up to the spot, because "Unexpected token" alone does not help anyone find a stray
// comma in a 40-line Send request. The wording comes from our own scan of the grammar, not from the
// JavaScript engine's messages, so it does not change with the Node.js version.
import { ApiError } from '../api-error';

/** Deeper nesting than any request schema describes is refused before parsing. */
const MAX_DEPTH = 64;

export function parseRequestJson(text: string, subject = 'request'): unknown {
  const depth = nestingDepth(text);
  if (depth > MAX_DEPTH) throw new ApiError('protocol', `${subject} nests objects and arrays more than ${MAX_DEPTH} levels deep`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new ApiError('protocol', `${subject} is not valid JSON: ${describeSyntaxError(text, err)}`);
  }
  // A key "__proto__" becomes the prototype when an object is copied with Object.assign or a merge; no
  // request field is named so, and refusing it keeps handlers safe from prototype pollution.
  if (text.includes('"__proto__"') && hasProtoKey(value)) {
    throw new ApiError('protocol', `${subject} contains the key "__proto__", which is not allowed`);
  }
  return value;
}

function hasProtoKey(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.some(hasProtoKey);
  return Object.keys(value).some((key) => key === '__proto__' || hasProtoKey((value as Record<string, unknown>)[key]));
}

/** The deepest nesting of objects and arrays, outside strings. */
function nestingDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) max = Math.max(max, ++depth);
    else if (c === 0x7d || c === 0x5d) depth--;
  }
  return max;
}

function describeSyntaxError(text: string, err: unknown): string {
  if (text.trim() === '') return 'it is empty; send an object, e.g. {}';
  const found = syntaxError(text);
  // The scan agrees with JSON.parse on what JSON is; should they ever differ, the parser's word stands.
  if (!found) return String((err as Error)?.message ?? err);
  const { offset, expected } = found;
  if (offset >= text.length) return `${expected}, but the text ends`;
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  // The text up to and including the offending character, on one line.
  const start = Math.max(0, offset - 24);
  const shown = `${start > 0 ? '...' : ''}${text.slice(start, offset + 1)}`.replace(/[\r\n\t]+/g, ' ').trimEnd();
  return `${expected}, found ${describeChar(text[offset])} at line ${line}, column ${column}: ${shown}`;
}

function describeChar(c: string): string {
  if (c === '\n') return 'a line break';
  if (c < ' ') return `control character U+${c.charCodeAt(0).toString(16).padStart(4, '0').toUpperCase()}`;
  return `'${c}'`;
}

export interface JsonSyntaxError {
  /** Where the text stops being JSON; its length when it ends too early. */
  offset: number;
  /** What RFC 8259 wants there, e.g. `expected "," or "}" after a value`. */
  expected: string;
}

/** The first place `text` breaks the JSON grammar (RFC 8259 §2-7), or null when it is JSON. */
export function syntaxError(text: string): JsonSyntaxError | null {
  let i = 0;
  const fail = (expected: string): never => {
    throw new ScanStop({ offset: i, expected });
  };
  const space = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const string = () => {
    i++;
    for (;;) {
      const c = text[i];
      if (c === undefined) fail('expected the closing " of a string');
      if (c < ' ') fail('expected a character of a string (line breaks and tabs must be escaped as \\n and \\t)');
      if (c === '"') {
        i++;
        return;
      }
      if (c !== '\\') {
        i++;
        continue;
      }
      const e = text[i + 1];
      if (e !== undefined && 'bfnrt"\\/'.includes(e)) i += 2;
      else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) i += 6;
      else {
        i++;
        fail('expected an escape sequence (\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\u and four hex digits)');
      }
    }
  };
  const number = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  const value = (): void => {
    space();
    const c = text[i];
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      space();
      if (text[i] === close) {
        i++;
        return;
      }
      for (;;) {
        if (c === '{') {
          space();
          if (text[i] !== '"') fail('expected a field name in double quotes');
          string();
          space();
          if (text[i] !== ':') fail('expected ":" after the field name');
          i++;
        }
        value();
        space();
        if (text[i] === ',') i++;
        else if (text[i] === close) {
          i++;
          return;
        } else fail(`expected "," or "${close}" after a value`);
      }
    }
    if (c === '"') return string();
    number.lastIndex = i;
    if (number.test(text)) {
      i = number.lastIndex;
      return;
    }
    const literal = ['true', 'false', 'null'].find((l) => l[0] === c);
    if (literal === undefined) fail('expected a value (an object, array, string, number, true, false or null)');
    else {
      // Point at the first letter that differs: "tru}" fails at the "}".
      let j = 0;
      while (j < literal.length && text[i + j] === literal[j]) j++;
      i += j;
      if (j < literal.length) fail(`expected ${literal}`);
    }
  };
  try {
    value();
    space();
    if (i < text.length) fail('expected the end of the text after the value');
    return null;
  } catch (stop) {
    if (stop instanceof ScanStop) return stop.error;
    throw stop;
  }
}

class ScanStop {
  constructor(readonly error: JsonSyntaxError) {}
}
