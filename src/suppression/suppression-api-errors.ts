// How suppression failures reach API callers, with mox's codes: an address that does not parse is
// `badAddress`; a duplicate on add and an absent entry on remove are `error` (mox reports the storage
// error as is). Anything else is left to the HTTP layer (`server`).
import { ApiError } from '../api/api-error';
import type { Caller } from '../api/api-method';
import { SuppressionExists } from './add-suppression';
import { InvalidEmailAddress } from './email-address';
import { SuppressionAbsent } from './remove-suppression';

export async function withSuppressionErrors<T>(work: () => Promise<T> | T): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (err instanceof InvalidEmailAddress) throw new ApiError('badAddress', err.message);
    if (err instanceof SuppressionExists || err instanceof SuppressionAbsent) throw new ApiError('error', err.message);
    throw err;
  }
}

export function accountOf(caller: Caller): string {
  if (caller.kind !== 'account') throw new ApiError('server', 'webapi method called without an account');
  return caller.account;
}
