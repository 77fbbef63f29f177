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
import { holdMessage } from '../holdrules/hold-messages';
import type { HoldRule } from '../holdrules/holdrule-events';
import { firstMatchingRule } from '../holdrules/holdrule-matching';
import { readHoldRules } from '../holdrules/holdrule-store';
import { submissionStream, type MessageQueuedData, type QueuedRecipient } from '../queue/message-events';
import type { Runtime } from '../runtime/runtime';
import type { FutureRelease } from './future-release';
import { IDEMPOTENCY_WINDOW_MS, idempotentSubmissionId } from './idempotency';
import { addressText, type SmtpAddress } from './smtp-address';

export interface SubmissionRecipient {
  /** The recipient as the caller wrote it: reported back (Submission.Address) and used for suppression and DSN matching. */
  address: string;
  recipient: SmtpAddress;
  /** The envelope sender (MAIL FROM) for this recipient; with fromid it carries the FromID. */
  sender: SmtpAddress;
  /** "" when fromid is not used. */
  fromID: string;
  /** Headers to prepend for this recipient (Received, DKIM-Signature), CRLF-terminated. */
  msgPrefix: string;
}

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

function checkFromIDs(runtime: Runtime, recipients: SubmissionRecipient[]): void {
  const seen = new Set<string>();
  const inQueue = runtime.readDb.prepare(`SELECT 1 FROM ${QUEUE_TABLE} WHERE FromID = ? LIMIT 1`);
  for (const { fromID } of recipients) {
    if (fromID === '') continue;
    // Unique over queued and retired messages, as mox checks Msg and MsgRetired: a DSN names one message.
    if (seen.has(fromID) || inQueue.get(fromID) !== undefined) throw new FromIDInUse(fromID);
    seen.add(fromID);
  }
}

function has8bit(message: Buffer, prefixes: string[]): boolean {
  return message.some((b) => b >= 0x80) || prefixes.some((p) => /[^\x00-\x7f]/.test(p));
}

/** mox queue.Add: recipients share a BaseID (the first id) when all have the same sender and prefix, so one SMTP transaction can carry them. */
function baseIdOf(recipients: SubmissionRecipient[], ids: number[], smtputf8: boolean): number {
  if (recipients.length < 2) return 0;
  const sender = addressText(recipients[0].sender, smtputf8);
  const same = recipients.every((r) => addressText(r.sender, smtputf8) === sender && r.msgPrefix === recipients[0].msgPrefix);
  return same ? ids[0] : 0;
}

function queuedRecipients(req: QueueSubmissionRequest, ids: number[], rules: HoldRule[]): QueuedRecipient[] {
  const baseId = baseIdOf(req.recipients, ids, req.smtputf8);
  return req.recipients.map((r, i) => {
    const row = {
      QueueMsgID: ids[i],
      BaseID: baseId,
      FromID: r.fromID,
      SenderLocalpart: r.sender.localpart,
      SenderDomain: r.sender.domain.ascii,
      SenderDomainStr: r.sender.domain.unicode,
      RecipientLocalpart: r.recipient.localpart,
      RecipientDomain: r.recipient.domain.ascii,
      RecipientDomainStr: r.recipient.domain.unicode,
      RecipientAddress: r.address,
      MsgPrefix: r.msgPrefix,
      Hold: false,
    };
    row.Hold = firstMatchingRule(rules, { SenderAccount: req.account, SenderDomain: row.SenderDomain, RecipientDomain: row.RecipientDomain }) !== null;
    return row;
  });
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
  const recipients = queuedRecipients(req, ids, rules);
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
  const held = await holdForRulesAddedMeanwhile(runtime, data, rules, metadataOf(ctx));
  return { result: data.Result, repeated: false, submissionId, queueMsgIds: ids, held };
}

/**
 * A rule added after this submission read the rules, but before the rule's own sweep saw these messages,
 * would let them through: the submission looks once more now that the read models include it. (Either
 * the rule's sweep sees the messages or this look sees the rule, as both wait for the read models to
 * reach their own append.)
 */
async function holdForRulesAddedMeanwhile(runtime: Runtime, data: MessageQueuedData, before: HoldRule[], metadata: ReturnType<typeof metadataOf>): Promise<boolean[]> {
  const known = new Set(before.map((r) => r.ID));
  const added = readHoldRules(runtime.readDb).filter((r) => !known.has(r.ID));
  const held = data.Recipients.map((r) => r.Hold);
  if (added.length === 0) return held;
  for (const [i, r] of data.Recipients.entries()) {
    if (r.Hold) continue;
    const rule = firstMatchingRule(added, { SenderAccount: data.SenderAccount, SenderDomain: r.SenderDomain, RecipientDomain: r.RecipientDomain });
    if (!rule) continue;
    // Held now, by this call or by the rule's own sweep.
    await holdMessage(runtime, r.QueueMsgID, rule.ID, metadata);
    held[i] = true;
  }
  return held;
}
