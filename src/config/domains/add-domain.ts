// DomainAdd: a new domain, with its catch-all separators and no DKIM keys yet.
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Runtime } from '../../runtime/runtime';
import type { ParsedDomain } from '../addresses';
import { rejected, runConfigCommand, type CommandOrigin, type ConfigWriteResult } from '../config-command';
import { separatorsProblem } from '../setting-rules';
import { domainStream, domainStreamId, type DomainEvent, type DomainState } from './domain-stream';

export class AddDomain extends Command<ConfigWriteResult> {
  constructor(
    readonly domain: ParsedDomain,
    readonly LocalpartCatchallSeparators: string[],
    readonly origin: CommandOrigin = {},
  ) {
    super();
  }
}

export function decideAddDomain(command: Pick<AddDomain, 'domain' | 'LocalpartCatchallSeparators'>, state: DomainState): DomainEvent[] {
  const problem = separatorsProblem(command.LocalpartCatchallSeparators);
  if (problem) throw rejected('user', problem);
  if (state.exists) throw rejected('user', `domain ${command.domain.unicode} already exists`);
  return [
    {
      type: 'DomainAdded',
      data: { Domain: command.domain.ascii, Unicode: command.domain.unicode, LocalpartCatchallSeparators: [...command.LocalpartCatchallSeparators] },
    },
  ];
}

@CommandHandler(AddDomain)
export class AddDomainHandler implements ICommandHandler<AddDomain> {
  constructor(private readonly runtime: Runtime) {}

  execute(command: AddDomain): Promise<ConfigWriteResult> {
    return runConfigCommand(this.runtime, domainStreamId(command.domain.ascii), { ...domainStream, decide: decideAddDomain }, command, command.origin);
  }
}
