// The shell of every mailbox write: append the decided events to the account's stream and wait until the
// read models show them, so the caller's next request sees its own write.
import { appendDecided, type CommandContext, type DecidedEvent } from '../core/command-handling';
import type { Runtime } from '../runtime/runtime';
import { mailboxStream, type MailboxEvent } from './mailbox-events';

/** The read models a mailbox write changes. */
export const MAILBOX_READ_MODELS = ['mailbox', 'content-refs'];

/** Position of the (last) appended event, or null when there was nothing to append. */
export async function appendMailboxEvents(
  runtime: Runtime,
  account: string,
  events: (DecidedEvent & MailboxEvent)[],
  ctx: CommandContext,
): Promise<number | null> {
  // MsgIDs come from the allocator and every change names its message, so concurrent writers to one
  // account never need to see each other's events first: no expected revision.
  const appended = await appendDecided(runtime.store, mailboxStream(account), events, ctx, 'any');
  if (appended === null) return null;
  await runtime.projections.waitFor(appended.position, { names: MAILBOX_READ_MODELS });
  return appended.position;
}
