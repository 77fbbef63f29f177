// Turns Ajv's errors for a request into one message that tells the caller what to fix, e.g.
//   request field "To[0].Address": must be string
//   unknown field "Subjct" (did you mean "Subject"?)
// Fields are named as a JavaScript expression on the request object. Needs validators compiled with
// `verbose: true` (for the schema beside each error) and `allErrors: true` (to report every problem).
import type { ErrorObject } from 'ajv';

/** At most this many problems are listed; the rest are counted. */
const MAX_PROBLEMS = 10;

/** Keywords that only summarise errors of their sub-schemas. */
const COMBINATORS = new Set(['oneOf', 'anyOf', 'allOf', 'not', 'if', 'then', 'else']);

export function formatValidationErrors(errors: readonly ErrorObject[] | null | undefined, data: unknown, subject = 'request'): string {
  if (!errors || errors.length === 0) return `${subject}: not valid`;
  const messages = unique(narrow(errors).map((e) => describe(e, data, subject)));
  if (messages.length === 0) return `${subject}: not valid`;
  const shown = messages.slice(0, MAX_PROBLEMS);
  const more = messages.length - shown.length;
  return shown.join('; ') + (more > 0 ? `; and ${more} more problem${more === 1 ? '' : 's'}` : '');
}

/**
 * Keeps the errors that say what to change. For `oneOf: [X, {type: "null"}]` (a nullable object) Ajv
 * reports X's errors, "must be null" and "must match exactly one schema": when a value reached X's
 * deeper checks it had X's type, so the other branches' type errors are noise. Type errors left at one
 * place are merged ("must be object or null").
 */
function narrow(errors: readonly ErrorObject[]): ErrorObject[] {
  const substantive = errors.filter((e) => !COMBINATORS.has(e.keyword));
  if (substantive.length === 0) return errors.slice(0, 1);
  const reachedInside = (path: string) =>
    substantive.some((e) => e.keyword !== 'type' && (e.instancePath === path || e.instancePath.startsWith(`${path}/`)));
  const kept: ErrorObject[] = [];
  const typesAt = new Map<string, ErrorObject>();
  for (const e of substantive) {
    if (e.keyword !== 'type') {
      kept.push(e);
      continue;
    }
    if (reachedInside(e.instancePath)) continue;
    const seen = typesAt.get(e.instancePath);
    if (seen) {
      const types = [...asList(seen.params.type), ...asList(e.params.type)];
      typesAt.set(e.instancePath, { ...seen, params: { type: [...new Set(types)] } });
    } else {
      typesAt.set(e.instancePath, e);
      kept.push(e);
    }
  }
  return kept.map((e) => (e.keyword === 'type' ? typesAt.get(e.instancePath) ?? e : e));
}

function describe(e: ErrorObject, data: unknown, subject: string): string {
  const segments = pointerSegments(e.instancePath);
  const field = fieldName(segments, data);
  const at = field ? `${subject} field "${field}"` : subject;
  const parent = e.parentSchema as Record<string, unknown> | undefined;
  switch (e.keyword) {
    case 'additionalProperties': {
      const name = String(e.params.additionalProperty);
      const full = fieldName([...segments, name], data);
      const known = Object.keys((parent?.properties as Record<string, unknown> | undefined) ?? {});
      const guess = closest(name, known);
      if (guess) return `unknown field "${full}" (did you mean "${fieldName([...segments, guess], data)}"?)`;
      if (known.length === 0) return `unknown field "${full}" (${field ? `"${field}"` : subject} takes no fields)`;
      return `unknown field "${full}" (known fields: ${known.join(', ')})`;
    }
    case 'required': {
      const name = String(e.params.missingProperty);
      return `missing required field "${fieldName([...segments, name], data)}"`;
    }
    case 'type':
      return `${at}: must be ${asList(e.params.type).join(' or ')}`;
    case 'enum': {
      const allowed = (e.params.allowedValues as unknown[]).map((v) => JSON.stringify(v));
      const guess = typeof e.data === 'string' ? closest(e.data, (e.params.allowedValues as unknown[]).filter(isString)) : undefined;
      return `${at}: must be one of ${allowed.join(', ')}${gotValue(e.data)}${guess !== undefined ? ` (did you mean ${JSON.stringify(guess)}?)` : ''}`;
    }
    case 'const':
      return `${at}: must be ${JSON.stringify(e.params.allowedValue)}${gotValue(e.data)}`;
    case 'format':
      return `${at}: must be ${FORMATS[String(e.params.format)] ?? `a valid ${e.params.format}`}${gotValue(e.data)}`;
    case 'pattern': {
      const title = typeof parent?.title === 'string' ? parent.title : `a string matching ${e.params.pattern}`;
      return `${at}: must be ${title}${gotValue(e.data)}`;
    }
    case 'minItems':
    case 'maxItems':
      return `${at}: must have ${e.keyword === 'minItems' ? 'at least' : 'at most'} ${e.params.limit} item${e.params.limit === 1 ? '' : 's'}`;
    case 'minLength':
    case 'maxLength':
      return `${at}: must be ${e.keyword === 'minLength' ? 'at least' : 'at most'} ${e.params.limit} character${e.params.limit === 1 ? '' : 's'} long`;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `${at}: must be ${e.params.comparison} ${e.params.limit}${gotValue(e.data)}`;
    default:
      return `${at}: ${e.message ?? 'not valid'}`;
  }
}

const FORMATS: Record<string, string> = {
  'date-time': 'an RFC 3339 date-time such as "2025-03-14T09:26:53Z"',
  int64: 'a whole number within 64 bits',
  int32: 'a whole number within 32 bits',
  email: 'an e-mail address',
  uri: 'an absolute URI',
};

function gotValue(value: unknown): string {
  if (typeof value === 'string') return ` (got ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value)})`;
  if (typeof value === 'number' || typeof value === 'boolean') return ` (got ${value})`;
  return '';
}

function asList(value: unknown): string[] {
  return Array.isArray(value) ? value.map(String) : String(value).split(',');
}

const isString = (v: unknown): v is string => typeof v === 'string';

function unique(messages: string[]): string[] {
  return [...new Set(messages)];
}

/** RFC 6901: "/a~1b/0" -> ["a/b", "0"]. */
function pointerSegments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Names a field like a JavaScript expression: `To[0].Address`, `Extra["order id"]`. */
function fieldName(segments: string[], data: unknown): string {
  let out = '';
  let node: unknown = data;
  for (const segment of segments) {
    if (Array.isArray(node) && /^\d+$/.test(segment)) out += `[${segment}]`;
    else if (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(segment)) out += out === '' ? segment : `.${segment}`;
    else out += `[${JSON.stringify(segment)}]`;
    node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[segment] : undefined;
  }
  return out;
}

/** The candidate a typo most likely meant: same letters ignoring case, or a small edit distance. */
function closest(word: string, candidates: string[]): string | undefined {
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = candidate.toLowerCase() === lower ? 0 : editDistance(lower, candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  const allowed = Math.max(1, Math.min(3, Math.floor(word.length / 3)));
  return best !== undefined && bestDistance <= allowed ? best : undefined;
}

/** Levenshtein distance, with a swap of two adjacent letters counting as one edit. */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}
