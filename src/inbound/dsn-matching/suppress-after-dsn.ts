// Lists the recipient of a failed DSN that decided to suppress it (DsnReceived with Suppressing true;
// mox suppressionProcess with source "DSN"): an automatic entry with the decision's reason. Idempotent
// like SuppressAfterFailure: an address that is listed already is left as it is.
import { Injectable } from '@nestjs/common';
import type { StoredEvent } from '../../event-store/event-store';
import type { ReactorDefinition } from '../../projecting/reactor-runner';
import type { MessageEvent } from '../../queue/message-events';
import { Runtime } from '../../runtime/runtime';
import { SuppressionExists } from '../../suppression/add-suppression';
import { InvalidEmailAddress } from '../../suppression/email-address';
import { SuppressionService } from '../../suppression/suppression-service';

type DsnReceived = StoredEvent & Extract<MessageEvent, { type: 'DsnReceived' }>;

@Injectable()
export class SuppressAfterDsn implements ReactorDefinition {
  readonly name = 'suppress-after-dsn';
  readonly eventTypes = ['DsnReceived'] as const;

  constructor(
    private readonly runtime: Runtime,
    private readonly suppressions: SuppressionService,
  ) {}

  async handle(stored: StoredEvent): Promise<void> {
    const event = stored as DsnReceived;
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
