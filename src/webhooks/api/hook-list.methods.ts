// Listing webhooks: the adminapi's HookList and HookRetiredList over every account, and the webapi's for
// the calling account only (Filter.Account is ignored there). Filter, Sort and keyset pagination are
// mox's (reference 3.8).
import { Injectable } from '@nestjs/common';
import { ApiMethod, type ApiMethodHandler, type Caller } from '../../api/api-method';
import type { AdminapiRequest, AdminapiResponse, WebapiRequest, WebapiResponse } from '../../api/api-types';
import { accountOf } from '../../mailbox/message-lookup';
import { Runtime } from '../../runtime/runtime';
import { HookQueries, type HookFilter } from '../hook-queries';
import { toHook, toHookRetired } from '../hook-records';

type ListRequest = { Filter?: HookFilter; Sort?: { Field?: string; LastID?: number; Last?: string | null; Asc?: boolean } };

abstract class HookListing {
  protected readonly queries: HookQueries;
  constructor(protected readonly runtime: Runtime) {
    this.queries = new HookQueries(runtime.readDb);
  }
  protected pending(request: ListRequest, account?: string) {
    const filter = { ...(request.Filter ?? {}), ...(account !== undefined ? { Account: account } : {}) };
    return { Hooks: this.queries.list(false, filter, request.Sort, this.runtime.clock.now()).map(toHook) };
  }
  protected retired(request: ListRequest, account?: string) {
    const filter = { ...(request.Filter ?? {}), ...(account !== undefined ? { Account: account } : {}) };
    return { Hooks: this.queries.list(true, filter, request.Sort, this.runtime.clock.now()).map(toHookRetired) };
  }
}

@ApiMethod('adminapi', 'HookList')
@Injectable()
export class AdminHookListMethod extends HookListing implements ApiMethodHandler<AdminapiRequest<'HookList'>, AdminapiResponse<'HookList'>> {
  constructor(runtime: Runtime) {
    super(runtime);
  }
  async handle(request: AdminapiRequest<'HookList'>): Promise<AdminapiResponse<'HookList'>> {
    return this.pending(request as ListRequest) as AdminapiResponse<'HookList'>;
  }
}

@ApiMethod('adminapi', 'HookRetiredList')
@Injectable()
export class AdminHookRetiredListMethod extends HookListing implements ApiMethodHandler<AdminapiRequest<'HookRetiredList'>, AdminapiResponse<'HookRetiredList'>> {
  constructor(runtime: Runtime) {
    super(runtime);
  }
  async handle(request: AdminapiRequest<'HookRetiredList'>): Promise<AdminapiResponse<'HookRetiredList'>> {
    return this.retired(request as ListRequest) as AdminapiResponse<'HookRetiredList'>;
  }
}

@ApiMethod('webapi', 'HookList')
@Injectable()
export class AccountHookListMethod extends HookListing implements ApiMethodHandler<WebapiRequest<'HookList'>, WebapiResponse<'HookList'>> {
  constructor(runtime: Runtime) {
    super(runtime);
  }
  async handle(request: WebapiRequest<'HookList'>, caller: Caller): Promise<WebapiResponse<'HookList'>> {
    return this.pending(request as ListRequest, accountOf(caller)) as WebapiResponse<'HookList'>;
  }
}

@ApiMethod('webapi', 'HookRetiredList')
@Injectable()
export class AccountHookRetiredListMethod extends HookListing implements ApiMethodHandler<WebapiRequest<'HookRetiredList'>, WebapiResponse<'HookRetiredList'>> {
  constructor(runtime: Runtime) {
    super(runtime);
  }
  async handle(request: WebapiRequest<'HookRetiredList'>, caller: Caller): Promise<WebapiResponse<'HookRetiredList'>> {
    return this.retired(request as ListRequest, accountOf(caller)) as WebapiResponse<'HookRetiredList'>;
  }
}

export const hookListMethods = [AdminHookListMethod, AdminHookRetiredListMethod, AccountHookListMethod, AccountHookRetiredListMethod];
