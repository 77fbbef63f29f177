// Step 0, once: tell Postwire where to send the webhooks and how to prove they are its own. These are the
// account's settings, also on the account page; the example sets them itself at start so that it works
// against a fresh localserve with nothing done by hand:
//   OutgoingWebhookSave {URL, Authorization, Events}: the URL Postwire POSTs delivery events to, and an
//     Authorization header value it sends verbatim; Events [] means all of them.
//   WebhookSecretSave {Secret}: "whsec_" + base64 of 24 to 64 random bytes; every webhook is then signed
//     the Standard Webhooks way.
// In production, set them once (the account page, or these calls from a deploy script) and give the app
// the same secret and Authorization value in its environment.
import { randomBytes } from 'node:crypto';
import { unwrap, type PostwireClient } from './postwire-client';

export interface WebhookSettings {
  url: string;
  authorization: string;
  secret: string;
}

export function newWebhookCredentials(): Pick<WebhookSettings, 'authorization' | 'secret'> {
  return { authorization: `Bearer ${randomBytes(24).toString('base64url')}`, secret: `whsec_${randomBytes(32).toString('base64')}` };
}

export async function configureWebhooks(client: PostwireClient, settings: WebhookSettings): Promise<void> {
  unwrap('OutgoingWebhookSave', await client.POST('/webapi/v0/OutgoingWebhookSave', { body: { URL: settings.url, Authorization: settings.authorization, Events: [] } }));
  unwrap('WebhookSecretSave', await client.POST('/webapi/v0/WebhookSecretSave', { body: { Secret: settings.secret } }));
}
