// adminapi HoldRuleAdd: stores the rule, then holds every queued message it matches before answering, so
// the admin sees the effect at once. The hold rule reactor makes the same sweep from the event, so it
// also happens when this node stops between the two steps.
import { Injectable } from '@nestjs/common';
import { ApiMethod, type ApiMethodHandler, type Caller } from '../api/api-method';
import type { AdminapiRequest, AdminapiResponse } from '../api/api-types';
import { handleCommand, metadataOf, newCommandContext } from '../core/command-handling';
import { Runtime } from '../runtime/runtime';
import { HOLDRULES_STREAM } from './holdrule-events';
import { holdRulesDecider } from './holdrule-commands';
import { holdMatchingMessages } from './hold-messages';

@Injectable()
@ApiMethod('adminapi', 'HoldRuleAdd')
export class HoldRuleAddMethod implements ApiMethodHandler<AdminapiRequest<'HoldRuleAdd'>, AdminapiResponse<'HoldRuleAdd'>> {
  constructor(private readonly runtime: Runtime) {}

  async handle(request: AdminapiRequest<'HoldRuleAdd'>, caller: Caller): Promise<AdminapiResponse<'HoldRuleAdd'>> {
    const [id] = await this.runtime.ids.holdRule.take(1);
    const ctx = newCommandContext(this.runtime.clock.now(), caller.request.correlationId);
    const command = { type: 'AddHoldRule' as const, ID: id, Account: request.Account ?? '', SenderDomain: request.SenderDomain ?? '', RecipientDomain: request.RecipientDomain ?? '' };
    const { events, appended } = await handleCommand(this.runtime.store, HOLDRULES_STREAM, holdRulesDecider, command, ctx);
    await this.runtime.projections.waitFor(appended!.position);
    const added = events[0];
    if (added.type === 'HoldRuleAdded') await holdMatchingMessages(this.runtime, added.data, metadataOf(ctx));
    return { ID: id };
  }
}
