// The admin's operations on pending webhooks: HookNextAttemptSet, HookNextAttemptAdd and HookCancel, each
// answering how many webhooks changed (mox webadmin, reference 2.8).
import { Injectable } from '@nestjs/common';
import { ApiMethod, type ApiMethodHandler, type Caller } from '../../api/api-method';
import type { AdminapiRequest, AdminapiResponse } from '../../api/api-types';
import { HookAdmin } from '../hook-admin';
import type { HookFilter } from '../hook-queries';

type Count = AdminapiResponse<'HookCancel'>;

@ApiMethod('adminapi', 'HookNextAttemptSet')
@Injectable()
export class HookNextAttemptSetMethod implements ApiMethodHandler<AdminapiRequest<'HookNextAttemptSet'>, Count> {
  constructor(private readonly admin: HookAdmin) {}
  async handle(request: AdminapiRequest<'HookNextAttemptSet'>, caller: Caller): Promise<Count> {
    return { Count: await this.admin.nextAttemptSet(request.Filter as HookFilter, request.Minutes, caller.request.correlationId) };
  }
}

@ApiMethod('adminapi', 'HookNextAttemptAdd')
@Injectable()
export class HookNextAttemptAddMethod implements ApiMethodHandler<AdminapiRequest<'HookNextAttemptAdd'>, Count> {
  constructor(private readonly admin: HookAdmin) {}
  async handle(request: AdminapiRequest<'HookNextAttemptAdd'>, caller: Caller): Promise<Count> {
    return { Count: await this.admin.nextAttemptAdd(request.Filter as HookFilter, request.Minutes, caller.request.correlationId) };
  }
}

@ApiMethod('adminapi', 'HookCancel')
@Injectable()
export class HookCancelMethod implements ApiMethodHandler<AdminapiRequest<'HookCancel'>, Count> {
  constructor(private readonly admin: HookAdmin) {}
  async handle(request: AdminapiRequest<'HookCancel'>, caller: Caller): Promise<Count> {
    return { Count: await this.admin.cancel(request.Filter as HookFilter, caller.request.correlationId) };
  }
}

export const hookOperationMethods = [HookNextAttemptSetMethod, HookNextAttemptAddMethod, HookCancelMethod];
