// A reason's phrase table: lower-case fragments of error messages that real MTAs and providers write.
// `sequences` lists fragments that must occur in that order ("mailbox" ... "full"); `unless` lists
// fragments that veto a match because they mean something else ("recipient address rejected" is not a
// rejected sender).

export type Reason =
  | 'userunknown' | 'hostunknown' | 'hasmoved' | 'notaccept'
  | 'mailboxfull' | 'mesgtoobig' | 'exceedlimit' | 'suspend' | 'norelaying' | 'authfailure' | 'filtered'
  | 'requireptr' | 'notcompliantrfc' | 'badreputation' | 'contenterror' | 'rejected' | 'spamdetected'
  | 'speeding' | 'toomanyconn' | 'blocked' | 'virusdetected' | 'policyviolation' | 'systemerror'
  | 'networkerror' | 'systemfull' | 'expired' | 'securityerror' | 'mailererror' | 'syntaxerror'
  | 'failedstarttls' | 'suppressed' | 'delivered' | 'undefined';

export interface PhraseTable {
  reason: Reason;
  phrases: readonly string[];
  sequences?: readonly (readonly string[])[];
  unless?: readonly string[];
}

/** Lower case, straight quotes, single spaces: the form phrase tables are written in. */
export function normalizeForMatching(text: string): string {
  return text.toLowerCase().replace(/[\u2018\u2019\u02bc`]/g, "'").replace(/[\u201c\u201d]/g, '"').replace(/\s+/g, ' ');
}

function inOrder(text: string, parts: readonly string[]): boolean {
  let at = 0;
  for (const part of parts) {
    const found = text.indexOf(part, at);
    if (found < 0) return false;
    at = found + part.length;
  }
  return true;
}

const escape = (phrase: string): string => phrase.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const compiled = new WeakMap<PhraseTable, { phrases: RegExp; unless: RegExp | null }>();

// One alternation per table: a single scan of the text instead of one per phrase.
function compile(table: PhraseTable): { phrases: RegExp; unless: RegExp | null } {
  let c = compiled.get(table);
  if (!c) {
    c = {
      phrases: new RegExp(table.phrases.map(escape).join('|')),
      unless: table.unless && table.unless.length > 0 ? new RegExp(table.unless.map(escape).join('|')) : null,
    };
    compiled.set(table, c);
  }
  return c;
}

/** Whether a normalized text contains one of the table's phrases. */
export function matchesTable(table: PhraseTable, text: string): boolean {
  if (text === '') return false;
  const c = compile(table);
  if (c.unless?.test(text)) return false;
  if (c.phrases.test(text)) return true;
  return table.sequences?.some((s) => inOrder(text, s)) ?? false;
}
