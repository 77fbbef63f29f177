// Email addresses as bounces write them: "rfc822; a@b", "<a@b>", "\"a@b\"", "a@b." at a sentence end.

// Local part and domain without white space or the characters that delimit addresses in prose.
const ADDRESS_CORE = String.raw`[^\s<>()\[\]"',;:@\\]+@(?:\[[0-9A-Fa-f.:IPv]+\]|[^\s<>()\[\]"',;:@\\]+)`;

/** A regular expression source matching one address (no anchors, no groups). */
export const ADDRESS_PATTERN = ADDRESS_CORE;

/** Cleans and checks an address: null when it is not local@domain with a plausible domain. */
export function cleanAddress(text: string): string | null {
  let address = text.trim().replace(/^(?:rfc822|utf-8|unicode|x-[\w-]+)\s*;\s*/i, '').trim();
  address = address.replace(/^mailto:/i, '').replace(/^<+|>+$/g, '').replace(/^"|"$/g, '').trim();
  address = address.replace(/[.,;:]+$/, '');
  const at = address.lastIndexOf('@');
  if (at <= 0 || at === address.length - 1) return null;
  const local = address.slice(0, at);
  const domain = address.slice(at + 1).toLowerCase();
  if (/\s/.test(address) || local.includes('<') || local.includes('>')) return null;
  if (domain.startsWith('[')) return /^\[(?:IPv6:)?[0-9a-f.:]+\]$/i.test(domain) ? `${local}@${domain}` : null;
  if (!domain.includes('.') || domain.startsWith('.') || domain.endsWith('.') || domain.includes('..')) return null;
  if (!/^[\p{L}\p{N}._-]+$/u.test(domain)) return null;
  return `${local}@${domain}`;
}

/** Case-insensitive key for comparing addresses. */
export function addressKey(address: string): string {
  return address.toLowerCase();
}
