// DueNow: every queued message not on hold and every pending webhook due now, "time travel" for trying
// retry behaviour. The webhook part is HookAdmin.dueNow; the queue contributes its messages through
// registerDueNowMessages (src/webhooks/hook-admin.ts).
import { Injectable } from '@nestjs/common';
import { ApiMethod, type ApiMethodHandler, type Caller } from '../../api/api-method';
import type { AdminapiRequest, AdminapiResponse } from '../../api/api-types';
import { Runtime } from '../../runtime/runtime';
import { dueNowMessages, HookAdmin } from '../hook-admin';

@ApiMethod('adminapi', 'DueNow')
@Injectable()
export class DueNowMethod implements ApiMethodHandler<AdminapiRequest<'DueNow'>, AdminapiResponse<'DueNow'>> {
  constructor(
    private readonly runtime: Runtime,
    private readonly admin: HookAdmin,
  ) {}

  async handle(_request: AdminapiRequest<'DueNow'>, caller: Caller): Promise<AdminapiResponse<'DueNow'>> {
    const correlationId = caller.request.correlationId;
    const Messages = await dueNowMessages(this.runtime, correlationId);
    const Hooks = await this.admin.dueNow(correlationId);
    return { Messages, Hooks };
  }
}
