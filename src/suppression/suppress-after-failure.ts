// Lists the recipient of a failure that decided to suppress it (MessageFailed with Suppressing true,
// mox suppressionProcess): an automatic entry (Manual false) with the failure's reason text. Idempotent:
// an address already listed (by this event handled before a crash, or by anyone) is left as it is.
import { Injectable } from '@nestjs/common';
import type { StoredEvent } from '../event-store/event-store';
import type { ReactorDefinition } from '../projecting/reactor-runner';
import type { MessageEvent } from '../queue/message-events';
import { Runtime } from '../runtime/runtime';
import { addAutomaticSuppression } from './automatic-suppression';
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
    await addAutomaticSuppression(this.runtime, this.suppressions, stored as Failed);
  }
}
