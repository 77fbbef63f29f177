// The final events of an admin QueueFail / QueueDrop (mox queue.Fail / queue.Drop, reference 3.7): the
// result "delivery canceled by admin" with code 0 (so never a suppression), then MessageFailed (Reason
// admin; the failure-DSN reactor mails the sender) or MessageCanceled (no DSN), and MessageRetired with
// the sender account's retention. Appended with the caller's expected revision: a conflict
// (ExpectedRevisionConflict) means the message changed meanwhile, e.g. a delivery attempt claimed it.
import type { ConfigView } from '../config/config-view';
import { appendDecided, newCommandContext } from '../core/command-handling';
import type { AppendResult } from '../event-store/event-store';
import { messageStream } from '../queue/message-events';
import type { Runtime } from '../runtime/runtime';
import { expectedOf } from './claim';
import { adminFinalEvents } from './outcome-events';
import type { QueueRow } from './queue-queries';
import { keepUntil } from './retention';

export interface AdminFinalOptions {
  /** Revision of message-<ID> the decision was made on; default the row's. */
  expectedRevision?: number;
  correlationId?: string;
}

export async function appendAdminFinal(
  runtime: Pick<Runtime, 'store' | 'clock'>,
  config: ConfigView,
  row: QueueRow,
  kind: 'fail' | 'drop',
  options: AdminFinalOptions = {},
): Promise<AppendResult> {
  const ctx = newCommandContext(runtime.clock.now(), options.correlationId);
  const events = adminFinalEvents(row, kind, ctx.now, keepUntil(config, row.SenderAccount, ctx.now));
  const appended = await appendDecided(runtime.store, messageStream(row.ID), events, ctx, expectedOf(options.expectedRevision ?? row.Revision));
  return appended!;
}
