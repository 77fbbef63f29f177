// The addresses of a Send request, checked in mox's order (reference 1.7 steps 2-5 and 7): the From
// default and count, each address of From, To, CC and BCC (a control character in the display name is
// `user`, an address that does not parse `badAddress`), whether the account may send as From
// (`domainDisabled`, `badFrom`), and at least one recipient.
import { ApiError } from '../api/api-error';
import type { components } from '../api/generated/webapi';
import type { AccountConfig, ConfigView } from '../config/config-view';
import type { MailAddress } from './compose-message';
import { checkNoControlCharacters } from './control-characters';
import { parseSmtpAddress } from './smtp-address';

type NameAddress = components['schemas']['NameAddress'];

/** An address as Send received it and as parsed. */
export interface RequestAddress extends MailAddress {
  /** The Address string exactly as the caller sent it. */
  original: string;
}

export function parseAddressList(list: readonly NameAddress[] | undefined, field: string): RequestAddress[] {
  return (list ?? []).map((entry, i) => {
    checkNoControlCharacters(entry.Name ?? '', `${field}[${i}].Name`);
    const parsed = parseSmtpAddress(entry.Address);
    if (!parsed.ok) throw new ApiError('badAddress', `${field}[${i}]: parsing address "${entry.Address}": ${parsed.error}`);
    return { name: entry.Name ?? '', address: parsed.address, original: entry.Address };
  });
}

/** Step 2: no From means the login address with the account's full name (mox); more than one is refused. */
export function fromEntries(from: readonly NameAddress[] | undefined, account: AccountConfig, loginAddress: string): NameAddress[] {
  if (!from || from.length === 0) return [{ Name: account.FullName, Address: loginAddress }];
  if (from.length > 1) throw new ApiError('multipleFrom', 'multiple from-addresses not allowed: From may hold one address');
  return [...from];
}

/**
 * Step 4 (mox's AllowMsgFrom): the From address must resolve to the calling account, catch-all
 * separator variants included. A disabled domain is `domainDisabled`, anything else `badFrom`.
 */
export function checkFromAllowed(config: ConfigView, account: string, from: RequestAddress): void {
  const domain = config.domain(from.address.domain.ascii);
  if (domain?.Disabled) throw new ApiError('domainDisabled', `the domain ${domain.Unicode} of from-address ${from.original} is disabled`);
  const found = config.lookupAddress(`${from.address.localpart}@${from.address.domain.unicode}`);
  if (!found || found.account.Name !== account) throw new ApiError('badFrom', `from-address ${from.original} not configured for account ${account}`);
}
