// AccountRemove: the account and its addresses go. Other capabilities react to AccountRemoved for the
// account's mailboxes and suppression list.
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Runtime } from '../../runtime/runtime';
import type { CommandOrigin, ConfigWriteResult } from '../config-command';
import type { AccountEvent, AccountState } from './account-stream';
import { requireAccount, runAccountCommand } from './run-account-command';

export class RemoveAccount extends Command<ConfigWriteResult> {
  constructor(
    readonly Account: string,
    readonly origin: CommandOrigin = {},
  ) {
    super();
  }
}

export function decideRemoveAccount(command: Pick<RemoveAccount, 'Account'>, state: AccountState): AccountEvent[] {
  requireAccount(command.Account, state);
  return [{ type: 'AccountRemoved', data: { Account: state.Account, Addresses: state.Addresses } }];
}

@CommandHandler(RemoveAccount)
export class RemoveAccountHandler implements ICommandHandler<RemoveAccount> {
  constructor(private readonly runtime: Runtime) {}

  execute(command: RemoveAccount): Promise<ConfigWriteResult> {
    return runAccountCommand(this.runtime, command, decideRemoveAccount);
  }
}
