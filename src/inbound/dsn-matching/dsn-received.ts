// Records what an incoming reply says about a sent message: one DsnReceived event in the message's own
// stream (`message-<QueueMsgID>`), from which the outgoing webhook follows (OutgoingWebhookReactor) and,
// for a failure that suppresses, the suppression list entry (SuppressAfterDsn). The suppression rules are
// the queue's own (reference 4 (b)): a failed DSN with an SMTP code is judged like a final failure, with
// source "DSN".
import { newCommandContext, appendDecided, type DecidedEvent } from '../../core/command-handling';
import { summaryOf } from '../../delivery/outcome-events';
import type { QueueQueries, QueueRow } from '../../delivery/queue-queries';
import { messageStream, type MessageEvent } from '../../queue/message-events';
import type { Runtime } from '../../runtime/runtime';
import { decideFailureSuppression, type SuppressionDecision } from '../../suppression/failure-suppression';
import type { SuppressionService } from '../../suppression/suppression-service';
import type { DsnInterpretation } from './dsn-interpretation';

type DsnReceived = Extract<MessageEvent, { type: 'DsnReceived' }>;

export interface DsnReceivedInput {
  row: QueueRow;
  interpretation: DsnInterpretation;
  suppression: SuppressionDecision;
  mailboxMsgId: number | null;
  /** The reply's own Message-ID, with <>. */
  incomingMessageId: string;
  now: Date;
}

/** Pure: the event, with mox's result for the retired message (Start now, no duration). */
export function decideDsnReceived(input: DsnReceivedInput): DecidedEvent<'DsnReceived', DsnReceived['data']> {
  const i = input.interpretation;
  return {
    type: 'DsnReceived',
    data: {
      QueueMsgID: input.row.ID,
      Message: summaryOf(input.row, input.row.Attempts),
      Event: i.Event,
      DSN: i.DSN,
      Result: { Start: input.now.toISOString(), Duration: 0, Success: i.Success, Code: i.Code, Secode: i.Secode, Error: i.Error },
      Suppressing: input.suppression.suppressing,
      SuppressionReason: input.suppression.reason,
      MailboxMsgID: input.mailboxMsgId,
      IncomingMessageID: input.incomingMessageId,
    },
  };
}

export interface DsnDependencies {
  runtime: Runtime;
  suppressions: SuppressionService;
  queue: QueueQueries;
}

/** The codes the suppression rules see: a status made up from wording alone never blocks at once. */
export function suppressionCodes(interpretation: DsnInterpretation): { code: number; secode: string } {
  return { code: interpretation.Code, secode: interpretation.SecodeGuessed ? '' : interpretation.Secode };
}

/** Only a failure is judged, and only one with a reply code (mox: "no code/secode in dsn for failed delivery"). */
export function suppressionFor(deps: DsnDependencies, row: QueueRow, interpretation: DsnInterpretation): SuppressionDecision {
  if (interpretation.Event !== 'failed') return { suppressing: false, reason: '' };
  const recipient = { localpart: row.RecipientLocalpart, domainASCII: row.RecipientDomain, domainUnicode: row.RecipientDomainStr };
  return decideFailureSuppression({
    ...suppressionCodes(interpretation),
    source: 'DSN',
    alreadyListed: deps.suppressions.lookup(row.SenderAccount, recipient) !== null,
    previous: deps.queue.recentRetired(row.SenderAccount, row.RecipientAddress, row.ID).map((r) => r.Success),
  });
}

/**
 * Appends DsnReceived. No expected revision: the fact does not depend on the message's state, and a
 * delivery attempt in flight recognises foreign events on its stream (delivery/claim.ts standingOf).
 */
export async function recordDsnReceived(deps: DsnDependencies, input: Omit<DsnReceivedInput, 'suppression'>, correlationId?: string): Promise<DsnReceived['data']> {
  const event = decideDsnReceived({ ...input, suppression: suppressionFor(deps, input.row, input.interpretation) });
  const ctx = newCommandContext(input.now, correlationId);
  const appended = await appendDecided(deps.runtime.store, messageStream(input.row.ID), [event], ctx, 'any');
  if (appended) await deps.runtime.projections.waitFor(appended.position);
  return event.data;
}
