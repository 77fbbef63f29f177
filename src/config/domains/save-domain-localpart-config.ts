// DomainLocalpartConfigSave: the domain's catch-all separators. Refused when the change would make a
// configured address unreachable (its localpart contains a new separator, so mail to it would be cut) or
// would leave an account's FromID login address without a separator or outside the account.
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Runtime } from '../../runtime/runtime';
import { splitConfigured, type ParsedDomain } from '../addresses';
import { rejected, runConfigCommand, type CommandOrigin, type ConfigWriteResult } from '../config-command';
import { domainFacts, fromIdUsersInDomain, type FromIDUser } from '../config-facts';
import { fromIdResolves, separatorsProblem } from '../setting-rules';
import { SqlConfigView, type AddressOwner } from '../sql-config-view';
import { domainStream, domainStreamId, type DomainEvent, type DomainState } from './domain-stream';

export class SaveDomainLocalpartConfig extends Command<ConfigWriteResult> {
  constructor(
    readonly domain: ParsedDomain,
    readonly LocalpartCatchallSeparators: string[],
    readonly origin: CommandOrigin = {},
  ) {
    super();
  }
}

export interface SaveDomainLocalpartConfigInput {
  domain: ParsedDomain;
  LocalpartCatchallSeparators: string[];
  addresses: AddressOwner[];
  fromIdUsers: FromIDUser[];
}

export function decideSaveDomainLocalpartConfig(input: SaveDomainLocalpartConfigInput, state: DomainState): DomainEvent[] {
  if (!state.exists) throw rejected('notFound', `no domain ${input.domain.unicode}`);
  const separators = input.LocalpartCatchallSeparators;
  const problem = separatorsProblem(separators);
  if (problem) throw rejected('user', problem);
  const split = input.addresses.filter((a) => separators.some((s) => splitConfigured(a.Address).localpart.includes(s)));
  if (split.length > 0) {
    throw rejected('user', `addresses would become unreachable, their localparts contain a new separator: ${split.map((a) => `${a.Address} (account ${a.Account})`).join(', ')}`);
  }
  const broken = input.fromIdUsers.flatMap((u) => u.LoginAddresses.filter((l) => !fromIdResolves(l, u.Addresses, separators)).map((l) => `${l} (account ${u.Account})`));
  if (broken.length > 0) {
    throw rejected('user', `FromID login addresses would no longer work with these separators: ${broken.join(', ')}; change them with FromIDLoginAddressesSave first`);
  }
  if (sameList(state.LocalpartCatchallSeparators, separators)) return [];
  return [{ type: 'DomainLocalpartConfigChanged', data: { Domain: state.Domain, LocalpartCatchallSeparators: [...separators] } }];
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

@CommandHandler(SaveDomainLocalpartConfig)
export class SaveDomainLocalpartConfigHandler implements ICommandHandler<SaveDomainLocalpartConfig> {
  constructor(
    private readonly runtime: Runtime,
    private readonly view: SqlConfigView,
  ) {}

  execute(command: SaveDomainLocalpartConfig): Promise<ConfigWriteResult> {
    const facts = domainFacts(this.view, command.domain.ascii);
    const input: SaveDomainLocalpartConfigInput = {
      domain: command.domain,
      LocalpartCatchallSeparators: command.LocalpartCatchallSeparators,
      addresses: this.view.addressesInDomain(command.domain.ascii),
      fromIdUsers: facts ? fromIdUsersInDomain(this.view, facts) : [],
    };
    const decide = (_c: unknown, s: DomainState) => decideSaveDomainLocalpartConfig(input, s);
    return runConfigCommand(this.runtime, domainStreamId(command.domain.ascii), { ...domainStream, decide }, command, command.origin);
  }
}
