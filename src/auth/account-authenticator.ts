// Checks credentials for the webapi (HTTP Basic), SMTP submission (AUTH PLAIN/LOGIN) and the web pages.
// Implemented on top of the dynamic configuration (accounts, password hashes); callers add rate limiting.

export type LoginResult =
  | { ok: true; account: string; loginAddress: string }
  | {
      ok: false;
      /** unknown: no such address; badPassword; disabled: the account has LoginDisabled set. */
      reason: 'unknown' | 'badPassword' | 'disabled';
      /** For the user, e.g. "login is disabled for this account". */
      message: string;
    };

export abstract class AccountAuthenticator {
  /** `loginAddress` may be any address of the account, catch-all variants included. */
  abstract verify(loginAddress: string, password: string): Promise<LoginResult>;
  /** The admin password of the bootstrap file (user `admin`). */
  abstract verifyAdmin(password: string): Promise<boolean>;
}
