// Claiming an attempt: DeliveryAttemptStarted is appended to the message's stream with the revision the
// read model showed, before any connection is made. Whoever appends first owns the attempt; a conflict
// means someone else acted (another worker or node, an admin) and the loser skips the message. The claim
// already pushes NextAttempt out by the backoff (mox queue.go deliver, prepare), so an attempt whose
// worker dies is retried after that wait, never in a hot loop, and as the next attempt: the claimed one
// is recorded as interrupted first. An interrupted last attempt ends the message (attempts exhausted).
import { appendDecided, type CommandContext } from '../core/command-handling';
import { ExpectedRevisionConflict, type EventStore, type StoredEvent } from '../event-store/event-store';
import { messageStream, type MessageEvent, type MsgResult } from '../queue/message-events';
import type { Decided } from './outcome-events';
import type { QueueRow } from './queue-queries';
import { backoffMs } from './retry-schedule';

export const INTERRUPTED_TEXT = 'delivery attempt interrupted: the node making it stopped before recording the outcome';

export function interruptedResult(row: QueueRow): MsgResult {
  return { Start: row.LastAttempt ?? row.NextAttempt, Duration: 0, Success: false, Code: 0, Secode: '', Error: INTERRUPTED_TEXT };
}

/** Records a claimed attempt that never got an outcome (its worker stopped). */
export function interruptedEvent(row: QueueRow): Decided {
  return { type: 'DeliveryAttempted', data: { QueueMsgID: row.ID, Attempt: row.Attempts, Result: interruptedResult(row), Permanent: false, RemoteHost: '' } };
}

export function decideClaim(row: QueueRow, now: Date, node: string, jitterSeconds: number): Decided[] {
  const events: Decided[] = row.InFlight ? [interruptedEvent(row)] : [];
  const nextAttempt = new Date(now.getTime() + backoffMs(row.Attempts, jitterSeconds)).toISOString();
  events.push({ type: 'DeliveryAttemptStarted', data: { QueueMsgID: row.ID, Attempt: row.Attempts + 1, Start: now.toISOString(), NextAttempt: nextAttempt, Node: node } });
  return events;
}

export const expectedOf = (revision: number) => (revision < 0 ? ('no_stream' as const) : revision);

/** Appends to message-<id>; null when the stream moved on since `revision` (someone else acted). */
export async function appendIfUnchanged(store: EventStore, row: QueueRow, events: Decided[], ctx: CommandContext, revision: number): Promise<{ revision: number; position: number } | null> {
  try {
    const appended = await appendDecided(store, messageStream(row.ID), events, ctx, expectedOf(revision));
    return appended ? { revision: appended.nextExpectedRevision, position: appended.position } : null;
  } catch (err) {
    if (err instanceof ExpectedRevisionConflict) return null;
    throw err;
  }
}

export interface AttemptStanding {
  /** The stream's last revision. */
  revision: number;
  /** The claimed attempt is still the one in flight and the message is not retired. */
  current: boolean;
}

/** After a conflict on the outcome append: does our attempt still stand (an admin changed something else)? */
export function standingOf(events: StoredEvent[], attempt: number): AttemptStanding {
  let inFlight: number | null = null;
  let retired = false;
  for (const e of events as unknown as (StoredEvent & MessageEvent)[]) {
    if (e.type === 'DeliveryAttemptStarted') inFlight = e.data.Attempt;
    else if (e.type === 'DeliveryAttempted' || e.type === 'MessageDelivered' || e.type === 'MessageFailed' || e.type === 'MessageSuppressed' || e.type === 'MessageCanceled') inFlight = null;
    else if (e.type === 'MessageRetired') retired = true;
  }
  return { revision: events.length > 0 ? events[events.length - 1].revision : -1, current: !retired && inFlight === attempt };
}
