// Whether a hold rule applies to a queued message. DESIGN §5 (a deliberate difference from mox): a rule
// matches when every one of its non-empty fields matches, for messages already queued when the rule is
// added and for messages queued later alike (mox uses OR for new messages). A rule with every field
// empty matches every message: it pauses the queue.
import type { HoldRule } from './holdrule-events';

export interface HoldCandidate {
  SenderAccount: string;
  /** ASCII forms. */
  SenderDomain: string;
  RecipientDomain: string;
}

export function holdRuleMatches(rule: Omit<HoldRule, 'ID' | 'SenderDomainStr' | 'RecipientDomainStr'>, message: HoldCandidate): boolean {
  return (
    (rule.Account === '' || rule.Account === message.SenderAccount) &&
    (rule.SenderDomain === '' || rule.SenderDomain === message.SenderDomain.toLowerCase()) &&
    (rule.RecipientDomain === '' || rule.RecipientDomain === message.RecipientDomain.toLowerCase())
  );
}

/** The first rule (lowest ID) that matches, or null. */
export function firstMatchingRule(rules: readonly HoldRule[], message: HoldCandidate): HoldRule | null {
  return [...rules].sort((a, b) => a.ID - b.ID).find((r) => holdRuleMatches(r, message)) ?? null;
}
