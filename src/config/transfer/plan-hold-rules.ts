// The steps that make the hold rules in force match an import file's. Rules have no names, so a rule is
// known by its fields: each listed rule keeps one rule in force with the same fields, the others are
// added, and rules in force that no listed rule kept are removed. A file that does not list hold rules
// leaves them alone, unless pruning.
import type { HoldRule } from '../../holdrules/holdrule-events';
import { AddHoldRuleCommand, RemoveHoldRuleCommand } from './holdrule-import-commands';
import type { ImportStep } from './plan-import';
import type { WantedHoldRule } from './validate-hold-rules';
import type { ImportOptions } from './validate-import';

interface RuleFields {
  account: string;
  /** ASCII forms; "" matches any. */
  senderDomain: string;
  recipientDomain: string;
  /** For people: Unicode forms. */
  senderDomainShown: string;
  recipientDomainShown: string;
}

const fieldsOfWanted = (r: WantedHoldRule): RuleFields => ({
  account: r.account,
  senderDomain: r.senderDomain?.ascii ?? '',
  recipientDomain: r.recipientDomain?.ascii ?? '',
  senderDomainShown: r.senderDomain?.unicode ?? '',
  recipientDomainShown: r.recipientDomain?.unicode ?? '',
});

const fieldsOfRule = (r: HoldRule): RuleFields => ({
  account: r.Account,
  senderDomain: r.SenderDomain,
  recipientDomain: r.RecipientDomain,
  senderDomainShown: r.SenderDomainStr || r.SenderDomain,
  recipientDomainShown: r.RecipientDomainStr || r.RecipientDomain,
});

const sameFields = (a: RuleFields, b: RuleFields) => a.account === b.account && a.senderDomain === b.senderDomain && a.recipientDomain === b.recipientDomain;

function describe(r: RuleFields): string {
  const parts = [
    r.account && `account ${r.account}`,
    r.senderDomainShown && `sender domain ${r.senderDomainShown}`,
    r.recipientDomainShown && `recipient domain ${r.recipientDomainShown}`,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : 'every message';
}

export function planHoldRules(wanted: WantedHoldRule[] | null, inForce: readonly HoldRule[], options: ImportOptions): ImportStep[] {
  if (wanted === null && !options.prune) return [];
  const unmatched = (wanted ?? []).map(fieldsOfWanted);
  const leaving: HoldRule[] = [];
  for (const rule of inForce) {
    const i = unmatched.findIndex((w) => sameFields(w, fieldsOfRule(rule)));
    if (i >= 0) unmatched.splice(i, 1);
    else leaving.push(rule);
  }
  // New rules first: while the import runs, no message escapes both the old rule and its replacement.
  return [
    ...unmatched.map((w) => ({
      description: `hold rule (${describe(w)}): add`,
      command: new AddHoldRuleCommand(w.account, w.senderDomainShown, w.recipientDomainShown),
    })),
    ...leaving.map((rule) => ({
      description: `hold rule ${rule.ID} (${describe(fieldsOfRule(rule))}): remove (not in the file; messages it held stay held)`,
      command: new RemoveHoldRuleCommand(rule.ID),
    })),
  ];
}
