// Checks a whole import document against the rules the commands enforce, before anything is changed, and
// lists every problem with its path. What passes is returned in canonical form for planning. The
// configuration after the import is the file's domains and accounts plus, unless pruning, those of the
// store that the file does not mention; and the file's hold rules when it lists them, else those in force
// (none when pruning).
import { isPasswordHash } from '../../auth/passwords';
import { parseAddress, parseDomain, type ParsedAddress, type ParsedDomain } from '../addresses';
import { DKIM_SELECTOR } from '../domains/add-domain-dkim-key';
import { dkimKeyFromPrivate, type DkimKeyMaterial } from '../dkim-keys';
import {
  accountNameProblem,
  checkFromIDLoginAddresses,
  durationProblemOrNull,
  headerValueProblem,
  outgoingEventsProblem,
  separatorsProblem,
  webhookSecretProblem,
  webhookUrlProblem,
} from '../setting-rules';
import type { SqlConfigView } from '../sql-config-view';
import type { AccountDocument, ConfigDocument } from './config-document';
import { fieldPath } from '../field-path';
import { validateHoldRules, type WantedHoldRule } from './validate-hold-rules';

export interface WantedKey {
  selector: string;
  material: DkimKeyMaterial;
}

export interface WantedDomain {
  name: ParsedDomain;
  separators?: string[];
  disabled?: boolean;
  keys?: WantedKey[];
}

export interface WantedAccount {
  name: string;
  document: AccountDocument;
  addresses: ParsedAddress[];
  /** Canonical, when the file sets them. */
  fromIDLoginAddresses?: string[];
}

export interface ImportOptions {
  /** Remove domains and accounts the file does not list, and the hold rules when it lists none. */
  prune: boolean;
  allowPrivateTargets: boolean;
}

export type ValidatedImport =
  | {
      ok: true;
      domains: WantedDomain[];
      accounts: WantedAccount[];
      /** Null when the file does not list hold rules. */
      holdRules: WantedHoldRule[] | null;
    }
  | { ok: false; problems: string[] };

export function validateImport(document: ConfigDocument, view: SqlConfigView, options: ImportOptions): ValidatedImport {
  const problems: string[] = [];
  const domains = validateDomains(document, problems);
  const separatorsOf = (ascii: string): string[] | null => {
    const wanted = domains.find((d) => d.name.ascii === ascii);
    const stored = view.domain(ascii);
    if (wanted) return wanted.separators ?? stored?.LocalpartCatchallSeparators ?? [];
    return stored && !options.prune ? stored.LocalpartCatchallSeparators : null;
  };
  const accounts = validateAccounts(document, view, options, separatorsOf, problems);
  const holdRules = validateHoldRules(document.holdRules, problems);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, domains, accounts, holdRules };
}

function validateDomains(document: ConfigDocument, problems: string[]): WantedDomain[] {
  const domains: WantedDomain[] = [];
  for (const [key, body] of Object.entries(document.domains)) {
    const at = (...more: (string | number)[]) => fieldPath(['domains', key, ...more]);
    const parsed = parseDomain(key);
    if (!parsed.ok) {
      problems.push(`${at()}: ${parsed.error}`);
      continue;
    }
    const twin = domains.find((d) => d.name.ascii === parsed.value.ascii);
    if (twin) problems.push(`${at()}: the same domain as ${fieldPath(['domains', twin.name.unicode])}`);
    const wanted: WantedDomain = { name: parsed.value, separators: body?.localpartCatchallSeparators, disabled: body?.disabled };
    const separatorProblem = wanted.separators && separatorsProblem(wanted.separators);
    if (separatorProblem) {
      problems.push(`${at('localpartCatchallSeparators')}: ${separatorProblem}`);
      // Checked against the current separators instead, so one mistake is reported once.
      wanted.separators = undefined;
    }
    if (body?.dkimKeys) {
      wanted.keys = [];
      body.dkimKeys.forEach((k, i) => {
        if (!DKIM_SELECTOR.test(k.selector)) problems.push(`${at('dkimKeys', i, 'selector')}: "${k.selector}" is not a DNS label (letters, digits and "-", at most 63)`);
        if (body.dkimKeys!.findIndex((o) => o.selector.toLowerCase() === k.selector.toLowerCase()) !== i) problems.push(`${at('dkimKeys', i, 'selector')}: "${k.selector}" is listed twice`);
        let material: DkimKeyMaterial;
        try {
          material = dkimKeyFromPrivate(k.privateKey);
        } catch (err) {
          const reason = (err as Error).message.includes('DECODER') ? 'it is not a PEM private key' : (err as Error).message.split('\n')[0];
          problems.push(`${at('dkimKeys', i, 'privateKey')}: not a usable DKIM key: ${reason}`);
          return;
        }
        if (k.algorithm && k.algorithm !== material.Algorithm) problems.push(`${at('dkimKeys', i, 'algorithm')}: the key is ${material.Algorithm}, not ${k.algorithm}`);
        wanted.keys!.push({ selector: k.selector, material });
      });
    }
    domains.push(wanted);
  }
  return domains;
}

