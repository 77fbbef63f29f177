// Queues a message the way a submission does (one MessageQueued event in a `submission-<id>` stream,
// content stored through ContentStore), with every knob delivery looks at: shared BaseID, 8-bit and
// SMTPUTF8, RequireTLS, transport, MaxAttempts, hold.
import { randomUUID } from 'node:crypto';
import { submissionStream, type MessageQueuedData, type QueuedRecipient } from '../../src/queue/message-events';
import { parseEmailAddress } from '../../src/suppression/email-address';
import type { TestNode } from './test-node';

export interface QueueMessageOptions {
  account: string;
  from: string;
  to: string[];
  subject?: string;
  body?: string;
  /** Recipients share a BaseID (one SMTP transaction); default true for several recipients. */
  shareBaseID?: boolean;
  has8bit?: boolean;
  smtputf8?: boolean;
  requireTLS?: boolean | null;
  transport?: string;
  maxAttempts?: number;
  hold?: boolean;
  msgPrefix?: string;
  nextAttempt?: Date;
  extra?: Record<string, string>;
}

export interface QueuedMessage {
  ids: number[];
  messageID: string;
  raw: Buffer;
}

export async function queueMessage(node: TestNode, o: QueueMessageOptions): Promise<QueuedMessage> {
  const now = node.clock.now();
  const messageID = `<${randomUUID()}@queued.test>`;
  const subject = o.subject ?? 'a test message';
  const raw = Buffer.from(
    [`From: <${o.from}>`, `To: ${o.to.map((t) => `<${t}>`).join(', ')}`, `Subject: ${subject}`, `Message-ID: ${messageID}`, 'MIME-Version: 1.0', 'Content-Type: text/plain; charset=utf-8', '', o.body ?? 'Hello.', ''].join('\r\n'),
  );
  const content = await node.runtime.content.put(raw, now);
  const ids = await node.runtime.ids.queueMsg.take(o.to.length);
  const sender = parseEmailAddress(o.from);
  const share = (o.shareBaseID ?? true) && o.to.length > 1;
  const recipients: QueuedRecipient[] = o.to.map((to, i) => {
    const r = parseEmailAddress(to);
    return {
      QueueMsgID: ids[i],
      BaseID: share ? ids[0] : 0,
      FromID: '',
      SenderLocalpart: sender.localpart,
      SenderDomain: sender.domainASCII,
      SenderDomainStr: sender.domainUnicode,
      RecipientLocalpart: r.localpart,
      RecipientDomain: r.domainASCII,
      RecipientDomainStr: r.domainUnicode,
      RecipientAddress: `${r.localpart}@${r.domainUnicode}`,
      MsgPrefix: o.msgPrefix ?? '',
      Hold: o.hold ?? false,
    };
  });
  const submissionId = randomUUID();
  const data: MessageQueuedData = {
    SubmissionID: submissionId,
    SenderAccount: o.account,
    Source: 'webapi',
    Queued: now.toISOString(),
    NextAttempt: (o.nextAttempt ?? now).toISOString(),
    MessageID: messageID,
    Subject: subject,
    Extra: o.extra ?? {},
    Content: content,
    Has8bit: o.has8bit ?? false,
    SMTPUTF8: o.smtputf8 ?? false,
    RequireTLS: o.requireTLS ?? null,
    FutureReleaseRequest: '',
    MaxAttempts: o.maxAttempts ?? 0,
    Transport: o.transport ?? '',
    Recipients: recipients,
    IdempotencyKey: null,
    Result: null,
  };
  await node.runtime.store.appendToStream(submissionStream(submissionId), [{ type: 'MessageQueued', data, metadata: { now: now.toISOString() } }], { expectedRevision: 'no_stream' });
  await node.settle();
  return { ids, messageID, raw };
}
