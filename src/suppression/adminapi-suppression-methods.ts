// The admin API's suppression methods: the same lists, for an account the admin names (mox's admins use
// `mox queue suppress list|add|remove`). Unlike the webapi, the account must exist (`notFound`), and an
// admin's addition is always Manual.
import { Injectable } from '@nestjs/common';
import { ApiError } from '../api/api-error';
import { ApiMethod, type ApiMethodHandler, type Caller } from '../api/api-method';
import type { AdminapiRequest, AdminapiResponse } from '../api/api-types';
import { ConfigView } from '../config/config-view';
import { withSuppressionErrors } from './suppression-api-errors';
import { SuppressionService } from './suppression-service';

function existingAccount(config: ConfigView, name: string): string {
  if (!config.account(name)) throw new ApiError('notFound', `no account named ${JSON.stringify(name)}`);
  return name;
}

@Injectable()
@ApiMethod('adminapi', 'SuppressionList')
export class AdminapiSuppressionList implements ApiMethodHandler<AdminapiRequest<'SuppressionList'>, AdminapiResponse<'SuppressionList'>> {
  constructor(
    private readonly suppressions: SuppressionService,
    private readonly config: ConfigView,
  ) {}
  async handle(request: AdminapiRequest<'SuppressionList'>): Promise<AdminapiResponse<'SuppressionList'>> {
    return { Suppressions: this.suppressions.list(existingAccount(this.config, request.Account)) };
  }
}

@Injectable()
@ApiMethod('adminapi', 'SuppressionAdd')
export class AdminapiSuppressionAdd implements ApiMethodHandler<AdminapiRequest<'SuppressionAdd'>, AdminapiResponse<'SuppressionAdd'>> {
  constructor(
    private readonly suppressions: SuppressionService,
    private readonly config: ConfigView,
  ) {}
  async handle(request: AdminapiRequest<'SuppressionAdd'>, caller: Caller): Promise<AdminapiResponse<'SuppressionAdd'>> {
    const account = existingAccount(this.config, request.Account);
    await withSuppressionErrors(() =>
      this.suppressions.add({ account, address: request.EmailAddress, manual: true, reason: request.Reason ?? '', correlationId: caller.request.correlationId }),
    );
    return {};
  }
}

@Injectable()
@ApiMethod('adminapi', 'SuppressionRemove')
export class AdminapiSuppressionRemove implements ApiMethodHandler<AdminapiRequest<'SuppressionRemove'>, AdminapiResponse<'SuppressionRemove'>> {
  constructor(
    private readonly suppressions: SuppressionService,
    private readonly config: ConfigView,
  ) {}
  async handle(request: AdminapiRequest<'SuppressionRemove'>, caller: Caller): Promise<AdminapiResponse<'SuppressionRemove'>> {
    const account = existingAccount(this.config, request.Account);
    await withSuppressionErrors(() => this.suppressions.remove(account, request.EmailAddress, caller.request.correlationId));
    return {};
  }
}
