// Durations in Go's notation, as mox writes them in its configuration and the API carries them:
// "72h", "1h30m", "90s", "0s". Only non-negative durations are configured.

const UNITS: Record<string, number> = {
  ns: 1e-6,
  us: 1e-3,
  'µs': 1e-3, // U+00B5 micro sign
  'μs': 1e-3, // U+03BC Greek mu
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};

const PART = /([0-9]+(?:\.[0-9]*)?|\.[0-9]+)(ns|us|µs|μs|ms|s|m|h)/y;

/** Milliseconds, or null when the text is not a non-negative Go duration. */
export function parseDuration(text: string): number | null {
  if (text === '0') return 0;
  if (text === '') return null;
  let total = 0;
  PART.lastIndex = 0;
  while (PART.lastIndex < text.length) {
    const start = PART.lastIndex;
    const match = PART.exec(text);
    if (!match || match.index !== start) return null;
    total += Number(match[1]) * UNITS[match[2]];
  }
  return Number.isFinite(total) ? total : null;
}

/** Go's time.Duration is an int64 of nanoseconds: about 292 years. */
const MAX_MS = 9_223_372_036_854;

/** A problem with a duration setting, for an error message; null when it is fine. */
export function durationProblem(field: string, text: string): string | null {
  const ms = parseDuration(text);
  if (ms === null) return `${field}: "${text}" is not a duration such as "72h", "30m" or "0s"`;
  if (ms > MAX_MS) return `${field}: "${text}" is longer than 292 years`;
  return null;
}
