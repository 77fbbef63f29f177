// KeepRetiredPeriodsSave: how long retired messages and webhooks stay listed ("0s": not kept). Applies to
// records retired after the change.
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Runtime } from '../../runtime/runtime';
import { rejected, type CommandOrigin, type ConfigWriteResult } from '../config-command';
import { retentionProblems } from '../setting-rules';
import type { AccountEvent, AccountState } from './account-stream';
import { requireAccount, runAccountCommand } from './run-account-command';

export class SaveKeepRetiredPeriods extends Command<ConfigWriteResult> {
  constructor(
    readonly Account: string,
    readonly KeepRetiredMessagePeriod: string,
    readonly KeepRetiredWebhookPeriod: string,
    readonly origin: CommandOrigin = {},
  ) {
    super();
  }
}

export function decideSaveKeepRetiredPeriods(
  command: Pick<SaveKeepRetiredPeriods, 'Account' | 'KeepRetiredMessagePeriod' | 'KeepRetiredWebhookPeriod'>,
  state: AccountState,
): AccountEvent[] {
  requireAccount(command.Account, state);
  const problems = retentionProblems(command.KeepRetiredMessagePeriod, command.KeepRetiredWebhookPeriod);
  if (problems.length > 0) throw rejected('user', problems.join('; '));
  const { KeepRetiredMessagePeriod, KeepRetiredWebhookPeriod } = command;
  if (KeepRetiredMessagePeriod === state.KeepRetiredMessagePeriod && KeepRetiredWebhookPeriod === state.KeepRetiredWebhookPeriod) return [];
  return [{ type: 'RetentionPeriodsChanged', data: { Account: state.Account, KeepRetiredMessagePeriod, KeepRetiredWebhookPeriod } }];
}

@CommandHandler(SaveKeepRetiredPeriods)
export class SaveKeepRetiredPeriodsHandler implements ICommandHandler<SaveKeepRetiredPeriods> {
  constructor(private readonly runtime: Runtime) {}

  execute(command: SaveKeepRetiredPeriods): Promise<ConfigWriteResult> {
    return runAccountCommand(this.runtime, command, decideSaveKeepRetiredPeriods);
  }
}
