// AccountSettingsSave (admin): full name, sending limits, NoCustomPassword and retention periods, all at
// once. The periods are recorded as RetentionPeriodsChanged, the event KeepRetiredPeriodsSave writes, so
// consumers follow one event for them.
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Runtime } from '../../runtime/runtime';
import { rejected, type CommandOrigin, type ConfigWriteResult } from '../config-command';
import { headerValueProblem, limitProblem, retentionProblems } from '../setting-rules';
import type { AccountEvent, AccountSettings, AccountState, RetentionPeriods } from './account-stream';
import { requireAccount, runAccountCommand } from './run-account-command';

export interface AccountSettingsInput extends AccountSettings, RetentionPeriods {
  Account: string;
}

export class SaveAccountSettings extends Command<ConfigWriteResult> {
  constructor(
    readonly settings: AccountSettingsInput,
    readonly origin: CommandOrigin = {},
  ) {
    super();
  }
  get Account(): string {
    return this.settings.Account;
  }
}

export function decideSaveAccountSettings(input: AccountSettingsInput, state: AccountState): AccountEvent[] {
  requireAccount(input.Account, state);
  const problems = [
    headerValueProblem('FullName', input.FullName),
    limitProblem('MaxOutgoingMessagesPerDay', input.MaxOutgoingMessagesPerDay),
    limitProblem('MaxFirstTimeRecipientsPerDay', input.MaxFirstTimeRecipientsPerDay),
    ...retentionProblems(input.KeepRetiredMessagePeriod, input.KeepRetiredWebhookPeriod),
  ].filter((p): p is string => p !== null);
  if (problems.length > 0) throw rejected('user', problems.join('; '));
  const { Account, FullName, MaxOutgoingMessagesPerDay, MaxFirstTimeRecipientsPerDay, NoCustomPassword, KeepRetiredMessagePeriod, KeepRetiredWebhookPeriod } = input;
  const events: AccountEvent[] = [];
  if (
    FullName !== state.FullName ||
    MaxOutgoingMessagesPerDay !== state.MaxOutgoingMessagesPerDay ||
    MaxFirstTimeRecipientsPerDay !== state.MaxFirstTimeRecipientsPerDay ||
    NoCustomPassword !== state.NoCustomPassword
  ) {
    events.push({ type: 'AccountSettingsChanged', data: { Account, FullName, MaxOutgoingMessagesPerDay, MaxFirstTimeRecipientsPerDay, NoCustomPassword } });
  }
  if (KeepRetiredMessagePeriod !== state.KeepRetiredMessagePeriod || KeepRetiredWebhookPeriod !== state.KeepRetiredWebhookPeriod) {
    events.push({ type: 'RetentionPeriodsChanged', data: { Account, KeepRetiredMessagePeriod, KeepRetiredWebhookPeriod } });
  }
  return events;
}

@CommandHandler(SaveAccountSettings)
export class SaveAccountSettingsHandler implements ICommandHandler<SaveAccountSettings> {
  constructor(private readonly runtime: Runtime) {}

  execute(command: SaveAccountSettings): Promise<ConfigWriteResult> {
    return runAccountCommand(this.runtime, command, (c, s) => decideSaveAccountSettings(c.settings, s));
  }
}
