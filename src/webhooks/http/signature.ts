// Standard Webhooks signatures (standardwebhooks.com, spec v1): HMAC-SHA256 over
// "<webhook-id>.<webhook-timestamp>.<body>", keyed with the secret's bytes (the base64 after `whsec_`),
// sent as `v1,<base64>`. Receivers verify with any Standard Webhooks library.
import { createHmac } from 'node:crypto';

const PREFIX = 'whsec_';

export function signatureKey(secret: string): Buffer {
  if (!secret.startsWith(PREFIX)) throw new Error('a webhook secret starts with "whsec_"');
  return Buffer.from(secret.slice(PREFIX.length), 'base64');
}

export function standardWebhookSignature(secret: string, id: string, timestampSeconds: number, body: string): string {
  const mac = createHmac('sha256', signatureKey(secret)).update(`${id}.${timestampSeconds}.${body}`, 'utf8').digest('base64');
  return `v1,${mac}`;
}
