// Turns a validated import into the commands that make the configuration match it, in an order that
// respects dependencies: domains first; addresses leaving an account before others take them; new accounts,
// then added addresses; settings; FromID login addresses once their addresses exist; pruning last. Only
// what differs becomes a command, so importing the same file twice changes nothing the second time.
import type { Command } from '@nestjs/cqrs';
import { AddAccount } from '../accounts/add-account';
import { AddAddress } from '../accounts/add-address';
import { RemoveAccount } from '../accounts/remove-account';
import { RemoveAddress } from '../accounts/remove-address';
import { SaveAccountLoginDisabled } from '../accounts/save-account-login-disabled';
import { SaveAccountSettings, type AccountSettingsInput } from '../accounts/save-account-settings';
import { SaveFromIDLoginAddresses } from '../accounts/save-fromid-login-addresses';
import { SaveIncomingWebhook } from '../accounts/save-incoming-webhook';
import { SaveOutgoingWebhook } from '../accounts/save-outgoing-webhook';
import { SaveWebhookSecret } from '../accounts/save-webhook-secret';
import { SetAccountPassword } from '../accounts/set-account-password';
import type { ConfigWriteResult } from '../config-command';
import type { AccountConfig } from '../config-view';
import { AddDomain } from '../domains/add-domain';
import { AddDomainDKIMKey } from '../domains/add-domain-dkim-key';
import { RemoveDomain } from '../domains/remove-domain';
import { RemoveDomainDKIMKey } from '../domains/remove-domain-dkim-key';
import { SaveDomainDisabled } from '../domains/save-domain-disabled';
import { SaveDomainLocalpartConfig } from '../domains/save-domain-localpart-config';
import { ACCOUNT_DEFAULTS } from '../setting-rules';
import type { SqlConfigView } from '../sql-config-view';
import type { ImportOptions, WantedAccount, WantedDomain } from './validate-import';

