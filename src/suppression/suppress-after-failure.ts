// Lists the recipient of a failure that decided to suppress it (MessageFailed with Suppressing true,
// mox suppressionProcess): an automatic entry (Manual false) with the failure's reason text. Idempotent:
// an address already listed (by this event handled before a crash, or by anyone) is left as it is.
import { Injectable } from '@nestjs/common';
import type { StoredEvent } from '../event-store/event-store';
import type { ReactorDefinition } from '../projecting/reactor-runner';
import type { MessageEvent } from '../queue/message-events';
import { Runtime } from '../runtime/runtime';
import { SuppressionExists } from './add-suppression';
import { InvalidEmailAddress } from './email-address';
import { SuppressionService } from './suppression-service';

type Failed = StoredEvent & Extract<MessageEvent, { type: 'MessageFailed' }>;

@Injectable()
export class SuppressAfterFailure implements ReactorDefinition {
  readonly name = 'suppress-after-failure';
  readonly eventTypes = ['MessageFailed'] as const;

  constructor(
    private readonly runtime: Runtime,
    private readonly suppressions: SuppressionService,
  ) {}

  async handle(stored: StoredEvent): Promise<void> {
    const event = stored as Failed;
    if (!event.data.Suppressing) return;
    const message = event.data.Message;
    try {
      await this.suppressions.add({
        account: message.SenderAccount,
        address: message.RecipientAddress,
        manual: false,
        reason: event.data.SuppressionReason,
        correlationId: event.metadata.correlationId,
      });
    } catch (err) {
      if (err instanceof SuppressionExists) return;
      if (err instanceof InvalidEmailAddress) {
        this.runtime.logger.warn({ queueMsgId: message.QueueMsgID, err }, 'cannot suppress a recipient address that does not parse');
        return;
      }
      throw err;
    }
  }
}
