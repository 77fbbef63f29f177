// SMTP AUTH for submission (RFC 4954, PLAIN per RFC 4616 and LOGIN): the credentials are checked by the
// AccountAuthenticator (any address of the account logs in, catch-all variants included), and failures
// count in the node's one LoginRateLimiter, shared with the webapi and adminapi, so guessing passwords
// over one protocol slows the others too (mox LimiterFailedAuth).
import type { AccountAuthenticator } from '../../auth/account-authenticator';
import type { LoginRateLimiter } from '../../auth/login-rate-limiter';
import { refuse, REPLIES } from '../reply-codes';
import type { AuthAttempt } from '../smtp-listener';

/** What session.user holds after a successful AUTH. */
export interface SubmissionUser {
  account: string;
  /** The login address as the configuration writes addresses: it decides whether fromid is used. */
  loginAddress: string;
}

export interface AuthDependencies {
  authenticator: AccountAuthenticator;
  limiter: LoginRateLimiter;
  now: () => Date;
}

export async function authenticateSubmission(deps: AuthDependencies, attempt: AuthAttempt, remoteIP: string): Promise<SubmissionUser> {
  if (!deps.limiter.canAdd(remoteIP, deps.now())) throw refuse(REPLIES.tooManyAuthFailures);
  const result = await deps.authenticator.verify(attempt.username, attempt.password);
  if (!result.ok) {
    deps.limiter.add(remoteIP, deps.now());
    throw refuse(REPLIES.authFailed, result.reason === 'disabled' ? result.message : undefined);
  }
  deps.limiter.reset(remoteIP, deps.now());
  return { account: result.account, loginAddress: result.loginAddress };
}
