// DeliveryHistory {QueueMsgID} -> {Events}: every recorded fact about one message, queued or retired,
// also after its retired record expired (the events stay in the log). The admin may ask about any
// message; an account only about its own: another account's message is `messageNotFound`, exactly as an
// ID that was never used, so ids cannot be probed.
import { Injectable } from '@nestjs/common';
import { ApiError } from '../api/api-error';
import { ApiMethod, type ApiMethodHandler, type Caller } from '../api/api-method';
import type { AdminapiRequest, AdminapiResponse, WebapiRequest, WebapiResponse } from '../api/api-types';
import { accountOf } from '../mailbox/message-lookup';
import { messageHistory } from '../queue/message-history';
import { Runtime } from '../runtime/runtime';
import { toDeliveryEvents, type DeliveryEvent } from './history-events';

abstract class DeliveryHistoryMethod {
  constructor(protected readonly runtime: Runtime) {}

  /** `account`: only a message of this account is found. */
  protected async events(queueMsgId: number, account?: string): Promise<{ Events: DeliveryEvent[] }> {
    const history = Number.isSafeInteger(queueMsgId) && queueMsgId > 0 ? await messageHistory(this.runtime.store, this.runtime.readDb, queueMsgId) : null;
    if (!history || (account !== undefined && history.account !== account)) {
      throw new ApiError('messageNotFound', `no message with queue ID ${queueMsgId}`);
    }
    return { Events: toDeliveryEvents(history.entries) };
  }
}

@ApiMethod('adminapi', 'DeliveryHistory')
@Injectable()
export class AdminDeliveryHistoryMethod extends DeliveryHistoryMethod implements ApiMethodHandler<AdminapiRequest<'DeliveryHistory'>, AdminapiResponse<'DeliveryHistory'>> {
  constructor(runtime: Runtime) {
    super(runtime);
  }
  async handle(request: AdminapiRequest<'DeliveryHistory'>): Promise<AdminapiResponse<'DeliveryHistory'>> {
    return this.events(request.QueueMsgID);
  }
}

@ApiMethod('webapi', 'DeliveryHistory')
@Injectable()
export class AccountDeliveryHistoryMethod extends DeliveryHistoryMethod implements ApiMethodHandler<WebapiRequest<'DeliveryHistory'>, WebapiResponse<'DeliveryHistory'>> {
  constructor(runtime: Runtime) {
    super(runtime);
  }
  async handle(request: WebapiRequest<'DeliveryHistory'>, caller: Caller): Promise<WebapiResponse<'DeliveryHistory'>> {
    return this.events(request.QueueMsgID, accountOf(caller));
  }
}

export const deliveryHistoryMethods = [AdminDeliveryHistoryMethod, AccountDeliveryHistoryMethod];
