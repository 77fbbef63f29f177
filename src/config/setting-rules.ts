// Validation rules for single settings, shared by the decide functions and `postwire config import` (which
// checks a whole file before changing anything). Each returns what is wrong, for the user, or null.
import { refusedKind } from '../webhooks/http/target-safety';
import { parseAddress, cutAtSeparators, type ParsedAddress } from './addresses';
import { durationProblem } from './durations';

export const OUTGOING_EVENTS = ['delivered', 'suppressed', 'delayed', 'failed', 'relayed', 'expanded', 'canceled', 'unrecognized'] as const;

/** mox's defaults for a new account (mox-/config.go). */
export const ACCOUNT_DEFAULTS = {
  MaxOutgoingMessagesPerDay: 1000,
  MaxFirstTimeRecipientsPerDay: 200,
  KeepRetiredMessagePeriod: '0s',
  KeepRetiredWebhookPeriod: '0s',
} as const;

const ACCOUNT_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export function accountNameProblem(name: string): string | null {
  if (ACCOUNT_NAME.test(name)) return null;
  return `account name "${name}" is not valid: 1-64 characters, letters, digits, ".", "_" and "-", starting with a letter or digit`;
}

// RFC 5322 §3.2.3 atext that is not a letter or digit: a separator from this set keeps every address
// that uses it a plain dot-atom. A letter, digit or "." would split ordinary localparts; anything else
// ("@", quotes, spaces, brackets) would need quoting.
const SEPARATOR_CHARACTERS = "!#$%&'*+-/=?^_`{|}~";

/** Catch-all separators: single characters from SEPARATOR_CHARACTERS, none twice. */
export function separatorsProblem(separators: readonly string[]): string | null {
  const seen = new Set<string>();
  for (const separator of separators) {
    if (separator === '') return 'a catch-all separator is empty';
    if ([...separator].length !== 1 || !SEPARATOR_CHARACTERS.includes(separator)) {
      return `catch-all separator "${separator}" is not valid: use one character of ${SEPARATOR_CHARACTERS} (a letter, digit or "." would split ordinary addresses, other characters need quoting in addresses)`;
    }
    if (seen.has(separator)) return `catch-all separator "${separator}" is listed twice`;
    seen.add(separator);
  }
  return null;
}

const HEADER_UNSAFE = /[\r\n\0]/;

/** Text that ends up in a header (display names, Authorization values) must stay on one line. */
export function headerValueProblem(field: string, value: string): string | null {
  return HEADER_UNSAFE.test(value) ? `${field} must not contain line breaks or NUL characters` : null;
}

/**
 * True for a `localhost` name or an IP literal the webhook client would refuse to call (loopback,
 * private, link-local, ... also when carried inside an IPv6 address): the same ranges, so a URL that
 * saves is never one that cannot be called.
 */
export function isPrivateHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  return refusedKind(host) !== null;
}

/**
 * A webhook URL: absolute http or https (mox's config rule), and, unless private targets are allowed
 * (localserve, or `webhooks.allowPrivateTargets`), not an IP literal in a private range. Names that
 * resolve to private addresses are refused at delivery time.
 */
export function webhookUrlProblem(field: string, url: string, allowPrivateTargets: boolean): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `${field}: "${url}" is not an absolute URL such as https://app.example.org/webhooks/mail`;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return `${field}: "${url}" must start with http:// or https://`;
  if (parsed.hostname === '') return `${field}: "${url}" has no host`;
  if (!allowPrivateTargets && isPrivateHost(parsed.hostname)) {
    return `${field}: "${url}" points at a loopback or private address; webhooks must reach the application over the network (the bootstrap setting webhooks.allowPrivateTargets allows it)`;
  }
  return null;
}

export function outgoingEventsProblem(field: string, events: readonly string[]): string | null {
  const seen = new Set<string>();
  for (const event of events) {
    if (!(OUTGOING_EVENTS as readonly string[]).includes(event)) return `${field}: unknown event "${event}"; known: ${OUTGOING_EVENTS.join(', ')}`;
    if (seen.has(event)) return `${field}: event "${event}" is listed twice`;
    seen.add(event);
  }
  return null;
}

