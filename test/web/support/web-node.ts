// A node for the page tests: HTTP on 127.0.0.1 with the APIs and both sets of pages, a real admin
// password, an account that sends mail over HTTP, and the delivery and webhook workers running against
// an in-process SMTP peer. The browser code is built first (scripts/build-web.mjs does nothing when it is
// up to date), so the tests also run after a plain `tsc -p tsconfig.json`.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { hashPassword } from '../../../src/auth/passwords';
import { KeepRetiredPeriodsSaveMethod } from '../../../src/config/api/account-settings-methods';
import { WebhookWorker } from '../../../src/webhooks/webhook-worker';
import { accountCaller, setupAccount, PASSWORD } from '../../sending/send-fixtures';
import { startDeliveryNode, type DeliveryNode } from '../../support/delivery-node';
import { SmtpPeer } from '../../support/smtp-peer';

export const ADMIN_PASSWORD = 'web-admin-password';
export const ACCOUNT = { name: 'shop', address: 'shop@shop.example', password: PASSWORD };

const ROOT = resolve(__dirname, '../../../..');

export function buildWebPages(): void {
  execFileSync(process.execPath, [resolve(ROOT, 'scripts/build-web.mjs'), '--quiet'], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'], timeout: 300_000 });
}

export interface WebNode {
  node: DeliveryNode;
  peer: SmtpPeer;
  url: string;
  /** Sends over HTTP as the account; returns the queue message IDs. */
  send(to: string[], subject: string): Promise<number[]>;
  /** Calls an adminapi method over HTTP. */
  admin<T = any>(method: string, request: unknown): Promise<T>;
  /** Calls a webapi method over HTTP as the account. */
  account<T = any>(method: string, request: unknown): Promise<T>;
  stop(): Promise<void>;
}

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

async function post(url: string, authorization: string, request: unknown): Promise<any> {
  const response = await fetch(url, { method: 'POST', headers: { authorization, 'content-type': 'application/json' }, body: JSON.stringify(request) });
  const text = await response.text();
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status} ${text}`);
  return JSON.parse(text);
}

export async function startWebNode(): Promise<WebNode> {
  buildWebPages();
  const peer = await new SmtpPeer().start();
  const adminPasswordHash = await hashPassword(ADMIN_PASSWORD, { N: 1024, r: 8, p: 1 });
  const node = await startDeliveryNode({ smtpPort: peer.port, listen: true, bootstrap: { adminPasswordHash } });
  await setupAccount(node, { domain: 'shop.example', account: ACCOUNT.name, address: ACCOUNT.address });
  await node.get(KeepRetiredPeriodsSaveMethod).handle({ KeepRetiredMessagePeriod: '24h', KeepRetiredWebhookPeriod: '24h' }, accountCaller(ACCOUNT.name, ACCOUNT.address));
  await node.settle();
  const hooks = node.get(WebhookWorker);
  hooks.settings.pollMs = 10;
  await hooks.start();
  const web: WebNode = {
    node,
    peer,
    url: node.url,
    async send(to, subject) {
      const result = await web.account<{ Submissions: { QueueMsgID: number }[] }>('Send', { To: to.map((Address) => ({ Address })), Subject: subject, Text: 'Hello from the page tests.\n' });
      await node.settle();
      return result.Submissions.map((s) => s.QueueMsgID);
    },
    admin: (method, request) => post(`${node.url}/adminapi/v0/${method}`, basic('admin', ADMIN_PASSWORD), request),
    account: (method, request) => post(`${node.url}/webapi/v0/${method}`, basic(ACCOUNT.address, ACCOUNT.password), request),
    async stop() {
      await hooks.stop();
      await node.stop();
      await peer.stop();
    },
  };
  return web;
}
