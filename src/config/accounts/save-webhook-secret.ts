// WebhookSecretSave: the Standard Webhooks signing secret (`whsec_...`); "" turns signing off.
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Runtime } from '../../runtime/runtime';
import { rejected, type CommandOrigin, type ConfigWriteResult } from '../config-command';
import { webhookSecretProblem } from '../setting-rules';
import type { AccountEvent, AccountState } from './account-stream';
import { requireAccount, runAccountCommand } from './run-account-command';

export class SaveWebhookSecret extends Command<ConfigWriteResult> {
  constructor(
    readonly Account: string,
    readonly Secret: string,
    readonly origin: CommandOrigin = {},
  ) {
    super();
  }
}

export function decideSaveWebhookSecret(command: Pick<SaveWebhookSecret, 'Account' | 'Secret'>, state: AccountState): AccountEvent[] {
  requireAccount(command.Account, state);
  const problem = webhookSecretProblem(command.Secret);
  if (problem) throw rejected('user', problem);
  if (command.Secret === state.WebhookSecret) return [];
  return [{ type: 'WebhookSecretChanged', data: { Account: state.Account, Secret: command.Secret } }];
}

@CommandHandler(SaveWebhookSecret)
export class SaveWebhookSecretHandler implements ICommandHandler<SaveWebhookSecret> {
  constructor(private readonly runtime: Runtime) {}

  execute(command: SaveWebhookSecret): Promise<ConfigWriteResult> {
    return runAccountCommand(this.runtime, command, decideSaveWebhookSecret);
  }
}
