// Hold rules (reference §3.5): conditions that put queued messages on hold. All rules live in one stream,
// `holdrules`, the consistency boundary for adding and removing them. Field names follow mox's HoldRule.

export const HOLDRULES_STREAM = 'holdrules';

export interface HoldRule {
  ID: number;
  /** Sender account; "" matches any. */
  Account: string;
  /** Envelope sender domain, ASCII (IDNA) form; "" matches any. */
  SenderDomain: string;
  /** Recipient domain, ASCII form; "" matches any. */
  RecipientDomain: string;
  /** Unicode forms of the two domains. */
  SenderDomainStr: string;
  RecipientDomainStr: string;
}

export type HoldRuleEvent = { type: 'HoldRuleAdded'; data: HoldRule } | { type: 'HoldRuleRemoved'; data: { ID: number } };
