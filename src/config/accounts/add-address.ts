// AddressAdd: another address for an account; `@domain` makes the account the domain's catch-all.
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Runtime } from '../../runtime/runtime';
import { rejected, type CommandOrigin, type ConfigWriteResult } from '../config-command';
import { addressFacts, type AddressFacts } from '../config-facts';
import { SqlConfigView } from '../sql-config-view';
import type { AccountEvent, AccountState } from './account-stream';
import { newAddressProblem } from './address-rules';
import { requireAccount, runAccountCommand } from './run-account-command';

export class AddAddress extends Command<ConfigWriteResult> {
  constructor(
    readonly Account: string,
    readonly Address: string,
    readonly origin: CommandOrigin = {},
  ) {
    super();
  }
}

export interface AddAddressInput {
  Account: string;
  address: AddressFacts;
}

export function decideAddAddress(input: AddAddressInput, state: AccountState): AccountEvent[] {
  requireAccount(input.Account, state);
  const problem = newAddressProblem(input.address);
  if (problem) throw rejected(problem.code, problem.message);
  const address = input.address.address.ok ? input.address.address.value : (undefined as never);
  // The read model may lag this stream by a moment; the stream itself is certain.
  if (state.Addresses.some((a) => a.Address === address.address)) throw rejected('user', `address ${address.address} already belongs to account ${state.Account}`);
  return [{ type: 'AccountAddressAdded', data: { Account: state.Account, Address: address.address, Domain: address.domain.ascii } }];
}

@CommandHandler(AddAddress)
export class AddAddressHandler implements ICommandHandler<AddAddress> {
  constructor(
    private readonly runtime: Runtime,
    private readonly view: SqlConfigView,
  ) {}

  execute(command: AddAddress): Promise<ConfigWriteResult> {
    const input: AddAddressInput = { Account: command.Account, address: addressFacts(this.view, command.Address, { allowCatchall: true }) };
    return runAccountCommand(this.runtime, command, (_c, s) => decideAddAddress(input, s));
  }
}
