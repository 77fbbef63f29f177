// DomainDKIMKeyRemove: stop signing with a key. Its DNS record should stay published a few more days so
// that messages signed earlier still verify.
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Runtime } from '../../runtime/runtime';
import type { ParsedDomain } from '../addresses';
import { rejected, runConfigCommand, type CommandOrigin, type ConfigWriteResult } from '../config-command';
import { domainStream, domainStreamId, type DomainEvent, type DomainState } from './domain-stream';

export class RemoveDomainDKIMKey extends Command<ConfigWriteResult> {
  constructor(
    readonly domain: ParsedDomain,
    readonly Selector: string,
    readonly origin: CommandOrigin = {},
  ) {
    super();
  }
}

export function decideRemoveDomainDKIMKey(command: Pick<RemoveDomainDKIMKey, 'domain' | 'Selector'>, state: DomainState): DomainEvent[] {
  if (!state.exists) throw rejected('notFound', `no domain ${command.domain.unicode}`);
  const key = state.DKIMKeys.find((k) => k.Selector.toLowerCase() === command.Selector.toLowerCase());
  if (!key) {
    const known = state.DKIMKeys.map((k) => k.Selector);
    throw rejected('notFound', `domain ${state.Unicode} has no DKIM key with selector "${command.Selector}" (${known.length > 0 ? `it has ${known.join(', ')}` : 'it has none'})`);
  }
  return [{ type: 'DomainDKIMKeyRemoved', data: { Domain: state.Domain, Selector: key.Selector } }];
}

@CommandHandler(RemoveDomainDKIMKey)
export class RemoveDomainDKIMKeyHandler implements ICommandHandler<RemoveDomainDKIMKey> {
  constructor(private readonly runtime: Runtime) {}

  execute(command: RemoveDomainDKIMKey): Promise<ConfigWriteResult> {
    return runConfigCommand(this.runtime, domainStreamId(command.domain.ascii), { ...domainStream, decide: decideRemoveDomainDKIMKey }, command, command.origin);
  }
}
