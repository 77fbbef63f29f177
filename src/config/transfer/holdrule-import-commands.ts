// Hold rule changes as commands on the command bus, so an import carries them out step by step like its
// other changes. They run the hold rule commands (src/holdrules) as the admin API does: a new rule holds
// the matching queued messages at once; removing a rule releases nothing (as in mox), its held messages
// stay held until QueueHoldSet releases them.
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { handleCommand, metadataOf, newCommandContext } from '../../core/command-handling';
import { holdMatchingMessages } from '../../holdrules/hold-messages';
import { holdRulesDecider } from '../../holdrules/holdrule-commands';
import { HOLDRULES_STREAM } from '../../holdrules/holdrule-events';
import { Runtime } from '../../runtime/runtime';
import type { CommandOrigin, ConfigWriteResult } from '../config-command';

export class AddHoldRuleCommand extends Command<ConfigWriteResult> {
  constructor(
    /** "" matches any, as do the domains. */
    readonly Account: string,
    readonly SenderDomain: string,
    readonly RecipientDomain: string,
    readonly origin: CommandOrigin = {},
  ) {
    super();
  }
}

export class RemoveHoldRuleCommand extends Command<ConfigWriteResult> {
  constructor(
    readonly ID: number,
    readonly origin: CommandOrigin = {},
  ) {
    super();
  }
}

@CommandHandler(AddHoldRuleCommand)
export class AddHoldRuleHandler implements ICommandHandler<AddHoldRuleCommand> {
  constructor(private readonly runtime: Runtime) {}

  async execute(command: AddHoldRuleCommand): Promise<ConfigWriteResult> {
    // The ID is taken only now, so a dry run or a refused import uses none.
    const [id] = await this.runtime.ids.holdRule.take(1);
    const ctx = newCommandContext(this.runtime.clock.now(), command.origin.correlationId);
    const decided = { type: 'AddHoldRule' as const, ID: id, Account: command.Account, SenderDomain: command.SenderDomain, RecipientDomain: command.RecipientDomain };
    const { events, appended } = await handleCommand(this.runtime.store, HOLDRULES_STREAM, holdRulesDecider, decided, ctx);
    // The sweep reads the queue read model, which must include everything up to the rule.
    await this.runtime.projections.waitFor(appended!.position);
    const added = events[0];
    if (added.type === 'HoldRuleAdded') await holdMatchingMessages(this.runtime, added.data, metadataOf(ctx));
    return { position: appended!.position, events: events.map((e) => e.type) };
  }
}

@CommandHandler(RemoveHoldRuleCommand)
export class RemoveHoldRuleHandler implements ICommandHandler<RemoveHoldRuleCommand> {
  constructor(private readonly runtime: Runtime) {}

  async execute(command: RemoveHoldRuleCommand): Promise<ConfigWriteResult> {
    const ctx = newCommandContext(this.runtime.clock.now(), command.origin.correlationId);
    const { events, appended } = await handleCommand(this.runtime.store, HOLDRULES_STREAM, holdRulesDecider, { type: 'RemoveHoldRule', ID: command.ID }, ctx);
    if (appended) await this.runtime.projections.waitFor(appended.position);
    return { position: appended?.position ?? null, events: events.map((e) => e.type) };
  }
}
