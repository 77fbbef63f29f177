// OutgoingWebhookTest and IncomingWebhookTest (mox webaccount, reference 2.8): post a caller-supplied
// payload once, formatted with indentation, with the headers of a real call (webhook ID 1, attempt 1,
// signed when the account has a secret), and report what the endpoint answered, whatever the status.
// Nothing is queued or retried.
import { Injectable, type OnModuleDestroy } from '@nestjs/common';
import { userError } from '../../api/api-error';
import { ApiMethod, type ApiMethodHandler, type Caller } from '../../api/api-method';
import type { WebapiRequest, WebapiResponse } from '../../api/api-types';
import { ConfigView } from '../../config/config-view';
import { accountOf } from '../../mailbox/message-lookup';
import { Runtime } from '../../runtime/runtime';
import { WebhookClient } from '../http/webhook-client';
import { webhookHeaders } from '../http/webhook-headers';
import { canonicalIncoming, canonicalOutgoing, payloadJson, type Incoming, type Outgoing } from '../payloads';

type TestResult = WebapiResponse<'OutgoingWebhookTest'>;

/** The client the test calls use; its settings may be changed, e.g. by tests (a shorter timeout). */
@Injectable()
export class WebhookTestCaller implements OnModuleDestroy {
  readonly client: WebhookClient;

  constructor(
    private readonly runtime: Runtime,
    private readonly config: ConfigView,
  ) {
    this.client = new WebhookClient({ allowPrivateTargets: runtime.bootstrap.webhooks?.allowPrivateTargets ?? false });
  }

  onModuleDestroy(): void {
    this.client.close();
  }

  async call(caller: Caller, url: string, authorization: string, payload: unknown): Promise<TestResult> {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw userError(`URL: "${url}" is not an absolute URL such as https://app.example.org/webhooks/mail`);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw userError(`URL: "${url}" must start with http:// or https://`);
    if (/[\r\n\0]/.test(authorization)) throw userError('Authorization must not contain line breaks or NUL characters');
    // mox formats test payloads with indentation (json.MarshalIndent with a tab).
    const body = payloadJson(payload, '\t');
    const secret = this.config.account(accountOf(caller))?.WebhookSecret ?? '';
    const headers = webhookHeaders({ hookId: 1, attempt: 1, authorization, secret, body, now: this.runtime.clock.now() });
    const outcome = await this.client.post(url, body, headers);
    if (outcome.refused) throw userError(`URL: ${outcome.error}`);
    // A status is an answer, whatever it is; Error says only why no answer came.
    return { Code: outcome.code, Response: outcome.response, Error: outcome.code === 0 ? outcome.error : '' };
  }
}

@ApiMethod('webapi', 'OutgoingWebhookTest')
@Injectable()
export class OutgoingWebhookTestMethod implements ApiMethodHandler<WebapiRequest<'OutgoingWebhookTest'>, TestResult> {
  constructor(private readonly tester: WebhookTestCaller) {}
  async handle(request: WebapiRequest<'OutgoingWebhookTest'>, caller: Caller): Promise<TestResult> {
    return this.tester.call(caller, request.URL, request.Authorization ?? '', canonicalOutgoing(request.Payload as Outgoing));
  }
}

@ApiMethod('webapi', 'IncomingWebhookTest')
@Injectable()
export class IncomingWebhookTestMethod implements ApiMethodHandler<WebapiRequest<'IncomingWebhookTest'>, TestResult> {
  constructor(private readonly tester: WebhookTestCaller) {}
  async handle(request: WebapiRequest<'IncomingWebhookTest'>, caller: Caller): Promise<TestResult> {
    return this.tester.call(caller, request.URL, request.Authorization ?? '', canonicalIncoming(request.Payload as Incoming));
  }
}

export const webhookTestMethods = [OutgoingWebhookTestMethod, IncomingWebhookTestMethod];
