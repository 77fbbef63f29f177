// Splitting a multipart body at its boundary delimiters (RFC 2046 §5.1.1). A delimiter is "--boundary" at
// the start of a line; the line break before it belongs to the delimiter, not to the part before. Like mox,
// a delimiter must be followed by white space, the line end or "--" (the close delimiter), so a nested part
// whose boundary merely starts with the outer one is not cut. Tolerated: a missing close delimiter (the
// last part runs to the end), text before the first delimiter and after the last, and a boundary parameter
// that matches nothing in the body, in which case the delimiter the body actually uses is looked for.

export interface PartRange {
  start: number;
  end: number;
}

export interface MultipartSplit {
  ranges: PartRange[];
  /** Whether a close delimiter ("--boundary--") was seen. */
  closed: boolean;
  /** The boundary actually used: the parameter, or the one found in the body when the parameter matched nothing. */
  boundary: string;
  /** Parts beyond the limit that were not returned. */
  dropped: number;
}

const LF = 0x0a;
const CR = 0x0d;
const DASH = 0x2d;

function isDelimiterAt(source: Buffer, at: number, start: number, end: number, delimiter: Buffer): 'open' | 'close' | null {
  if (at > start && source[at - 1] !== LF) return null;
  const after = at + delimiter.length;
  if (after + 2 <= end && source[after] === DASH && source[after + 1] === DASH) return 'close';
  if (after >= end) return 'open';
  const c = source[after];
  return c === 0x20 || c === 0x09 || c === CR || c === LF ? 'open' : null;
}

function lineBreakBefore(source: Buffer, at: number, start: number): number {
  // Offset where the line break preceding `at` starts (the end of the previous part's content).
  let end = at;
  if (end > start && source[end - 1] === LF) end--;
  if (end > start && source[end - 1] === CR) end--;
  return end;
}

function nextLine(source: Buffer, at: number, end: number): number {
  const lf = source.indexOf(LF, at);
  return lf < 0 || lf >= end ? end : lf + 1;
}

export function splitMultipart(source: Buffer, start: number, end: number, boundary: string, maxParts: number): MultipartSplit {
  let result = splitWith(source, start, end, boundary, maxParts);
  if (result.ranges.length === 0 && !result.closed) {
    const guessed = guessBoundary(source, start, end, boundary);
    if (guessed !== null) result = splitWith(source, start, end, guessed, maxParts);
  }
  return result;
}

function splitWith(source: Buffer, start: number, end: number, boundary: string, maxParts: number): MultipartSplit {
  const delimiter = Buffer.from(`--${boundary}`, 'latin1');
  const ranges: PartRange[] = [];
  let partStart = -1;
  let closed = false;
  let dropped = 0;
  let from = start;
  while (from < end) {
    const at = source.indexOf(delimiter, from);
    if (at < 0 || at + delimiter.length > end) break;
    const kind = isDelimiterAt(source, at, start, end, delimiter);
    if (kind === null) {
      from = at + 1;
      continue;
    }
    if (partStart >= 0) {
      const partEnd = Math.max(partStart, lineBreakBefore(source, at, partStart));
      if (ranges.length < maxParts) ranges.push({ start: partStart, end: partEnd });
      else dropped++;
    }
    if (kind === 'close') {
      closed = true;
      partStart = -1;
      break;
    }
    partStart = nextLine(source, at, end);
    from = partStart;
  }
  if (partStart >= 0) {
    if (ranges.length < maxParts) ranges.push({ start: partStart, end });
    else dropped++;
  }
  return { ranges, closed, boundary, dropped };
}

// When the boundary parameter occurs nowhere, take the "--token" line that occurs most often (at least
// twice, or once as a close delimiter), preferring tokens that share a prefix with the declared boundary.
function guessBoundary(source: Buffer, start: number, end: number, declared: string): string | null {
  const counts = new Map<string, number>();
  let pos = start;
  let lines = 0;
  while (pos < end && lines < 200_000) {
    const next = nextLine(source, pos, end);
    lines++;
    if (source[pos] === DASH && source[pos + 1] === DASH) {
      let lineEnd = next;
      while (lineEnd > pos && (source[lineEnd - 1] === LF || source[lineEnd - 1] === CR || source[lineEnd - 1] === 0x20 || source[lineEnd - 1] === 0x09)) lineEnd--;
      if (lineEnd - pos > 3 && lineEnd - pos <= 202) {
        let token = source.toString('latin1', pos + 2, lineEnd);
        let weight = 1;
        if (token.endsWith('--')) {
          token = token.slice(0, -2);
          weight = 2;
        }
        if (/[^-]/.test(token) && !/\s/.test(token)) counts.set(token, (counts.get(token) ?? 0) + weight);
      }
    }
    pos = next;
  }
  let best: string | null = null;
  let bestScore = 0;
  const prefix = declared.slice(0, 6);
  for (const [token, count] of counts) {
    if (count < 2) continue;
    const score = count + (prefix.length > 0 && token.startsWith(prefix) ? 1000 : 0);
    if (score > bestScore) {
      best = token;
      bestScore = score;
    }
  }
  return best;
}
