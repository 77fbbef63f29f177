// AddSuppression: put an address on an account's suppression list, by its base address. A base address
// already listed is refused (mox answers code `error`), whoever added it and whatever variant was used.
import { baseAddressOf } from './base-address';
import { formatEmailAddress, type EmailAddress } from './email-address';
import type { Suppression, SuppressionEvent } from './suppression-events';

export interface AddSuppression {
  account: string;
  address: EmailAddress;
  manual: boolean;
  reason: string;
  /** From runtime.ids.suppression, taken before deciding so a retry keeps it. */
  id: number;
}

export class SuppressionExists extends Error {
  override readonly name = 'SuppressionExists';
  constructor(readonly existing: Suppression) {
    super(`${existing.BaseAddress} is already on the suppression list of account ${existing.Account} (added as ${existing.OriginalAddress})`);
  }
}

export function decideAddSuppression(command: AddSuppression, listed: Suppression | null, now: Date): SuppressionEvent[] {
  if (listed) throw new SuppressionExists(listed);
  return [
    {
      type: 'AddressSuppressed',
      data: {
        ID: command.id,
        Created: now.toISOString(),
        Account: command.account,
        BaseAddress: baseAddressOf(command.address),
        OriginalAddress: formatEmailAddress(command.address),
        Manual: command.manual,
        Reason: command.reason,
      },
    },
  ];
}
