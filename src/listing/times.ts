// Times in listings: the RFC 3339 strings the read models store (UTC, milliseconds, as toISOString
// writes them, so comparing the strings compares the times), and mox's relative time filters.
import { userError } from '../api/api-error';
import { parseDuration } from '../config/durations';

const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?([Zz]|[+-]\d{2}:\d{2})$/;

/**
 * An RFC 3339 time as the stored form (`2025-03-14T09:26:54.016Z`), or null when the text is not one.
 * Fractions beyond milliseconds (Go's RFC 3339 nano) are cut: stored times have millisecond precision.
 */
export function storedTime(text: string): string | null {
  const m = RFC3339.exec(text);
  if (!m) return null;
  const fraction = (m[7] ?? '').slice(0, 3).padEnd(3, '0');
  const zone = m[8].toUpperCase() === 'Z' ? 'Z' : m[8];
  const ms = Date.parse(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.${fraction}${zone}`);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

export interface TimeCondition {
  /** `<`: the time is before `at`; `>`: after it. */
  op: '<' | '>';
  /** now plus the filter's duration, in the stored form. */
  at: string;
}

/**
 * mox's time filter (reference 3.8): `<` or `>`, then `now` or a Go duration relative to now that may be
 * negative, e.g. `<now`, `>1m`, `<-1h`. Empty: no condition. Anything else is a `user` error naming the field.
 */
export function parseTimeFilter(field: string, text: string | undefined | null, now: Date): TimeCondition | null {
  if (text === undefined || text === null || text.trim() === '') return null;
  const m = /^\s*([<>])\s*(.*?)\s*$/.exec(text);
  if (!m) throw userError(`${field}: "${text}" must start with "<" or ">", e.g. "<now" or ">-1h"`);
  const op = m[1] as '<' | '>';
  let offsetMs = 0;
  if (m[2] !== 'now') {
    const sign = m[2].startsWith('-') ? -1 : 1;
    const ms = parseDuration(m[2].replace(/^[-+]/, ''));
    if (ms === null) throw userError(`${field}: "${m[2]}" is neither "now" nor a duration such as "1h" or "-30m"`);
    offsetMs = sign * ms;
  }
  const at = new Date(now.getTime() + offsetMs);
  if (Number.isNaN(at.getTime())) throw userError(`${field}: "${text}" is too far from now`);
  return { op, at: at.toISOString() };
}
