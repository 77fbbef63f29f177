// The Date field (RFC 5322 §3.3) including the obsolete forms of §4.3: two- and three-digit years, named
// zones (UT, GMT, EST ... PDT, military letters), missing seconds or weekday, comments such as "(JST)",
// and missing white space after the comma. Returns null when absent or unreadable, never throws.

const MONTHS: Record<string, number> = { jan: 0, feb: 1, mar: 2, apr: 3, may: 4, jun: 5, jul: 6, aug: 7, sep: 8, oct: 9, nov: 10, dec: 11 };

// RFC 5322 §4.3 obs-zone; military zones other than Z carry no reliable offset and count as -0000.
const ZONES: Record<string, number> = {
  ut: 0, utc: 0, gmt: 0, z: 0,
  edt: -4 * 60, est: -5 * 60, cdt: -5 * 60, cst: -6 * 60, mdt: -6 * 60, mst: -7 * 60, pdt: -7 * 60, pst: -8 * 60,
};

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

export function parseDate(value: string | undefined | null): Date | null {
  return parseDateWithZone(value)?.date ?? null;
}

export interface ZonedDate {
  date: Date;
  /** The writer's UTC offset in minutes (e.g. +60 for +0100), as the header gave it. */
  offsetMinutes: number;
}

/** Like parseDate, also keeping the writer's zone so the time can be shown as written. */
export function parseDateWithZone(value: string | undefined | null): ZonedDate | null {
  if (!value) return null;
  const text = stripComments(value).replace(/,/g, ', ').replace(/\s+/g, ' ').trim();
  // [weekday,] day month year hour:minute[:second] [zone]
  const m = /^(?:[A-Za-z]{3,}\.?,? )?(\d{1,2})[ -]([A-Za-z]{3,})\.?[ -](\d{2,4}) (\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(?: ([+-]\d{4}|[+-]\d{2}:?\d{2}|[A-Za-z]{1,5}))?/.exec(text);
  if (!m) return null;
  const day = Number(m[1]);
  const monthName = m[2].slice(0, 3).toLowerCase();
  const month = Object.hasOwn(MONTHS, monthName) ? MONTHS[monthName] : undefined;
  let year = Number(m[3]);
  if (month === undefined) return null;
  if (m[3].length === 2) year += year < 50 ? 2000 : 1900;
  else if (m[3].length === 3) year += 1900;
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  if (day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) return null;
  let offsetMinutes = 0;
  const zone = m[7];
  if (zone !== undefined) {
    const numeric = /^([+-])(\d{2}):?(\d{2})$/.exec(zone);
    if (numeric) {
      const minutes = Number(numeric[2]) * 60 + Number(numeric[3]);
      if (Number(numeric[3]) > 59) return null;
      offsetMinutes = numeric[1] === '-' ? -minutes : minutes;
    } else {
      const name = zone.toLowerCase();
      offsetMinutes = Object.hasOwn(ZONES, name) ? ZONES[name] : 0;
    }
  }
  const utc = Date.UTC(year, month, day, hour, minute, Math.min(second, 59)) - offsetMinutes * 60_000;
  const date = new Date(utc);
  // Reject dates the calendar does not have (31 Feb rolls over in Date.UTC).
  const check = new Date(Date.UTC(year, month, day));
  if (check.getUTCDate() !== day || Number.isNaN(date.getTime())) return null;
  return { date, offsetMinutes };
}

/**
 * RFC 3339 in the writer's zone, as Go formats a parsed time: whole seconds without a fraction, "Z" for
 * UTC, otherwise the offset (`2025-01-02T10:00:00+01:00`).
 */
export function formatRfc3339InZone({ date, offsetMinutes }: ZonedDate): string {
  const local = new Date(date.getTime() + offsetMinutes * 60_000);
  const ms = local.getUTCMilliseconds();
  const base = local.toISOString().slice(0, 19) + (ms ? `.${String(ms).padStart(3, '0')}` : '');
  if (offsetMinutes === 0) return `${base}Z`;
  const sign = offsetMinutes < 0 ? '-' : '+';
  const abs = Math.abs(offsetMinutes);
  return `${base}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
