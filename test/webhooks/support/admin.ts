// The admin's webhook operations as the adminapi methods run them.
import type { AdminapiRequest } from '../../../src/api/api-types';
import { HookCancelMethod, HookNextAttemptAddMethod, HookNextAttemptSetMethod } from '../../../src/webhooks/api/hook-operation.methods';
import { adminCaller } from '../../support/delivery-node';
import type { TestNode } from '../../support/test-node';

type Filter = AdminapiRequest<'HookCancel'>['Filter'];

export class HookAdminHelpers {
  constructor(private readonly node: TestNode) {}

  async nextAttemptSet(Filter: Filter, Minutes: number): Promise<number> {
    return (await this.node.get(HookNextAttemptSetMethod).handle({ Filter, Minutes }, adminCaller())).Count;
  }

  async nextAttemptAdd(Filter: Filter, Minutes: number): Promise<number> {
    return (await this.node.get(HookNextAttemptAddMethod).handle({ Filter, Minutes }, adminCaller())).Count;
  }

  async cancel(Filter: Filter): Promise<number> {
    return (await this.node.get(HookCancelMethod).handle({ Filter }, adminCaller())).Count;
  }
}
