// AddressRemove: an address leaves its account (never the last one). FromID login addresses that only
// belonged to the account through this address are dropped in the same append, so the configuration
// stays valid as a whole (what `postwire config import` checks).
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Runtime } from '../../runtime/runtime';
import { parseAddress, splitConfigured, type ParsedAddress } from '../addresses';
import { rejected, type CommandOrigin, type ConfigWriteResult } from '../config-command';
import { fromIdResolves } from '../setting-rules';
import { SqlConfigView } from '../sql-config-view';
import type { AccountEvent, AccountState } from './account-stream';
import { runAccountCommand } from './run-account-command';

export class RemoveAddress extends Command<ConfigWriteResult> {
  constructor(
    readonly Address: string,
    readonly origin: CommandOrigin = {},
  ) {
    super();
  }
}

export interface RemoveAddressInput {
  address: ParsedAddress;
  /** Catch-all separators of the address's domain (empty when it has none). */
  separators: string[];
}

export function decideRemoveAddress(input: RemoveAddressInput, state: AccountState): AccountEvent[] {
  const address = input.address.address;
  if (!state.exists || !state.Addresses.some((a) => a.Address === address)) throw rejected('notFound', `no account has address ${address}`);
  if (state.Addresses.length === 1) throw rejected('user', `${address} is the last address of account ${state.Account}; remove the account with AccountRemove instead`);
  const Account = state.Account;
  const remaining = state.Addresses.filter((a) => a.Address !== address).map((a) => a.Address);
  const domain = input.address.domain.unicode;
  const LoginAddresses = state.FromIDLoginAddresses.filter((l) => splitConfigured(l).domain !== domain || fromIdResolves(l, remaining, input.separators));
  const events: AccountEvent[] = [{ type: 'AccountAddressRemoved', data: { Account, Address: address, Domain: input.address.domain.ascii } }];
  if (LoginAddresses.length !== state.FromIDLoginAddresses.length) events.push({ type: 'FromIDLoginAddressesChanged', data: { Account, LoginAddresses } });
  return events;
}

@CommandHandler(RemoveAddress)
export class RemoveAddressHandler implements ICommandHandler<RemoveAddress> {
  constructor(
    private readonly runtime: Runtime,
    private readonly view: SqlConfigView,
  ) {}

  execute(command: RemoveAddress): Promise<ConfigWriteResult> {
    const parsed = parseAddress(command.Address, { allowCatchall: true });
    if (!parsed.ok) return Promise.reject(rejected('badAddress', parsed.error));
    const owner = this.view.addressOwner(parsed.value.domain.ascii, parsed.value.localpart);
    if (!owner) return Promise.reject(rejected('notFound', `no account has address ${parsed.value.address}`));
    const input: RemoveAddressInput = { address: parsed.value, separators: this.view.domain(parsed.value.domain.ascii)?.LocalpartCatchallSeparators ?? [] };
    return runAccountCommand(this.runtime, { Account: owner.Account, origin: command.origin }, (_c, s) => decideRemoveAddress(input, s));
  }
}
