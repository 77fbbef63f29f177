// Times written into messages and queue records keep the zone offset the caller sent, as mox does (Go
// keeps the location of a parsed time): a Date of 10:00+02:00 is written as "+0200", not as 08:00 UTC.

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export interface ZonedTime {
  date: Date;
  /** Minutes east of UTC. */
  offsetMinutes: number;
}

const RFC3339_OFFSET = /(?:[Zz]|([+-])(\d{2}):(\d{2}))$/;

/** An RFC 3339 date-time (already checked by the request schema) with its offset; null when unreadable. */
export function parseZonedTime(text: string): ZonedTime | null {
  const date = new Date(text);
  const m = RFC3339_OFFSET.exec(text);
  if (Number.isNaN(date.getTime()) || !m) return null;
  const offsetMinutes = m[1] ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
  return { date, offsetMinutes };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The wall-clock fields at the offset. */
function shifted(t: ZonedTime): Date {
  return new Date(t.date.getTime() + t.offsetMinutes * 60_000);
}

function offsetText(minutes: number, colon: boolean): string {
  const sign = minutes < 0 ? '-' : '+';
  const abs = Math.abs(minutes);
  return `${sign}${pad(Math.floor(abs / 60))}${colon ? ':' : ''}${pad(abs % 60)}`;
}

/** RFC 5322 §3.3 date-time, e.g. `Mon, 02 Jan 2006 15:04:05 -0700` (Go's layout mox uses). */
export function rfc5322Date(t: ZonedTime): string {
  const s = shifted(t);
  return (
    `${DAYS[s.getUTCDay()]}, ${pad(s.getUTCDate())} ${MONTHS[s.getUTCMonth()]} ${s.getUTCFullYear()} ` +
    `${pad(s.getUTCHours())}:${pad(s.getUTCMinutes())}:${pad(s.getUTCSeconds())} ${offsetText(t.offsetMinutes, false)}`
  );
}

/** RFC 3339 without fractional seconds, `Z` for UTC (Go's time.RFC3339 layout). */
export function rfc3339Seconds(t: ZonedTime): string {
  const s = shifted(t);
  const zone = t.offsetMinutes === 0 ? 'Z' : offsetText(t.offsetMinutes, true);
  return (
    `${pad(s.getUTCFullYear(), 4)}-${pad(s.getUTCMonth() + 1)}-${pad(s.getUTCDate())}` +
    `T${pad(s.getUTCHours())}:${pad(s.getUTCMinutes())}:${pad(s.getUTCSeconds())}${zone}`
  );
}

export const utc = (date: Date): ZonedTime => ({ date, offsetMinutes: 0 });
