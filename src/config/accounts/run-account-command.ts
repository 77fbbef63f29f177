// The handler shell for commands on an existing account: the name is checked before it is used as a
// stream id (a name that is not valid cannot exist), then load, fold, decide, append, wait.
import type { Runtime } from '../../runtime/runtime';
import { rejected, runConfigCommand, type CommandOrigin, type ConfigWriteResult } from '../config-command';
import { accountNameProblem } from '../setting-rules';
import { accountStream, accountStreamId, type AccountEvent, type AccountState } from './account-stream';

export function runAccountCommand<Command extends { Account: string; origin?: CommandOrigin }>(
  runtime: Runtime,
  command: Command,
  decide: (command: Command, state: AccountState) => AccountEvent[],
): Promise<ConfigWriteResult> {
  if (accountNameProblem(command.Account)) return Promise.reject(rejected('notFound', `no account named ${command.Account}`));
  return runConfigCommand(runtime, accountStreamId(command.Account), { ...accountStream, decide }, command, command.origin);
}

export function requireAccount(name: string, state: AccountState): void {
  if (!state.exists) throw rejected('notFound', `no account named ${name}`);
}
