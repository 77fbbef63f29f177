// Small pieces every configuration API method uses: who asked (for correlation), which account a webapi
// caller is, and the admin API's reading of a domain name (one that does not parse cannot exist).
import { ApiError } from '../../api/api-error';
import type { Caller } from '../../api/api-method';
import { hashPassword, passwordProblem } from '../../auth/passwords';
import { parseDomain, type ParsedDomain } from '../addresses';
import type { CommandOrigin } from '../config-command';

export function originOf(caller: Caller): CommandOrigin {
  return { correlationId: caller.request.correlationId };
}

/** The caller's own account: webapi settings methods never take an account name from the request. */
export function callerAccount(caller: Caller): string {
  if (caller.kind !== 'account') throw new ApiError('server', 'this webapi method needs an account login');
  return caller.account;
}

export function existingDomainName(name: string): ParsedDomain {
  const parsed = parseDomain(name);
  if (!parsed.ok) throw new ApiError('notFound', `no domain ${JSON.stringify(name)} (${parsed.error})`);
  return parsed.value;
}

/** The hash of a chosen password, or what is wrong with it (reported by the decide function in its turn). */
export async function chosenPassword(password: string): Promise<{ hash: string; problem: string | null }> {
  const problem = passwordProblem(password);
  return problem ? { hash: '', problem } : { hash: await hashPassword(password), problem: null };
}
