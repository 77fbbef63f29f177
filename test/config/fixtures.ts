// Building blocks for configuration tests: parsed names and the events that set up a domain or account.
import { parseAddress, parseDomain, type ParsedDomain } from '../../src/config/addresses';
import type { AddressFacts } from '../../src/config/config-facts';
import type { AccountEvent } from '../../src/config/accounts/account-stream';
import type { DomainEvent } from '../../src/config/domains/domain-stream';
import { ACCOUNT_DEFAULTS } from '../../src/config/setting-rules';

export function domain(name: string): ParsedDomain {
  const parsed = parseDomain(name);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

export function domainAdded(name: string, separators: string[] = ['+']): DomainEvent {
  const d = domain(name);
  return { type: 'DomainAdded', data: { Domain: d.ascii, Unicode: d.unicode, LocalpartCatchallSeparators: separators } };
}

export function accountAdded(account: string, ...addresses: string[]): AccountEvent[] {
  return [
    { type: 'AccountAdded', data: { Account: account, FullName: '', ...ACCOUNT_DEFAULTS } },
    ...addresses.map((a): AccountEvent => {
      const parsed = parseAddress(a, { allowCatchall: true });
      if (!parsed.ok) throw new Error(parsed.error);
      return { type: 'AccountAddressAdded', data: { Account: account, Address: parsed.value.address, Domain: parsed.value.domain.ascii } };
    }),
  ];
}

/** Facts as a handler gathers them: the domain configured with these separators (or not), and an owner. */
export function facts(address: string, options: { separators?: string[] | null; owner?: string } = {}): AddressFacts {
  const parsed = parseAddress(address, { allowCatchall: true });
  const separators = options.separators === undefined ? ['+'] : options.separators;
  return {
    address: parsed,
    domain: parsed.ok && separators !== null ? { ascii: parsed.value.domain.ascii, unicode: parsed.value.domain.unicode, separators } : null,
    owner: parsed.ok && options.owner ? { Address: parsed.value.address, Account: options.owner } : null,
  };
}
