// Enhanced mail system status codes (RFC 3463, registry of RFC 5248) and SMTP reply codes (RFC 5321 §4.2)
// as they appear inside diagnostics: "550 5.1.1 <a@b>: ...", "(#5.4.4)", "ERROR_CODE :5.2.2".

// class.subject.detail with class 2, 4 or 5, subject 0-7 and a detail of up to three digits; not part of a
// longer dotted number (an IP address, a version, a date).
const STATUS_SOURCE = String.raw`(?<![0-9A-Za-z.])([245])\.([0-7])\.(\d{1,3})(?![0-9]|\.\d)`;
const STATUS_ONE = new RegExp(STATUS_SOURCE);
const STATUS_ALL = new RegExp(STATUS_SOURCE, 'g');

/** The status code in a Status field value ("5.0.0 (permanent failure)"), or "". */
export function statusFromField(value: string): string {
  const m = STATUS_ONE.exec(value);
  return m ? `${m[1]}.${m[2]}.${Number(m[3])}` : '';
}

/** Every status code in a text, in order of appearance. */
export function statusCodesIn(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(STATUS_ALL)) out.push(`${m[1]}.${m[2]}.${Number(m[3])}`);
  return out;
}

const isGeneric = (code: string): boolean => /^\d\.0\.0$/.test(code);
const hasZeroPart = (code: string): boolean => code.includes('.0');

/**
 * Chooses between the status of a DSN field (or the first candidate) and one found in a diagnostic. The more
 * specific one wins: RFC 3463 X.0.0 says only the class is known, and RFC 3463 itself asks to report the
 * actual problem instead of X.4.7 (delivery time expired). A code that agrees with the SMTP reply class
 * beats one that does not.
 */
export function preferStatus(field: string, found: string, replyCode: number | null = null): string {
  if (field === '') return found;
  if (found === '' || found === field) return field;
  const replyClass = replyCode === null ? '' : String(replyCode)[0];
  if (replyClass !== '' && field[0] !== found[0]) {
    if (replyClass === field[0]) return field;
    if (replyClass === found[0]) return found;
  }
  if (isGeneric(field)) return isGeneric(found) ? field : found;
  if (hasZeroPart(field) && !hasZeroPart(found)) return found;
  if (isGeneric(found)) return field;
  // Codes that name the circumstance rather than the cause.
  if (field === '4.4.7' || field === '5.4.7' || field === '4.7.0') return found;
  if (/^\d\.5\.[1245]$/.test(field) || field.startsWith('5.3.')) return found;
  if (field === '5.1.1') return hasZeroPart(found) || found.startsWith('5.5.') ? field : found;
  if (field === '5.1.3' && found.startsWith('5.7.')) return found;
  return field;
}

/** The most informative status code in a text: the codes are weighed against each other in order. */
export function bestStatusIn(text: string, replyCode: number | null = null): string {
  const codes = statusCodesIn(text);
  let best = '';
  for (const code of codes) best = best === '' ? code : preferStatus(best, code, replyCode);
  return best;
}

// A three-digit reply code not inside a longer number or a dotted code (an IP address, a status code).
const REPLY = /(?<![0-9.])([245][0-5]\d)(?![0-9]|\.\d)/g;

/** The first SMTP reply code in a text, or null. */
export function replyCodeIn(text: string): number | null {
  for (const m of text.matchAll(REPLY)) {
    const at = m.index ?? 0;
    // Skip port numbers ("host:25x") and sizes ("SIZE=250").
    const before = text[at - 1];
    if (before === ':' && /[A-Za-z0-9\]]/.test(text[at - 2] ?? '') && !/said|returned|code|reply|error/i.test(text.slice(Math.max(0, at - 12), at))) continue;
    if (before === '=') continue;
    return Number(m[1]);
  }
  return null;
}

export function statusClass(status: string): '2' | '4' | '5' | '' {
  const c = status[0];
  return c === '2' || c === '4' || c === '5' ? c : '';
}
