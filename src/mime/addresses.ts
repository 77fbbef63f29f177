// Address lists in header fields (RFC 5322 §3.4): mailboxes ("Name <a@b>", "a@b (Name)"), groups
// ("Team: a@b, c@d;"), comments, quoted strings, obsolete routes ("<@relay:a@b>", §4.4) and RFC 2047
// encoded display names. Never throws: an entry that cannot be read is skipped, a broken one is returned
// as well as it could be read.
import { decodeEncodedWords } from './encoded-words';

export interface NameAddress {
  Name: string;
  Address: string;
}

type Token =
  | { kind: 'atom'; text: string }
  | { kind: 'quoted'; text: string }
  | { kind: 'comment'; text: string }
  | { kind: 'literal'; text: string }
  | { kind: 'special'; text: string }
  | { kind: 'space' };

const SPECIALS = '<>@,;:.';

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const c = input[i];
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n') {
      while (i < input.length && /[ \t\r\n]/.test(input[i])) i++;
      tokens.push({ kind: 'space' });
    } else if (c === '"') {
      let text = '';
      i++;
      while (i < input.length && input[i] !== '"') {
        if (input[i] === '\\' && i + 1 < input.length) i++;
        text += input[i++];
      }
      i++;
      tokens.push({ kind: 'quoted', text });
    } else if (c === '(') {
      let depth = 1;
      let text = '';
      i++;
      while (i < input.length && depth > 0) {
        const d = input[i];
        if (d === '\\' && i + 1 < input.length) {
          text += input[i + 1];
          i += 2;
          continue;
        }
        if (d === '(') depth++;
        if (d === ')') depth--;
        if (depth > 0) text += d;
        i++;
      }
      tokens.push({ kind: 'comment', text });
    } else if (c === '[') {
      const close = input.indexOf(']', i);
      const end = close < 0 ? input.length : close + 1;
      tokens.push({ kind: 'literal', text: input.slice(i, end) });
      i = end;
    } else if (SPECIALS.includes(c)) {
      tokens.push({ kind: 'special', text: c });
      i++;
    } else {
      let text = '';
      while (i < input.length && !/[ \t\r\n"(\[<>@,;:.]/.test(input[i])) text += input[i++];
      if (text === '') {
        // A lone ")" or "]": skip it.
        i++;
        continue;
      }
      tokens.push({ kind: 'atom', text });
    }
  }
  return tokens;
}

const DOT_ATOM = /^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*$/;

function addrSpec(tokens: Token[]): string {
  let out = '';
  for (const t of tokens) {
    if (t.kind === 'atom' || t.kind === 'literal') out += t.text;
    else if (t.kind === 'special' && (t.text === '.' || t.text === '@')) out += t.text;
    else if (t.kind === 'quoted') out += DOT_ATOM.test(t.text) ? t.text : `"${t.text.replace(/(["\\])/g, '\\$1')}"`;
  }
  return out;
}

function stripRoute(tokens: Token[]): Token[] {
  // RFC 5322 §4.4 obs-route: "@a,@b:" before the address.
  const first = tokens.findIndex((t) => t.kind !== 'space');
  if (first < 0 || tokens[first].kind !== 'special' || tokens[first].text !== '@') return tokens;
  const colon = tokens.findIndex((t) => t.kind === 'special' && t.text === ':');
  return colon < 0 ? tokens : tokens.slice(colon + 1);
}

function phrase(tokens: Token[]): string {
  const words: string[] = [];
  let joinNext = false;
  for (const t of tokens) {
    if (t.kind === 'space') {
      joinNext = false;
      continue;
    }
    const text = t.kind === 'atom' || t.kind === 'quoted' || t.kind === 'literal' ? t.text : t.kind === 'special' ? t.text : '';
    if (text === '') continue;
    if (joinNext && words.length > 0) words[words.length - 1] += text;
    else words.push(text);
    joinNext = true;
  }
  return decodeEncodedWords(words.join(' ')).trim();
}

function entry(tokens: Token[]): NameAddress | null {
  const open = tokens.findIndex((t) => t.kind === 'special' && t.text === '<');
  if (open >= 0) {
    let close = tokens.findIndex((t, i) => i > open && t.kind === 'special' && t.text === '>');
    if (close < 0) close = tokens.length;
    const address = addrSpec(stripRoute(tokens.slice(open + 1, close)));
    const nameTokens = tokens.slice(0, open).filter((t) => t.kind !== 'comment');
    let name = phrase(nameTokens);
    if (name === '') {
      const comment = tokens.find((t) => t.kind === 'comment');
      if (comment && comment.kind === 'comment') name = decodeEncodedWords(comment.text).trim();
    }
    if (address === '' && name === '') return null;
    return { Name: name, Address: address };
  }
  const address = addrSpec(tokens);
  // Without angle brackets only an addr-spec is a mailbox; a bare word is a broken display name.
  if (!address.includes('@')) return null;
  const comment = tokens.find((t) => t.kind === 'comment');
  const name = comment && comment.kind === 'comment' ? decodeEncodedWords(comment.text).trim() : '';
  return { Name: name, Address: address };
}

/** Parses an address-list header value into its mailboxes; group members are returned, group names not. */
export function parseAddressList(value: string): NameAddress[] {
  const out: NameAddress[] = [];
  const tokens = tokenize(value);
  let current: Token[] = [];
  let inAngle = false;
  const push = (): void => {
    if (current.some((t) => t.kind !== 'space')) {
      const e = entry(current);
      if (e) out.push(e);
    }
    current = [];
  };
  for (const t of tokens) {
    if (t.kind === 'special') {
      if (t.text === '<') inAngle = true;
      else if (t.text === '>') inAngle = false;
      else if (!inAngle && t.text === ',') {
        push();
        continue;
      } else if (!inAngle && t.text === ';') {
        push();
        continue;
      } else if (!inAngle && t.text === ':' && !current.some((c) => c.kind === 'special' && c.text === '@')) {
        // "Group name:" starts a group; the name is not an address.
        current = [];
        continue;
      }
    }
    current.push(t);
  }
  push();
  return out;
}

/** The first mailbox of an address-list value, or null. */
export function parseAddress(value: string): NameAddress | null {
  return parseAddressList(value)[0] ?? null;
}