// Standard Webhooks secrets: "whsec_" and the base64 of 24 to 64 bytes (the webapi schema's pattern).
const WEBHOOK_SECRET = /^(whsec_((?:[A-Za-z0-9+/]{4}){8,21}|(?:[A-Za-z0-9+/]{4}){8,20}[A-Za-z0-9+/]{3}=|(?:[A-Za-z0-9+/]{4}){8,21}[A-Za-z0-9+/]{2}==))?$/;

export function webhookSecretProblem(secret: string): string | null {
  if (!WEBHOOK_SECRET.test(secret)) return 'the webhook secret must be "whsec_" followed by the base64 of 24 to 64 random bytes, or empty';
  const bytes = secret === '' ? 0 : Buffer.from(secret.slice('whsec_'.length), 'base64').length;
  if (secret !== '' && (bytes < 24 || bytes > 64)) return `the webhook secret holds ${bytes} bytes; use 24 to 64`;
  return null;
}

export function retentionProblems(message: string, webhook: string): string[] {
  return [durationProblem('KeepRetiredMessagePeriod', message), durationProblem('KeepRetiredWebhookPeriod', webhook)].filter((p): p is string => p !== null);
}

export function limitProblem(field: string, value: number): string | null {
  return Number.isSafeInteger(value) && value >= 0 ? null : `${field} must be a whole number of at least 0`;
}

/** What a FromID rule needs to know about a domain: whether it exists and its separators. */
export interface DomainSeparators {
  ascii: string;
  separators: readonly string[];
}

/**
 * mox's FromIDLoginAddresses rule (mox-/config.go): each entry parses, is in a configured domain with at
 * least one catch-all separator, and, cut at the separators, is one of the account's addresses, or the
 * account has the domain's catch-all `@domain`. Returns the canonical addresses or every problem.
 */
export function checkFromIDLoginAddresses(
  entries: readonly string[],
  accountAddresses: readonly string[],
  domainOf: (ascii: string) => DomainSeparators | null,
): { ok: true; value: string[] } | { ok: false; code: 'badAddress' | 'user'; problems: string[] } {
  const value: string[] = [];
  const problems: string[] = [];
  let code: 'badAddress' | 'user' = 'user';
  for (const entry of entries) {
    const parsed = parseAddress(entry);
    if (!parsed.ok) {
      code = 'badAddress';
      problems.push(`login address ${parsed.error}`);
      continue;
    }
    const problem = fromIdEntryProblem(parsed.value, accountAddresses, domainOf);
    if (problem) problems.push(problem);
    else if (value.includes(parsed.value.address)) problems.push(`login address "${entry}" is listed twice`);
    else value.push(parsed.value.address);
  }
  return problems.length > 0 ? { ok: false, code, problems } : { ok: true, value };
}

function fromIdEntryProblem(address: ParsedAddress, accountAddresses: readonly string[], domainOf: (ascii: string) => DomainSeparators | null): string | null {
  const domain = domainOf(address.domain.ascii);
  if (!domain) return `login address "${address.address}": domain ${address.domain.unicode} is not configured`;
  if (domain.separators.length === 0) {
    return `login address "${address.address}": domain ${address.domain.unicode} has no catch-all separator, which FromIDs need (set one with DomainLocalpartConfigSave)`;
  }
  const base = `${cutAtSeparators(address.localpart, domain.separators)}@${address.domain.unicode}`;
  if (accountAddresses.includes(base) || accountAddresses.includes(`@${address.domain.unicode}`)) return null;
  return `login address "${address.address}" is not an address of the account (it would be ${base}); use a variant of one of: ${accountAddresses.join(', ')}`;
}

/**
 * Whether a stored FromID login address (canonical, `localpart@unicode-domain`) still belongs to the
 * account with these addresses when its domain has these separators.
 */
export function fromIdResolves(loginAddress: string, accountAddresses: readonly string[], separators: readonly string[]): boolean {
  if (separators.length === 0) return false;
  const at = loginAddress.lastIndexOf('@');
  const domain = loginAddress.slice(at + 1);
  const base = `${cutAtSeparators(loginAddress.slice(0, at), separators)}@${domain}`;
  return accountAddresses.includes(base) || accountAddresses.includes(`@${domain}`);
}

/** A duration field that may be absent (import files leave out what they do not change). */
export function durationProblemOrNull(value: string | undefined): string | null {
  if (value === undefined) return null;
  const problem = durationProblem('value', value);
  return problem && problem.replace(/^value: /, '');
}
