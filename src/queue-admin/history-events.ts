// A message's history (src/queue/message-history.ts) as DeliveryHistory answers it: `{Type, Time, Data}`
// per event, oldest first. Secrets in the log stay out of the answer: a webhook's Authorization header
// value (copied into WebhookQueued when the webhook was queued) shows as "(secret)", as configuration
// secrets do in the other views of the log (src/config/secret-fields.ts).
import type { components } from '../api/generated/adminapi';
import type { HistoryEntry } from '../queue/message-history';

export type DeliveryEvent = components['schemas']['DeliveryEvent'];

const REDACTED = '(secret)';

/** Secret string fields of the non-configuration events a history shows, by event type. */
const SECRET_DATA_FIELDS: Record<string, readonly string[]> = {
  WebhookQueued: ['Authorization'],
};

function redacted(type: string, data: unknown): Record<string, unknown> {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { Value: data };
  const fields = SECRET_DATA_FIELDS[type];
  if (!fields) return data as Record<string, unknown>;
  const copy = { ...(data as Record<string, unknown>) };
  for (const field of fields) if (typeof copy[field] === 'string' && copy[field] !== '') copy[field] = REDACTED;
  return copy;
}

export function toDeliveryEvents(entries: readonly HistoryEntry[]): DeliveryEvent[] {
  return entries.map((e) => ({ Type: e.type, Time: e.time, Data: redacted(e.type, e.data) }));
}
