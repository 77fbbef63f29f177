// Delivers a received message to one accepted recipient, into the account's Inbox (mox delivers to the
// Inbox when no rule says otherwise). A recipient localpart that carries a fromid of one of the account's
// sent messages (reference 5, "Matching DSNs") makes the message a reply about that message: it is still
// stored, with source `dsn` so no incoming webhook announces it (reference 2.4), and a DsnReceived event
// on the sent message says what it reported. Any other message is stored with source `smtp`, which the
// incoming webhook reactor announces.
import type { ConfigView } from '../config/config-view';
import type { QueueQueries } from '../delivery/queue-queries';
import type { MailboxService, ReceivedMeta } from '../mailbox/mailbox-service';
import type { Runtime } from '../runtime/runtime';
import type { SuppressionService } from '../suppression/suppression-service';
import { fromIDCandidate } from './dsn-matching/addresses';
import { interpretDsn, type DsnInterpretation } from './dsn-matching/dsn-interpretation';
import { recordDsnReceived } from './dsn-matching/dsn-received';
import { findFromIDMessage } from './dsn-matching/fromid-message';
import type { AcceptedRecipient } from './recipient-policy';

export interface ReceivedMessage {
  /** The message as received. */
  raw: Buffer;
  /** Trace fields put in front of the stored copy (Return-Path, Authentication-Results, Received). */
  prefix: string;
  /** The message's Message-ID, with <>; "" when it has none. */
  messageID: string;
  /** Everything but RcptTo, which is per recipient. */
  meta: Omit<ReceivedMeta, 'RcptTo'>;
  now: Date;
  correlationId: string;
}

export type DeliveryResult =
  | { kind: 'mailbox'; msgId: number }
  | { kind: 'dsn'; msgId: number; queueMsgId: number; interpretation: DsnInterpretation };

export interface IncomingDeliveryDependencies {
  runtime: Runtime;
  config: ConfigView;
  mailboxes: MailboxService;
  suppressions: SuppressionService;
  queue: QueueQueries;
}

export async function deliverToRecipient(deps: IncomingDeliveryDependencies, message: ReceivedMessage, rcpt: AcceptedRecipient): Promise<DeliveryResult> {
  const raw = message.prefix === '' ? message.raw : Buffer.concat([Buffer.from(message.prefix), message.raw]);
  const meta: ReceivedMeta = { ...message.meta, RcptTo: rcpt.rcptTo };
  const fromID = fromIDCandidate(rcpt.localpart, rcpt.domainConfig?.LocalpartCatchallSeparators ?? []);
  const sent = findFromIDMessage(deps.runtime.readDb, rcpt.account, fromID);
  const append = (source: 'smtp' | 'dsn', dsn: boolean) =>
    deps.mailboxes.append({ account: rcpt.account, mailbox: 'Inbox', raw, flags: [], meta: { ...meta, DSN: dsn }, source, now: message.now });
  if (!sent) return { kind: 'mailbox', msgId: await append('smtp', meta.DSN) };

  const interpretation = interpretDsn(message.raw, sent.RecipientAddress);
  const msgId = await append('dsn', meta.DSN || interpretation.DSN);
  await recordDsnReceived(
    { runtime: deps.runtime, suppressions: deps.suppressions, queue: deps.queue },
    { row: sent, interpretation, mailboxMsgId: msgId, incomingMessageId: message.messageID, now: message.now },
    message.correlationId,
  );
  deps.runtime.logger.info(
    { account: rcpt.account, queueMsgId: sent.ID, fromID, event: interpretation.Event, reader: interpretation.Reader, code: interpretation.Code },
    'reply to a sent message received',
  );
  return { kind: 'dsn', msgId, queueMsgId: sent.ID, interpretation };
}
