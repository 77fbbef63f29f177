// Facts from the read model that a decide function needs beyond its own stream: whether a domain exists
// and its separators, who owns an address, which accounts use FromID logins in a domain. Handlers gather
// them before deciding, so decide functions stay pure and are tested with plain data.
import { parseAddress, splitConfigured, type Parsed, type ParsedAddress } from './addresses';
import type { AddressOwner, SqlConfigView } from './sql-config-view';

export interface DomainFacts {
  ascii: string;
  unicode: string;
  separators: string[];
}

export interface AddressFacts {
  address: Parsed<ParsedAddress>;
  /** The address's domain; null when it is not configured (or the address did not parse). */
  domain: DomainFacts | null;
  /** Who has exactly this address now; null when nobody. */
  owner: AddressOwner | null;
}

/** An account with FromID login addresses in one domain, and its addresses there. */
export interface FromIDUser {
  Account: string;
  LoginAddresses: string[];
  Addresses: string[];
}

export function domainFacts(view: SqlConfigView, name: string): DomainFacts | null {
  const domain = view.domain(name);
  return domain ? { ascii: domain.Name, unicode: domain.Unicode, separators: domain.LocalpartCatchallSeparators } : null;
}

export function addressFacts(view: SqlConfigView, input: string, options: { allowCatchall?: boolean } = {}): AddressFacts {
  const address = parseAddress(input, options);
  if (!address.ok) return { address, domain: null, owner: null };
  const domain = domainFacts(view, address.value.domain.ascii);
  return { address, domain, owner: view.addressOwner(address.value.domain.ascii, address.value.localpart) };
}

export function fromIdUsersInDomain(view: SqlConfigView, domain: DomainFacts): FromIDUser[] {
  const inDomain = (address: string) => splitConfigured(address).domain === domain.unicode;
  return view
    .accounts()
    .map((a) => ({ Account: a.Name, LoginAddresses: a.FromIDLoginAddresses.filter(inDomain), Addresses: a.Addresses.filter(inDomain) }))
    .filter((u) => u.LoginAddresses.length > 0);
}
