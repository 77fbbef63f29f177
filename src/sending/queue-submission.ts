// Queues one submission: the part of sending that Send (webapi) and SMTP submission share. The caller has
// composed (or received) the message and decided the envelope; this stores the content, applies the hold
// rules and appends ONE `MessageQueued` event to `submission-<id>` holding every recipient, so all
// recipients are queued or none (reference 1.7 step 12: one queue.Add transaction). It returns once the
// read models show the messages, so the caller's next request sees them.
//
// With an idempotency key the submission stream is named after it: a repeat within 24 hours answers
// with the first call's stored result and queues nothing; two concurrent calls race for the stream's
// revision and the loser answers with the winner's result.
import { randomUUID } from 'node:crypto';
import { QUEUE_TABLE } from '../../projections/queue';
import { newCommandContext, metadataOf } from '../core/command-handling';
import { ExpectedRevisionConflict, type ExpectedRevision, type StoredEvent } from '../event-store/event-store';
import { holdForRulesAddedSince } from '../holdrules/hold-messages';
import { readHoldRules } from '../holdrules/holdrule-store';
import { submissionStream, type MessageQueuedData } from '../queue/message-events';
import type { Runtime } from '../runtime/runtime';
import type { FutureRelease } from './future-release';
import { IDEMPOTENCY_WINDOW_MS, idempotentSubmissionId } from './idempotency';
import { has8bit, queuedRecipients, type SubmissionRecipient } from './queued-recipients';

export type { SubmissionRecipient } from './queued-recipients';

export interface QueueSubmissionRequest {
  account: string;
  source: MessageQueuedData['Source'];
  /** The message without the per-recipient prefix. */
  message: Buffer;
  /** In the order they are to be numbered (Send: To, CC, BCC). */
  recipients: SubmissionRecipient[];
  /** With `<>`, "" when the message has none. */
  messageID: string;
  subject: string;
  extra: Record<string, string>;
  smtputf8: boolean;
  requireTLS: boolean | null;
  futureRelease: FutureRelease | null;
  /** The caller's Idempotency-Key, already checked (idempotency.ts), or null. */
  idempotencyKey: string | null;
  /** What the caller answers, from the queue message ids given to the recipients (in order); stored for repeats. */
  result: (queueMsgIds: number[]) => unknown;
  now: Date;
  correlationId?: string;
}

export interface QueueSubmissionOutcome {
  result: unknown;
  /** True when this call queued nothing: its idempotency key was seen within 24 hours, or a concurrent call with it won. */
  repeated: boolean;
  submissionId: string;
  /** The queued messages' ids in recipient order (the first call's, for a repeat). */
  queueMsgIds: number[];
  /** Per recipient: held by a hold rule at queue time or just after. */
  held: boolean[];
}

/** A FromID is already used by a queued or retired message, or twice in one submission. */
export class FromIDInUse extends Error {
  override readonly name = 'FromIDInUse';
  constructor(readonly fromID: string) {
    super(`fromid ${fromID} is already used by another message`);
  }
}

type QueuedEvent = StoredEvent<'MessageQueued', MessageQueuedData>;

function outcomeOf(event: QueuedEvent, repeated: boolean): QueueSubmissionOutcome {
  return {
    result: event.data.Result,
    repeated,
    submissionId: event.data.SubmissionID,
    queueMsgIds: event.data.Recipients.map((r) => r.QueueMsgID),
    held: event.data.Recipients.map((r) => r.Hold),
  };
}

async function lastQueued(runtime: Runtime, streamId: string): Promise<QueuedEvent | null> {
  const [last] = await runtime.store.readStream(streamId, { direction: 'backwards', maxCount: 1 });
  return last && last.type === 'MessageQueued' ? (last as QueuedEvent) : null;
}

const withinWindow = (event: QueuedEvent, now: Date) => now.getTime() - new Date(event.data.Queued).getTime() < IDEMPOTENCY_WINDOW_MS;

