// The configuration localserve promises (DESIGN.md section 3): domain `localhost` with catch-all separator
// "+", account `postwire` with login postwire@localhost / postwirepostwire, retired messages and webhooks
// kept 72 h. Added through the ordinary commands when missing, so a localserve directory's history shows
// where its configuration came from, and nothing is changed once it exists (the developer may edit it).
import type { CommandBus } from '@nestjs/cqrs';
import { hashPassword } from '../auth/passwords';
import { LOCALSERVE } from '../localserve/localserve-config';
import { AddAccount } from './accounts/add-account';
import { SaveKeepRetiredPeriods } from './accounts/save-keep-retired-periods';
import { parseDomain } from './addresses';
import type { ConfigView } from './config-view';
import { AddDomain } from './domains/add-domain';

/** Adds what is missing; returns the names of what was added. */
export async function seedLocalserveConfig(commands: CommandBus, config: ConfigView): Promise<string[]> {
  const added: string[] = [];
  const domain = parseDomain(LOCALSERVE.domain);
  if (!domain.ok) throw new Error(domain.error);
  if (!config.domain(LOCALSERVE.domain)) {
    await commands.execute(new AddDomain(domain.value, [LOCALSERVE.separator]));
    added.push(`domain ${LOCALSERVE.domain}`);
  }
  if (!config.account(LOCALSERVE.account) && !config.lookupAddress(LOCALSERVE.address)) {
    await commands.execute(new AddAccount(LOCALSERVE.account, LOCALSERVE.address, '', await hashPassword(LOCALSERVE.password)));
    await commands.execute(new SaveKeepRetiredPeriods(LOCALSERVE.account, LOCALSERVE.retention, LOCALSERVE.retention));
    added.push(`account ${LOCALSERVE.account}`);
  }
  return added;
}

/** localserve's admin password as the hash the authenticator checks (localserve has no bootstrap file). */
export function localserveAdminPasswordHash(): Promise<string> {
  return hashPassword(LOCALSERVE.adminPassword);
}
