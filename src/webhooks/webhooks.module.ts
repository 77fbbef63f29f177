// Webhooks: the reactors that queue them for outgoing outcomes and received mail, the worker that calls
// them, retention of retired ones, replay, and their API methods.
import { Module } from '@nestjs/common';
import { DueNowMethod } from './api/due-now.method';
import { hookListMethods } from './api/hook-list.methods';
import { hookOperationMethods } from './api/hook-operation.methods';
import { WebhookReplayMethod } from './api/webhook-replay.method';
import { WebhookTestCaller, webhookTestMethods } from './api/webhook-test.methods';
import { HookAdmin } from './hook-admin';
import { HookQueue } from './hook-queue';
import { IncomingWebhookReactor } from './incoming-webhook-reactor';
import { OutgoingWebhookReactor } from './outgoing-webhook-reactor';
import './webhook-history';
import { WebhookReplayer } from './webhook-replay';
import { WebhookRetention } from './webhook-retention';
import { WebhookWorker } from './webhook-worker';

@Module({
  providers: [
    HookQueue,
    HookAdmin,
    WebhookReplayer,
    WebhookWorker,
    WebhookRetention,
    WebhookTestCaller,
    OutgoingWebhookReactor,
    IncomingWebhookReactor,
    DueNowMethod,
    WebhookReplayMethod,
    ...hookListMethods,
    ...hookOperationMethods,
    ...webhookTestMethods,
  ],
  exports: [HookQueue, HookAdmin, WebhookReplayer, WebhookWorker, WebhookRetention, OutgoingWebhookReactor, IncomingWebhookReactor],
})
export class WebhooksModule {}
