// Message flags as mox keeps them (store.Flags, store.ParseFlagsKeywords): ten well-known system flags and
// free keywords, all lower-case. Keywords follow the IMAP flag-keyword syntax (RFC 9051 §9, `atom` without
// `]`), which is what mox checks before storing one.

/** The system flags in the order mox lists them (its Flags.Strings(): sorted by name). */
export const SYSTEM_FLAGS = [
  '$forwarded',
  '$junk',
  '$mdnsent',
  '$notjunk',
  '$phishing',
  '\\answered',
  '\\deleted',
  '\\draft',
  '\\flagged',
  '\\seen',
] as const;

export type SystemFlag = (typeof SYSTEM_FLAGS)[number];

const systemFlagSet: ReadonlySet<string> = new Set(SYSTEM_FLAGS);

export function isSystemFlag(flag: string): flag is SystemFlag {
  return systemFlagSet.has(flag);
}

export interface ParsedFlags {
  /** System flags, in SYSTEM_FLAGS order, each once. */
  flags: SystemFlag[];
  /** Keywords, lower-case, sorted, each once. */
  keywords: string[];
}

export type FlagsParseResult = ({ ok: true } & ParsedFlags) | { ok: false; error: string };

// RFC 9051 §9: atom-specials are "(" ")" "{" SP CTL "%" "*" DQUOTE "\" and "]" (resp-specials).
const KEYWORD_FORBIDDEN = '(){%*"\\]';

/** Why `keyword` (already lower-case) cannot be a keyword, or null when it can. */
export function keywordProblem(keyword: string): string | null {
  if (keyword === '') return 'keyword cannot be empty';
  if (isSystemFlag(keyword)) return 'cannot use well-known flag as keyword';
  for (const c of keyword) {
    const code = c.codePointAt(0)!;
    if (code <= 0x20 || code > 0x7e || KEYWORD_FORBIDDEN.includes(c)) {
      return 'not a valid keyword, must be lower-case ascii without spaces and without any of these characters: (){%*"\\]';
    }
  }
  return null;
}

/**
 * Splits a list of flags into system flags and keywords, lower-casing each. A duplicate keyword is ignored,
 * except in pedantic mode (mox localserve), where it is an error. An invalid keyword is an error.
 */
export function parseFlags(list: readonly string[], options: { pedantic?: boolean } = {}): FlagsParseResult {
  const flags = new Set<SystemFlag>();
  const keywords = new Set<string>();
  for (const given of list) {
    const flag = given.toLowerCase();
    if (isSystemFlag(flag)) {
      flags.add(flag);
    } else if (keywords.has(flag)) {
      if (options.pedantic) return { ok: false, error: `duplicate keyword ${flag}` };
    } else {
      if (keywordProblem(flag) !== null) return { ok: false, error: `invalid keyword ${flag}` };
      keywords.add(flag);
    }
  }
  return { ok: true, flags: SYSTEM_FLAGS.filter((f) => flags.has(f)), keywords: [...keywords].sort() };
}

/** A set of system flags in SYSTEM_FLAGS order. */
export function orderedFlags(flags: Iterable<string>): SystemFlag[] {
  const set = new Set(flags);
  return SYSTEM_FLAGS.filter((f) => set.has(f));
}

/** mox's MessageMeta.Flags: the system flags in their fixed order, then the keywords sorted. */
export function flagList(flags: readonly string[], keywords: readonly string[]): string[] {
  return [...orderedFlags(flags), ...[...keywords].sort()];
}
