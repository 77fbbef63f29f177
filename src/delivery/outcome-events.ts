// The events that record how an attempt ended, decided without I/O: everything that needs a lookup
// (retention, the suppression decision) arrives as data. Each outcome is one append to the message's
// stream: DeliveryAttempted (the attempt's result) and then what it means for the message (mox
// failMsgsTx / retireMsgs): delivered, delayed, failed or suppressed, a final one followed by
// MessageRetired.
import type { DecidedEvent } from '../core/command-handling';
import type { MessageEvent, MessageSummary, MsgResult } from '../queue/message-events';
import type { SuppressionDecision } from '../suppression/failure-suppression';
import type { AttemptError } from './attempt-error';
import type { QueueRow } from './queue-queries';
import { DELAY_DSN_ATTEMPT, maxAttemptsOf } from './retry-schedule';

export type Decided = DecidedEvent<MessageEvent['type'], MessageEvent['data']>;

/** The attempt as the message's stream knows it after the claim. */
export interface ClaimedAttempt {
  row: QueueRow;
  attempt: number;
  start: string;
  /** NextAttempt the claim set: when a temporary failure is retried. */
  nextAttempt: string;
}


export function summaryOf(row: QueueRow, attempts: number): MessageSummary {
  return {
    QueueMsgID: row.ID,
    SenderAccount: row.SenderAccount,
    FromID: row.FromID,
    MessageID: row.MessageID,
    Subject: row.Subject,
    Extra: row.Extra ?? {},
    RecipientAddress: row.RecipientAddress,
    SenderAddress: row.SenderAddress,
    Content: { Sha256: row.ContentSha256, Size: row.Size - Buffer.byteLength(row.MsgPrefix) },
    MsgPrefix: row.MsgPrefix,
    Queued: row.Queued,
    Attempts: attempts,
  };
}

export function failureResult(start: string, durationNs: number, error: AttemptError): MsgResult {
  return { Start: start, Duration: durationNs, Success: false, Code: error.code, Secode: error.secode, Error: error.text };
}

function attempted(claim: ClaimedAttempt, result: MsgResult, permanent: boolean, remoteHost: string, lines: string[]): Decided {
  const data: Extract<MessageEvent, { type: 'DeliveryAttempted' }>['data'] = { QueueMsgID: claim.row.ID, Attempt: claim.attempt, Result: result, Permanent: permanent, RemoteHost: remoteHost };
  if (lines.length > 0) data.SMTPLines = lines;
  return { type: 'DeliveryAttempted', data };
}

function retired(row: QueueRow, outcome: 'delivered' | 'failed' | 'suppressed' | 'canceled', now: Date, keepUntil: string | null): Decided {
  return { type: 'MessageRetired', data: { QueueMsgID: row.ID, Outcome: outcome, Success: outcome === 'delivered', LastActivity: now.toISOString(), KeepUntil: keepUntil } };
}

/** The next hop accepted the message; `result` carries its reply code (DESIGN section 5: 250, not mox's 0). */
export function deliveredEvents(claim: ClaimedAttempt, result: MsgResult, remoteHost: string, now: Date, keepUntil: string | null): Decided[] {
  return [
    attempted(claim, result, false, remoteHost, []),
    { type: 'MessageDelivered', data: { Message: summaryOf(claim.row, claim.attempt), Result: result } },
    retired(claim.row, 'delivered', now, keepUntil),
  ];
}

/**
 * A failed attempt: final when permanent or when it was the last allowed attempt, else retried at the
 * claim's NextAttempt with a `delayed` event (DelayDSN after attempt 5, as mox).
 */
export function failedEvents(
  claim: ClaimedAttempt,
  error: AttemptError,
  result: MsgResult,
  remoteHost: string,
  now: Date,
  keepUntil: string | null,
  suppression: SuppressionDecision,
): Decided[] {
  const summary = summaryOf(claim.row, claim.attempt);
  const last = claim.attempt >= maxAttemptsOf(claim.row.MaxAttempts);
  if (!error.permanent && !last) {
    return [
      attempted(claim, result, false, remoteHost, error.lines),
      { type: 'DeliveryDelayed', data: { Message: summary, Result: result, NextAttempt: claim.nextAttempt, DelayDSN: claim.attempt === DELAY_DSN_ATTEMPT } },
    ];
  }
  return [
    attempted(claim, result, error.permanent, remoteHost, error.lines),
    {
      type: 'MessageFailed',
      data: {
        Message: summary,
        Result: result,
        Reason: error.permanent ? 'permanent' : 'attempts',
        Suppressing: suppression.suppressing,
        SuppressionReason: suppression.reason,
      },
    },
    retired(claim.row, 'failed', now, keepUntil),
  ];
}

/** The recipient is on the sender account's suppression list: permanent, code 0, no connection made. */
export function suppressedEvents(claim: ClaimedAttempt, result: MsgResult, now: Date, keepUntil: string | null): Decided[] {
  return [
    attempted(claim, result, true, '', []),
    { type: 'MessageSuppressed', data: { Message: summaryOf(claim.row, claim.attempt), Result: result } },
    retired(claim.row, 'suppressed', now, keepUntil),
  ];
}

/** mox Fail / Drop (reference 3.7): "delivery canceled by admin", code 0, never a suppression. */
export function adminFinalEvents(row: QueueRow, kind: 'fail' | 'drop', now: Date, keepUntil: string | null): Decided[] {
  const result: MsgResult = { Start: now.toISOString(), Duration: 0, Success: false, Code: 0, Secode: '', Error: 'delivery canceled by admin' };
  const Message = summaryOf(row, row.Attempts);
  if (kind === 'drop') return [{ type: 'MessageCanceled', data: { Message, Result: result } }, retired(row, 'canceled', now, keepUntil)];
  return [
    { type: 'MessageFailed', data: { Message, Result: result, Reason: 'admin', Suppressing: false, SuppressionReason: '' } },
    retired(row, 'failed', now, keepUntil),
  ];
}
