// OutgoingWebhookSave: where the account's delivery events are posted (reference 2.1); an empty URL
// clears it. Whether private targets are allowed comes from the bootstrap file (localserve allows them).
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Runtime } from '../../runtime/runtime';
import { rejected, type CommandOrigin, type ConfigWriteResult } from '../config-command';
import type { OutgoingWebhookConfig } from '../config-view';
import { headerValueProblem, outgoingEventsProblem, webhookUrlProblem } from '../setting-rules';
import type { AccountEvent, AccountState } from './account-stream';
import { requireAccount, runAccountCommand } from './run-account-command';

export class SaveOutgoingWebhook extends Command<ConfigWriteResult> {
  constructor(
    readonly Account: string,
    readonly URL: string,
    readonly Authorization: string,
    readonly Events: string[],
    readonly origin: CommandOrigin = {},
  ) {
    super();
  }
}

export type SaveOutgoingWebhookInput = Pick<SaveOutgoingWebhook, 'Account' | 'URL' | 'Authorization' | 'Events'> & { allowPrivateTargets: boolean };

export function decideSaveOutgoingWebhook(input: SaveOutgoingWebhookInput, state: AccountState): AccountEvent[] {
  requireAccount(input.Account, state);
  let hook: OutgoingWebhookConfig | null = null;
  if (input.URL !== '') {
    const problem =
      webhookUrlProblem('URL', input.URL, input.allowPrivateTargets) ??
      outgoingEventsProblem('Events', input.Events) ??
      headerValueProblem('Authorization', input.Authorization);
    if (problem) throw rejected('user', problem);
    hook = { URL: input.URL, Authorization: input.Authorization, Events: [...input.Events] };
  }
  if (JSON.stringify(hook) === JSON.stringify(state.OutgoingWebhook)) return [];
  return [{ type: 'OutgoingWebhookChanged', data: { Account: state.Account, OutgoingWebhook: hook } }];
}

@CommandHandler(SaveOutgoingWebhook)
export class SaveOutgoingWebhookHandler implements ICommandHandler<SaveOutgoingWebhook> {
  constructor(private readonly runtime: Runtime) {}

  execute(command: SaveOutgoingWebhook): Promise<ConfigWriteResult> {
    const allowPrivateTargets = this.runtime.bootstrap.webhooks?.allowPrivateTargets ?? false;
    return runAccountCommand(this.runtime, command, (c, s) => decideSaveOutgoingWebhook({ ...c, allowPrivateTargets }, s));
  }
}
