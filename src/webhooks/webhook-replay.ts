// Replays webhooks from the event history: the facts of an account in a time range (outgoing outcomes
// and DSNs of its messages, mail it received over SMTP), optionally only some events, are queued again as
// new webhooks (fresh ids) to the account's current URLs, with the payload the fact produced the first
// time (WebhookQueued included). Facts the account's current settings do not want a webhook for are
// skipped. Replayed webhooks neither supersede nor are superseded: each chosen fact is delivered.
import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { ApiError, userError } from '../api/api-error';
import { ConfigView } from '../config/config-view';
import { ContentNotFound } from '../content/content-store';
import type { StoredEvent } from '../event-store/event-store';
import type { MailboxMessageAddedData } from '../mailbox/mailbox-events';
import { storedTime } from '../listing';
import { Runtime } from '../runtime/runtime';
import { HookQueries, type SourceRow } from './hook-queries';
import { HookQueue, WEBHOOK_READ_MODELS } from './hook-queue';
import { incomingHookRequest, outgoingHookRequest, type HookRequest } from './hook-requests';
import type { OutgoingFact } from './payloads';
import { OUTGOING_EVENTS } from './webhook-events';

export const REPLAY_EVENTS = ['incoming', ...OUTGOING_EVENTS] as const;

export interface ReplayRequest {
  account: string;
  /** RFC 3339; facts at or after it. */
  since: string;
  /** RFC 3339; facts before it. Null: now. */
  until: string | null;
  /** Event names (`incoming` for incoming webhooks); empty: all. */
  events: readonly string[];
}

/** Webhooks queued at once: their appends share the event store's commits. */
const PARALLEL = 32;

@Injectable()
export class WebhookReplayer {
  private readonly queries: HookQueries;

  constructor(
    private readonly runtime: Runtime,
    private readonly config: ConfigView,
    private readonly hooks: HookQueue,
  ) {
    this.queries = new HookQueries(runtime.readDb);
  }

  /** Queues the webhooks and returns how many; the read models show them when this returns. */
  async replay(request: ReplayRequest, correlationId?: string): Promise<number> {
    const account = this.config.account(request.account);
    if (!account) throw new ApiError('notFound', `no account ${JSON.stringify(request.account)}`);
    const since = storedTime(request.since);
    if (since === null) throw userError(`Since: "${request.since}" is not an RFC 3339 time such as 2025-03-14T06:00:00Z`);
    const now = this.runtime.clock.now();
    const until = request.until === null ? now.toISOString() : storedTime(request.until);
    if (until === null) throw userError(`Until: "${request.until}" is not an RFC 3339 time such as 2025-03-14T12:00:00Z`);
    if (until < since) throw userError(`Until (${until}) is before Since (${since})`);
    for (const event of request.events) {
      if (!(REPLAY_EVENTS as readonly string[]).includes(event)) throw userError(`Events: unknown event "${event}"; known: ${REPLAY_EVENTS.join(', ')}`);
    }

    // Everything appended so far must be in the sources table before it is read.
    await this.runtime.projections.waitFor(await this.runtime.store.headPosition(), { names: WEBHOOK_READ_MODELS });
    const sources = this.queries.sources(account.Name, since, until, request.events);
    const replayId = randomUUID();
    let count = 0;
    let last = -1;
    for (let i = 0; i < sources.length; i += PARALLEL) {
      const requests = await Promise.all(sources.slice(i, i + PARALLEL).map((s) => this.requestFor(s, replayId)));
      const queued = await Promise.all(requests.filter((r): r is HookRequest => r !== null).map((r) => this.hooks.queue(r, correlationId)));
      count += queued.length;
      for (const q of queued) last = Math.max(last, q.position);
    }
    if (last >= 0) await this.runtime.projections.waitFor(last, { names: WEBHOOK_READ_MODELS });
    return count;
  }

  private async requestFor(source: SourceRow, replayId: string): Promise<HookRequest | null> {
    const [event] = await this.runtime.store.readStream(source.StreamID, { fromRevision: source.Revision, maxCount: 1 });
    if (!event || event.position !== source.Position) return null;
    const account = this.config.account(source.Account);
    const now = this.runtime.clock.now();
    if (source.Event !== 'incoming') return outgoingHookRequest(event as StoredEvent & OutgoingFact, account, now, replayId);
    const added = event as StoredEvent & { data: MailboxMessageAddedData };
    try {
      return incomingHookRequest(added, await this.runtime.content.get(added.data.Content.Sha256), account, now, replayId);
    } catch (err) {
      if (err instanceof ContentNotFound) return null; // the message was deleted since: nothing to send
      throw err;
    }
  }
}
