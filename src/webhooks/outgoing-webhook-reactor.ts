// Turns what became of a sent message into an outgoing webhook (mox queue hookCompose / hookQueue): every
// delayed, delivered, failed, suppressed and canceled outcome and every DSN matched to the message, when
// the sender account has an outgoing webhook whose Events include the event. Handling a fact twice
// queues one webhook (HookQueue).
import { Injectable } from '@nestjs/common';
import { ConfigView } from '../config/config-view';
import type { StoredEvent } from '../event-store/event-store';
import type { ReactorDefinition } from '../projecting/reactor-runner';
import { Runtime } from '../runtime/runtime';
import { HookQueue } from './hook-queue';
import { outgoingHookRequest } from './hook-requests';
import { isOutgoingFact, OUTGOING_FACT_TYPES, type OutgoingFact } from './payloads';

@Injectable()
export class OutgoingWebhookReactor implements ReactorDefinition {
  readonly name = 'outgoing-webhooks';
  readonly eventTypes = OUTGOING_FACT_TYPES;

  constructor(
    private readonly runtime: Runtime,
    private readonly config: ConfigView,
    private readonly hooks: HookQueue,
  ) {}

  async handle(event: StoredEvent): Promise<void> {
    if (!isOutgoingFact(event) || !event.streamId.startsWith('message-')) return;
    const fact = event as StoredEvent & OutgoingFact;
    const request = outgoingHookRequest(fact, this.config.account(fact.data.Message.SenderAccount), this.runtime.clock.now());
    if (request) await this.hooks.queue(request, event.metadata.correlationId);
  }
}