export interface ImportStep {
  /** For people: what this step changes. */
  description: string;
  command: Command<ConfigWriteResult>;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function planImport(domains: WantedDomain[], accounts: WantedAccount[], view: SqlConfigView, options: ImportOptions): ImportStep[] {
  const steps: ImportStep[] = [];
  const step = (description: string, command: Command<ConfigWriteResult>) => steps.push({ description, command });

  for (const d of domains) planDomain(d, view, step);

  const listed = new Set(accounts.map((a) => a.name));
  if (options.prune) for (const a of view.accounts()) if (!listed.has(a.Name)) step(`account ${a.Name}: remove (not in the file)`, new RemoveAccount(a.Name));

  // Addresses leave first, so another account can take them; an account never loses its last one here.
  const deferred: ImportStep[] = [];
  for (const a of accounts) {
    const current = view.account(a.name);
    if (!current) continue;
    const wanted = new Set(a.addresses.map((x) => x.address));
    const leaving = current.Addresses.filter((x) => !wanted.has(x));
    leaving.forEach((address, i) => {
      const removal = { description: `account ${a.name}: remove address ${address}`, command: new RemoveAddress(address) };
      if (i === leaving.length - 1 && leaving.length === current.Addresses.length) deferred.push(removal);
      else steps.push(removal);
    });
  }
  for (const a of accounts) {
    if (view.account(a.name)) continue;
    const first = a.addresses[0].address;
    step(`account ${a.name}: add with address ${first}`, new AddAccount(a.name, first, a.document.fullName ?? '', a.document.passwordHash ?? ''));
  }
  for (const a of accounts) {
    const have = new Set(view.account(a.name)?.Addresses ?? [a.addresses[0].address]);
    for (const x of a.addresses) if (!have.has(x.address)) step(`account ${a.name}: add address ${x.address}`, new AddAddress(a.name, x.address));
  }
  steps.push(...deferred);

  for (const a of accounts) planSettings(a, view.account(a.name), step);
  for (const a of accounts) {
    const current = view.account(a.name)?.FromIDLoginAddresses ?? [];
    if (a.fromIDLoginAddresses && !same(a.fromIDLoginAddresses, current)) {
      step(`account ${a.name}: FromID login addresses [${a.fromIDLoginAddresses.join(', ')}]`, new SaveFromIDLoginAddresses(a.name, a.fromIDLoginAddresses));
    }
  }

  if (options.prune) {
    const kept = new Set(domains.map((d) => d.name.ascii));
    for (const d of view.domains()) if (!kept.has(d.Name)) step(`domain ${d.Unicode}: remove (not in the file)`, new RemoveDomain({ ascii: d.Name, unicode: d.Unicode }));
  }
  return steps;
}

function planDomain(d: WantedDomain, view: SqlConfigView, step: (description: string, command: Command<ConfigWriteResult>) => void): void {
  const name = d.name.unicode;
  const current = view.domain(d.name.ascii);
  if (!current) step(`domain ${name}: add with separators [${(d.separators ?? []).join(' ')}]`, new AddDomain(d.name, d.separators ?? []));
  else if (d.separators && !same(d.separators, current.LocalpartCatchallSeparators)) {
    step(`domain ${name}: separators [${d.separators.join(' ')}]`, new SaveDomainLocalpartConfig(d.name, d.separators));
  }
  if (d.disabled !== undefined && d.disabled !== (current?.Disabled ?? false)) step(`domain ${name}: ${d.disabled ? 'disable' : 'enable'}`, new SaveDomainDisabled(d.name, d.disabled));
  if (!d.keys) return;
  const have = current?.DKIM ?? [];
  // A key is unchanged when both its selector and its private key are the same.
  const sameKey = (selector: string, pem: string) => (k: { selector: string; pem: string }) => k.selector.toLowerCase() === selector.toLowerCase() && k.pem === pem;
  const wantedKeys = d.keys.map((k) => ({ selector: k.selector, pem: k.material.PrivateKeyPem }));
  const haveKeys = have.map((k) => ({ selector: k.Selector, pem: k.PrivateKeyPem }));
  for (const k of haveKeys) if (!wantedKeys.some(sameKey(k.selector, k.pem))) step(`domain ${name}: remove DKIM key ${k.selector}`, new RemoveDomainDKIMKey(d.name, k.selector));
  for (const k of d.keys) {
    if (!haveKeys.some(sameKey(k.selector, k.material.PrivateKeyPem))) {
      step(`domain ${name}: add DKIM key ${k.selector} (${k.material.Algorithm})`, new AddDomainDKIMKey(d.name, k.selector, k.material));
    }
  }
}

function planSettings(a: WantedAccount, current: AccountConfig | null, step: (description: string, command: Command<ConfigWriteResult>) => void): void {
  const doc = a.document;
  // A new account starts with the defaults and the full name AddAccount gave it.
  const base: AccountSettingsInput = current
    ? {
        Account: a.name,
        FullName: current.FullName,
        MaxOutgoingMessagesPerDay: current.MaxOutgoingMessagesPerDay,
        MaxFirstTimeRecipientsPerDay: current.MaxFirstTimeRecipientsPerDay,
        NoCustomPassword: current.NoCustomPassword,
        KeepRetiredMessagePeriod: current.KeepRetiredMessagePeriod,
        KeepRetiredWebhookPeriod: current.KeepRetiredWebhookPeriod,
      }
    : { Account: a.name, FullName: doc.fullName ?? '', NoCustomPassword: false, ...ACCOUNT_DEFAULTS };
  const settings: AccountSettingsInput = {
    Account: a.name,
    FullName: doc.fullName ?? base.FullName,
    MaxOutgoingMessagesPerDay: doc.maxOutgoingMessagesPerDay ?? base.MaxOutgoingMessagesPerDay,
    MaxFirstTimeRecipientsPerDay: doc.maxFirstTimeRecipientsPerDay ?? base.MaxFirstTimeRecipientsPerDay,
    NoCustomPassword: doc.noCustomPassword ?? base.NoCustomPassword,
    KeepRetiredMessagePeriod: doc.keepRetiredMessagePeriod ?? base.KeepRetiredMessagePeriod,
    KeepRetiredWebhookPeriod: doc.keepRetiredWebhookPeriod ?? base.KeepRetiredWebhookPeriod,
  };
  const changed = (Object.keys(settings) as (keyof AccountSettingsInput)[]).filter((k) => settings[k] !== base[k]);
  if (changed.length > 0) step(`account ${a.name}: settings (${changed.join(', ')})`, new SaveAccountSettings(settings));
  if (doc.loginDisabled !== undefined && doc.loginDisabled !== (current?.LoginDisabled ?? '')) {
    step(`account ${a.name}: ${doc.loginDisabled ? 'disable logins' : 'enable logins'}`, new SaveAccountLoginDisabled(a.name, doc.loginDisabled));
  }
  if (current && doc.passwordHash !== undefined && doc.passwordHash !== current.PasswordHash) {
    step(`account ${a.name}: password`, new SetAccountPassword(a.name, doc.passwordHash, null, false));
  }
  if (doc.outgoingWebhook !== undefined) {
    const hook = doc.outgoingWebhook && { URL: doc.outgoingWebhook.url, Authorization: doc.outgoingWebhook.authorization ?? '', Events: doc.outgoingWebhook.events ?? [] };
    if (!same(hook, current?.OutgoingWebhook ?? null)) {
      step(`account ${a.name}: outgoing webhook ${hook ? hook.URL : 'off'}`, new SaveOutgoingWebhook(a.name, hook?.URL ?? '', hook?.Authorization ?? '', hook?.Events ?? []));
    }
  }
  if (doc.incomingWebhook !== undefined) {
    const hook = doc.incomingWebhook && { URL: doc.incomingWebhook.url, Authorization: doc.incomingWebhook.authorization ?? '' };
    if (!same(hook, current?.IncomingWebhook ?? null)) {
      step(`account ${a.name}: incoming webhook ${hook ? hook.URL : 'off'}`, new SaveIncomingWebhook(a.name, hook?.URL ?? '', hook?.Authorization ?? ''));
    }
  }
  if (doc.webhookSecret !== undefined && doc.webhookSecret !== (current?.WebhookSecret ?? '')) {
    step(`account ${a.name}: webhook secret ${doc.webhookSecret ? 'set' : 'off'}`, new SaveWebhookSecret(a.name, doc.webhookSecret));
  }
}
