// AccountAdd: a new account with its first address and password (hashed by the caller; decide functions do
// no I/O). New accounts get mox's default limits and keep no retired messages or webhooks.
import { Command, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { Runtime } from '../../runtime/runtime';
import { rejected, runConfigCommand, type CommandOrigin, type ConfigWriteResult } from '../config-command';
import { addressFacts, type AddressFacts } from '../config-facts';
import { accountNameProblem, ACCOUNT_DEFAULTS, headerValueProblem } from '../setting-rules';
import { SqlConfigView } from '../sql-config-view';
import { accountStream, accountStreamId, type AccountEvent, type AccountState } from './account-stream';
import { newAddressProblem } from './address-rules';

export class AddAccount extends Command<ConfigWriteResult> {
  constructor(
    readonly Account: string,
    readonly Address: string,
    readonly FullName: string,
    /** `scrypt$...`, or "" for an account without a password (no login until one is set). */
    readonly PasswordHash: string,
    /** What is wrong with the password the caller was given (it checks and hashes); null when fine. */
    readonly PasswordProblem: string | null = null,
    readonly origin: CommandOrigin = {},
  ) {
    super();
  }
}

export type AddAccountInput = Pick<AddAccount, 'Account' | 'FullName' | 'PasswordHash' | 'PasswordProblem'> & { address: AddressFacts };

/** Checks in the order the admin API documents: name, in use, address, domain, owner, password. */
export function decideAddAccount(input: AddAccountInput, state: AccountState): AccountEvent[] {
  const nameProblem = accountNameProblem(input.Account);
  if (nameProblem) throw rejected('user', nameProblem);
  if (state.exists) throw rejected('user', `account ${input.Account} already exists`);
  const address = newAddressProblemOrValue(input.address);
  const fullName = headerValueProblem('FullName', input.FullName);
  if (fullName) throw rejected('user', fullName);
  if (input.PasswordProblem) throw rejected('user', input.PasswordProblem);
  const Account = input.Account;
  const events: AccountEvent[] = [
    { type: 'AccountAdded', data: { Account, FullName: input.FullName, ...ACCOUNT_DEFAULTS } },
    { type: 'AccountAddressAdded', data: { Account, Address: address.address, Domain: address.domain.ascii } },
  ];
  if (input.PasswordHash !== '') events.push({ type: 'AccountPasswordChanged', data: { Account, PasswordHash: input.PasswordHash } });
  return events;
}

function newAddressProblemOrValue(facts: AddressFacts) {
  const problem = newAddressProblem(facts);
  if (problem) throw rejected(problem.code, problem.message);
  return facts.address.ok ? facts.address.value : (undefined as never);
}

@CommandHandler(AddAccount)
export class AddAccountHandler implements ICommandHandler<AddAccount> {
  constructor(
    private readonly runtime: Runtime,
    private readonly view: SqlConfigView,
  ) {}

  execute(command: AddAccount): Promise<ConfigWriteResult> {
    const nameProblem = accountNameProblem(command.Account);
    // The name becomes the stream id: never read or write a stream under a name that is not valid.
    if (nameProblem) return Promise.reject(rejected('user', nameProblem));
    const input: AddAccountInput = { ...command, address: addressFacts(this.view, command.Address, { allowCatchall: true }) };
    const decide = (_c: unknown, s: AccountState) => decideAddAccount(input, s);
    return runConfigCommand(this.runtime, accountStreamId(command.Account), { ...accountStream, decide }, command, command.origin);
  }
}
