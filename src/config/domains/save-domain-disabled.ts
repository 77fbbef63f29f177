// DomainDisabledSave: while disabled, Send from the domain answers domainDisabled and queued messages from
// it fail temporarily.
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Runtime } from '../../runtime/runtime';
import type { ParsedDomain } from '../addresses';
import { rejected, runConfigCommand, type CommandOrigin, type ConfigWriteResult } from '../config-command';
import { domainStream, domainStreamId, type DomainEvent, type DomainState } from './domain-stream';

export class SaveDomainDisabled extends Command<ConfigWriteResult> {
  constructor(
    readonly domain: ParsedDomain,
    readonly Disabled: boolean,
    readonly origin: CommandOrigin = {},
  ) {
    super();
  }
}

export function decideSaveDomainDisabled(command: Pick<SaveDomainDisabled, 'domain' | 'Disabled'>, state: DomainState): DomainEvent[] {
  if (!state.exists) throw rejected('notFound', `no domain ${command.domain.unicode}`);
  if (state.Disabled === command.Disabled) return [];
  return [{ type: 'DomainDisabledChanged', data: { Domain: state.Domain, Disabled: command.Disabled } }];
}

@CommandHandler(SaveDomainDisabled)
export class SaveDomainDisabledHandler implements ICommandHandler<SaveDomainDisabled> {
  constructor(private readonly runtime: Runtime) {}

  execute(command: SaveDomainDisabled): Promise<ConfigWriteResult> {
    return runConfigCommand(this.runtime, domainStreamId(command.domain.ascii), { ...domainStream, decide: decideSaveDomainDisabled }, command, command.origin);
  }
}
