// WebhookReplay (Postwire's own; no peer has it): queue an account's webhooks again from the event
// history, e.g. after the receiving application was down longer than the retry window.
import { Injectable } from '@nestjs/common';
import { ApiMethod, type ApiMethodHandler, type Caller } from '../../api/api-method';
import type { AdminapiRequest, AdminapiResponse } from '../../api/api-types';
import { WebhookReplayer } from '../webhook-replay';

@ApiMethod('adminapi', 'WebhookReplay')
@Injectable()
export class WebhookReplayMethod implements ApiMethodHandler<AdminapiRequest<'WebhookReplay'>, AdminapiResponse<'WebhookReplay'>> {
  constructor(private readonly replayer: WebhookReplayer) {}

  async handle(request: AdminapiRequest<'WebhookReplay'>, caller: Caller): Promise<AdminapiResponse<'WebhookReplay'>> {
    const count = await this.replayer.replay(
      { account: request.Account, since: request.Since, until: request.Until ?? null, events: request.Events ?? [] },
      caller.request.correlationId,
    );
    return { Count: count };
  }
}
