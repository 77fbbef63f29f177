#!/usr/bin/env node
// The sign-up mailer: `node dist/examples/signup-mailer/main.js` after `npm run build` (see README.md).
// Settings come from the environment; the defaults fit `postwire localserve` on its standard ports.
//   POSTWIRE_URL           the Postwire server (default http://127.0.0.1:1080)
//   POSTWIRE_LOGIN         an address of the account (default postwire@localhost)
//   POSTWIRE_PASSWORD      its password (default postwirepostwire)
//   PORT                   where this app listens on 127.0.0.1 (default 3000; 0 picks a free port)
//   PUBLIC_URL             how Postwire reaches this app (default http://127.0.0.1:<port>)
//   WEBHOOK_SECRET, WEBHOOK_AUTHORIZATION
//                          the webhook credentials; generated at start when unset
//   CONFIGURE_WEBHOOKS     "no" leaves the account's webhook settings alone (they were set elsewhere)
import type { AddressInfo } from 'node:net';
import { createSignupApp, WEBHOOK_PATH } from './app';
import { configureWebhooks, newWebhookCredentials } from './configure-webhooks';
import { postwireClient } from './postwire-client';
import { WebhookVerifier } from './webhook-receiver';

async function main(): Promise<void> {
  const env = process.env;
  const client = postwireClient({
    baseUrl: env.POSTWIRE_URL ?? 'http://127.0.0.1:1080',
    address: env.POSTWIRE_LOGIN ?? 'postwire@localhost',
    password: env.POSTWIRE_PASSWORD ?? 'postwirepostwire',
  });
  const generated = newWebhookCredentials();
  const secret = env.WEBHOOK_SECRET ?? generated.secret;
  const authorization = env.WEBHOOK_AUTHORIZATION ?? generated.authorization;

  const app = createSignupApp(client, new WebhookVerifier(secret, authorization));
  await new Promise<void>((resolve, reject) => {
    app.server.once('error', reject);
    app.server.listen(Number(env.PORT ?? 3000), '127.0.0.1', () => resolve());
  });
  const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  const webhookUrl = `${(env.PUBLIC_URL ?? url).replace(/\/+$/, '')}${WEBHOOK_PATH}`;
  if (env.CONFIGURE_WEBHOOKS !== 'no') {
    await configureWebhooks(client, { url: webhookUrl, authorization, secret });
    console.log(`Postwire will POST delivery events to ${webhookUrl}`);
  }
  console.log(`signup-mailer listening on ${url}`);

  const stop = () => {
    app.server.close(() => process.exit(0));
    app.server.closeIdleConnections(); // Postwire keeps its connections open for the next webhook
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((err: unknown) => {
  console.error(`signup-mailer: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
