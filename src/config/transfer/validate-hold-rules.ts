// Checks the hold rules of an import file as the hold rule commands would (domains must be domain names;
// "" or a field left out matches any), listing each problem with its path.
import { parseDomain, type ParsedDomain } from '../addresses';
import { fieldPath } from '../field-path';
import type { HoldRuleDocument } from './config-document';

export interface WantedHoldRule {
  /** "" matches any. */
  account: string;
  /** Null matches any. */
  senderDomain: ParsedDomain | null;
  recipientDomain: ParsedDomain | null;
}

/** Null when the file does not list hold rules at all. */
export function validateHoldRules(rules: HoldRuleDocument[] | undefined, problems: string[]): WantedHoldRule[] | null {
  if (rules === undefined) return null;
  const wanted: WantedHoldRule[] = [];
  rules.forEach((rule, i) => {
    const domainOf = (field: 'senderDomain' | 'recipientDomain'): ParsedDomain | null | undefined => {
      const text = rule[field] ?? '';
      if (text === '') return null;
      const parsed = parseDomain(text);
      if (parsed.ok) return parsed.value;
      problems.push(`${fieldPath(['holdRules', i, field])}: ${parsed.error}`);
      return undefined;
    };
    const senderDomain = domainOf('senderDomain');
    const recipientDomain = domainOf('recipientDomain');
    if (senderDomain !== undefined && recipientDomain !== undefined) wanted.push({ account: rule.account ?? '', senderDomain, recipientDomain });
  });
  return wanted;
}
