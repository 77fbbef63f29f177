// The one way a delivery failure or a failed DSN lists its recipient (mox suppressionProcess): an
// automatic entry (Manual false) with the decision's reason. Idempotent: an address already listed (by the
// same event handled before a crash, or by anyone) is left as it is, and an address that does not parse is
// logged rather than retried for ever.
import type { Runtime } from '../runtime/runtime';
import { SuppressionExists } from './add-suppression';
import { InvalidEmailAddress } from './email-address';
import type { SuppressionService } from './suppression-service';

export interface AutomaticSuppression {
  account: string;
  address: string;
  reason: string;
  queueMsgId: number;
  correlationId?: string;
}

export async function addAutomaticSuppression(runtime: Runtime, suppressions: SuppressionService, s: AutomaticSuppression): Promise<void> {
  try {
    await suppressions.add({ account: s.account, address: s.address, manual: false, reason: s.reason, correlationId: s.correlationId });
  } catch (err) {
    if (err instanceof SuppressionExists) return;
    if (err instanceof InvalidEmailAddress) {
      runtime.logger.warn({ queueMsgId: s.queueMsgId, err }, 'cannot suppress a recipient address that does not parse');
      return;
    }
    throw err;
  }
}
