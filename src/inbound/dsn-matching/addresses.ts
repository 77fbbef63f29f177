// Address comparisons for DSN matching. Bounces write addresses their own way (a Unicode or an IDNA
// domain, any case), so two addresses are the same mailbox when their localparts match without case and
// their domains have the same ASCII form. Localparts are case-sensitive by RFC 5321 §2.4, but no MTA
// that writes a bounce changes the case of one recipient into another recipient's.
import { domainToASCII } from 'node:url';

function key(address: string): string {
  const text = address.trim().replace(/^<|>$/g, '');
  const at = text.lastIndexOf('@');
  if (at < 0) return text.toLowerCase();
  const domain = text.slice(at + 1).toLowerCase();
  return `${text.slice(0, at).toLowerCase()}@${domainToASCII(domain) || domain}`;
}

export function sameAddress(a: string, b: string): boolean {
  return key(a) === key(b);
}

/**
 * The fromid candidate in a recipient localpart (mox queue/hook.go Incoming): what follows the first
 * occurrence of the recipient domain's first catch-all separator, in its original case. "" when the
 * domain has no separator or the localpart does not contain it.
 */
export function fromIDCandidate(localpart: string, separators: readonly string[]): string {
  const separator = separators[0];
  if (separator === undefined || separator === '') return '';
  const at = localpart.indexOf(separator);
  return at < 0 ? '' : localpart.slice(at + separator.length);
}
