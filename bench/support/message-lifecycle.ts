// The events of one ordinary message's life, for benchmarks: queued, attempt started, attempted,
// delivered, retired.
import type { MessageQueuedData, MessageSummary } from '../../src/queue/message-events';

export function lifecycleEvents(id: number, at: Date) {
  const t = (ms: number) => new Date(at.getTime() + ms).toISOString();
  const metadata = (ms: number) => ({ now: t(ms) });
  const queued: MessageQueuedData = {
    SubmissionID: `s${id}`,
    SenderAccount: `account${id % 50}`,
    Source: 'webapi',
    Queued: t(0),
    NextAttempt: t(0),
    MessageID: `<${id}@bench.example>`,
    Subject: `Message ${id}`,
    Extra: { userid: String(id) },
    Content: { Sha256: id.toString(16).padStart(64, '0'), Size: 2000 },
    Has8bit: false,
    SMTPUTF8: false,
    RequireTLS: null,
    FutureReleaseRequest: '',
    MaxAttempts: 0,
    Transport: '',
    IdempotencyKey: null,
    Result: null,
    Recipients: [
      {
        QueueMsgID: id,
        BaseID: id,
        FromID: '',
        SenderLocalpart: 'app',
        SenderDomain: 'bench.example',
        SenderDomainStr: 'bench.example',
        RecipientLocalpart: `user${id % 5000}`,
        RecipientDomain: 'example.org',
        RecipientDomainStr: 'example.org',
        RecipientAddress: `user${id % 5000}@example.org`,
        MsgPrefix: 'Received: from bench\r\n',
        Hold: false,
      },
    ],
  };
  const result = { Start: t(10), Duration: 20_000_000, Success: true, Code: 250, Secode: '0.0', Error: '' };
  const summary: MessageSummary = {
    QueueMsgID: id,
    SenderAccount: queued.SenderAccount,
    FromID: '',
    MessageID: queued.MessageID,
    Subject: queued.Subject,
    Extra: queued.Extra,
    RecipientAddress: queued.Recipients[0].RecipientAddress,
    SenderAddress: 'app@bench.example',
    Content: queued.Content,
    MsgPrefix: queued.Recipients[0].MsgPrefix,
    Queued: queued.Queued,
    Attempts: 1,
  };
  const body = Buffer.alloc(2000, `Message ${id} body line.\r\n`);
  return {
    // The stored message: one chunk of base64 and the completion event, as ContentStore writes them.
    content: [
      { type: 'ContentChunkStored', data: { Index: 0, Data: body.toString('base64') }, metadata: metadata(0) },
      { type: 'ContentStored', data: { Sha256: queued.Content.Sha256, Size: body.length, Chunks: 1 }, metadata: metadata(0) },
    ],
    submission: { type: 'MessageQueued', data: queued, metadata: metadata(0) },
    message: [
      { type: 'DeliveryAttemptStarted', data: { QueueMsgID: id, Attempt: 1, Start: t(10), NextAttempt: t(450_000), Node: 'bench' }, metadata: metadata(10) },
      { type: 'DeliveryAttempted', data: { QueueMsgID: id, Attempt: 1, Result: result, Permanent: false, RemoteHost: 'mx.example.org' }, metadata: metadata(30) },
      { type: 'MessageDelivered', data: { Message: summary, Result: result }, metadata: metadata(30) },
      { type: 'MessageRetired', data: { QueueMsgID: id, Outcome: 'delivered', Success: true, LastActivity: t(30), KeepUntil: t(72 * 3600_000) }, metadata: metadata(30) },
    ],
  };
}