function validateAccounts(
  document: ConfigDocument,
  view: SqlConfigView,
  options: ImportOptions,
  separatorsOf: (ascii: string) => string[] | null,
  problems: string[],
): WantedAccount[] {
  const accounts: WantedAccount[] = [];
  const claimed = new Map<string, string>();
  for (const [name, body] of Object.entries(document.accounts)) {
    const at = (...more: (string | number)[]) => fieldPath(['accounts', name, ...more]);
    const nameProblem = accountNameProblem(name);
    if (nameProblem) problems.push(`${at()}: ${nameProblem}`);
    const wanted: WantedAccount = { name, document: body, addresses: [] };
    body.addresses.forEach((text, i) => {
      const parsed = parseAddress(text, { allowCatchall: true });
      if (!parsed.ok) return problems.push(`${at('addresses', i)}: ${parsed.error}`);
      const address = parsed.value;
      const separators = separatorsOf(address.domain.ascii);
      if (separators === null) {
        return problems.push(`${at('addresses', i)}: domain ${address.domain.unicode} is not in the file${options.prune ? '' : ' and not configured'}`);
      }
      const separator = separators.find((s) => address.localpart.includes(s));
      if (separator !== undefined) problems.push(`${at('addresses', i)}: ${address.address} contains the catch-all separator "${separator}" of its domain`);
      const earlier = claimed.get(address.address);
      if (earlier) return problems.push(`${at('addresses', i)}: ${address.address} is also listed at ${earlier}`);
      claimed.set(address.address, at('addresses', i));
      const owner = view.addressOwner(address.domain.ascii, address.localpart);
      if (owner && owner.Account !== name && !(owner.Account in document.accounts) && !options.prune) {
        problems.push(`${at('addresses', i)}: ${address.address} belongs to account ${owner.Account}, which the file does not list (list it, or import with --prune to remove it)`);
      }
      wanted.addresses.push(address);
    });
    for (const problem of settingProblems(body, options)) problems.push(`${at(...problem.field.split('.'))}: ${problem.message}`);
    if (body.fromIDLoginAddresses) {
      const checked = checkFromIDLoginAddresses(
        body.fromIDLoginAddresses,
        wanted.addresses.map((a) => a.address),
        (ascii) => {
          const separators = separatorsOf(ascii);
          return separators === null ? null : { ascii, separators };
        },
      );
      if (checked.ok) wanted.fromIDLoginAddresses = checked.value;
      else for (const p of checked.problems) problems.push(`${at('fromIDLoginAddresses')}: ${p}`);
    }
    accounts.push(wanted);
  }
  return accounts;
}

function settingProblems(body: AccountDocument, options: ImportOptions): { field: string; message: string }[] {
  const found: { field: string; message: string | null }[] = [
    { field: 'fullName', message: body.fullName === undefined ? null : headerValueProblem('fullName', body.fullName) },
    { field: 'loginDisabled', message: body.loginDisabled === undefined ? null : headerValueProblem('loginDisabled', body.loginDisabled) },
    {
      field: 'passwordHash',
      message: body.passwordHash && !isPasswordHash(body.passwordHash) ? 'not a password hash written by Postwire (scrypt$N$r$p$salt$hash)' : null,
    },
    { field: 'keepRetiredMessagePeriod', message: durationProblemOrNull(body.keepRetiredMessagePeriod) },
    { field: 'keepRetiredWebhookPeriod', message: durationProblemOrNull(body.keepRetiredWebhookPeriod) },
    { field: 'webhookSecret', message: body.webhookSecret === undefined ? null : webhookSecretProblem(body.webhookSecret) },
  ];
  for (const [field, hook] of [
    ['outgoingWebhook', body.outgoingWebhook],
    ['incomingWebhook', body.incomingWebhook],
  ] as const) {
    if (!hook) continue;
    // These messages name the field themselves ("url: ...").
    found.push({ field, message: webhookUrlProblem('url', hook.url, options.allowPrivateTargets) });
    found.push({ field, message: hook.authorization === undefined ? null : headerValueProblem('authorization', hook.authorization) });
    if ('events' in hook && hook.events) found.push({ field, message: outgoingEventsProblem('events', hook.events) });
  }
  return found.filter((p): p is { field: string; message: string } => p.message !== null);
}
