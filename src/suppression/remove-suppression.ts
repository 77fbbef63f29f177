// RemoveSuppression: take the entry whose base address equals the base of the given address off the
// list, so any variant of the address works. Nothing listed is refused (mox answers code `error`).
// Messages that already failed as suppressed stay failed.
import type { Suppression, SuppressionEvent } from './suppression-events';

export interface RemoveSuppression {
  account: string;
  baseAddress: string;
}

export class SuppressionAbsent extends Error {
  override readonly name = 'SuppressionAbsent';
  constructor(readonly account: string, readonly baseAddress: string) {
    super(`${baseAddress} is not on the suppression list of account ${account}`);
  }
}

export function decideRemoveSuppression(command: RemoveSuppression, listed: Suppression | null): SuppressionEvent[] {
  if (!listed) throw new SuppressionAbsent(command.account, command.baseAddress);
  return [{ type: 'SuppressionRemoved', data: { ID: listed.ID, Account: listed.Account, BaseAddress: listed.BaseAddress } }];
}
