// The capability modules a node runs, and the long-running services they contribute (SMTP listeners,
// delivery and webhook workers, cleanup), in one place so the server, tests and the CLI agree.
import type { Type } from '@nestjs/common';
import { ApiModule } from './api/api.module';
import { ContentCollector } from './content/content-collector';
import { ConfigModule } from './config/config.module';
import { ContentModule } from './content/content.module';
import { DeliveryModule } from './delivery/delivery.module';
import { DeliveryWorker } from './delivery/delivery-worker';
import { DsnMailReactor } from './delivery/dsn-mail-reactor';
import { HoldRuleReactor } from './holdrules/holdrule-reactor';
import { HoldRulesModule } from './holdrules/holdrules.module';
import { SuppressAfterDsn } from './inbound/dsn-matching/suppress-after-dsn';
import { InboundModule } from './inbound/inbound.module';
import { InboundSmtpService } from './inbound/inbound-smtp.service';
import { SubmissionService } from './inbound/submission/submission.service';
import { LocalserveModule } from './localserve/localserve.module';
import { LocalserveRouting } from './localserve/localserve-routing';
import { MailboxModule } from './mailbox/mailbox.module';
import { ProjectingModule } from './projecting/projecting.module';
import type { ReactorDefinition } from './projecting/reactor-runner';
import { QueueAdminModule } from './queue-admin/queue-admin.module';
import { RetiredMessageCleaner } from './queue-admin/retired-message-cleaner';
import { SendingModule } from './sending/sending.module';
import { SuppressAfterFailure } from './suppression/suppress-after-failure';
import { SuppressionModule } from './suppression/suppression.module';
import { IncomingWebhookReactor } from './webhooks/incoming-webhook-reactor';
import { OutgoingWebhookReactor } from './webhooks/outgoing-webhook-reactor';
import { WebhookRetention } from './webhooks/webhook-retention';
import { WebhookWorker } from './webhooks/webhook-worker';
import { WebhooksModule } from './webhooks/webhooks.module';
import { WebPagesModule } from './web/web-pages.module';

/** A long-running part of a node; started after HTTP is up, stopped (finishing in-flight work) first. */
export interface NodeService {
  readonly name: string;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export const capabilityModules: Type<unknown>[] = [ProjectingModule, ConfigModule, ContentModule, MailboxModule, SendingModule, HoldRulesModule, SuppressionModule, DeliveryModule, WebhooksModule, QueueAdminModule, InboundModule, LocalserveModule, ApiModule, WebPagesModule];

/**
 * Providers (from the modules above) that the node starts, in this order, and stops in reverse. The SMTP
 * services come first: localserve routes the queue to the incoming port before the delivery worker runs.
 */
export const nodeServices: Type<NodeService>[] = [
  InboundSmtpService,
  SubmissionService,
  LocalserveRouting,
  ContentCollector,
  DeliveryWorker,
  WebhookWorker,
  WebhookRetention,
  RetiredMessageCleaner,
];

/**
 * Providers that are reactors (ReactorDefinition): the node starts them with the runtime's ReactorRunner
 * once the application is up, so each can use the capability's injected services.
 */
export const reactors: Type<ReactorDefinition>[] = [HoldRuleReactor, SuppressAfterFailure, SuppressAfterDsn, DsnMailReactor, OutgoingWebhookReactor, IncomingWebhookReactor];