/** The first call's outcome when `key` was used by the account within the last 24 hours, else null. */
export async function findRepeatedSubmission(runtime: Runtime, account: string, key: string, now: Date): Promise<QueueSubmissionOutcome | null> {
  const last = await lastQueued(runtime, submissionStream(idempotentSubmissionId(account, key)));
  return last && withinWindow(last, now) ? outcomeOf(last, true) : null;
}

const fromIDQueries = new WeakMap<Runtime['readDb'], ReturnType<Runtime['readDb']['prepare']>>();

function checkFromIDs(runtime: Runtime, recipients: SubmissionRecipient[]): void {
  if (recipients.every((r) => r.fromID === '')) return;
  const seen = new Set<string>();
  let inQueue = fromIDQueries.get(runtime.readDb);
  if (!inQueue) fromIDQueries.set(runtime.readDb, (inQueue = runtime.readDb.prepare(`SELECT 1 FROM ${QUEUE_TABLE} WHERE FromID = ? LIMIT 1`)));
  for (const { fromID } of recipients) {
    if (fromID === '') continue;
    // Unique over queued and retired messages, as mox checks Msg and MsgRetired: a DSN names one message.
    if (seen.has(fromID) || inQueue.get(fromID) !== undefined) throw new FromIDInUse(fromID);
    seen.add(fromID);
  }
}

export async function queueSubmission(runtime: Runtime, req: QueueSubmissionRequest): Promise<QueueSubmissionOutcome> {
  if (req.recipients.length === 0) throw new Error('a submission needs at least one recipient');
  let submissionId: string;
  let expected: ExpectedRevision = 'no_stream';
  if (req.idempotencyKey !== null) {
    submissionId = idempotentSubmissionId(req.account, req.idempotencyKey);
    const last = await lastQueued(runtime, submissionStream(submissionId));
    if (last && withinWindow(last, req.now)) return outcomeOf(last, true);
    // An older use of the key: queue anew after it, on the revision just read.
    if (last) expected = last.revision;
  } else {
    submissionId = randomUUID();
  }
  checkFromIDs(runtime, req.recipients);
  const content = await runtime.content.put(req.message, req.now);
  const ids = await runtime.ids.queueMsg.take(req.recipients.length);
  const rules = readHoldRules(runtime.readDb);
  const recipients = queuedRecipients(req.account, req.recipients, ids, req.smtputf8, rules);
  const now = req.now.toISOString();
  const data: MessageQueuedData = {
    SubmissionID: submissionId,
    SenderAccount: req.account,
    Source: req.source,
    Queued: now,
    NextAttempt: req.futureRelease ? req.futureRelease.at.toISOString() : now,
    MessageID: req.messageID,
    Subject: req.subject,
    Extra: req.extra,
    Content: content,
    Has8bit: has8bit(req.message, recipients.map((r) => r.MsgPrefix)),
    SMTPUTF8: req.smtputf8,
    RequireTLS: req.requireTLS,
    FutureReleaseRequest: req.futureRelease?.request ?? '',
    MaxAttempts: 0,
    Transport: '',
    Recipients: recipients,
    IdempotencyKey: req.idempotencyKey,
    Result: req.result(ids),
  };
  const ctx = newCommandContext(req.now, req.correlationId);
  const streamId = submissionStream(submissionId);
  let position: number;
  try {
    const appended = await runtime.store.appendToStream(streamId, [{ id: `${ctx.commandId}:${streamId}:0`, type: 'MessageQueued', data, metadata: metadataOf(ctx) }], {
      expectedRevision: expected,
    });
    position = appended.position;
  } catch (err) {
    if (!(err instanceof ExpectedRevisionConflict) || req.idempotencyKey === null) throw err;
    // A concurrent call with the same key queued first: answer as it did.
    const winner = await lastQueued(runtime, streamId);
    if (!winner) throw err;
    await runtime.projections.waitFor(winner.position);
    return outcomeOf(winner, true);
  }
  await runtime.projections.waitFor(position);
  // A rule added while this was queued may have missed these messages in its own sweep.
  const held = await holdForRulesAddedSince(runtime, data, rules, metadataOf(ctx));
  return { result: data.Result, repeated: false, submissionId, queueMsgIds: ids, held };
}
