// The webapi's suppression methods (mox webapi SuppressionList/Add/Remove/Present; reference 1.8-1.11),
// always on the caller's own account.
import { Injectable } from '@nestjs/common';
import { ApiMethod, type ApiMethodHandler, type Caller } from '../api/api-method';
import type { WebapiRequest, WebapiResponse } from '../api/api-types';
import { accountOf, withSuppressionErrors } from './suppression-api-errors';
import { SuppressionService } from './suppression-service';

@Injectable()
@ApiMethod('webapi', 'SuppressionList')
export class WebapiSuppressionList implements ApiMethodHandler<WebapiRequest<'SuppressionList'>, WebapiResponse<'SuppressionList'>> {
  constructor(private readonly suppressions: SuppressionService) {}
  async handle(_request: WebapiRequest<'SuppressionList'>, caller: Caller): Promise<WebapiResponse<'SuppressionList'>> {
    return { Suppressions: this.suppressions.list(accountOf(caller)) };
  }
}

@Injectable()
@ApiMethod('webapi', 'SuppressionAdd')
export class WebapiSuppressionAdd implements ApiMethodHandler<WebapiRequest<'SuppressionAdd'>, WebapiResponse<'SuppressionAdd'>> {
  constructor(private readonly suppressions: SuppressionService) {}
  async handle(request: WebapiRequest<'SuppressionAdd'>, caller: Caller): Promise<WebapiResponse<'SuppressionAdd'>> {
    // mox inserts the caller's Manual and Reason as given (reference 1.9).
    await withSuppressionErrors(() =>
      this.suppressions.add({
        account: accountOf(caller),
        address: request.EmailAddress ?? '',
        manual: request.Manual ?? false,
        reason: request.Reason ?? '',
        correlationId: caller.request.correlationId,
      }),
    );
    return {};
  }
}

@Injectable()
@ApiMethod('webapi', 'SuppressionRemove')
export class WebapiSuppressionRemove implements ApiMethodHandler<WebapiRequest<'SuppressionRemove'>, WebapiResponse<'SuppressionRemove'>> {
  constructor(private readonly suppressions: SuppressionService) {}
  async handle(request: WebapiRequest<'SuppressionRemove'>, caller: Caller): Promise<WebapiResponse<'SuppressionRemove'>> {
    await withSuppressionErrors(() => this.suppressions.remove(accountOf(caller), request.EmailAddress ?? '', caller.request.correlationId));
    return {};
  }
}

@Injectable()
@ApiMethod('webapi', 'SuppressionPresent')
export class WebapiSuppressionPresent implements ApiMethodHandler<WebapiRequest<'SuppressionPresent'>, WebapiResponse<'SuppressionPresent'>> {
  constructor(private readonly suppressions: SuppressionService) {}
  async handle(request: WebapiRequest<'SuppressionPresent'>, caller: Caller): Promise<WebapiResponse<'SuppressionPresent'>> {
    return { Present: await withSuppressionErrors(() => this.suppressions.present(accountOf(caller), request.EmailAddress ?? '')) };
  }
}
