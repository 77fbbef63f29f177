// adminapi HoldRuleRemove: `notFound` for an unknown ID; messages the rule held stay held.
import { Injectable } from '@nestjs/common';
import { ApiMethod, type ApiMethodHandler, type Caller } from '../api/api-method';
import type { AdminapiRequest, AdminapiResponse } from '../api/api-types';
import { handleCommand, newCommandContext } from '../core/command-handling';
import { Runtime } from '../runtime/runtime';
import { HOLDRULES_STREAM } from './holdrule-events';
import { holdRulesDecider } from './holdrule-commands';

@Injectable()
@ApiMethod('adminapi', 'HoldRuleRemove')
export class HoldRuleRemoveMethod implements ApiMethodHandler<AdminapiRequest<'HoldRuleRemove'>, AdminapiResponse<'HoldRuleRemove'>> {
  constructor(private readonly runtime: Runtime) {}

  async handle(request: AdminapiRequest<'HoldRuleRemove'>, caller: Caller): Promise<AdminapiResponse<'HoldRuleRemove'>> {
    const ctx = newCommandContext(this.runtime.clock.now(), caller.request.correlationId);
    const { appended } = await handleCommand(this.runtime.store, HOLDRULES_STREAM, holdRulesDecider, { type: 'RemoveHoldRule', ID: request.ID }, ctx);
    if (appended) await this.runtime.projections.waitFor(appended.position);
    return {};
  }
}
