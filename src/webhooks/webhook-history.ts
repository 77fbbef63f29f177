// A message's webhooks belong to its history (DeliveryHistory, `postwire audit`): their streams are found
// through the webhook index, which outlives the webhook records themselves.
import { registerRelatedStreams } from '../queue/message-history';
import { HookQueries } from './hook-queries';

registerRelatedStreams((readDb, queueMsgId) => {
  try {
    return new HookQueries(readDb).streamsOfMessage(queueMsgId);
  } catch (err) {
    // A read-model file from before the webhooks projection existed has no index yet.
    if (/no such table/.test((err as Error).message)) return [];
    throw err;
  }
});
