// A test node for webhooks: accounts with webhook settings made through the configuration's own API
// methods, message facts appended the way the delivery worker appends them, and the webhook worker with a
// fixed jitter and quick polling, started on demand. Time moves with the node's manual clock.
import {
  IncomingWebhookSaveMethod,
  KeepRetiredPeriodsSaveMethod,
  OutgoingWebhookSaveMethod,
  WebhookSecretSaveMethod,
} from '../../../src/config/api/account-settings-methods';
import type { ContentRef } from '../../../src/content/content-events';
import { appendDecided, newCommandContext } from '../../../src/core/command-handling';
import type { StoredEvent } from '../../../src/event-store/event-store';
import { messageStream, type MessageSummary, type MsgResult } from '../../../src/queue/message-events';
import { HookQueries, type HookRow } from '../../../src/webhooks/hook-queries';
import { WebhookWorker } from '../../../src/webhooks/webhook-worker';
import { accountCaller, eventually, setupSender } from '../../support/delivery-node';
import { startTestNode, type TestNode, type TestNodeOptions } from '../../support/test-node';

export interface WebhookNode extends TestNode {
  worker: WebhookWorker;
  hooks: HookQueries;
  startWorker(): Promise<void>;
}

export async function startWebhookNode(options: TestNodeOptions = {}): Promise<WebhookNode> {
  const node = await startTestNode({ ...options, services: [] });
  const worker = node.get(WebhookWorker);
  worker.settings.pollMs = 5;
  worker.settings.jitter = () => 0;
  worker.client.settings.timeoutMs = 5_000;
  let started = false;
  const stop = node.stop.bind(node);
  return Object.assign(node, {
    worker,
    hooks: new HookQueries(node.runtime.readDb),
    async startWorker() {
      started = true;
      await worker.start();
    },
    async stop() {
      if (started) await worker.stop();
      await stop();
    },
  });
}

export interface HookAccount {
  account: string;
  address: string;
  outgoing?: { URL: string; Authorization?: string; Events?: string[] };
  incoming?: { URL: string; Authorization?: string };
  secret?: string;
  keepRetiredWebhookPeriod?: string;
}

export async function setupHookAccount(node: TestNode, a: HookAccount): Promise<void> {
  await setupSender(node, a.account, a.address);
  const caller = accountCaller(a.account, a.address);
  if (a.outgoing) await node.get(OutgoingWebhookSaveMethod).handle({ URL: a.outgoing.URL, Authorization: a.outgoing.Authorization ?? '', Events: (a.outgoing.Events ?? []) as never }, caller);
  if (a.incoming) await node.get(IncomingWebhookSaveMethod).handle({ URL: a.incoming.URL, Authorization: a.incoming.Authorization ?? '' }, caller);
  if (a.secret) await node.get(WebhookSecretSaveMethod).handle({ Secret: a.secret }, caller);
  if (a.keepRetiredWebhookPeriod) {
    await node.get(KeepRetiredPeriodsSaveMethod).handle({ KeepRetiredMessagePeriod: '0s', KeepRetiredWebhookPeriod: a.keepRetiredWebhookPeriod }, caller);
  }
  await node.settle();
}

export function summary(account: string, queueMsgId: number, extra: Record<string, string> = {}): MessageSummary {
  const content: ContentRef = { Sha256: '0'.repeat(64), Size: 100 } as ContentRef;
  return {
    QueueMsgID: queueMsgId,
    SenderAccount: account,
    FromID: `fromid${queueMsgId}`,
    MessageID: `<m${queueMsgId}@sender.example>`,
    Subject: `message ${queueMsgId}`,
    Extra: extra,
    RecipientAddress: `rcpt${queueMsgId}@dest.example`,
    SenderAddress: `app@sender.example`,
    Content: content,
    MsgPrefix: '',
    Queued: '2025-01-01T00:00:00.000Z',
    Attempts: 1,
  };
}

export const result = (code: number, secode: string, error: string, success = false): MsgResult => ({
  Start: '2025-01-01T00:00:01.000Z',
  Duration: 1_000_000,
  Success: success,
  Code: code,
  Secode: secode,
  Error: error,
});

/** Appends one fact to message-<id> as the queue would (no expected revision: tests append in order). */
export async function appendFact(node: TestNode, queueMsgId: number, type: string, data: unknown): Promise<StoredEvent> {
  const ctx = newCommandContext(node.clock.now());
  const appended = await appendDecided(node.runtime.store, messageStream(queueMsgId), [{ type, data }], ctx, 'any');
  const [event] = await node.runtime.store.readStream(messageStream(queueMsgId), { fromRevision: appended!.nextExpectedRevision, maxCount: 1 });
  return event;
}

export const delivered = (account: string, id: number, extra: Record<string, string> = {}) => ({
  Message: summary(account, id, extra),
  Result: result(250, '0.0', '', true),
});

/** The webhook rows (pending or retired) of an account, in id order, once the read model shows `n`. */
export async function hooksOf(node: WebhookNode, account: string, n: number, what = `${n} webhooks`): Promise<HookRow[]> {
  return eventually(async () => {
    await node.settle();
    const rows = [...node.hooks.list(false, { Account: account }, { Asc: true, Field: 'Submitted' }, node.clock.now()), ...node.hooks.list(true, { Account: account }, { Asc: true, Field: 'Submitted' }, node.clock.now())].sort((a, b) => a.ID - b.ID);
    return rows.length >= n ? rows : null;
  }, what);
}

/** Waits until the webhook's row satisfies `predicate`. */
export async function hookUntil(node: WebhookNode, id: number, predicate: (row: HookRow) => boolean, what: string, ms = 10_000): Promise<HookRow> {
  return eventually(async () => {
    await node.settle();
    const row = node.hooks.get(id);
    return row && predicate(row) ? row : null;
  }, what, ms);
}

/** The (first) webhook of a message, once queued. */
export async function hookOfMessage(node: WebhookNode, queueMsgId: number, what = `the webhook of message ${queueMsgId}`): Promise<HookRow> {
  return eventually(async () => {
    await node.settle();
    const row = node.runtime.readDb.prepare('SELECT ID FROM webhooks WHERE QueueMsgID = ? ORDER BY ID LIMIT 1').get(queueMsgId) as { ID: number } | undefined;
    return row ? node.hooks.get(row.ID) : null;
  }, what);
}
