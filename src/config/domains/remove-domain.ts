// DomainRemove: the domain and its DKIM keys go; refused while an account still has an address in it.
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Runtime } from '../../runtime/runtime';
import type { ParsedDomain } from '../addresses';
import { rejected, runConfigCommand, type CommandOrigin, type ConfigWriteResult } from '../config-command';
import { SqlConfigView, type AddressOwner } from '../sql-config-view';
import { domainStream, domainStreamId, type DomainEvent, type DomainState } from './domain-stream';

export class RemoveDomain extends Command<ConfigWriteResult> {
  constructor(
    readonly domain: ParsedDomain,
    readonly origin: CommandOrigin = {},
  ) {
    super();
  }
}

export interface RemoveDomainInput {
  domain: ParsedDomain;
  /** Addresses configured in the domain now (read model). */
  addresses: AddressOwner[];
}

export function decideRemoveDomain(input: RemoveDomainInput, state: DomainState): DomainEvent[] {
  if (!state.exists) throw rejected('notFound', `no domain ${input.domain.unicode}`);
  if (input.addresses.length > 0) {
    const listed = input.addresses.slice(0, 5).map((a) => `${a.Address} (account ${a.Account})`);
    const more = input.addresses.length > 5 ? ` and ${input.addresses.length - 5} more` : '';
    throw rejected('user', `domain ${state.Unicode} still has addresses: ${listed.join(', ')}${more}; remove them with AddressRemove first`);
  }
  return [{ type: 'DomainRemoved', data: { Domain: state.Domain, Selectors: state.DKIMKeys.map((k) => k.Selector) } }];
}

@CommandHandler(RemoveDomain)
export class RemoveDomainHandler implements ICommandHandler<RemoveDomain> {
  constructor(
    private readonly runtime: Runtime,
    private readonly view: SqlConfigView,
  ) {}

  execute(command: RemoveDomain): Promise<ConfigWriteResult> {
    const input: RemoveDomainInput = { domain: command.domain, addresses: this.view.addressesInDomain(command.domain.ascii) };
    return runConfigCommand(this.runtime, domainStreamId(command.domain.ascii), { ...domainStream, decide: (_c, s) => decideRemoveDomain(input, s) }, command, command.origin);
  }
}
