// The rules for giving an account an address, shared by AccountAdd and AddressAdd (mox-/config.go checks
// the same of every destination): it parses, its domain exists, it is written without a catch-all
// separator of its domain, and no account has it yet.
import type { AddressFacts } from '../config-facts';

export interface AddressProblem {
  code: 'badAddress' | 'notFound' | 'user';
  message: string;
}

export function newAddressProblem(facts: AddressFacts): AddressProblem | null {
  if (!facts.address.ok) return { code: 'badAddress', message: facts.address.error };
  const address = facts.address.value;
  if (!facts.domain) return { code: 'notFound', message: `domain ${address.domain.unicode} does not exist; add it with DomainAdd first` };
  const separator = facts.domain.separators.find((s) => address.localpart.includes(s));
  if (separator !== undefined) {
    return {
      code: 'user',
      message: `address ${address.address} contains the catch-all separator "${separator}" of ${address.domain.unicode}; configure the address without it (mail to its variants reaches it anyway)`,
    };
  }
  if (facts.owner) return { code: 'user', message: `address ${address.address} already belongs to account ${facts.owner.Account}` };
  return null;
}
