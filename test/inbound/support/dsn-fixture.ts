// A node that sends with fromid and hears back: account `retired` (mjl@mox.example, fromid login
// mjl+fromid@mox.example, retired messages kept, outgoing and incoming webhooks to a receiver), its mail
// delivered by the delivery worker to an SMTP peer on loopback, and replies injected over SMTP to the
// node's incoming port.
import { IncomingWebhookSaveMethod, KeepRetiredPeriodsSaveMethod, OutgoingWebhookSaveMethod } from '../../../src/config/api/account-settings-methods';
import { accountCaller, eventsUntil } from '../../support/delivery-node';
import { SmtpPeer } from '../../support/smtp-peer';
import { send, setupAccount } from '../../sending/send-fixtures';
import { startReceiver, type ReceivedCall, type Receiver } from '../../webhooks/support/receiver';
import { startInboundNode, type InboundNode, type InboundNodeOptions } from './inbound-node';
import { RawSmtpClient, type Reply } from './raw-smtp-client';

export const SENDER = { account: 'retired', address: 'mjl@mox.example', fromIDLogin: 'mjl+fromid@mox.example' };

export interface DsnFixture {
  node: InboundNode;
  peer: SmtpPeer;
  receiver: Receiver;
  /** The account has webhooks (outgoing to /out, incoming to /in). */
  webhooks: boolean;
  /** Webhook calls before the last send or injection: outgoingCall looks only at later ones. */
  mark: number;
  stop(): Promise<void>;
}

export async function startDsnFixture(options: InboundNodeOptions & { webhooks?: boolean } = {}): Promise<DsnFixture> {
  const peer = await new SmtpPeer().start();
  const receiver = await startReceiver();
  const node = await startInboundNode({ ...options, peerPort: peer.port, delivery: true });
  await setupAccount(node, { domain: 'mox.example', account: SENDER.account, address: SENDER.address, fromIDLogins: [SENDER.fromIDLogin] });
  const caller = accountCaller(SENDER.account, SENDER.address);
  await node.get(KeepRetiredPeriodsSaveMethod).handle({ KeepRetiredMessagePeriod: '72h', KeepRetiredWebhookPeriod: '72h' }, caller);
  const webhooks = options.webhooks ?? true;
  if (webhooks) {
    await node.get(OutgoingWebhookSaveMethod).handle({ URL: `${receiver.url}/out`, Authorization: '', Events: [] }, caller);
    await node.get(IncomingWebhookSaveMethod).handle({ URL: `${receiver.url}/in`, Authorization: '' }, caller);
  }
  await node.settle();
  await node.startWebhooks();
  return {
    node,
    peer,
    receiver,
    webhooks,
    mark: 0,
    async stop() {
      await node.stop();
      await peer.stop();
      await receiver.close();
    },
  };
}

export interface SentMessage {
  queueMsgId: number;
  fromID: string;
  /** Where replies about it go: mjl+<fromid>@mox.example. */
  replyAddress: string;
}

/** Sends through webapi Send as the fromid login, and waits until the delivery worker has delivered it. */
export async function sendAndDeliver(f: DsnFixture, to: string, subject = 'hello'): Promise<SentMessage> {
  f.mark = f.receiver.calls.length;
  const result = await send(f.node, accountCaller(SENDER.account, SENDER.fromIDLogin), { To: [{ Address: to }], Subject: subject, Text: 'hello' });
  const { QueueMsgID, FromID } = result.Submissions[0];
  await eventsUntil(f.node, QueueMsgID, (types) => types.includes('MessageRetired'), `message ${QueueMsgID} delivered`);
  // Wait for its webhook, so a later one for the same message does not supersede it while pending.
  if (f.webhooks) await outgoingCall(f, QueueMsgID, 'delivered');
  return { queueMsgId: QueueMsgID, fromID: FromID, replyAddress: `mjl+${FromID}@mox.example` };
}

/** One SMTP transaction to the node's incoming port; the reply to DATA (or the first refusal). */
export async function inject(f: DsnFixture, rcptTo: string, message: Buffer | string, mailFrom = ''): Promise<Reply> {
  f.mark = f.receiver.calls.length;
  const client = await RawSmtpClient.connect(f.node.smtpPort);
  try {
    await client.ehlo('mx.remote.example');
    const t = await client.transaction(mailFrom, [rcptTo], message);
    return t.data ?? t.rcpt.find((r) => r.code !== 250) ?? t.mail;
  } finally {
    await client.quit();
  }
}

/** The parsed payload of the outgoing webhook call for a message and event, once it arrived. */
export async function outgoingCall(f: DsnFixture, queueMsgId: number, event: string, ms = 10_000): Promise<Record<string, any>> {
  const deadline = Date.now() + ms;
  for (;;) {
    const call = f.receiver.calls.slice(f.mark).find((c: ReceivedCall) => c.path === '/out' && matches(c, queueMsgId, event));
    if (call) return JSON.parse(call.body);
    if (Date.now() > deadline) {
      const seen = f.receiver.calls.map((c) => `${c.path} ${c.body.slice(0, 120)}`).join('\n');
      throw new Error(`no outgoing webhook ${event} for message ${queueMsgId} within ${ms} ms; calls:\n${seen}`);
    }
    await new Promise((r) => setTimeout(r, 10));
  }
}

function matches(call: ReceivedCall, queueMsgId: number, event: string): boolean {
  const body = JSON.parse(call.body) as { QueueMsgID?: number; Event?: string };
  return body.QueueMsgID === queueMsgId && body.Event === event;
}

/** Incoming webhook payloads received so far. */
export function incomingCalls(f: DsnFixture): Record<string, any>[] {
  return f.receiver.calls.filter((c) => c.path === '/in').map((c) => JSON.parse(c.body));
}
