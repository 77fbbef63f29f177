// FromIDLoginAddressesSave: login addresses with which each recipient of a Send gets a unique FromID in
// the envelope sender (reference section 5). Entries are stored canonical (lower-case localpart, Unicode
// domain), the form the authenticator returns as the login address, so a plain comparison decides.
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Runtime } from '../../runtime/runtime';
import { parseAddress } from '../addresses';
import { rejected, type CommandOrigin, type ConfigWriteResult } from '../config-command';
import { checkFromIDLoginAddresses, type DomainSeparators } from '../setting-rules';
import { SqlConfigView } from '../sql-config-view';
import type { AccountEvent, AccountState } from './account-stream';
import { requireAccount, runAccountCommand } from './run-account-command';

export class SaveFromIDLoginAddresses extends Command<ConfigWriteResult> {
  constructor(
    readonly Account: string,
    readonly LoginAddresses: string[],
    readonly origin: CommandOrigin = {},
  ) {
    super();
  }
}

export interface SaveFromIDLoginAddressesInput {
  Account: string;
  LoginAddresses: string[];
  /** The configured domains among those the entries name, by ASCII name. */
  domains: DomainSeparators[];
}

export function decideSaveFromIDLoginAddresses(input: SaveFromIDLoginAddressesInput, state: AccountState): AccountEvent[] {
  requireAccount(input.Account, state);
  const domainOf = (ascii: string) => input.domains.find((d) => d.ascii === ascii) ?? null;
  const checked = checkFromIDLoginAddresses(
    input.LoginAddresses,
    state.Addresses.map((a) => a.Address),
    domainOf,
  );
  if (!checked.ok) throw rejected(checked.code, checked.problems.join('; '));
  const LoginAddresses = checked.value;
  if (LoginAddresses.length === state.FromIDLoginAddresses.length && LoginAddresses.every((l, i) => l === state.FromIDLoginAddresses[i])) return [];
  return [{ type: 'FromIDLoginAddressesChanged', data: { Account: state.Account, LoginAddresses } }];
}

@CommandHandler(SaveFromIDLoginAddresses)
export class SaveFromIDLoginAddressesHandler implements ICommandHandler<SaveFromIDLoginAddresses> {
  constructor(
    private readonly runtime: Runtime,
    private readonly view: SqlConfigView,
  ) {}

  execute(command: SaveFromIDLoginAddresses): Promise<ConfigWriteResult> {
    const domains: DomainSeparators[] = [];
    for (const entry of command.LoginAddresses) {
      const parsed = parseAddress(entry);
      const domain = parsed.ok ? this.view.domain(parsed.value.domain.ascii) : null;
      if (domain) domains.push({ ascii: domain.Name, separators: domain.LocalpartCatchallSeparators });
    }
    const input: SaveFromIDLoginAddressesInput = { Account: command.Account, LoginAddresses: command.LoginAddresses, domains };
    return runAccountCommand(this.runtime, command, (_c, s) => decideSaveFromIDLoginAddresses(input, s));
  }
}
