// Applies one admin operation to the messages it selected, one message stream at a time: each change is
// appended with the revision the read model showed (the consistency boundary of DESIGN section 1), so it
// never slips between events a delivery worker decided on together. On a conflict (a delivery claimed the
// message, another admin acted) the read models are awaited, the message is looked at again and decided
// once more; a message that retired meanwhile, or no longer matches the filter, is left alone. A second
// conflict leaves the message alone too, and it is not counted: the operation can simply be repeated.
// Messages are independent streams, so several are changed at once: their appends share the event
// store's group commits instead of waiting for one fsync each.
import type { AppendResult } from '../event-store/event-store';
import { ExpectedRevisionConflict } from '../event-store/event-store';
import type { Runtime } from '../runtime/runtime';
import type { AdminQueueRow } from './queue-records';

/**
 * Appends what the operation decides for `row`, expecting `row.Revision`; null when the message needs
 * no change. Throws ExpectedRevisionConflict when the stream moved on.
 */
export type MessageStep = (row: AdminQueueRow, now: Date) => Promise<AppendResult | null>;

/** Messages changed at the same time. */
const CONCURRENT_MESSAGES = 16;

export interface AppliedChanges {
  /** Messages changed. */
  count: number;
  /** Highest position appended; -1 when nothing was. */
  position: number;
}

export async function applyToMessages(
  runtime: Pick<Runtime, 'store' | 'projections' | 'clock' | 'logger'>,
  rows: readonly AdminQueueRow[],
  step: MessageStep,
  /** The message as it is now, if it still matches the operation's filter; null otherwise. */
  reread: (id: number, now: Date) => AdminQueueRow | null,
): Promise<AppliedChanges> {
  const applied: AppliedChanges = { count: 0, position: -1 };
  let next = 0;
  const lane = async () => {
    while (next < rows.length) {
      const appended = await applyToOne(runtime, rows[next++], step, reread);
      if (appended) {
        applied.count++;
        applied.position = Math.max(applied.position, appended.position);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENT_MESSAGES, rows.length) }, lane));
  return applied;
}

async function applyToOne(
  runtime: Pick<Runtime, 'store' | 'projections' | 'clock' | 'logger'>,
  row: AdminQueueRow,
  step: MessageStep,
  reread: (id: number, now: Date) => AdminQueueRow | null,
): Promise<AppendResult | null> {
  try {
    return await step(row, runtime.clock.now());
  } catch (err) {
    if (!(err instanceof ExpectedRevisionConflict)) throw err;
  }
  // Someone appended to the message since the read model showed it: look again once it shows that.
  await runtime.projections.waitFor(await runtime.store.headPosition());
  const now = runtime.clock.now();
  const fresh = reread(row.ID, now);
  if (!fresh) return null;
  try {
    return await step(fresh, now);
  } catch (err) {
    if (!(err instanceof ExpectedRevisionConflict)) throw err;
    runtime.logger.warn({ queueMsgId: row.ID }, 'queue operation: the message kept changing; left as it is');
    return null;
  }
}
