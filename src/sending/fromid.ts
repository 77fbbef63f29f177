// FromID (reference §5): when the login address is one of the account's FromID login addresses, every
// recipient's envelope sender gets a unique id after the From domain's first catch-all separator, so a
// bounce to `<base><sep><fromid>@domain` identifies the queued message it is about.
import { randomBytes } from 'node:crypto';
import { cutAtSeparators } from '../config/addresses';
import type { AccountConfig, DomainConfig } from '../config/config-view';
import { parseSmtpAddress } from './smtp-address';

/** 16 random bytes, base64url without padding: 22 characters of A-Z a-z 0-9 - _. */
export function newFromID(): string {
  return randomBytes(16).toString('base64url');
}

/**
 * Whether fromid is active for a login: the login address equals one of the account's FromID login
 * addresses, the localpart compared exactly and the domain in any form (mox compares parsed addresses).
 */
export function usesFromID(account: AccountConfig, loginAddress: string): boolean {
  const login = parseSmtpAddress(loginAddress);
  if (!login.ok) return false;
  return account.FromIDLoginAddresses.some((entry) => {
    const parsed = parseSmtpAddress(entry);
    return parsed.ok && parsed.address.localpart === login.address.localpart && parsed.address.domain.ascii === login.address.domain.ascii;
  });
}

/** The envelope sender localpart carrying `fromID`: the From localpart cut at the first separator, the domain's first separator, the id. */
export function fromIDLocalpart(fromLocalpart: string, domain: DomainConfig, fromID: string): string {
  const separators = domain.LocalpartCatchallSeparators;
  return `${cutAtSeparators(fromLocalpart, separators)}${separators[0]}${fromID}`;
}
