// adminapi HoldRuleList: every rule in force, by ID.
import { Injectable } from '@nestjs/common';
import { ApiMethod, type ApiMethodHandler } from '../api/api-method';
import type { AdminapiRequest, AdminapiResponse } from '../api/api-types';
import { Runtime } from '../runtime/runtime';
import { readHoldRules } from './holdrule-store';

@Injectable()
@ApiMethod('adminapi', 'HoldRuleList')
export class HoldRuleListMethod implements ApiMethodHandler<AdminapiRequest<'HoldRuleList'>, AdminapiResponse<'HoldRuleList'>> {
  constructor(private readonly runtime: Runtime) {}

  async handle(): Promise<AdminapiResponse<'HoldRuleList'>> {
    return { Rules: readHoldRules(this.runtime.readDb) };
  }
}
