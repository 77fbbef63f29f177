// Queues webhooks (mox hookInsert). The stream id comes from the causing fact, and the first append
// expects no stream: a reactor handling the same fact again after a crash finds the webhook queued
// already and queues nothing. A webhook for a message supersedes the message's pending webhooks caused by
// earlier facts (reference 2.7): at most one pending webhook per message, the latest event's.
import { Injectable } from '@nestjs/common';
import { ConfigView } from '../config/config-view';
import { appendDecided, newCommandContext } from '../core/command-handling';
import { ExpectedRevisionConflict } from '../event-store/event-store';
import { Runtime } from '../runtime/runtime';
import { decideSupersede } from './hook-decisions';
import { decideOnHook } from './hook-commands';
import { HookQueries } from './hook-queries';
import type { HookRequest } from './hook-requests';
import { hookKeepUntil } from './retention';
import { webhookStream, type WebhookQueuedData } from './webhook-events';

export const WEBHOOK_READ_MODELS = ['webhooks'];

export interface QueuedHook {
  hookId: number;
  streamId: string;
  /** False when the webhook was queued before (the same fact handled again). */
  created: boolean;
  position: number;
}

@Injectable()
export class HookQueue {
  private readonly queries: HookQueries;

  constructor(
    private readonly runtime: Runtime,
    private readonly config: ConfigView,
  ) {
    this.queries = new HookQueries(runtime.readDb);
  }

  async queue(request: HookRequest, correlationId?: string): Promise<QueuedHook> {
    const streamId = webhookStream(request.key);
    const [hookId] = await this.runtime.ids.hook.take();
    const data: WebhookQueuedData = { HookID: hookId, ...request.data };
    const ctx = newCommandContext(this.runtime.clock.now(), correlationId);
    let queued: QueuedHook;
    try {
      const appended = await appendDecided(this.runtime.store, streamId, [{ type: 'WebhookQueued', data }], ctx, 'no_stream');
      queued = { hookId, streamId, created: true, position: appended!.position };
    } catch (err) {
      if (!(err instanceof ExpectedRevisionConflict)) throw err;
      const [first] = await this.runtime.store.readStream(streamId, { maxCount: 1 });
      queued = { hookId: (first.data as WebhookQueuedData).HookID, streamId, created: false, position: first.position };
    }
    // Superseding runs also when the webhook existed: the crash may have come between the two steps.
    if (data.QueueMsgID > 0 && !data.Replay) await this.supersedeEarlier(data.QueueMsgID, queued, data.Cause.Position, correlationId);
    return queued;
  }

  private async supersedeEarlier(queueMsgId: number, by: QueuedHook, causePosition: number, correlationId?: string): Promise<void> {
    await this.runtime.projections.waitFor(by.position, { names: WEBHOOK_READ_MODELS });
    for (const row of this.queries.supersededBy(queueMsgId, by.hookId, causePosition)) {
      const now = this.runtime.clock.now();
      await decideOnHook(this.runtime.store, row.StreamID, (state) => decideSupersede(state, by.hookId, now, hookKeepUntil(this.config, row.Account, now)), now, correlationId);
    }
  }
}
