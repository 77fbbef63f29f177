// The admin's operations on queued messages (mox queue.HoldSet, NextAttemptSet, NextAttemptAdd,
// TransportSet, RequireTLSSet, Fail, Drop; reference 3.7). Each takes mox's Filter and returns how many
// messages it changed. Only Fail and Drop cause webhooks, through their final events: Fail is MessageFailed
// (Reason admin: a failure DSN mail to the sender, a `failed` webhook with SMTPCode 0) and Drop is
// MessageCanceled (a `canceled` webhook, no DSN), both "delivery canceled by admin" and never a
// suppression (code 0). The delivery worker is woken afterwards, as mox wakes its queue.
import { Injectable } from '@nestjs/common';
import { userError } from '../api/api-error';
import { checkMinutes } from '../api/next-attempt-minutes';
import { ConfigView } from '../config/config-view';
import { appendAdminFinal } from '../delivery/admin-final';
import { DeliveryWorker } from '../delivery/delivery-worker';
import { Runtime } from '../runtime/runtime';
import type { MessageStep } from './apply-changes';
import { holdSet, nextAttemptAdd, nextAttemptSet, requireTLSSet, transportSet, type MessageChange } from './message-changes';
import { changeQueued, decidedStep } from './queue-operations';
import type { QueueFilter } from './queue-listing';

@Injectable()
export class QueueAdmin {
  constructor(
    private readonly runtime: Runtime,
    private readonly config: ConfigView,
    private readonly worker: DeliveryWorker,
  ) {}

  holdSet(filter: QueueFilter, onHold: boolean, correlationId?: string): Promise<number> {
    return this.change(filter, holdSet(onHold), correlationId);
  }

  nextAttemptSet(filter: QueueFilter, minutes: number, correlationId?: string): Promise<number> {
    return this.change(filter, nextAttemptSet(checkMinutes(minutes)), correlationId);
  }

  nextAttemptAdd(filter: QueueFilter, minutes: number, correlationId?: string): Promise<number> {
    return this.change(filter, nextAttemptAdd(checkMinutes(minutes)), correlationId);
  }

  /** `transport` must be configured in the bootstrap file's `transports`, or "" for normal routing. */
  transportSet(filter: QueueFilter, transport: string, correlationId?: string): Promise<number> {
    const configured = Object.keys(this.runtime.bootstrap.transports ?? {});
    if (transport !== '' && !configured.includes(transport)) {
      const known = configured.length > 0 ? `configured: ${configured.map((t) => JSON.stringify(t)).join(', ')}` : 'none are configured';
      throw userError(`Transport: no transport named ${JSON.stringify(transport)} (${known}); "" means normal routing`);
    }
    return this.change(filter, transportSet(transport), correlationId);
  }

  requireTLSSet(filter: QueueFilter, requireTLS: boolean | null, correlationId?: string): Promise<number> {
    return this.change(filter, requireTLSSet(requireTLS), correlationId);
  }

  fail(filter: QueueFilter, correlationId?: string): Promise<number> {
    return this.final(filter, 'fail', correlationId);
  }

  drop(filter: QueueFilter, correlationId?: string): Promise<number> {
    return this.final(filter, 'drop', correlationId);
  }

  private change(filter: QueueFilter, change: MessageChange, correlationId?: string): Promise<number> {
    return this.run(filter, decidedStep(this.runtime, change, correlationId));
  }

  /** The delivery module's admin-final events, with the sender account's retention. */
  private final(filter: QueueFilter, kind: 'fail' | 'drop', correlationId?: string): Promise<number> {
    return this.run(filter, (row) => appendAdminFinal(this.runtime, this.config, row, kind, { expectedRevision: row.Revision, correlationId }));
  }

  private async run(filter: QueueFilter, step: MessageStep): Promise<number> {
    const count = await changeQueued(this.runtime, filter, step);
    if (count > 0) this.worker.wake();
    return count;
  }
}
