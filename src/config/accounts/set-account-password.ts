// AccountPasswordSet (admin) and PasswordSave (the account itself, refused under NoCustomPassword). The
// caller checks and hashes the password; the event holds only the hash.
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Runtime } from '../../runtime/runtime';
import { rejected, type CommandOrigin, type ConfigWriteResult } from '../config-command';
import type { AccountEvent, AccountState } from './account-stream';
import { requireAccount, runAccountCommand } from './run-account-command';

export class SetAccountPassword extends Command<ConfigWriteResult> {
  constructor(
    readonly Account: string,
    /** `scrypt$...`, or "" to remove the password. */
    readonly PasswordHash: string,
    readonly PasswordProblem: string | null,
    /** The account sets its own password (PasswordSave), rather than the administrator. */
    readonly ByAccount: boolean,
    readonly origin: CommandOrigin = {},
  ) {
    super();
  }
}

export function decideSetAccountPassword(command: Pick<SetAccountPassword, 'Account' | 'PasswordHash' | 'PasswordProblem' | 'ByAccount'>, state: AccountState): AccountEvent[] {
  requireAccount(command.Account, state);
  if (command.ByAccount && state.NoCustomPassword) {
    throw rejected('user', 'the administrator does not allow this account to choose its own password (NoCustomPassword)');
  }
  if (command.PasswordProblem) throw rejected('user', command.PasswordProblem);
  if (command.PasswordHash === state.PasswordHash) return [];
  return [{ type: 'AccountPasswordChanged', data: { Account: state.Account, PasswordHash: command.PasswordHash } }];
}

@CommandHandler(SetAccountPassword)
export class SetAccountPasswordHandler implements ICommandHandler<SetAccountPassword> {
  constructor(private readonly runtime: Runtime) {}

  execute(command: SetAccountPassword): Promise<ConfigWriteResult> {
    return runAccountCommand(this.runtime, command, decideSetAccountPassword);
  }
}
