// Running an operation over the queued messages a filter selects: select (by ID, Max applying), apply
// per message (apply-changes.ts), then wait until the read models show every change, so the caller's next
// QueueList already sees them.
import { appendDecided, newCommandContext } from '../core/command-handling';
import { expectedOf } from '../delivery/claim';
import type { AppendResult } from '../event-store/event-store';
import { messageStream } from '../queue/message-events';
import type { Runtime } from '../runtime/runtime';
import { applyToMessages, type MessageStep } from './apply-changes';
import type { MessageChange } from './message-changes';
import { QueueListing, type QueueFilter } from './queue-listing';

/** A step that appends what `change` decides, as one command on the message's stream. */
export function decidedStep(runtime: Pick<Runtime, 'store'>, change: MessageChange, correlationId?: string): MessageStep {
  return async (row, now): Promise<AppendResult | null> => {
    const events = change(row, now);
    if (events.length === 0) return null;
    return appendDecided(runtime.store, messageStream(row.ID), events, newCommandContext(now, correlationId), expectedOf(row.Revision));
  };
}

/** Applies `step` to every queued message `filter` selects; returns how many messages changed. */
export async function changeQueued(runtime: Runtime, filter: QueueFilter, step: MessageStep): Promise<number> {
  const listing = new QueueListing(runtime.readDb);
  const rows = listing.toChange(filter, runtime.clock.now());
  const applied = await applyToMessages(runtime, rows, step, (id, now) => listing.matching(filter, id, now));
  if (applied.position >= 0) await runtime.projections.waitFor(applied.position);
  return applied.count;
}
