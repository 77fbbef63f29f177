// The adminapi's operations on queued messages, each `{Filter, ...}` -> `{Count}` (reference 3.7); the
// work is QueueAdmin's.
import { Injectable } from '@nestjs/common';
import { ApiMethod, type ApiMethodHandler, type Caller } from '../api/api-method';
import type { AdminapiRequest, AdminapiResponse } from '../api/api-types';
import { QueueAdmin } from './queue-admin';

type Count = AdminapiResponse<'QueueHoldSet'>;

@ApiMethod('adminapi', 'QueueHoldSet')
@Injectable()
export class QueueHoldSetMethod implements ApiMethodHandler<AdminapiRequest<'QueueHoldSet'>, Count> {
  constructor(private readonly admin: QueueAdmin) {}
  async handle(request: AdminapiRequest<'QueueHoldSet'>, caller: Caller): Promise<Count> {
    return { Count: await this.admin.holdSet(request.Filter, request.OnHold, caller.request.correlationId) };
  }
}

@ApiMethod('adminapi', 'QueueNextAttemptSet')
@Injectable()
export class QueueNextAttemptSetMethod implements ApiMethodHandler<AdminapiRequest<'QueueNextAttemptSet'>, Count> {
  constructor(private readonly admin: QueueAdmin) {}
  async handle(request: AdminapiRequest<'QueueNextAttemptSet'>, caller: Caller): Promise<Count> {
    return { Count: await this.admin.nextAttemptSet(request.Filter, request.Minutes, caller.request.correlationId) };
  }
}

@ApiMethod('adminapi', 'QueueNextAttemptAdd')
@Injectable()
export class QueueNextAttemptAddMethod implements ApiMethodHandler<AdminapiRequest<'QueueNextAttemptAdd'>, Count> {
  constructor(private readonly admin: QueueAdmin) {}
  async handle(request: AdminapiRequest<'QueueNextAttemptAdd'>, caller: Caller): Promise<Count> {
    return { Count: await this.admin.nextAttemptAdd(request.Filter, request.Minutes, caller.request.correlationId) };
  }
}

@ApiMethod('adminapi', 'QueueTransportSet')
@Injectable()
export class QueueTransportSetMethod implements ApiMethodHandler<AdminapiRequest<'QueueTransportSet'>, Count> {
  constructor(private readonly admin: QueueAdmin) {}
  async handle(request: AdminapiRequest<'QueueTransportSet'>, caller: Caller): Promise<Count> {
    return { Count: await this.admin.transportSet(request.Filter, request.Transport, caller.request.correlationId) };
  }
}

@ApiMethod('adminapi', 'QueueRequireTLSSet')
@Injectable()
export class QueueRequireTLSSetMethod implements ApiMethodHandler<AdminapiRequest<'QueueRequireTLSSet'>, Count> {
  constructor(private readonly admin: QueueAdmin) {}
  async handle(request: AdminapiRequest<'QueueRequireTLSSet'>, caller: Caller): Promise<Count> {
    return { Count: await this.admin.requireTLSSet(request.Filter, request.RequireTLS, caller.request.correlationId) };
  }
}

@ApiMethod('adminapi', 'QueueFail')
@Injectable()
export class QueueFailMethod implements ApiMethodHandler<AdminapiRequest<'QueueFail'>, Count> {
  constructor(private readonly admin: QueueAdmin) {}
  async handle(request: AdminapiRequest<'QueueFail'>, caller: Caller): Promise<Count> {
    return { Count: await this.admin.fail(request.Filter, caller.request.correlationId) };
  }
}

@ApiMethod('adminapi', 'QueueDrop')
@Injectable()
export class QueueDropMethod implements ApiMethodHandler<AdminapiRequest<'QueueDrop'>, Count> {
  constructor(private readonly admin: QueueAdmin) {}
  async handle(request: AdminapiRequest<'QueueDrop'>, caller: Caller): Promise<Count> {
    return { Count: await this.admin.drop(request.Filter, caller.request.correlationId) };
  }
}

export const queueOperationMethods = [
  QueueHoldSetMethod,
  QueueNextAttemptSetMethod,
  QueueNextAttemptAddMethod,
  QueueTransportSetMethod,
  QueueRequireTLSSetMethod,
  QueueFailMethod,
  QueueDropMethod,
];
