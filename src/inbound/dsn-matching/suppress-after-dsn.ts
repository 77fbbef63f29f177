// Lists the recipient of a failed DSN that decided to suppress it (DsnReceived with Suppressing true;
// mox suppressionProcess with source "DSN"): an automatic entry with the decision's reason. Idempotent
// like SuppressAfterFailure (see automatic-suppression.ts).
import { Injectable } from '@nestjs/common';
import type { StoredEvent } from '../../event-store/event-store';
import type { ReactorDefinition } from '../../projecting/reactor-runner';
import type { MessageEvent } from '../../queue/message-events';
import { Runtime } from '../../runtime/runtime';
import { addAutomaticSuppression } from '../../suppression/automatic-suppression';
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
    await addAutomaticSuppression(this.runtime, this.suppressions, stored as DsnReceived);
  }
}
