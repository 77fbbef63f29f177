// The one way a delivery failure or a failed DSN that decided to suppress lists its recipient (mox
// suppressionProcess): an automatic entry (Manual false) with the decision's reason. Idempotent: an
// address already listed (by the same event handled before a crash, or by anyone) is left as it is, and
// an address that does not parse is logged rather than retried for ever.
import type { StoredEvent } from '../event-store/event-store';
import type { MessageSummary } from '../queue/message-events';
import type { Runtime } from '../runtime/runtime';
import { SuppressionExists } from './add-suppression';
import { InvalidEmailAddress } from './email-address';
import type { SuppressionService } from './suppression-service';

/** An event carrying a suppression decision: MessageFailed and DsnReceived. */
export type SuppressionDecision = StoredEvent & { data: { Message: MessageSummary; Suppressing: boolean; SuppressionReason: string } };

/** Lists the event's recipient when the event decided to suppress it; does nothing otherwise. */
export async function addAutomaticSuppression(runtime: Runtime, suppressions: SuppressionService, event: SuppressionDecision): Promise<void> {
  if (!event.data.Suppressing) return;
  const message = event.data.Message;
  try {
    await suppressions.add({
      account: message.SenderAccount,
      address: message.RecipientAddress,
      manual: false,
      reason: event.data.SuppressionReason,
      correlationId: event.metadata.correlationId,
    });
  } catch (err) {
    if (err instanceof SuppressionExists) return;
    if (err instanceof InvalidEmailAddress) {
      runtime.logger.warn({ queueMsgId: message.QueueMsgID, err }, 'cannot suppress a recipient address that does not parse');
      return;
    }
    throw err;
  }
}
