// A node with sending accounts for the queue administration tests: messages are created through the real
// Send method, changed through the admin methods, and observed through the read models (queue, mailbox,
// webhooks) once the reactors (DSN mails, webhooks, holds) have handled everything appended so far.
import assert from 'node:assert/strict';
import { MAILBOX_MESSAGES_TABLE } from '../../projections/mailbox';
import { WEBHOOKS_TABLE } from '../../projections/webhooks';
import { KeepRetiredPeriodsSaveMethod, OutgoingWebhookSaveMethod } from '../../src/config/api/account-settings-methods';
import { QueueAdmin } from '../../src/queue-admin/queue-admin';
import { QueueListing } from '../../src/queue-admin/queue-listing';
import type { AdminQueueRow } from '../../src/queue-admin/queue-records';
import { HookQueries, type HookRow } from '../../src/webhooks/hook-queries';
import { accountCaller, send, setupAccount, type SendRequest } from '../sending/send-fixtures';
import type { TestNode } from '../support/test-node';

export { accountCaller, adminCaller, adminJson, startSendNode, webapiJson, PASSWORD } from '../sending/send-fixtures';

export interface Sender {
  account: string;
  address: string;
}

/** An account sending from `address` in its own domain; optionally keeping retired messages and with an outgoing webhook. */
export async function addSender(node: TestNode, s: Sender & { keepRetired?: string; webhookURL?: string }): Promise<Sender> {
  await setupAccount(node, { domain: s.address.slice(s.address.indexOf('@') + 1), account: s.account, address: s.address });
  const caller = accountCaller(s.account, s.address);
  if (s.keepRetired) await node.get(KeepRetiredPeriodsSaveMethod).handle({ KeepRetiredMessagePeriod: s.keepRetired, KeepRetiredWebhookPeriod: '24h' }, caller);
  if (s.webhookURL) await node.get(OutgoingWebhookSaveMethod).handle({ URL: s.webhookURL, Authorization: 'Bearer hook-secret', Events: [] }, caller);
  await node.settle();
  return { account: s.account, address: s.address };
}

/** Sends one message through the webapi's Send; returns the queue message ids, in recipient order. */
export async function sendTo(node: TestNode, from: Sender, to: string[], extra: Partial<SendRequest> = {}): Promise<number[]> {
  const result = await send(node, accountCaller(from.account, from.address), { To: to.map((Address) => ({ Address })), Subject: 'queue test', Text: 'Hello.\n', ...extra });
  await node.settle();
  return result.Submissions.map((s) => s.QueueMsgID);
}

/** Waits until every reactor has handled everything in the log, and the read models show what they appended. */
export async function quiet(node: TestNode, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    const head = await node.runtime.store.headPosition();
    const behind = node.runtime.reactors.status().filter((r) => r.position < head);
    if (behind.length === 0) {
      await node.settle();
      if ((await node.runtime.store.headPosition()) === head) return;
    } else if (Date.now() > deadline) {
      throw new Error(`reactors behind position ${head}: ${behind.map((r) => `${r.name} at ${r.position}${r.error ? ` (${r.error})` : ''}`).join(', ')}`);
    }
    await new Promise((r) => setTimeout(r, 5));
  }
}

export const row = (node: TestNode, id: number): AdminQueueRow | null => new QueueListing(node.runtime.readDb).get(id);

export function queuedRow(node: TestNode, id: number): AdminQueueRow {
  const r = row(node, id);
  assert.ok(r && !r.Retired, `message ${id} is queued`);
  return r;
}

export const admin = (node: TestNode) => node.get(QueueAdmin);

/** Mailbox messages of an account in its Inbox that are DSNs. */
export function inboxDsns(node: TestNode, account: string): { MsgID: number; Meta: { DSN: boolean; RcptTo: string } }[] {
  return (node.runtime.readDb.prepare(`SELECT MsgID, Meta FROM ${MAILBOX_MESSAGES_TABLE} WHERE Account = ? AND Mailbox = 'Inbox' ORDER BY MsgID`).all(account) as { MsgID: number; Meta: string }[])
    .map((r) => ({ MsgID: r.MsgID, Meta: JSON.parse(r.Meta) }))
    .filter((r) => r.Meta.DSN);
}

/** Webhooks (pending and retired) queued for a message. */
export function hooksOfMessage(node: TestNode, queueMsgId: number): HookRow[] {
  const hookIds = (node.runtime.readDb.prepare(`SELECT ID FROM ${WEBHOOKS_TABLE} WHERE QueueMsgID = ? ORDER BY ID`).all(queueMsgId) as { ID: number }[]).map((r) => r.ID);
  const hooks = new HookQueries(node.runtime.readDb);
  return hookIds.map((id) => hooks.get(id)!);
}

/** Event types of a message's own stream. */
export async function streamTypes(node: TestNode, id: number): Promise<string[]> {
  return (await node.runtime.store.readStream(`message-${id}`)).map((e) => e.type);
}
