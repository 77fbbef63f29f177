// Logins against the dynamic configuration. The login name is any address that resolves to the account
// (mox's OpenEmailAuth uses LookupAddress): an exact address, a catch-all separator variant, or any
// address of a domain whose catch-all the account has. The password is checked before LoginDisabled, so
// a disabled account does not tell a stranger that it exists.
//
// Verifying scrypt costs tens of milliseconds, and webapi clients send their password with every call.
// Successful checks are remembered for a few minutes under an HMAC (with a key that lives only in this
// process) of the account, its stored hash and the password: a password change or a new hash
// invalidates the entry at once.
import { Injectable } from '@nestjs/common';
import { createHmac, randomBytes } from 'node:crypto';
import { ConfigView } from '../config/config-view';
import { Runtime } from '../runtime/runtime';
import { AccountAuthenticator, type LoginResult } from './account-authenticator';
import { hashPassword, verifyPassword } from './passwords';

const CACHE_TTL_MS = 5 * 60_000;
const CACHE_MAX = 1000;

@Injectable()
export class ConfigAuthenticator extends AccountAuthenticator {
  private readonly cacheKey = randomBytes(32);
  private readonly verified = new Map<string, number>();
  /** A real hash to verify against for unknown logins, so they take as long as known ones. */
  private dummyHash: Promise<string> | null = null;

  constructor(
    private readonly config: ConfigView,
    private readonly runtime: Runtime,
  ) {
    super();
  }

  async verify(loginAddress: string, password: string): Promise<LoginResult> {
    const found = this.config.lookupAddress(loginAddress);
    if (!found) {
      this.dummyHash ??= hashPassword(randomBytes(12).toString('base64'));
      await verifyPassword(password, await this.dummyHash);
      return { ok: false, reason: 'unknown', message: 'unknown login address or wrong password (log in with an e-mail address of the account)' };
    }
    const account = found.account;
    if (!(await this.checkPassword(account.Name, account.PasswordHash, password))) {
      return { ok: false, reason: 'badPassword', message: 'unknown login address or wrong password (log in with an e-mail address of the account)' };
    }
    if (account.LoginDisabled !== '') return { ok: false, reason: 'disabled', message: 'login is disabled for this account' };
    return { ok: true, account: account.Name, loginAddress: canonicalLogin(loginAddress, found.domain.Unicode) };
  }

  async verifyAdmin(password: string): Promise<boolean> {
    const hash = this.runtime.bootstrap.adminPasswordHash;
    if (!hash) return false;
    return this.checkPassword('\0admin', hash, password);
  }

  private async checkPassword(who: string, hash: string, password: string): Promise<boolean> {
    if (hash === '') return false;
    const key = createHmac('sha256', this.cacheKey).update(who).update('\0').update(hash).update('\0').update(password).digest('base64');
    const now = this.runtime.clock.now().getTime();
    const until = this.verified.get(key);
    if (until !== undefined && until > now) return true;
    this.verified.delete(key);
    const ok = await verifyPassword(password, hash);
    if (ok) {
      if (this.verified.size >= CACHE_MAX) this.verified.delete(this.verified.keys().next().value!);
      this.verified.set(key, now + CACHE_TTL_MS);
    }
    return ok;
  }
}

/**
 * The login address as the configuration writes addresses: localpart in lower case, domain in Unicode.
 * FromIDLoginAddresses are stored the same way, so `FromIDLoginAddresses.includes(loginAddress)` decides
 * whether a login uses FromIDs.
 */
function canonicalLogin(address: string, domainUnicode: string): string {
  const text = address.trim();
  return `${text.slice(0, text.lastIndexOf('@')).normalize('NFC').toLowerCase()}@${domainUnicode}`;
}
