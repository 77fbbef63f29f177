// Adding and removing hold rules: commands on the `holdrules` stream. Adding checks and normalises the
// domains (ASCII and Unicode forms, as mox's HoldRule keeps both); removing an unknown rule is `notFound`.
// Removing a rule releases nothing: messages it held stay held until QueueHoldSet releases them.
import { ApiError, userError } from '../api/api-error';
import { parseDomain } from '../config/addresses';
import type { Decider } from '../core/command-handling';
import type { StoredEvent } from '../event-store/event-store';
import type { HoldRule, HoldRuleEvent } from './holdrule-events';

export interface AddHoldRule {
  type: 'AddHoldRule';
  ID: number;
  Account: string;
  SenderDomain: string;
  RecipientDomain: string;
}

export interface RemoveHoldRule {
  type: 'RemoveHoldRule';
  ID: number;
}

export type HoldRuleCommand = AddHoldRule | RemoveHoldRule;

/** The IDs of the rules in force. */
export type HoldRulesState = ReadonlySet<number>;

function domainForms(input: string, field: string): { ascii: string; unicode: string } {
  if (input === '') return { ascii: '', unicode: '' };
  const parsed = parseDomain(input);
  if (!parsed.ok) throw userError(`${field}: ${parsed.error}`);
  return parsed.value;
}

export function decideHoldRule(command: HoldRuleCommand, state: HoldRulesState): HoldRuleEvent[] {
  if (command.type === 'RemoveHoldRule') {
    if (!state.has(command.ID)) throw new ApiError('notFound', `no hold rule with ID ${command.ID}`);
    return [{ type: 'HoldRuleRemoved', data: { ID: command.ID } }];
  }
  const sender = domainForms(command.SenderDomain, 'SenderDomain');
  const recipient = domainForms(command.RecipientDomain, 'RecipientDomain');
  const rule: HoldRule = {
    ID: command.ID,
    Account: command.Account,
    SenderDomain: sender.ascii,
    RecipientDomain: recipient.ascii,
    SenderDomainStr: sender.unicode,
    RecipientDomainStr: recipient.unicode,
  };
  return [{ type: 'HoldRuleAdded', data: rule }];
}

export function evolveHoldRules(state: HoldRulesState, stored: StoredEvent): HoldRulesState {
  const event = stored as unknown as HoldRuleEvent;
  const next = new Set(state);
  if (event.type === 'HoldRuleAdded') next.add(event.data.ID);
  else if (event.type === 'HoldRuleRemoved') next.delete(event.data.ID);
  return next;
}

export const holdRulesDecider: Decider<HoldRulesState, HoldRuleCommand, HoldRuleEvent> = {
  initialState: () => new Set<number>(),
  evolve: evolveHoldRules,
  decide: (command, state) => decideHoldRule(command, state),
};
