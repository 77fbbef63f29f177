// Listing the queue and the retired history: the adminapi's QueueList and RetiredList over every account,
// and the webapi's for the calling account only (Filter.Account is ignored there: always the caller's).
// Filter, Sort and keyset pagination are mox's (reference 3.8); see queue-listing.ts.
import { Injectable } from '@nestjs/common';
import { ApiMethod, type ApiMethodHandler, type Caller } from '../api/api-method';
import type { AdminapiRequest, AdminapiResponse, WebapiRequest, WebapiResponse } from '../api/api-types';
import { accountOf } from '../mailbox/message-lookup';
import { Runtime } from '../runtime/runtime';
import { QueueListing, type QueueFilter, type QueueSort, type RetiredFilter } from './queue-listing';
import { toMsg, toMsgRetired, type Msg, type MsgRetired } from './queue-records';

interface ListRequest<F> {
  Filter?: F;
  Sort?: QueueSort;
}

/** The filter as asked, or scoped to one account whatever it says. */
const scoped = <F extends { Account?: string }>(filter: F | undefined, account?: string): F => ({ ...(filter ?? ({} as F)), ...(account !== undefined ? { Account: account } : {}) });

abstract class QueueListingMethod {
  private readonly listing: QueueListing;
  constructor(protected readonly runtime: Runtime) {
    this.listing = new QueueListing(runtime.readDb);
  }
  protected queued(request: ListRequest<QueueFilter>, account?: string): { Messages: Msg[] } {
    return { Messages: this.listing.queued(scoped(request.Filter, account), request.Sort, this.runtime.clock.now()).map(toMsg) };
  }
  protected retired(request: ListRequest<RetiredFilter>, account?: string): { Messages: MsgRetired[] } {
    return { Messages: this.listing.retired(scoped(request.Filter, account), request.Sort, this.runtime.clock.now()).map(toMsgRetired) };
  }
}

@ApiMethod('adminapi', 'QueueList')
@Injectable()
export class AdminQueueListMethod extends QueueListingMethod implements ApiMethodHandler<AdminapiRequest<'QueueList'>, AdminapiResponse<'QueueList'>> {
  constructor(runtime: Runtime) {
    super(runtime);
  }
  async handle(request: AdminapiRequest<'QueueList'>): Promise<AdminapiResponse<'QueueList'>> {
    return this.queued(request);
  }
}

@ApiMethod('adminapi', 'RetiredList')
@Injectable()
export class AdminRetiredListMethod extends QueueListingMethod implements ApiMethodHandler<AdminapiRequest<'RetiredList'>, AdminapiResponse<'RetiredList'>> {
  constructor(runtime: Runtime) {
    super(runtime);
  }
  async handle(request: AdminapiRequest<'RetiredList'>): Promise<AdminapiResponse<'RetiredList'>> {
    return this.retired(request);
  }
}

@ApiMethod('webapi', 'QueueList')
@Injectable()
export class AccountQueueListMethod extends QueueListingMethod implements ApiMethodHandler<WebapiRequest<'QueueList'>, WebapiResponse<'QueueList'>> {
  constructor(runtime: Runtime) {
    super(runtime);
  }
  async handle(request: WebapiRequest<'QueueList'>, caller: Caller): Promise<WebapiResponse<'QueueList'>> {
    return this.queued(request, accountOf(caller));
  }
}

@ApiMethod('webapi', 'RetiredList')
@Injectable()
export class AccountRetiredListMethod extends QueueListingMethod implements ApiMethodHandler<WebapiRequest<'RetiredList'>, WebapiResponse<'RetiredList'>> {
  constructor(runtime: Runtime) {
    super(runtime);
  }
  async handle(request: WebapiRequest<'RetiredList'>, caller: Caller): Promise<WebapiResponse<'RetiredList'>> {
    return this.retired(request, accountOf(caller));
  }
}

export const queueListMethods = [AdminQueueListMethod, AdminRetiredListMethod, AccountQueueListMethod, AccountRetiredListMethod];
