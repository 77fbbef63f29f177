// AccountLoginDisabledSave (admin): a non-empty reason refuses every login of the account; "" allows
// them again. Mail is still received and queued messages still delivered.
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Runtime } from '../../runtime/runtime';
import { rejected, type CommandOrigin, type ConfigWriteResult } from '../config-command';
import { headerValueProblem } from '../setting-rules';
import type { AccountEvent, AccountState } from './account-stream';
import { requireAccount, runAccountCommand } from './run-account-command';

export class SaveAccountLoginDisabled extends Command<ConfigWriteResult> {
  constructor(
    readonly Account: string,
    readonly LoginDisabled: string,
    readonly origin: CommandOrigin = {},
  ) {
    super();
  }
}

export function decideSaveAccountLoginDisabled(command: Pick<SaveAccountLoginDisabled, 'Account' | 'LoginDisabled'>, state: AccountState): AccountEvent[] {
  requireAccount(command.Account, state);
  // The reason is shown to clients in protocol replies, so it must stay on one line.
  const problem = headerValueProblem('LoginDisabled', command.LoginDisabled);
  if (problem) throw rejected('user', problem);
  if (command.LoginDisabled === state.LoginDisabled) return [];
  return [{ type: 'AccountLoginDisabledChanged', data: { Account: state.Account, LoginDisabled: command.LoginDisabled } }];
}

@CommandHandler(SaveAccountLoginDisabled)
export class SaveAccountLoginDisabledHandler implements ICommandHandler<SaveAccountLoginDisabled> {
  constructor(private readonly runtime: Runtime) {}

  execute(command: SaveAccountLoginDisabled): Promise<ConfigWriteResult> {
    return runAccountCommand(this.runtime, command, decideSaveAccountLoginDisabled);
  }
}
