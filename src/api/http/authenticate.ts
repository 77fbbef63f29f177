// HTTP Basic authentication of an API call, in mox's order (reference 1.3, webapisrv/server.go):
//   1. no credentials: 401 with a challenge; not a failed login, so it is not counted;
//   2. the client IP (500 when a forwarded listener got no usable X-Forwarded-For);
//   3. an IP over the failed-login limits: 429, before the password is looked at;
//   4. the credentials: wrong ones (or a disabled account) give 401 and count as a failure;
//   5. success clears the IP's failures.
// webapi logins are account addresses checked by the AccountAuthenticator; adminapi has one user,
// `admin`, with the admin password.
import type { IncomingMessage } from 'node:http';
import type { LoginRateLimiter } from '../../auth/login-rate-limiter';
import type { AccountAuthenticator, LoginResult } from '../../auth/account-authenticator';
import type { Clock } from '../../core/clock';
import { ApiError } from '../api-error';
import type { ApiName } from '../api-method';
import { clientIP } from './client-ip';
import { noRemoteIP, tooManyAttempts, unauthorized } from './error-response';

export type Identity = { kind: 'account'; account: string; loginAddress: string } | { kind: 'admin' };

export interface Authenticated {
  identity: Identity;
  remoteIP: string;
}

export interface AuthDeps {
  /** Null while no module provides one: every login then fails as a server error. */
  authenticator: AccountAuthenticator | null;
  limiter: LoginRateLimiter;
  clock: Clock;
}

const HINT: Record<ApiName, { missing: string; bad: string }> = {
  webapi: {
    missing: 'http basic auth required, with email address as username',
    bad: 'use http basic auth with email address as username',
  },
  adminapi: {
    missing: 'http basic auth required, with username admin',
    bad: 'use http basic auth with username admin and the admin password',
  },
};

export async function authenticate(api: ApiName, raw: IncomingMessage, forwarded: boolean, deps: AuthDeps): Promise<Authenticated> {
  const credentials = basicCredentials(raw.headers.authorization);
  if (!credentials) throw unauthorized(api, HINT[api].missing);
  const remoteIP = clientIP(raw, forwarded);
  if (remoteIP === null) throw noRemoteIP();
  const now = deps.clock.now();
  if (!deps.limiter.canAdd(remoteIP, now)) throw tooManyAttempts();

  let result: LoginResult;
  try {
    if (!deps.authenticator) throw new Error('no AccountAuthenticator is provided');
    result = await verify(api, credentials, deps.authenticator);
  } catch (err) {
    // Like mox, a failure to check counts as a failed attempt: it may be provoked on purpose.
    deps.limiter.add(remoteIP, now);
    throw Object.assign(new ApiError('server', 'error verifying credentials'), { cause: err });
  }
  if (!result.ok) {
    deps.limiter.add(remoteIP, now);
    throw unauthorized(api, result.reason === 'disabled' ? result.message || 'login is disabled for this account' : HINT[api].bad);
  }
  deps.limiter.reset(remoteIP, now);
  const identity: Identity = api === 'adminapi' ? { kind: 'admin' } : { kind: 'account', account: result.account, loginAddress: result.loginAddress };
  return { identity, remoteIP };
}

async function verify(api: ApiName, { username, password }: Credentials, authenticator: AccountAuthenticator): Promise<LoginResult> {
  if (api === 'webapi') return authenticator.verify(username, password);
  // The password is checked even for another username, so both failures take the same time.
  const passwordOk = await authenticator.verifyAdmin(password);
  return passwordOk && username === 'admin'
    ? { ok: true, account: '', loginAddress: 'admin' }
    : { ok: false, reason: username === 'admin' ? 'badPassword' : 'unknown', message: '' };
}

interface Credentials {
  username: string;
  password: string;
}

/** RFC 7617 §2: `Basic base64(user-id ":" password)`, UTF-8 (§2.1); null when absent or malformed. */
export function basicCredentials(header: string | undefined): Credentials | null {
  const match = /^basic +([A-Za-z0-9+/]*={0,2}) *$/i.exec(header ?? '');
  if (!match || match[1].length % 4 !== 0) return null;
  let decoded: string;
  try {
    decoded = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(match[1], 'base64'));
  } catch {
    return null;
  }
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}
