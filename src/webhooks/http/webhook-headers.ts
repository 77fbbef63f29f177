// The headers of a webhook call (reference 2.5, DESIGN section 5): mox's always, the Standard Webhooks
// ones when the account has a secret. `webhook-id` equals X-Mox-Webhook-ID, the same on every attempt, so
// receivers can deduplicate on either.
import { postwireVersion } from '../../sending/user-agent';
import { standardWebhookSignature } from './signature';

export interface HeaderInput {
  hookId: number;
  attempt: number;
  authorization: string;
  /** `whsec_...`, or "" for unsigned calls. */
  secret: string;
  body: string;
  now: Date;
}

export const webhookUserAgent = () => `postwire/${postwireVersion()} (webhook)`;

export function webhookHeaders(input: HeaderInput): Record<string, string> {
  const headers: Record<string, string> = {
    'Content-Type': 'application/json; charset=utf-8',
    'User-Agent': webhookUserAgent(),
    'X-Mox-Webhook-ID': String(input.hookId),
    'X-Mox-Webhook-Attempt': String(input.attempt),
  };
  if (input.authorization !== '') headers.Authorization = input.authorization;
  if (input.secret !== '') {
    const id = String(input.hookId);
    // Seconds of this attempt (Standard Webhooks): receivers reject stale or replayed calls by it.
    const timestamp = Math.floor(input.now.getTime() / 1000);
    headers['webhook-id'] = id;
    headers['webhook-timestamp'] = String(timestamp);
    headers['webhook-signature'] = standardWebhookSignature(input.secret, id, timestamp, input.body);
  }
  return headers;
}
