// A small AccountAuthenticator for the HTTP layer's tests: a fixed set of logins, independent of the
// configuration module, counting the checks it is asked for.
import { Injectable } from '@nestjs/common';
import { AccountAuthenticator, type LoginResult } from '../../../../src/auth/account-authenticator';

export const ACCOUNT = { account: 'mjl', login: 'mjl@mox.example', password: 'test1234' };
export const DISABLED = { account: 'gone', login: 'gone@mox.example', password: 'test1234' };
/** A login whose check fails with an error, as a broken store would. */
export const BROKEN_LOGIN = 'broken@mox.example';
export const ADMIN_PASSWORD = 'admin secret';

@Injectable()
export class TestAuthenticator extends AccountAuthenticator {
  checks = 0;

  async verify(loginAddress: string, password: string): Promise<LoginResult> {
    this.checks++;
    if (loginAddress === BROKEN_LOGIN) throw new Error('account database unreadable at /var/lib/secret');
    if (loginAddress === DISABLED.login) return { ok: false, reason: 'disabled', message: 'login is disabled for this account' };
    if (loginAddress !== ACCOUNT.login) return { ok: false, reason: 'unknown', message: 'unknown address' };
    if (password !== ACCOUNT.password) return { ok: false, reason: 'badPassword', message: 'bad password' };
    return { ok: true, account: ACCOUNT.account, loginAddress };
  }

  async verifyAdmin(password: string): Promise<boolean> {
    this.checks++;
    return password === ADMIN_PASSWORD;
  }
}
