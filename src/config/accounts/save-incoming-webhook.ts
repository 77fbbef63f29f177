// IncomingWebhookSave: where messages delivered to the account are posted; an empty URL clears it.
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Runtime } from '../../runtime/runtime';
import { rejected, type CommandOrigin, type ConfigWriteResult } from '../config-command';
import type { WebhookConfig } from '../config-view';
import { headerValueProblem, webhookUrlProblem } from '../setting-rules';
import type { AccountEvent, AccountState } from './account-stream';
import { requireAccount, runAccountCommand } from './run-account-command';

export class SaveIncomingWebhook extends Command<ConfigWriteResult> {
  constructor(
    readonly Account: string,
    readonly URL: string,
    readonly Authorization: string,
    readonly origin: CommandOrigin = {},
  ) {
    super();
  }
}

export type SaveIncomingWebhookInput = Pick<SaveIncomingWebhook, 'Account' | 'URL' | 'Authorization'> & { allowPrivateTargets: boolean };

export function decideSaveIncomingWebhook(input: SaveIncomingWebhookInput, state: AccountState): AccountEvent[] {
  requireAccount(input.Account, state);
  let hook: WebhookConfig | null = null;
  if (input.URL !== '') {
    const problem = webhookUrlProblem('URL', input.URL, input.allowPrivateTargets) ?? headerValueProblem('Authorization', input.Authorization);
    if (problem) throw rejected('user', problem);
    hook = { URL: input.URL, Authorization: input.Authorization };
  }
  if (JSON.stringify(hook) === JSON.stringify(state.IncomingWebhook)) return [];
  return [{ type: 'IncomingWebhookChanged', data: { Account: state.Account, IncomingWebhook: hook } }];
}

@CommandHandler(SaveIncomingWebhook)
export class SaveIncomingWebhookHandler implements ICommandHandler<SaveIncomingWebhook> {
  constructor(private readonly runtime: Runtime) {}

  execute(command: SaveIncomingWebhook): Promise<ConfigWriteResult> {
    const allowPrivateTargets = this.runtime.bootstrap.webhooks?.allowPrivateTargets ?? false;
    return runAccountCommand(this.runtime, command, (c, s) => decideSaveIncomingWebhook({ ...c, allowPrivateTargets }, s));
  }
}
