// DomainDKIMKeyAdd: a signing key under a new selector. The key is generated (or, on import, read) by
// the caller, because generation is random and decide functions are not.
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Runtime } from '../../runtime/runtime';
import type { ParsedDomain } from '../addresses';
import { rejected, runConfigCommand, type CommandOrigin, type ConfigWriteResult } from '../config-command';
import type { DkimKeyMaterial } from '../dkim-keys';
import { domainStream, domainStreamId, type DomainEvent, type DomainState } from './domain-stream';

export class AddDomainDKIMKey extends Command<ConfigWriteResult> {
  constructor(
    readonly domain: ParsedDomain,
    readonly Selector: string,
    readonly key: DkimKeyMaterial,
    readonly origin: CommandOrigin = {},
  ) {
    super();
  }
}

/** RFC 6376 §3.1: a selector is a DNS name; one label here, as the admin API accepts. */
export const DKIM_SELECTOR = /^[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?$/;

export function decideAddDomainDKIMKey(command: Pick<AddDomainDKIMKey, 'domain' | 'Selector' | 'key'>, state: DomainState): DomainEvent[] {
  if (!state.exists) throw rejected('notFound', `no domain ${command.domain.unicode}`);
  if (!DKIM_SELECTOR.test(command.Selector)) throw rejected('user', `selector "${command.Selector}" is not a DNS label (letters, digits and "-", at most 63)`);
  if (state.DKIMKeys.some((k) => k.Selector.toLowerCase() === command.Selector.toLowerCase())) {
    throw rejected('user', `domain ${state.Unicode} already has a DKIM key with selector "${command.Selector}"; choose another selector`);
  }
  return [{ type: 'DomainDKIMKeyAdded', data: { Domain: state.Domain, Selector: command.Selector, ...command.key } }];
}

@CommandHandler(AddDomainDKIMKey)
export class AddDomainDKIMKeyHandler implements ICommandHandler<AddDomainDKIMKey> {
  constructor(private readonly runtime: Runtime) {}

  execute(command: AddDomainDKIMKey): Promise<ConfigWriteResult> {
    return runConfigCommand(this.runtime, domainStreamId(command.domain.ascii), { ...domainStream, decide: decideAddDomainDKIMKey }, command, command.origin);
  }
}
